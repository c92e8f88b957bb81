//! Ukrainian (and Russian-language Ukrainian) addresses: marker-led parts in either order.

use super::Parts;
use super::casing::fix_case;
use super::components::Explicit;
use super::markers::{Piece, is_adjective, pieces};
use super::postcode;
use super::rules::{CountryRules, Role};

/// Parses `вул. Хрещатик, 22, кв. 5, м. Київ, 01001` or the same in any order.
///
/// Two passes: all pieces are read first, then the street is chosen (a marked street, else a
/// name followed by a bare number, else unmarked text with a number), then its house number
/// (a marked one, else a bare number right after the street, else the street's last word).
pub fn parse(text: &str, guess: bool, explicit: &Explicit, rules: &CountryRules) -> Parts {
    // Components given as columns are taken: a piece that repeats one is dropped, one that
    // differs stays on line1 as written.
    let mut parts = Parts {
        locality: explicit.locality.clone(),
        district: explicit.district.clone(),
        region: explicit.region.clone(),
        ..Parts::default()
    };
    let text = match postcode::find(text, rules, false, &explicit.postcode) {
        Some(found) => {
            parts.postcode = found.postcode;
            found.rest
        }
        None => text.to_string(),
    };
    let mut all: Vec<Option<Piece>> = text
        .split([',', ';', '\n'])
        .flat_map(|segment| pieces(segment, rules))
        .map(Some)
        .collect();
    let (street, house) = take_street_and_house(&mut all, rules);
    let (mut rest, candidates) = sort_pieces(all, rules, &mut parts);
    let has_other = !street.is_empty() || !parts.line2.is_empty() || !parts.postcode.is_empty();
    if guess
        && has_other
        && parts.locality.is_empty()
        && let Some(&i) = candidates.first()
    {
        parts.locality = rest.remove(i);
    }
    let line1: Vec<String> = [street, house]
        .into_iter()
        .chain(rest)
        .filter(|s| !s.is_empty())
        .collect();
    if !line1.is_empty() {
        parts.line1.push(line1.join(", "));
    }
    parts
}

/// Puts units, locality, district and region pieces into `parts`; returns the rest of line1 and
/// the positions in it of unmarked digit-free text (town candidates).
fn sort_pieces(
    all: Vec<Option<Piece>>,
    rules: &CountryRules,
    parts: &mut Parts,
) -> (Vec<String>, Vec<usize>) {
    let mut rest = Vec::new();
    let mut candidates = Vec::new(); // unmarked, digit-free: the town when nothing marks it
    for piece in all.into_iter().flatten() {
        let shown = display(&piece, rules);
        if piece.word.is_some() && piece.value.is_empty() {
            // A marker standing alone names nothing; keep it as written.
            rest.push(piece.written());
            continue;
        }
        let slot = match piece.role() {
            Some(Role::Unit) => {
                parts.line2.push(shown);
                continue;
            }
            Some(Role::Locality) => &mut parts.locality,
            Some(Role::District) => &mut parts.district,
            Some(Role::Region) => &mut parts.region,
            None if !piece.value.chars().any(|c| c.is_ascii_digit()) => {
                candidates.push(rest.len());
                rest.push(shown);
                continue;
            }
            _ => {
                rest.push(shown);
                continue;
            }
        };
        if slot.is_empty() {
            *slot = shown;
        } else if slot.to_lowercase() != shown.to_lowercase() {
            rest.push(piece.written());
        }
    }
    (rest, candidates)
}

