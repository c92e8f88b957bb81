//! Ukrainian (and Russian-language Ukrainian) addresses: marker-led parts in either order.

use super::Parts;
use super::casing::fix_case;
use super::markers::{Piece, pieces};
use super::postcode;
use super::rules::{CountryRules, Role};

/// What has been read so far from one address.
#[derive(Default)]
struct Reading {
    street: String,
    house: String,
    extra: Vec<String>,
    units: Vec<String>,
    locality: String,
    district: String,
    region: String,
    unmarked_text: Vec<String>,
}

/// Parses `вул. Хрещатик, 22, кв. 5, м. Київ, 01001` or the same in any order.
pub fn parse(text: &str, guess: bool, rules: &CountryRules) -> Parts {
    let mut parts = Parts::default();
    let text = match postcode::find(text, rules, false) {
        Some(found) => {
            parts.postcode = found.postcode;
            found.rest
        }
        None => text.to_string(),
    };
    let mut reading = Reading::default();
    for segment in text.split([',', ';', '\n']) {
        for piece in pieces(segment, rules) {
            read_piece(piece, rules, &mut reading);
        }
    }
    let mut leftovers = std::mem::take(&mut reading.unmarked_text);
    if guess && reading.locality.is_empty() && !leftovers.is_empty() {
        let has_other =
            !reading.street.is_empty() || !reading.units.is_empty() || !parts.postcode.is_empty();
        if let Some(i) = leftovers
            .iter()
            .position(|t| !t.chars().any(|c| c.is_ascii_digit()))
            .filter(|_| has_other)
        {
            reading.locality = fix_case(&leftovers.remove(i), rules);
        }
    }
    let mut line1 = Vec::new();
    line1.extend(
        [reading.street, reading.house]
            .into_iter()
            .filter(|s| !s.is_empty()),
    );
    line1.extend(reading.extra);
    line1.extend(leftovers.into_iter().map(|t| fix_case(&t, rules)));
    parts.line1 = vec![line1.join(", ")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    parts.line2 = reading.units;
    parts.locality = reading.locality;
    parts.district = reading.district;
    parts.region = reading.region;
    parts
}

fn read_piece(piece: Piece, rules: &CountryRules, r: &mut Reading) {
    let Some(role) = piece.role() else {
        read_unmarked(piece.value, rules, r);
        return;
    };
    let shown = display(&piece, rules);
    match role {
        Role::Street if r.street.is_empty() => {
            let (name, house) = split_house(&piece.value);
            let named = Piece {
                value: name,
                ..piece
            };
            r.street = display(&named, rules);
            if r.house.is_empty() && !house.is_empty() {
                r.house = house;
            }
        }
        Role::House if r.house.is_empty() && !piece.value.is_empty() => r.house = piece.value,
        Role::Unit => r.units.push(shown),
        Role::Locality if r.locality.is_empty() => r.locality = shown,
        Role::District if r.district.is_empty() => r.district = shown,
        Role::Region if r.region.is_empty() => r.region = shown,
        _ => r.extra.push(shown),
    }
}

/// Unmarked text: a bare house number after the street, a street with its number, or a name.
fn read_unmarked(text: String, rules: &CountryRules, r: &mut Reading) {
    if is_house_number(&text) && r.house.is_empty() {
        if r.street.is_empty() {
            // `Хрещатик, 22`: the name just before a bare number is its street.
            if let Some(name) = r.unmarked_text.pop() {
                r.street = fix_case(&name, rules);
            }
        }
        r.house = text;
    } else if r.street.is_empty()
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
    {
        let (name, house) = split_house(&text);
        r.street = fix_case(&name, rules);
        if r.house.is_empty() {
            r.house = house;
        }
    } else {
        r.unmarked_text.push(text);
    }
}

/// Splits a trailing house number (`Хрещатик 22/1`) from the street name.
fn split_house(value: &str) -> (String, String) {
    match value.rsplit_once(' ') {
        Some((name, last)) if is_house_number(last) => (name.trim().to_string(), last.to_string()),
        _ => (value.to_string(), String::new()),
    }
}

/// `22`, `22а`, `22/1`, `22-А`, `5к2`: starts with a digit, short, no spaces.
fn is_house_number(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_digit())
        && text.chars().count() <= 10
        && !text.contains(' ')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-'))
}

/// A marked piece in display form: `вулиця Хрещатик`, `Київська область`, `Київ`.
fn display(piece: &Piece, rules: &CountryRules) -> String {
    let value = fix_case(&piece.value, rules);
    let Some(word) = &piece.word else {
        return value;
    };
    match (&word.display, value.is_empty()) {
        (None, _) => value,
        (Some(marker), true) => marker.clone(),
        (Some(marker), false) if rules.suffix_roles.contains(&word.role) => {
            format!("{value} {marker}")
        }
        (Some(marker), false) => format!("{marker} {value}"),
    }
}

/// Normalises a second line part by part (`кв. 5` → `квартира 5`), keeping its order.
pub fn display_line(text: &str, rules: &CountryRules) -> String {
    text.split([',', ';', '\n'])
        .flat_map(|segment| pieces(segment, rules))
        .map(|p| display(&p, rules))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A single component column (locality, district, region) in display form.
pub fn display_component(text: &str, rules: &CountryRules) -> String {
    display_line(text, rules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::address::rules::AddressRules;
    use crate::record::Country;

    fn parsed(text: &str) -> Parts {
        let rules = AddressRules::from_toml(include_str!("../../../schemas/address.toml")).unwrap();
        parse(text, true, rules.for_country(Country::new("UA")))
    }

    #[test]
    fn reads_street_first_kyiv_address() {
        let p = parsed("вул. Хрещатик, 22, кв. 5, м. Київ, 01001");
        assert_eq!(p.line1, vec!["вулиця Хрещатик, 22"]);
        assert_eq!(p.line2, vec!["квартира 5"]);
        assert_eq!(
            (p.locality.as_str(), p.postcode.as_str()),
            ("Київ", "01001")
        );
    }

    #[test]
    fn reads_city_first_russian_form_with_region() {
        let p =
            parsed("01001, Киевская обл., Броварской р-н, г. Бровары, ул. Киевская д. 5 кв. 12");
        assert_eq!(p.line1, vec!["улица Киевская, 5"]);
        assert_eq!(p.line2, vec!["квартира 12"]);
        assert_eq!(p.locality, "Бровары");
        assert_eq!(p.region, "Киевская область");
        assert_eq!(p.district, "Броварской район");
    }

    #[test]
    fn takes_an_unmarked_town_and_street() {
        let p = parsed("Львів, Городоцька 15");
        assert_eq!(p.line1, vec!["Городоцька, 15"]);
        assert_eq!(p.locality, "Львів");
        let village = parsed("с. Погреби, Броварський район, Київська обл., вул. Шевченка 3");
        assert_eq!(village.locality, "село Погреби");
        assert_eq!(village.district, "Броварський район");
        assert_eq!(village.region, "Київська область");
    }
}
