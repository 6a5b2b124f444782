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

/// The alphabet a list of names is ordered by: the letters a language counts as letters of
/// their own, placed as its readers (and `Intl.Collator` for the language) expect. Latvian
/// puts č, ģ, ķ, ļ, ņ, š, ž after c, g, k, l, n, s, z (ā, ē, ī, ū sort with a, e, i, u);
/// Hungarian puts cs, dz, dzs, gy, ly, ny, sz, ty, zs after c, d, g, l, n, s, t, z and
/// ö, ő, ü, ű after o and u; Spanish puts ñ after n.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Collation {
    #[default]
    Plain,
    Spanish,
    Latvian,
    Hungarian,
}

/// The letter a tailored letter (or letter group) at the start of `rest` sorts after, its
/// place after it (1, 2…) and how many characters it takes.
fn tailored(c: Collation, rest: &[char]) -> Option<(char, u32, usize)> {
    let first = *rest.first()?;
    let second = rest.get(1).copied();
    match c {
        Collation::Plain => None,
        Collation::Spanish => (first == 'ñ').then_some(('n', 1, 1)),
        Collation::Latvian => match first {
            'č' => Some(('c', 1, 1)),
            'ģ' => Some(('g', 1, 1)),
            'y' => Some(('i', 1, 1)),
            'ķ' => Some(('k', 1, 1)),
            'ļ' => Some(('l', 1, 1)),
            'ņ' => Some(('n', 1, 1)),
            'š' => Some(('s', 1, 1)),
            'ž' => Some(('z', 1, 1)),
            _ => None,
        },
        Collation::Hungarian => match (first, second) {
            ('d', Some('z')) if rest.get(2) == Some(&'s') => Some(('d', 2, 3)),
            ('d', Some('z')) => Some(('d', 1, 2)),
            ('c', Some('s')) | ('z', Some('s')) | ('s', Some('z')) => Some((first, 1, 2)),
            ('g' | 'l' | 'n' | 't', Some('y')) => Some((first, 1, 2)),
            ('ö' | 'ő', _) => Some(('o', 1, 1)),
            ('ü' | 'ű', _) => Some(('u', 1, 1)),
            _ => None,
        },
    }
}

/// A key that orders names by `c`'s alphabet (letters first by the alphabet, accents and
/// case left to the tie-break): sort by `(collation_key(c, name), name)`.
pub fn collation_key(c: Collation, s: &str) -> Vec<u32> {
    const LETTERS: u32 = 0x1000;
    const OTHER: u32 = 0x10000;
    let chars: Vec<char> = s.nfc().flat_map(char::to_lowercase).collect();
    let mut out = Vec::with_capacity(chars.len());
    let letter = |base: char, bump: u32| LETTERS + (base as u32 - 'a' as u32) * 4 + bump;
    let mut i = 0;
    while i < chars.len() {
        if let Some((base, bump, used)) = tailored(c, &chars[i..]) {
            out.push(letter(base, bump));
            i += used;
            continue;
        }
        let ch = chars[i];
        i += 1;
        if ch.is_whitespace() {
            if out.last() != Some(&0x20) && !out.is_empty() {
                out.push(0x20);
            }
            continue;
        }
        for f in fold(ch.encode_utf8(&mut [0; 4])).chars() {
            out.push(match f {
                'a'..='z' => letter(f, 0),
                f if f.is_ascii() => f as u32,
                f => OTHER + f as u32,
            });
        }
    }
    out
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

    fn ordered(c: Collation, names: &[&'static str]) -> Vec<&'static str> {
        let mut v = names.to_vec();
        v.sort_by_cached_key(|n| (collation_key(c, n), *n));
        v
    }

    #[test]
    fn latvian_letters_with_a_caron_or_cedilla_follow_their_base_letter() {
        let names = [
            "Žagars",
            "Zariņš",
            "Čakste",
            "Cīrulis",
            "Dzenis",
            "Ābols",
            "Bērziņš",
            "Ķepe",
            "Kalns",
        ];
        assert_eq!(
            ordered(Collation::Latvian, &names),
            [
                "Ābols",
                "Bērziņš",
                "Cīrulis",
                "Čakste",
                "Dzenis",
                "Kalns",
                "Ķepe",
                "Zariņš",
                "Žagars"
            ]
        );
        // Without the rules, č sorts with c.
        assert_eq!(
            ordered(Collation::Plain, &["Čakste", "Cīrulis"]),
            ["Čakste", "Cīrulis"]
        );
    }

    #[test]
    fn hungarian_double_letters_are_letters_of_their_own() {
        let names = [
            "Zsolt",
            "Zoltán",
            "Csonka",
            "Cukor",
            "Gyurcsány",
            "Gáspár",
            "Szabó",
            "Sütő",
            "Ödön",
            "Oláh",
            "Dzsida",
            "Dzurkó",
            "Dávid",
        ];
        assert_eq!(
            ordered(Collation::Hungarian, &names),
            [
                "Cukor",
                "Csonka",
                "Dávid",
                "Dzurkó",
                "Dzsida",
                "Gáspár",
                "Gyurcsány",
                "Oláh",
                "Ödön",
                "Sütő",
                "Szabó",
                "Zoltán",
                "Zsolt"
            ]
        );
    }

    #[test]
    fn spanish_n_with_tilde_follows_n() {
        assert_eq!(
            ordered(Collation::Spanish, &["Ñandú", "Nuñez", "Oros", "Núñez"]),
            ["Nuñez", "Núñez", "Ñandú", "Oros"]
        );
    }
}
