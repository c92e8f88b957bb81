//! Thai addresses: house number, หมู่/ซอย/ถนน on line1, ตำบล/แขวง, อำเภอ/เขต, จังหวัด, postcode.

use super::Parts;
use super::casing::fix_case;
use super::components::Explicit;
use super::markers::{Piece, pieces};
use super::postcode;
use super::rules::{CountryRules, Role, place_form};
use crate::finding::Issue;
use crate::record::Field;

const BANGKOK: &str = "กรุงเทพมหานคร";

/// Parses `123/45 ม.6 ซ.สุขุมวิท 55 ถ.สุขุมวิท แขวงคลองตันเหนือ เขตวัฒนา กรุงเทพฯ 10110`.
pub fn parse(text: &str, explicit: &Explicit, rules: &CountryRules) -> Parts {
    // Components given as columns are taken: a piece that repeats one is dropped, one that
    // differs stays on line1 as written.
    let mut parts = Parts {
        locality: explicit.locality.clone(),
        district: explicit.district.clone(),
        region: explicit.region.clone(),
        ..Parts::default()
    };
    let text = match postcode::find(text, rules, true, &explicit.postcode) {
        Some(found) => {
            parts.postcode = found.postcode;
            found.rest
        }
        None => text.to_string(),
    };
    let mut line1 = Vec::new();
    let mut bangkok_marker = false;
    for segment in text.split([';', '\n']) {
        for piece in pieces(segment, rules) {
            bangkok_marker |= rules
                .bangkok_markers
                .iter()
                .any(|m| piece.form.trim_end_matches('.') == m);
            let (piece, province) = split_province(piece, rules);
            read_piece(piece, &mut parts, &mut line1, rules);
            if let Some(province) = province.filter(|_| parts.region.is_empty()) {
                parts.region = province;
            }
        }
    }
    if let Some(region) = canonical_province(&parts.region, rules) {
        parts.region = region;
    }
    if parts.region.is_empty() && bangkok_marker {
        parts.region = BANGKOK.to_string();
    }
    for component in [&mut parts.locality, &mut parts.district, &mut parts.region] {
        *component = fix_case(component, rules);
    }
    let joined = line1.join(" ");
    if !joined.is_empty() {
        parts.line1.push(joined);
    }
    parts
}

fn read_piece(piece: Piece, parts: &mut Parts, line1: &mut Vec<String>, rules: &CountryRules) {
    if piece.word.is_some() && piece.value.is_empty() {
        // A marker standing alone names nothing; keep it as written.
        line1.push(piece.form);
        return;
    }
    let target = match piece.role() {
        Some(Role::Locality) => &mut parts.locality,
        Some(Role::District) => &mut parts.district,
        Some(Role::Region) => &mut parts.region,
        _ => {
            let shown = display(&piece);
            if !shown.is_empty() {
                line1.push(shown);
            }
            return;
        }
    };
    if target.is_empty() {
        *target = piece.value;
    } else if !same_place(target, &piece.value, rules) {
        line1.push(piece.written());
    }
}

/// Whether two names are the same place (`กทม.` and `กรุงเทพมหานคร` are).
fn same_place(a: &str, b: &str, rules: &CountryRules) -> bool {
    let province = canonical_province(a, rules);
    a == b || province.is_some() && province == canonical_province(b, rules)
}

/// Splits a province name written without its marker off the end of a piece (`วัฒนา กรุงเทพฯ`).
fn split_province(mut piece: Piece, rules: &CountryRules) -> (Piece, Option<String>) {
    if piece.role() == Some(Role::Region) {
        return (piece, None);
    }
    if let Some(head) = strip_glued_bangkok(&piece.value, rules) {
        piece.value = head;
        return (piece, Some(BANGKOK.to_string()));
    }
    let (head, tail) = match piece.value.rsplit_once(' ') {
        Some((h, t)) => (h.trim().to_string(), t.to_string()),
        None => (String::new(), piece.value.clone()),
    };
    // A marker's own value is never taken whole (`จ.` aside): `ตำบล หนองคาย` is a tambon.
    if head.is_empty() && piece.word.is_some() {
        return (piece, None);
    }
    match canonical_province(&tail, rules) {
        Some(province) => {
            piece.value = head;
            (piece, Some(province))
        }
        None => (piece, None),
    }
}

