#!/usr/bin/env bash
# The NSIS uninstaller must never delete the vault: builds src-tauri/windows/hooks-test.nsi
# (hooks.nsh inside the template's own delete logic) with Debian's makensis, runs it under Wine
# on a prefix holding a vault, its backups and a WebView2 cache, and checks the vault and
# backups survive while the cache goes. The same script without the hook must delete the vault,
# or the test proves nothing. Own Wine prefix: ~/.cache/loandesk-wine-nsis.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(nsis wine64)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

export WINEPREFIX="${NSIS_WINEPREFIX:-$HOME/.cache/loandesk-wine-nsis}"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=
wine=/usr/lib/wine/wine64
[ -f "$WINEPREFIX/system.reg" ] || { mkdir -p "$WINEPREFIX"; "$wine" wineboot -i; }
/usr/lib/wine/wineserver -w

user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/*/ | grep -v /Public/ | head -1)
local_app="$user_dir/AppData/Local/com.loandesk.desktop"
roaming_app="$user_dir/AppData/Roaming/com.loandesk.desktop"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seed() {
  rm -rf "$local_app" "$roaming_app"
  mkdir -p "$local_app/backups" "$local_app/EBWebView/Default" "$roaming_app"
  echo vault > "$local_app/vault.loandesk"
  echo backup > "$local_app/backups/2026-12-01.ldbackup"
  echo cache > "$local_app/EBWebView/Default/Cache"
}

run() { # $1: extra makensis flags
  local exe="$work/uninstall-test-$RANDOM.exe"
  (cd src-tauri/windows && makensis -V2 -DOUTFILE="$exe" $1 hooks-test.nsi >/dev/null)
  "$wine" "$exe" /S
  /usr/lib/wine/wineserver -w
}

seed
run ""
[ -f "$local_app/vault.loandesk" ] || { echo "FAIL: the vault was deleted" >&2; exit 1; }
[ -f "$local_app/backups/2026-12-01.ldbackup" ] || { echo "FAIL: the backups were deleted" >&2; exit 1; }
[ ! -e "$local_app/EBWebView" ] || { echo "FAIL: the WebView2 cache was kept" >&2; exit 1; }
echo "ok: with the hook, 'delete app data' keeps the vault and backups and removes the web view cache"

seed
run "-DWITHOUT_HOOK"
[ ! -e "$local_app/vault.loandesk" ] || { echo "FAIL: without the hook the vault should go: the test proves nothing" >&2; exit 1; }
echo "ok: without the hook the template's delete removes the vault (the danger is real)"
rm -rf "$local_app" "$roaming_app"
