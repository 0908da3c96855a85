//! The things people do that change data and may notify others: one function each, each
//! one transaction, the mail it causes queued in that same transaction. `web` and `jobs`
//! call these; these call `models` for the SQL and `mail` for the words.

pub mod accounts;
pub mod meetings;
pub mod minutes;
pub mod queue;
