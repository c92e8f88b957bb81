//! Digits → one E.164 number: which reading (international, national, repaired) a person would pick.
//!
//! Every reading is checked against libphonenumber's metadata (`rlibphonenumber`); this module
//! only decides which readings to try and which valid one wins. No numbering plan is written here.

use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumber, PhoneNumberFormat, PhoneNumberType, Region};

/// How a reading of the digits came about; decides conflicts between valid readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// Digits after `011` (the North American international prefix).
    Idd011,
    /// Digits after `8 10` (the ex-USSR international prefix).
    Idd810,
    /// `8 0XX…`: the old Ukrainian long-distance form of `+380 XX…`.
    UkrainianTrunk8,
    /// The digits start with a country code but were written without `+`.
    BareCountryCode,
}

/// A number recovered from a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// E.164 (`+380501234567`).
    pub e164: String,
    /// Number type from the metadata (`mobile`, `fixed_line`…), empty when unknown.
    pub kind: &'static str,
}

/// What became of one written number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Valid(Resolved),
    /// It parses, but the numbering plan has no such number; the best reading is given.
    Invalid(String),
    /// A national number, and the row has no country.
    NoCountry,
    /// Too short or too long to be a phone number.
    Unparseable,
}

/// Facts about the row's country taken from the metadata.
#[derive(Clone, Copy, Debug)]
pub struct RowRegion {
    pub region: Region,
    /// Its country calling code (`380`).
    pub calling_code: i32,
    /// Its national (trunk) prefix digit as written in national format (`0`, `8`), if any.
    pub trunk: Option<char>,
    /// Digit counts of its example fixed-line and mobile numbers (0 when it has none).
    pub usual_lengths: [usize; 2],
}

impl RowRegion {
    /// The metadata for an ISO country code, `None` when libphonenumber does not know it.
    pub fn of(code: &str) -> Option<RowRegion> {
        let region = Region::from_code(code).ok()?;
        let calling_code = PHONE_NUMBER_UTIL.get_country_code_for_region(region)?;
        let usual_length = |kind| {
            PHONE_NUMBER_UTIL
                .get_example_number_for_type_and_region(region, kind)
                .map_or(0, |n| n.get_national_significant_number().len())
        };
        Some(RowRegion {
            region,
            calling_code,
            trunk: trunk_prefix(region),
            usual_lengths: [
                usual_length(PhoneNumberType::FixedLine),
                usual_length(PhoneNumberType::Mobile),
            ],
        })
    }
}

/// The trunk prefix as it appears in the region's national format: the digits of the example
/// number's national format that precede its national significant number.
fn trunk_prefix(region: Region) -> Option<char> {
    let example = PHONE_NUMBER_UTIL.get_example_number(region).ok()?;
    let national: String = example
        .format_as(PhoneNumberFormat::National)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let nsn = example.get_national_significant_number();
    let prefix = national.strip_suffix(nsn.as_str())?;
    prefix.chars().next()
}

const MIN_DIGITS: usize = 5;
const MAX_DIGITS: usize = 17;

/// Decides the number written as `digits` (with `plus` when a `+` was written) in a row of `row`.
pub fn resolve(plus: bool, digits: &str, row: Option<&RowRegion>) -> Outcome {
    if digits.len() < MIN_DIGITS || digits.len() > MAX_DIGITS {
        return Outcome::Unparseable;
    }
    if plus {
        return best_international(&[digits.to_string(), drop_zero_after_code(digits)]);
    }
    if let Some(rest) = digits.strip_prefix("00").filter(|r| !r.starts_with('0')) {
        let mut readings = vec![rest.to_string(), drop_zero_after_code(rest)];
        // Carrier-selecting prefixes such as Thailand's 001/007/009.
        readings.extend(rest.get(1..).map(str::to_string));
        return best_international(&readings);
    }
    let national = row.and_then(|r| national_reading(digits, r));
    let alternative = valid_alternative(digits);
    match (national.as_ref().filter(|n| n.is_valid()), alternative) {
        (Some(n), Some((reading, alt))) if !prefer_alternative(reading, &alt, n, digits, row) => {
            Outcome::Valid(resolved(n))
        }
        (_, Some((reading, alt))) if accept_alternative(reading, digits, row) => {
            Outcome::Valid(resolved(&alt))
        }
        (Some(n), _) => Outcome::Valid(resolved(n)),
        (None, _) if row.is_none() => Outcome::NoCountry,
        (None, _) => match &national {
            Some(n) => Outcome::Invalid(n.format_as(PhoneNumberFormat::E164).into_owned()),
            None => Outcome::Unparseable,
        },
    }
}

