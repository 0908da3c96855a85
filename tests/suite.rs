//! The integration tests, one module per file beside this one, built as one binary:
//! linking the app into each of them separately cost minutes of every build. `api.rs`
//! stays a binary of its own because it captures the whole process's log.

mod common;

mod access;
mod action_point_sheets;
mod action_points;
mod api_action_points;
mod api_agenda;
mod api_meetings;
mod api_workplan;
mod architecture;
mod bench_data;
mod browser;
mod cli;
mod constraints;
mod directory;
mod faults;
mod form_input;
mod languages;
mod mail_links;
mod mail_worker;
mod management;
mod meeting_live;
mod meeting_mail;
mod meeting_schedule;
mod minutes;
mod operations;
mod pages;
mod reminders;
mod reporting_updates;
mod security_headers;
mod statements;
mod stored_xss;
mod translations;
mod workplan;
mod workplan_sheets;
