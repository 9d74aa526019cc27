//! Policy data, apart from rule logic: code tables, yearly figures, fee data, NCCI pairs.
//! Each table names its sources; `shared/policy/README.md` holds the long form.

pub mod codes;
pub mod elements;
pub mod evaluation;
pub mod fees;
pub mod icd10;
pub mod modifiers;
pub mod ncci;
pub mod years;
