//! A composed mail, as the outbox keeps it.

pub struct Message {
    pub subject: String,
    pub text: String,
    pub html: String,
}
