//! convene: a workspace for coordination working groups.

pub mod bench_data;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod flows;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod metrics;
pub mod models;
pub mod schema;
pub mod startup;
pub mod telemetry;
pub mod web;
