//! List fields read at their exact length.
//!
//! A list read from JSON grows as it goes, and starts with room for four: a person's one
//! e-mail address, or an activity's one or two people, kept room for four, and with
//! 56,000 records that spare room came to megabytes of the page's memory (which never
//! shrinks back). Fields use it with `#[serde(deserialize_with = "crate::domain::exact::vec")]`;
//! what is accepted, and every error, is the plain list's.

use serde::{Deserialize, Deserializer};

/// A `Vec` field, read as serde reads it, then trimmed to its length.
pub fn vec<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let mut v = Vec::<T>::deserialize(d)?;
    v.shrink_to_fit();
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct Rec {
        #[serde(default, deserialize_with = "vec")]
        ids: Vec<u32>,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Plain {
        #[serde(default)]
        ids: Vec<u32>,
    }

    #[test]
    fn reads_as_a_plain_list_at_its_exact_length() {
        let r: Rec = serde_json::from_str(r#"{"ids":[7]}"#).unwrap();
        assert_eq!((r.ids.as_slice(), r.ids.capacity()), (&[7][..], 1));
        let r: Rec = serde_json::from_str("{}").unwrap();
        assert!(r.ids.is_empty());
        for bad in [r#"{"ids":7}"#, r#"{"ids":[1,"x"]}"#, r#"{"ids":null}"#] {
            let ours = serde_json::from_str::<Rec>(bad).unwrap_err().to_string();
            let plain = serde_json::from_str::<Plain>(bad).unwrap_err().to_string();
            assert_eq!(ours, plain, "{bad}");
        }
    }
}
