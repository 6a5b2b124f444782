//! Catalogue keys of the domain's enums, one mechanism for all of them.
//!
//! Every enum whose values are shown in words implements [`Keyed`]: `key()` gives the
//! catalogue key of one value, [`Keyed::keys`] every key the type can give. Both come from
//! one declaration with [`keyed_enum!`](crate::keyed_enum), so the list a test checks
//! against the catalogues cannot drift from what the code shows.

/// A type whose values are named by catalogue keys.
pub trait Keyed {
    /// The catalogue key of this value.
    fn key(&self) -> &'static str;
    /// Every key a value of this type can give (its own keys; keys borrowed from another
    /// keyed type are listed by that type).
    fn keys() -> Vec<&'static str>;
}

/// Declares the catalogue keys of an enum and implements [`Keyed`] for it.
///
/// **Data-less enums, `"<prefix>.<code>"` keys**:
/// `keyed_enum!(Grade, "grade", { A => "a", B => "b" })` implements `ALL` (every value, in
/// display order), `code()` (the stable code: the serde name, also usable as an HTML
/// `<option value>`), `from_code()` and `key()` = `"<prefix>.<code>"`. A suffix after the
/// prefix gives keys `"<prefix>.<code><suffix>"` (`keyed_enum!(Step, "step", ".name", {…})`),
/// and further key families follow the values:
/// `keyed_enum!(Step, "step", ".name", {…}, hint_key = ".hint")` adds `hint_key()`.
///
/// **Any enum, explicit keys**: `keyed_enum!(Outcome, { Self::Open => "deal.outcome.open",
/// Self::Won { .. } => "deal.outcome.won" })` implements `key()` by matching the patterns in
/// order; `via { Self::Need(w) => w.key() }` adds arms whose key comes from another keyed
/// value.
#[macro_export]
macro_rules! keyed_enum {
    (@base $t:ty, $prefix:literal, $suffix:literal, { $($v:ident => $code:literal),+ $(,)? }) => {
        impl $t {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$v),+];
            /// The stable code (the serde name).
            pub fn code(&self) -> &'static str {
                match self { $(Self::$v => $code),+ }
            }
            /// The catalogue key of the value's label.
            pub fn key(&self) -> &'static str {
                match self { $(Self::$v => concat!($prefix, ".", $code, $suffix)),+ }
            }
            /// Parses a code produced by [`Self::code`].
            pub fn from_code(s: &str) -> Option<Self> {
                match s { $($code => Some(Self::$v),)+ _ => None }
            }
        }
    };
    (@family $prefix:literal, $fam:ident, $suffix:literal, { $($v:ident => $code:literal),+ $(,)? }) => {
        /// A further catalogue key of the value.
        pub fn $fam(&self) -> &'static str {
            match self { $(Self::$v => concat!($prefix, ".", $code, $suffix)),+ }
        }
    };
    (@keys $prefix:literal, $suffix:literal, { $($v:ident => $code:literal),+ $(,)? }) => {
        [$(concat!($prefix, ".", $code, $suffix)),+]
    };
    ($t:ty, { $($p:pat $(if $g:expr)? => $k:literal),+ $(,)? } $(, via { $($vp:pat => $ve:expr),+ $(,)? })? $(,)?) => {
        impl $t {
            /// The catalogue key of the value's label or message.
            pub fn key(&self) -> &'static str {
                match self {
                    $($p $(if $g)? => $k,)+
                    $($($vp => $ve,)+)?
                }
            }
        }
        impl $crate::domain::keys::Keyed for $t {
            fn key(&self) -> &'static str {
                <$t>::key(self)
            }
            fn keys() -> Vec<&'static str> {
                vec![$($k),+]
            }
        }
    };
    ($t:ty, $prefix:literal, { $($body:tt)* } $($rest:tt)*) => {
        $crate::keyed_enum!($t, $prefix, "", { $($body)* } $($rest)*);
    };
    ($t:ty, $prefix:literal, $suffix:literal, $values:tt $(, $fam:ident = $fsuffix:literal)* $(,)?) => {
        $crate::keyed_enum!(@base $t, $prefix, $suffix, $values);
        impl $t {
            $($crate::keyed_enum!(@family $prefix, $fam, $fsuffix, $values);)*
        }
        impl $crate::domain::keys::Keyed for $t {
            fn key(&self) -> &'static str {
                <$t>::key(self)
            }
            fn keys() -> Vec<&'static str> {
                #[allow(unused_mut)]
                let mut keys = $crate::keyed_enum!(@keys $prefix, $suffix, $values).to_vec();
                $(keys.extend($crate::keyed_enum!(@keys $prefix, $fsuffix, $values));)*
                keys
            }
        }
    };
}
