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
        .replace('æ', "ae")
        .replace('œ', "oe")
        .replace('þ', "th")
        .replace('ı', "i")
}

/// The other folded spelling of `s` where a language writes a letter as two: German
/// "ü", "ö", "ä" as "ue", "oe", "ae" and Scandinavian "å" as "aa" ("Müller" is also
/// "mueller"). `None` when `s` has none of those letters. [`fold`] already gives the one-letter
/// spelling ("muller"); a search that tries both finds "Mueller" for "Müller" and back.
pub fn fold_digraphs(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    let lower: String = s.nfc().flat_map(char::to_lowercase).collect();
    if !lower.contains(['ü', 'ö', 'ä', 'å']) {
        return None;
    }
    let spelled = lower
        .replace('ü', "ue")
        .replace('ö', "oe")
        .replace('ä', "ae")
        .replace('å', "aa");
    Some(fold(&spelled))
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
