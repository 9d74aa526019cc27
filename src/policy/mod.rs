//! Policy data, apart from rule logic: code tables, yearly figures, fee data, NCCI pairs.
//! Each table names its public sources.
//!
//! Tables are data a clinician can review: some of their fields and accessors (descriptions,
//! the sources of each row, sizes) are read by the tests and the docs rather than by the
//! rules, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod codes;
pub mod elements;
pub mod evaluation;
pub mod fees;
pub mod icd10;
pub mod modifiers;
pub mod ncci;
pub mod sources;
pub mod years;
