/* Rust's std (1.78 on) draws its random bytes from ProcessPrng in bcryptprimitives.dll, which
 * Wine 8 does not provide, so every Rust test binary fails to load under it. This stand-in
 * forwards to BCryptGenRandom, which Wine does implement. Only for the Wine test prefix:
 * real Windows (10 and later) ships the genuine DLL, and the app never carries this one. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* BCryptGenRandom takes a ULONG length; a larger request is served in pieces. */
    while (len > 0) {
        ULONG chunk = len > 0xFFFFFFFFu ? 0xFFFFFFFFu : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    /* ProcessPrng is documented to always return TRUE; FALSE here makes a broken prefix loud. */
    return TRUE;
}
