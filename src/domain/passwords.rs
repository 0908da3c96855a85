//! Password hashing with argon2id at OWASP's recommended cost (m=19 MiB, t=2, p=1).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`) with a fresh random salt.
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("hashing with valid parameters and salt cannot fail")
        .to_string()
}

/// Whether `password` matches the stored PHC string; a malformed hash never matches.
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| hasher().verify_password(password.as_bytes(), &parsed).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_with_owasp_parameters_and_verifies() {
        let phc = hash("correct horse");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify("correct horse", &phc));
        assert!(!verify("wrong horse", &phc));
        assert!(!verify("correct horse", "not a hash"));
        assert_ne!(hash("correct horse"), phc, "salts differ");
    }
}

/// The shortest password accepted; length is what makes a password strong.
pub const MIN_LENGTH: usize = 10;
const MAX_LENGTH: usize = 1024;

/// Why a new password cannot be used, as a message id, or `None` when it can.
pub fn rejection(password: &str, confirmation: &str, email: &str) -> Option<&'static str> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        Some("password-too-short")
    } else if length > MAX_LENGTH {
        Some("password-too-long")
    } else if password != confirmation {
        Some("password-mismatch")
    } else if password.eq_ignore_ascii_case(email) {
        Some("password-is-email")
    } else {
        None
    }
}

#[cfg(test)]
mod rule_tests {
    use super::*;

    #[test]
    fn new_passwords_must_be_long_confirmed_and_not_the_email() {
        assert_eq!(rejection("short", "short", "a@b.org"), Some("password-too-short"));
        assert_eq!(
            rejection("long enough 1", "long enough 2", "a@b.org"),
            Some("password-mismatch")
        );
        assert_eq!(
            rejection("someone@example.org", "someone@example.org", "Someone@example.org"),
            Some("password-is-email")
        );
        assert_eq!(
            rejection("correct horse battery", "correct horse battery", "a@b.org"),
            None
        );
    }
}
