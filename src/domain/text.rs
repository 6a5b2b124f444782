//! Text helpers shared by the rules: normalising names, e-mails and phone numbers.

use unicode_normalization::UnicodeNormalization;

/// A name folded for comparison: accents removed, case folded, inner spacing collapsed.
/// "  José  ÁLVAREZ " and "jose alvarez" fold to the same key.
pub fn fold(s: &str) -> String {
    let stripped: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    let mut out = String::with_capacity(stripped.len());
    for word in stripped.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    // Letters NFKD does not decompose.
    out.replace('ł', "l")
        .replace('ø', "o")
        .replace('đ', "d")
        .replace('ß', "ss")
}

/// An e-mail address folded for comparison (trimmed, lower-case).
pub fn fold_email(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A phone number reduced to its digits for comparison; a leading "00" international
/// prefix is read as "+". Returns `None` when fewer than 6 digits remain.
pub fn fold_phone(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits
        .strip_prefix("00")
        .map(str::to_string)
        .unwrap_or(digits);
    (digits.len() >= 6).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_spacing() {
        assert_eq!(fold("  José  ÁLVAREZ "), "jose alvarez");
        assert_eq!(fold("Jānis Bērziņš"), "janis berzins");
        assert_eq!(fold("Łukasz"), "lukasz");
        assert_eq!(fold("Weiß"), "weiss");
    }

    #[test]
    fn phones_compare_by_digits() {
        assert_eq!(fold_phone("+371 2000-1234"), fold_phone("00371 20001234"));
        assert_eq!(fold_phone("12"), None);
    }
}
