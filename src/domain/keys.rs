//! Catalogue keys of the domain's enums: [`keyed_enum!`](crate::keyed_enum) gives a data-less
//! enum its stable code and the catalogue key of its label.

/// Implements `ALL`, `code()`, `key()` and `from_code()` for a data-less enum.
///
/// `code` is the serde (snake_case) name, also usable as an HTML `<option value>`;
/// `key` is the catalogue key `"<prefix>.<code>"`.
#[macro_export]
macro_rules! keyed_enum {
    ($t:ty, $prefix:literal, { $($v:ident => $code:literal),+ $(,)? }) => {
        impl $t {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$v),+];
            /// The stable code (the serde name).
            pub fn code(&self) -> &'static str {
                match self { $(Self::$v => $code),+ }
            }
            /// The catalogue key of the value's label.
            pub fn key(&self) -> &'static str {
                match self { $(Self::$v => concat!($prefix, ".", $code)),+ }
            }
            /// Parses a code produced by [`Self::code`].
            pub fn from_code(s: &str) -> Option<Self> {
                match s { $($code => Some(Self::$v),)+ _ => None }
            }
        }
    };
}
