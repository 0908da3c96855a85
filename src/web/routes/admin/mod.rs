pub mod outbox;
pub mod users;