/// The first valid international reading, else the first that parses (as invalid).
fn best_international(readings: &[String]) -> Outcome {
    let mut first_parsed = None;
    for digits in readings {
        let Some(number) = parse_international(digits) else {
            continue;
        };
        if number.is_valid() {
            return Outcome::Valid(resolved(&number));
        }
        first_parsed.get_or_insert(number);
    }
    match first_parsed {
        Some(n) => Outcome::Invalid(n.format_as(PhoneNumberFormat::E164).into_owned()),
        None => Outcome::Unparseable,
    }
}

/// The first valid reading other than the national one, in order of how telling it is.
fn valid_alternative(digits: &str) -> Option<(Reading, PhoneNumber)> {
    let ukrainian_trunk = digits.len() == 11 && digits.starts_with("80");
    let candidates = [
        (
            Reading::Idd011,
            digits.strip_prefix("011").map(str::to_string),
        ),
        (
            Reading::Idd810,
            digits.strip_prefix("810").map(str::to_string),
        ),
        (
            Reading::UkrainianTrunk8,
            ukrainian_trunk.then(|| format!("3{digits}")),
        ),
        (
            Reading::BareCountryCode,
            (!digits.starts_with('0')).then(|| digits.to_string()),
        ),
        (
            Reading::BareCountryCode,
            (!digits.starts_with('0')).then(|| drop_zero_after_code(digits)),
        ),
    ];
    candidates.into_iter().find_map(|(reading, text)| {
        let number = parse_international(&text?)?;
        number.is_valid().then_some((reading, number))
    })
}

/// The national reading is invalid (or there is none): may another valid reading stand in?
///
/// Where national numbers are normally written without a trunk prefix (North America's
/// `(201) 555-0123`, Italy, Poland, Russia's `495 123-45-67`), digits of the usual national
/// length (after a trunk prefix such as Russia's `8`) are an invalid national number, not a
/// country code without `+`: `(241) 344-0380` in a US row is not Gabon. Without a row country, a country code without `+` is only read as
/// such in a full-length number (11 digits or more).
fn accept_alternative(reading: Reading, digits: &str, row: Option<&RowRegion>) -> bool {
    if reading != Reading::BareCountryCode {
        return true;
    }
    let Some(row) = row else {
        return digits.len() >= 11;
    };
    let with_trunk = row.trunk.is_some_and(|t| digits.starts_with(t));
    let national_length = digits.len() - usize::from(with_trunk);
    row.trunk == Some('0') || !row.usual_lengths.contains(&national_length)
}

/// Both the national and another reading are valid: which one did the writer mean?
///
/// A country code without `+` wins over a national reading in countries whose national numbers
/// start with the trunk `0` when the digits do not: such a national number has lost its `0`
/// (Excel), and so has an international one its `+`, but only a full international number is
/// long enough to be valid in another country's plan. North American readings (`1…`) are the
/// exception: with hundreds of area codes, a national mobile number missing its `0`
/// (`0160 …` → `160…`) is often also a valid `+1` number.
fn prefer_alternative(
    reading: Reading,
    alt: &PhoneNumber,
    national: &PhoneNumber,
    digits: &str,
    row: Option<&RowRegion>,
) -> bool {
    let Some(row) = row else { return true };
    match reading {
        Reading::Idd011 => PHONE_NUMBER_UTIL.is_nanpa_country(row.region),
        Reading::Idd810 | Reading::UkrainianTrunk8 => {
            row.trunk == Some('8') || row.region == Region::UA
        }
        // `4915112345678` in a German row: the national reading would repeat the country code.
        Reading::BareCountryCode => {
            let lost_trunk = row.trunk == Some('0') && !digits.starts_with('0');
            let repeats_own_code = alt.country_code == row.calling_code
                && national
                    .get_national_significant_number()
                    .starts_with(&row.calling_code.to_string());
            lost_trunk && (repeats_own_code || alt.country_code != 1)
        }
    }
}

/// `49030…` → `4930…`: a trunk zero written after the country code.
fn drop_zero_after_code(digits: &str) -> String {
    for len in 1..=3 {
        let (Some(code), Some(rest)) = (digits.get(..len), digits.get(len..)) else {
            break;
        };
        let Ok(cc) = code.parse::<i32>() else { break };
        if PHONE_NUMBER_UTIL.get_region_for_country_code(cc).is_some() {
            return match rest.strip_prefix('0') {
                Some(tail) => format!("{code}{tail}"),
                None => digits.to_string(),
            };
        }
    }
    digits.to_string()
}

