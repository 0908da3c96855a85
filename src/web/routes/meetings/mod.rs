pub mod agenda_template;
pub mod create;
pub mod ics;
pub mod list;
pub mod schedule;
pub mod series;
pub mod show;
pub mod update;
