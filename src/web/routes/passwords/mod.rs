pub mod reset;
pub mod set;
