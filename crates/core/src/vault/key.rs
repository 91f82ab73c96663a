//! Turning the officer's password into the SQLCipher key.
//!
//! Argon2id (memory-hard, as KeePassXC and Bitwarden use) runs once at unlock; every
//! connection is then opened with the raw 256-bit key, so SQLCipher's own per-connection
//! PBKDF2 is skipped. The salt is SQLCipher's own 16-byte file salt (the first bytes of the
//! vault), so the vault stays a single self-describing file.
use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Error, Result};
use crate::rule::Rule;

pub const SALT_LEN: usize = 16;
/// 128 MiB, 4 passes, 1 lane: ~0.3 s on this 2-core build machine, deliberately slow for guessing.
/// Fixed for the life of the format: changing them needs a new vault format version.
pub const KDF_MEMORY_KIB: u32 = 128 * 1024;
pub const KDF_ITERATIONS: u32 = 4;
pub const KDF_LANES: u32 = 1;

/// The derived key plus the salt it was derived with. Wiped from memory on drop.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct VaultKey {
    key: [u8; 32],
    salt: [u8; SALT_LEN],
}

impl VaultKey {
    pub fn derive(password: &str, salt: [u8; SALT_LEN]) -> Result<Self> {
        let params = Params::new(KDF_MEMORY_KIB, KDF_ITERATIONS, KDF_LANES, Some(32))
            .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
        let mut key = [0u8; 32];
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(password.as_bytes(), &salt, &mut key)
            .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
        Ok(VaultKey { key, salt })
    }

    pub fn random_salt() -> Result<[u8; SALT_LEN]> {
        let mut salt = [0u8; SALT_LEN];
        getrandom::fill(&mut salt).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
        Ok(salt)
    }

    pub fn salt(&self) -> [u8; SALT_LEN] {
        self.salt
    }

    /// `PRAGMA key` value: raw key and salt, so SQLCipher neither derives nor generates.
    pub fn pragma_value(&self) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "x'{}{}'",
            hex::encode(self.key),
            hex::encode(self.salt)
        ))
    }
}

/// A hint shown while the officer chooses a password (0 = very weak … 4 = strong).
pub fn password_strength(password: &str) -> u8 {
    let len = password.chars().count();
    let classes = [
        password.chars().any(|c| c.is_ascii_lowercase()),
        password.chars().any(|c| c.is_ascii_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_ascii_alphanumeric()),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    let mut score = match len {
        0..=7 => 0,
        8..=11 => 1,
        12..=15 => 2,
        _ => 3,
    };
    if classes >= 3 && len >= 8 {
        score += 1;
    }
    score.min(4)
}

pub const MIN_PASSWORD_CHARS: usize = 8;

pub fn check_new_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::invalid(
            "password",
            Rule::PasswordTooShort(MIN_PASSWORD_CHARS),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(password_strength("abc"), 0);
        assert!(password_strength("correct horse battery staple") > password_strength("abcdefgh"));
        assert_eq!(password_strength("Tr0ub4dor&3xyzzy"), 4);
    }

    #[test]
    fn same_password_and_salt_give_same_key() {
        let salt = [7u8; SALT_LEN];
        let a = VaultKey::derive("secret-pass", salt).map(|k| k.pragma_value());
        let b = VaultKey::derive("secret-pass", salt).map(|k| k.pragma_value());
        let c = VaultKey::derive("secret-pasS", salt).map(|k| k.pragma_value());
        assert_eq!(a.as_deref().ok(), b.as_deref().ok());
        assert_ne!(a.as_deref().ok(), c.as_deref().ok());
    }
}
