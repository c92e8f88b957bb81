//! Finding a country's postcode inside free text and cutting it out.

use super::rules::CountryRules;

/// A postcode found in text: its canonical form and the text with it cut out (a `,` in its place,
/// so that what stood before and after stay separate parts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub postcode: String,
    pub rest: String,
    /// Byte offset in `rest` where the postcode stood.
    pub at: usize,
}

/// The last valid postcode in `text` (only `expected`, when that is not empty: a column already
/// gave the postcode). With `skip_leading`, a number that opens the text and is followed by more
/// text is taken for a house number (`12345 Main St`), not a postcode.
pub fn find(text: &str, rules: &CountryRules, skip_leading: bool, expected: &str) -> Option<Found> {
    let re = rules.postcode_find.as_ref()?;
    let mut best = None;
    let mut pos = 0;
    while let Some(caps) = re.captures_at(text, pos) {
        let Some(m) = caps.name("pc") else { break };
        // Resume at the code's end, so that a separator it shares with the next code is reused.
        pos = m.end();
        let leading = text[..m.start()].trim().is_empty() && !text[m.end()..].trim().is_empty();
        if skip_leading && leading {
            continue;
        }
        if let Some(code) = rules.format_postcode(m.as_str())
            && (expected.is_empty() || code == expected)
        {
            best = Some((m.start(), m.end(), code));
        }
    }
    let (start, end, postcode) = best?;
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
    let before = strip_country_prefix(before);
    let rest = format!("{before},{}", &text[end..]);
    Some(Found {
        postcode,
        at: before.len(),
        rest,
    })
}

/// Drops a country prefix glued to the postcode by its hyphen (`D-10115` leaves `D` behind).
fn strip_country_prefix(before: &str) -> &str {
    match before.rsplit_once(' ') {
        Some((head, tail)) if is_prefix(tail) => head,
        None if is_prefix(before) => "",
        _ => before,
    }
}

fn is_prefix(word: &str) -> bool {
    matches!(word, "D" | "DE" | "F" | "FR" | "A" | "CH" | "PL" | "UA")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::address::rules::AddressRules;
    use crate::record::Country;

    fn found(country: &str, text: &str, skip: bool) -> Option<(String, String)> {
        let rules = AddressRules::from_toml(include_str!("../../../schemas/address.toml")).unwrap();
        find(text, rules.for_country(Country::new(country)), skip, "").map(|f| (f.postcode, f.rest))
    }

    #[test]
    fn finds_the_postcode_and_cuts_it_out() {
        assert_eq!(
            found("GB", "10 Downing St, London sw1a 2aa", true),
            Some(("SW1A 2AA".into(), "10 Downing St, London,".into()))
        );
        assert_eq!(
            found("DE", "Hauptstr. 5, D-10115 Berlin", true),
            Some(("10115".into(), "Hauptstr. 5,, Berlin".into()))
        );
        assert_eq!(
            found("PL", "ul. Marszałkowska 1, 00-950 Warszawa", true),
            Some(("00-950".into(), "ul. Marszałkowska 1,, Warszawa".into()))
        );
    }

    #[test]
    fn does_not_take_a_house_number_or_part_of_a_longer_number() {
        assert_eq!(found("US", "12345 Main St", true), None);
        assert_eq!(found("TH", "123/45 ม.6", true), None);
        assert_eq!(found("UA", "тел 0441234567", true), None);
        assert_eq!(
            found("UA", "01001, м. Київ", false).map(|f| f.0),
            Some("01001".into())
        );
    }
}
