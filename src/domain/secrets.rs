//! Random secrets for session keys and one-time links, and the hashes stored in
//! their place: a database leak gives nobody a working session or link.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// A fresh 256-bit secret, hex-encoded for cookies and URLs.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the database keeps instead of the secret.
pub fn digest(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// Compares two secrets in time independent of where they differ.
pub fn equal(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_hashed() {
        let (a, b) = (generate(), generate());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(digest(&a).len(), 32);
        assert_eq!(digest(&a), digest(&a));
        assert!(equal(&a, &a.clone()));
        assert!(!equal(&a, &b));
        assert!(!equal(&a, &a[..63]));
    }
}
