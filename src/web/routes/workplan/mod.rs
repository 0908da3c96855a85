pub mod sheets;
pub mod show;
