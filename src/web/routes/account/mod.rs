pub mod notifications;
pub mod password;
pub mod profile;
pub mod tokens;