/// `วัฒนากรุงเทพฯ`: a Bangkok spelling glued to the end of a name (no district is named after
/// Bangkok, unlike `เมืองเชียงใหม่`, so only Bangkok is cut this way).
fn strip_glued_bangkok(value: &str, rules: &CountryRules) -> Option<String> {
    rules
        .bangkok
        .iter()
        .filter(|b| b.chars().count() >= 4)
        .find_map(|b| {
            let head = value.strip_suffix(b.as_str())?;
            let glued = head.chars().last().is_some_and(|c| !c.is_whitespace());
            glued.then(|| head.to_string())
        })
}

/// The standard name of a province, with every Bangkok spelling as `กรุงเทพมหานคร`.
pub fn canonical_province(name: &str, rules: &CountryRules) -> Option<String> {
    let lower = name.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    if rules.bangkok.contains(&lower) {
        return Some(BANGKOK.to_string());
    }
    rules
        .provinces
        .iter()
        .find(|(p, _)| *p == lower)
        .map(|(p, _)| p.clone())
}

/// A marked piece as written on line1: `หมู่ 6`, `ซอยสุขุมวิท 55`, `ถนนสุขุมวิท`.
fn display(piece: &Piece) -> String {
    let marker = piece
        .word
        .as_ref()
        .and_then(|w| w.display.as_deref())
        .unwrap_or_default();
    if marker.is_empty() || piece.value.is_empty() {
        return if piece.value.is_empty() {
            marker.to_string()
        } else {
            piece.value.clone()
        };
    }
    let gap = if piece.value.starts_with(|c: char| c.is_ascii_digit()) {
        " "
    } else {
        ""
    };
    format!("{marker}{gap}{}", piece.value)
}

