//! Wire enums: written once, their JSON names listed, parsed, printed and serialized from the
//! same line.

/// Declares an enum whose variants cross the JSON contract under the given names: the serde
/// rename, `NAMES` (for error messages), `parse` and `as_str` all come from one list, and the
/// TypeScript union is generated from it (see `tests` in `src/contract.rs`).
///
/// ```ignore
/// wire_enum! {
///     /// How much a finding matters.
///     pub enum Severity { Error = "error", Warning = "warning", Info = "info" }
/// }
/// ```
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)?
        }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        $(#[$meta])*
        $vis enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every name, as written in JSON, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($wire),+];

            /// The variant written `s` in JSON.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($wire => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// The name as written in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire),+
                }
            }
        }
    };
}

pub(crate) use wire_enum;