/// The row-country reading; in countries without a trunk prefix, a spare leading `0` written
/// out of habit (`0 22 123 45 67` in Poland) is dropped when only that makes the number valid.
fn national_reading(digits: &str, row: &RowRegion) -> Option<PhoneNumber> {
    let number = parse_national(digits, row.region);
    if row.trunk.is_some() || number.as_ref().is_some_and(PhoneNumber::is_valid) {
        return number;
    }
    let spare_zero = digits
        .strip_prefix('0')
        .and_then(|rest| parse_national(rest, row.region))
        .filter(PhoneNumber::is_valid);
    spare_zero.or(number)
}

fn parse_international(digits: &str) -> Option<PhoneNumber> {
    if digits.len() < MIN_DIGITS {
        return None;
    }
    PHONE_NUMBER_UTIL.parse(format!("+{digits}"), None).ok()
}

fn parse_national(digits: &str, region: Region) -> Option<PhoneNumber> {
    PHONE_NUMBER_UTIL.parse(digits, Some(region)).ok()
}

fn resolved(number: &PhoneNumber) -> Resolved {
    Resolved {
        e164: number.format_as(PhoneNumberFormat::E164).into_owned(),
        kind: type_name(number.get_type()),
    }
}

/// The `phone_type` value for a metadata number type.
pub fn type_name(kind: PhoneNumberType) -> &'static str {
    match kind {
        PhoneNumberType::FixedLine => "fixed_line",
        PhoneNumberType::Mobile => "mobile",
        PhoneNumberType::FixedLineOrMobile => "fixed_line_or_mobile",
        PhoneNumberType::TollFree => "toll_free",
        PhoneNumberType::PremiumRate => "premium_rate",
        PhoneNumberType::SharedCost => "shared_cost",
        PhoneNumberType::VoIP => "voip",
        PhoneNumberType::PersonalNumber => "personal_number",
        PhoneNumberType::Pager => "pager",
        PhoneNumberType::UAN => "uan",
        PhoneNumberType::VoiceMail => "voicemail",
        PhoneNumberType::Unknown => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(digits: &str, plus: bool, country: Option<&str>) -> String {
        let row = country.and_then(RowRegion::of);
        match resolve(plus, digits, row.as_ref()) {
            Outcome::Valid(r) => r.e164,
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn national_numbers_with_trunk_prefix() {
        assert_eq!(e164("0501234567", false, Some("UA")), "+380501234567");
        assert_eq!(e164("0812345678", false, Some("TH")), "+66812345678");
        assert_eq!(e164("89123456789", false, Some("RU")), "+79123456789");
    }

    #[test]
    fn international_prefixes_whatever_the_row_country() {
        assert_eq!(e164("0066812345678", false, Some("TH")), "+66812345678");
        assert_eq!(e164("0012015550123", false, Some("US")), "+12015550123");
        assert_eq!(e164("011380501234567", false, Some("US")), "+380501234567");
        assert_eq!(e164("00380501234567", false, None), "+380501234567");
    }

    #[test]
    fn country_code_without_plus_is_not_doubled() {
        assert_eq!(e164("4915112345678", false, Some("DE")), "+4915112345678");
        assert_eq!(e164("380501234567", false, Some("UA")), "+380501234567");
        assert_eq!(e164("380501234567", false, Some("US")), "+380501234567");
    }

    #[test]
    fn spare_zero_where_there_is_no_trunk_prefix() {
        assert_eq!(e164("0221234567", false, Some("PL")), "+48221234567");
        assert_eq!(e164("0612345678", false, Some("IT")), "+390612345678");
    }

    #[test]
    fn national_length_digits_are_not_read_as_a_foreign_country_code() {
        assert_eq!(
            e164("2413440380", false, Some("US")),
            "Invalid(\"+12413440380\")"
        );
    }

    #[test]
    fn old_ukrainian_long_distance_form() {
        assert_eq!(e164("80501234567", false, Some("UA")), "+380501234567");
    }

    #[test]
    fn trunk_zero_after_country_code() {
        assert_eq!(e164("490301234567", true, None), "+49301234567");
    }

    #[test]
    fn national_number_without_country_is_not_guessed() {
        assert_eq!(e164("0501234567", false, None), "NoCountry");
    }

    #[test]
    fn invalid_in_the_plan_is_reported_not_output() {
        assert!(matches!(
            resolve(false, "0001234567", RowRegion::of("UA").as_ref()),
            Outcome::Invalid(_) | Outcome::Unparseable
        ));
        assert!(matches!(
            resolve(true, "380001234567", None),
            Outcome::Invalid(_)
        ));
    }

    #[test]
    fn trunk_prefixes_come_from_the_metadata() {
        assert_eq!(RowRegion::of("UA").and_then(|r| r.trunk), Some('0'));
        assert_eq!(RowRegion::of("RU").and_then(|r| r.trunk), Some('8'));
        assert_eq!(RowRegion::of("IT").and_then(|r| r.trunk), None);
    }
}