/// Removes the street piece and its house-number piece from `all`; returns their display forms.
fn take_street_and_house(all: &mut [Option<Piece>], rules: &CountryRules) -> (String, String) {
    let role_at =
        |all: &[Option<Piece>], i: usize| all.get(i).and_then(|p| p.as_ref()).map(Piece::role);
    let value_at = |all: &[Option<Piece>], i: usize| {
        all.get(i).and_then(|p| p.as_ref()).map(|p| p.value.clone())
    };
    let bare_number_at = |all: &[Option<Piece>], i: usize| {
        role_at(all, i) == Some(None) && value_at(all, i).is_some_and(|v| is_house_number(&v))
    };
    let has_digit = |v: &str| v.chars().any(|c| c.is_ascii_digit());
    let street_at = (0..all.len())
        .find(|&i| role_at(all, i) == Some(Some(Role::Street)))
        .or_else(|| {
            (0..all.len()).find(|&i| {
                role_at(all, i) == Some(None)
                    && value_at(all, i).is_some_and(|v| !has_digit(&v))
                    && bare_number_at(all, i + 1)
            })
        })
        .or_else(|| {
            (0..all.len()).find(|&i| {
                role_at(all, i) == Some(None)
                    && value_at(all, i)
                        .is_some_and(|v| has_digit(&v) && v.chars().any(char::is_alphabetic))
            })
        });
    let marked_house = (0..all.len()).find(|&i| {
        role_at(all, i) == Some(Some(Role::House))
            && value_at(all, i).is_some_and(|v| is_house_number(&v))
    });
    let house_at =
        marked_house.or_else(|| street_at.map(|s| s + 1).filter(|&n| bare_number_at(all, n)));
    let house = house_at
        .and_then(|i| all.get_mut(i)?.take())
        .map(|p| p.value)
        .unwrap_or_default();
    let Some(mut street) = street_at.and_then(|i| all.get_mut(i)?.take()) else {
        return (String::new(), house);
    };
    let mut house = house;
    if house.is_empty() {
        let (name, number) = split_house(&street.value);
        street.value = name;
        house = number;
    }
    (display(&street, rules), house)
}

/// Splits a trailing house number (`Хрещатик 22/1`) from the street name, unless the name would
/// then end in a number too.
fn split_house(value: &str) -> (String, String) {
    let Some((name, last)) = value.rsplit_once(' ') else {
        return (value.to_string(), String::new());
    };
    let name = name.trim_end_matches(['.', ',', ' ']).trim();
    let name_ends_in_number = name.rsplit(' ').next().is_some_and(is_house_number);
    if is_house_number(last) && !name_ends_in_number && !name.is_empty() {
        (name.to_string(), last.to_string())
    } else {
        (value.to_string(), String::new())
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
        // `Броварський район`; a name that is no adjective keeps the marker first, so that it
        // reads back the same way (`район Голосіїв`).
        (Some(marker), false)
            if rules.suffix_roles.contains(&word.role)
                && value
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| is_adjective(last, rules)) =>
        {
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

/// A region or district column holding only its adjective (`Київська`) gets its noun.
fn bare_adjective(text: &str, role: Role, rules: &CountryRules) -> Option<String> {
    if !matches!(role, Role::Region | Role::District)
        || text.contains(' ')
        || !is_adjective(text, rules)
    {
        return None;
    }
    if text
        .chars()
        .any(|c| !c.is_alphabetic() && c != '-' && c != '\'')
    {
        return None;
    }
    let noun = rules
        .markers
        .iter()
        .find(|m| m.word.role == role)?
        .word
        .display
        .clone()?;
    Some(format!("{} {noun}", fix_case(text, rules)))
}

/// A single component column (locality, district, region) in display form: one marker with
/// the text around it (`Київська обл.`, `р-н Броварський`, `м. Київ`) reads as one component.
pub fn display_component(text: &str, role: Role, rules: &CountryRules) -> String {
    if text.contains([',', ';']) {
        return display_line(text, rules);
    }
    if let Some(named) = bare_adjective(text, role, rules) {
        return named;
    }
    let found = pieces(text, rules);
    let mut marked = found.iter().filter(|p| p.word.is_some());
    let component_role = |p: &Piece| {
        matches!(
            p.role(),
            Some(Role::Locality | Role::District | Role::Region)
        )
    };
    let (Some(marker), None) = (marked.next(), marked.next()) else {
        return display_line(text, rules);
    };
    if !component_role(marker) {
        return display_line(text, rules);
    }
    let value = found
        .iter()
        .map(|p| p.value.as_str())
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let combined = Piece {
        value,
        ..marker.clone()
    };
    display(&combined, rules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::address::rules::AddressRules;
    use crate::record::Country;

    fn parsed(text: &str) -> Parts {
        let rules = AddressRules::from_toml(include_str!("../../../schemas/address.toml")).unwrap();
        parse(
            text,
            true,
            &Explicit::default(),
            rules.for_country(Country::new("UA")),
        )
    }

    #[test]
    fn reads_a_street_type_written_after_the_name() {
        let p = parsed("Івана Франка вулиця, 223, кв.25");
        assert_eq!(p.line1, vec!["вулиця Івана Франка, 223".to_string()]);
        assert_eq!(p.line2, vec!["квартира 25".to_string()]);
        let p = parsed("Шевченка вул., 5");
        assert_eq!(p.line1, vec!["вулиця Шевченка, 5".to_string()]);
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
