//! Text helpers shared by the rules: normalising names, e-mails and phone numbers.

use super::fold_table::FOLD;

/// A name folded for comparison: accents removed, case folded, inner spacing collapsed.
/// "  José  ÁLVAREZ " and "jose alvarez" fold to the same key.
///
/// Accents come off through a table of the Latin, Greek and Cyrillic blocks (their
/// compatibility decompositions, `fold_table`), not Unicode's whole decomposition tables,
/// which would weigh a hundred kilobytes in the download; letters of other scripts are kept
/// as written, and combining accents typed separately are dropped.
pub fn fold(s: &str) -> String {
    let stripped = strip_accents(s);
    let mut out = String::with_capacity(stripped.len());
    for word in stripped.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    // Letters that have no decomposition.
    out.replace('ł', "l")
        .replace('ø', "o")
        .replace('đ', "d")
        .replace('ß', "ss")
        .replace('æ', "ae")
        .replace('œ', "oe")
        .replace('þ', "th")
        .replace('ı', "i")
}

/// `s` with the accents taken off its letters (and ligatures and full-width forms written
/// plainly), case and spacing untouched.
fn strip_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if is_combining_accent(c) {
            continue;
        }
        match FOLD.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(at) => out.push_str(FOLD[at].1),
            Err(_) => out.push(c),
        }
    }
    out
}

/// A combining accent of the blocks the Latin, Greek and Cyrillic scripts use.
fn is_combining_accent(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
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

/// `s` in lower case, with the letters the alphabets above and [`fold_digraphs`] name
/// composed when typed as a letter and a separate accent ("u" + "\u{308}" is "ü").
fn composed_lower(s: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let joined = match (out.last(), c) {
            (Some('c'), '\u{30c}') => Some('č'),
            (Some('s'), '\u{30c}') => Some('š'),
            (Some('z'), '\u{30c}') => Some('ž'),
            (Some('g'), '\u{327}') => Some('ģ'),
            (Some('k'), '\u{327}') => Some('ķ'),
            (Some('l'), '\u{327}') => Some('ļ'),
            (Some('n'), '\u{327}') => Some('ņ'),
            (Some('n'), '\u{303}') => Some('ñ'),
            (Some('a'), '\u{308}') => Some('ä'),
            (Some('o'), '\u{308}') => Some('ö'),
            (Some('u'), '\u{308}') => Some('ü'),
            (Some('o'), '\u{30b}') => Some('ő'),
            (Some('u'), '\u{30b}') => Some('ű'),
            (Some('a'), '\u{30a}') => Some('å'),
            _ => None,
        };
        match joined {
            Some(j) => *out.last_mut().expect("a letter") = j,
            None => out.push(c),
        }
    }
    out
}

/// A key that orders names by `c`'s alphabet (letters first by the alphabet, accents and
/// case left to the tie-break): sort by `(collation_key(c, name), name)`.
pub fn collation_key(c: Collation, s: &str) -> Vec<u32> {
    const LETTERS: u32 = 0x1000;
    const OTHER: u32 = 0x10000;
    let chars = composed_lower(s);
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
    let lower: String = composed_lower(s).into_iter().collect();
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
    use crate::domain::sorting::SortExt;

    /// Within the blocks it covers, the table takes accents off exactly as Unicode's
    /// compatibility decomposition does.
    #[test]
    fn fold_table_equals_nfkd() {
        use unicode_normalization::UnicodeNormalization;
        let mut checked = 0;
        for &(first, last) in super::super::fold_table::COVERED {
            for c in first..=last {
                let want: String = c
                    .to_string()
                    .nfkd()
                    .filter(|m| !unicode_normalization::char::is_combining_mark(*m))
                    .collect();
                assert_eq!(strip_accents(&c.to_string()), want, "U+{:04X}", c as u32);
                checked += 1;
            }
        }
        assert!(checked > 1_500);
        // Accents typed as separate combining marks come off too.
        assert_eq!(fold("Jose\u{301} A\u{301}lvarez"), "jose alvarez");
        assert_eq!(fold("  José  ÁLVAREZ "), "jose alvarez");
        assert_eq!(fold("Łódź Ærø ﬁne ＡＢＣ"), "lodz aero fine abc");
        // A letter and its accent typed apart count as the letter in every alphabet.
        assert_eq!(
            collation_key(Collation::Latvian, "S\u{30c}ķ"),
            collation_key(Collation::Latvian, "šķ")
        );
        assert_eq!(fold_digraphs("Mu\u{308}ller").as_deref(), Some("mueller"));
        // Other scripts are kept as written.
        assert_eq!(fold("北京 Ταχύ"), "北京 ταχυ");
    }

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
        v.sort_on_cached(|n| (collation_key(c, n), *n));
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
