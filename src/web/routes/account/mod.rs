pub mod password;
pub mod profile;