/// Normalises a second line (`ชั้น 3 ห้อง 301`) piece by piece.
pub fn display_line(text: &str, rules: &CountryRules) -> String {
    text.split([';', '\n'])
        .flat_map(|segment| pieces(segment, rules))
        .map(|p| display(&p))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A component column without its marker (`แขวงคลองตัน` → `คลองตัน`; `กทม.` → `กรุงเทพมหานคร`).
pub fn display_component(text: &str, role: Role, rules: &CountryRules) -> String {
    let found = pieces(text, rules);
    let value = match found.as_slice() {
        [only] if only.role() == Some(role) || only.role().is_none() => only.value.clone(),
        _ => text.to_string(),
    };
    if role == Role::Region {
        return canonical_province(&value, rules).unwrap_or_else(|| fix_case(&value, rules));
    }
    fix_case(&value, rules)
}

/// Fills a missing province from an unambiguous postcode and reports a postcode whose first two
/// digits do not belong to the province.
pub fn check_province(
    region: &mut String,
    postcode: &str,
    rules: &CountryRules,
    issues: &mut Vec<Issue>,
) {
    let Some(prefix) = postcode.get(..2) else {
        return;
    };
    if region.is_empty() {
        let mut owners = rules
            .provinces
            .iter()
            .filter(|(_, p)| p.iter().any(|x| x == prefix));
        if let (Some((name, _)), None) = (owners.next(), owners.next()) {
            region.clone_from(name);
        }
        return;
    }
    let Some((_, prefixes)) = rules.provinces.iter().find(|(p, _)| p == region) else {
        return;
    };
    if !prefixes.iter().any(|p| p == prefix) {
        issues.push(Issue::info(
            Field::PostalCode,
            "address.postcode_region_mismatch",
            postcode,
            format!("Postcode {postcode} does not belong to province {region} (its codes start with {}).", prefixes.join(" or ")),
        ));
    }
}

/// The province a Thai address is in, as the first two digits of its postcodes (`50` for
/// Chiang Mai): from the postcode, else from the first of region, district and locality that
/// names a province or a city known by name (`province_names`), in either script. This is
/// what two exports of one customer can compare when one writes the tambon in Thai and the
/// other the city in English. `None` when nothing places it.
pub fn area(postcode: &str, places: [&str; 3], rules: &CountryRules) -> Option<String> {
    let known = |prefix: &str| {
        rules
            .provinces
            .iter()
            .any(|(_, p)| p.iter().any(|x| x == prefix))
    };
    if postcode.len() == 5
        && postcode.bytes().all(|b| b.is_ascii_digit())
        && let Some(prefix) = postcode.get(..2).filter(|p| known(p))
    {
        return Some(prefix.to_string());
    }
    places
        .iter()
        .filter_map(|place| province_named(place, rules))
        .find_map(|province| prefix_of(province, rules))
}

/// The province a record of no known country is in, when one of its place names is a Thai
/// province's or city's name in full, five letters or more (`Chiang Mai`, `หาดใหญ่`): no
/// postcode (five digits say nothing of the country) and no name it merely ends with.
pub fn area_named(places: [&str; 3], rules: &CountryRules) -> Option<String> {
    places.iter().find_map(|place| {
        let form = place_form(place);
        let province = rules
            .province_names
            .get(&form)
            .filter(|_| form.chars().count() >= 5)?;
        prefix_of(province, rules)
    })
}

/// The first postcode prefix of a province named as in `provinces`.
fn prefix_of(province: &str, rules: &CountryRules) -> Option<String> {
    rules
        .provinces
        .iter()
        .find(|(name, _)| name == province)
        .and_then(|(_, prefixes)| prefixes.first().cloned())
}

/// The province a place name stands for: a name in `province_names`, or one ending in a
/// province's name of five letters or more (`Amphoe Mueang Khon Kaen`, `อำเภอเมืองเชียงใหม่`).
fn province_named<'r>(place: &str, rules: &'r CountryRules) -> Option<&'r str> {
    let form = place_form(place);
    if form.is_empty() {
        return None;
    }
    if let Some(province) = rules.province_names.get(&form) {
        return Some(province);
    }
    rules
        .province_names
        .iter()
        .filter(|(name, _)| name.chars().count() >= 5 && form.ends_with(name.as_str()))
        .max_by_key(|(name, _)| name.len())
        .map(|(_, province)| province.as_str())
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
            &Explicit::default(),
            rules.for_country(Country::new("TH")),
        )
    }

    #[test]
    fn reads_a_bangkok_address_with_abbreviations() {
        let p = parsed("123/45 ม.6 ซ.สุขุมวิท 55 ถ.สุขุมวิท แขวงคลองตันเหนือ เขตวัฒนา กรุงเทพฯ 10110");
        assert_eq!(p.line1, vec!["123/45 หมู่ 6 ซอยสุขุมวิท 55 ถนนสุขุมวิท"]);
        assert_eq!(p.locality, "คลองตันเหนือ");
        assert_eq!(p.district, "วัฒนา");
        assert_eq!(p.region, "กรุงเทพมหานคร");
        assert_eq!(p.postcode, "10110");
    }

    #[test]
    fn reads_a_provincial_address_with_full_markers() {
        let p = parsed("99 หมู่ที่ 3 ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200");
        assert_eq!(p.line1, vec!["99 หมู่ 3"]);
        assert_eq!(p.locality, "สุเทพ");
        assert_eq!(p.district, "เมืองเชียงใหม่");
        assert_eq!(p.region, "เชียงใหม่");
        let short = parsed("55/1 ต.ในเมือง อ.เมือง จ.ขอนแก่น 40000");
        assert_eq!(
            (short.locality.as_str(), short.district.as_str()),
            ("ในเมือง", "เมือง")
        );
        assert_eq!(short.region, "ขอนแก่น");
    }

    #[test]
    fn cuts_bangkok_glued_to_the_district() {
        let p = parsed("1 ถนนสีลม แขวงสีลม เขตบางรักกรุงเทพฯ 10500");
        assert_eq!(
            (p.district.as_str(), p.region.as_str()),
            ("บางรัก", "กรุงเทพมหานคร")
        );
    }

    #[test]
    fn bangkok_khet_without_province_is_bangkok() {
        let p = parsed("88 ถนนพหลโยธิน แขวงลาดยาว เขตจตุจักร 10900");
        assert_eq!(p.region, "กรุงเทพมหานคร");
    }
}
