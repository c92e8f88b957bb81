//! The table of canonical fields: each field's name, survivorship block, privacy and identity role, in one place.
//!
//! Adding a field is one variant of [`Field`] and one row of [`FIELDS`]; everything else
//! (output columns, masking, which rows can become customers, the survivorship blocks and
//! rules) reads the row. The compiler checks that the table and the enum agree: a row out of
//! order or a block of the wrong size does not build.

use std::fmt;

/// A canonical contact field. The order here is the column order of every output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Salutation,
    GivenName,
    MiddleName,
    FamilyName,
    FullName,
    Organization,
    JobTitle,
    Department,
    Website,
    Email,
    EmailAlt,
    Phone,
    PhoneExt,
    PhoneType,
    PhoneAlt,
    AddressLine1,
    AddressLine2,
    Locality,
    District,
    Region,
    PostalCode,
    Country,
    CreatedAt,
    BirthDate,
    BirthPlace,
    EmailOptIn,
    DoNotCall,
    Owner,
    LeadSource,
    Notes,
    SourceRecordId,
}

/// A group of fields that survives together, from one member, under one rule list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// Salutation, given, middle, family and full name (`[survivorship.rules] name`).
    Name,
    /// The postal address with its country (`address`).
    Address,
    /// The phone with its extension and type (`phone`).
    Phone,
}

impl Block {
    /// The name of the block's rule list in `[survivorship.rules]`.
    pub const fn name(self) -> &'static str {
        match self {
            Block::Name => "name",
            Block::Address => "address",
            Block::Phone => "phone",
        }
    }

    const fn code(self) -> u8 {
        self as u8
    }
}

/// What a field tells about who a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// Identifies a customer on its own: a row with none of these and no [`Evidence::Other`]
    /// is quarantined.
    Identity,
    /// Evidence of who or where a record is (an alternate contact, a street address): enough
    /// for a row to take part in matching.
    Other,
    /// Describes the customer but identifies nobody.
    None,
}

/// How a field outside the blocks survives into the golden record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Survival {
    /// Part of its [`Block`], chosen with it.
    InBlock,
    /// The winning value under the field's rule list.
    Single,
    /// The e-mail: by validity and agreement among spellings of one mailbox.
    Email,
    /// The best other distinct value of the field it is the alternate of.
    AlternateOf(Field),
    /// Every distinct value of the members, most recent first (free text such as notes).
    Joined,
    /// A consent flag: the most restrictive value any member or consent column gives.
    MostRestrictive,
    /// The source system's own ID of the member the name came from (else of the winner).
    OfSurvivingMember,
}

/// One row of the field table.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub field: Field,
    /// The snake_case column name used in schemas, configs and outputs.
    pub name: &'static str,
    /// The block the field survives in, if any.
    pub block: Option<Block>,
    /// Whether the field holds personal data (masked under `mask_pii`).
    pub pii: bool,
    pub evidence: Evidence,
    pub survival: Survival,
    /// Where a second column mapped to this field goes (`phone` → `phone_alt`).
    pub alternate: Option<Field>,
}

const fn spec(
    field: Field,
    name: &'static str,
    block: Option<Block>,
    pii: bool,
    evidence: Evidence,
    survival: Survival,
) -> FieldSpec {
    FieldSpec {
        field,
        name,
        block,
        pii,
        evidence,
        survival,
        alternate: None,
    }
}

const fn with_alternate(spec: FieldSpec, alternate: Field) -> FieldSpec {
    FieldSpec {
        alternate: Some(alternate),
        ..spec
    }
}

const NAME: Option<Block> = Some(Block::Name);
const ADDRESS: Option<Block> = Some(Block::Address);
const PHONE: Option<Block> = Some(Block::Phone);
const ID: Evidence = Evidence::Identity;
const OTHER: Evidence = Evidence::Other;
const NONE: Evidence = Evidence::None;

/// Every canonical field, in [`Field`] order (the output column order).
pub const FIELDS: [FieldSpec; 31] = [
    spec(
        Field::Salutation,
        "salutation",
        NAME,
        false,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::GivenName,
        "given_name",
        NAME,
        true,
        ID,
        Survival::InBlock,
    ),
    spec(
        Field::MiddleName,
        "middle_name",
        NAME,
        true,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::FamilyName,
        "family_name",
        NAME,
        true,
        ID,
        Survival::InBlock,
    ),
    spec(
        Field::FullName,
        "full_name",
        NAME,
        true,
        ID,
        Survival::InBlock,
    ),
    spec(
        Field::Organization,
        "organization",
        None,
        false,
        ID,
        Survival::Single,
    ),
    spec(
        Field::JobTitle,
        "job_title",
        None,
        false,
        NONE,
        Survival::Single,
    ),
    spec(
        Field::Department,
        "department",
        None,
        false,
        NONE,
        Survival::Single,
    ),
    spec(
        Field::Website,
        "website",
        None,
        false,
        NONE,
        Survival::Single,
    ),
    with_alternate(
        spec(Field::Email, "email", None, true, ID, Survival::Email),
        Field::EmailAlt,
    ),
    spec(
        Field::EmailAlt,
        "email_alt",
        None,
        true,
        OTHER,
        Survival::AlternateOf(Field::Email),
    ),
    with_alternate(
        spec(Field::Phone, "phone", PHONE, true, ID, Survival::InBlock),
        Field::PhoneAlt,
    ),
    spec(
        Field::PhoneExt,
        "phone_ext",
        PHONE,
        false,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::PhoneType,
        "phone_type",
        PHONE,
        false,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::PhoneAlt,
        "phone_alt",
        None,
        true,
        OTHER,
        Survival::AlternateOf(Field::Phone),
    ),
    with_alternate(
        spec(
            Field::AddressLine1,
            "address_line1",
            ADDRESS,
            true,
            OTHER,
            Survival::InBlock,
        ),
        Field::AddressLine2,
    ),
    spec(
        Field::AddressLine2,
        "address_line2",
        ADDRESS,
        true,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::Locality,
        "locality",
        ADDRESS,
        false,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::District,
        "district",
        ADDRESS,
        false,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::Region,
        "region",
        ADDRESS,
        false,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::PostalCode,
        "postal_code",
        ADDRESS,
        false,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::Country,
        "country",
        ADDRESS,
        false,
        NONE,
        Survival::InBlock,
    ),
    spec(
        Field::CreatedAt,
        "created_at",
        None,
        false,
        NONE,
        Survival::Single,
    ),
    spec(
        Field::BirthDate,
        "birth_date",
        None,
        false,
        NONE,
        Survival::Single,
    ),
    spec(
        Field::BirthPlace,
        "birth_place",
        None,
        false,
        NONE,
        Survival::Single,
    ),
    spec(
        Field::EmailOptIn,
        "email_opt_in",
        None,
        false,
        NONE,
        Survival::MostRestrictive,
    ),
    spec(
        Field::DoNotCall,
        "do_not_call",
        None,
        false,
        NONE,
        Survival::MostRestrictive,
    ),
    spec(Field::Owner, "owner", None, true, NONE, Survival::Single),
    spec(
        Field::LeadSource,
        "lead_source",
        None,
        false,
        NONE,
        Survival::Single,
    ),
    spec(Field::Notes, "notes", None, true, NONE, Survival::Joined),
    spec(
        Field::SourceRecordId,
        "source_record_id",
        None,
        false,
        NONE,
        Survival::OfSurvivingMember,
    ),
];

/// The fields of `block`, in table order; `N` must be their number (checked when built).
const fn block_fields<const N: usize>(block: Block) -> [Field; N] {
    let mut out = [Field::Salutation; N];
    let (mut i, mut n) = (0, 0);
    while i < FIELDS.len() {
        if let Some(b) = FIELDS[i].block
            && b.code() == block.code()
        {
            assert!(n < N, "block has more fields than its array");
            out[n] = FIELDS[i].field;
            n += 1;
        }
        i += 1;
    }
    assert!(n == N, "block has fewer fields than its array");
    out
}

/// The name block, in table order.
pub const NAME_BLOCK: [Field; 5] = block_fields(Block::Name);
/// The address block, in table order.
pub const ADDRESS_BLOCK: [Field; 7] = block_fields(Block::Address);
/// The phone block, in table order.
pub const PHONE_BLOCK: [Field; 3] = block_fields(Block::Phone);

const fn all_fields() -> [Field; FIELDS.len()] {
    let mut out = [Field::Salutation; FIELDS.len()];
    let mut i = 0;
    while i < FIELDS.len() {
        assert!(
            FIELDS[i].field as usize == i,
            "FIELDS is not in Field order"
        );
        out[i] = FIELDS[i].field;
        i += 1;
    }
    out
}

impl Field {
    /// Every field, in output column order.
    pub const ALL: [Field; FIELDS.len()] = all_fields();
    /// Number of canonical fields.
    pub const COUNT: usize = Self::ALL.len();

    /// The field's row of the table.
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self.index()]
    }

    /// The snake_case column name used in schemas, configs and outputs.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Parses a canonical column name (`"given_name"`).
    pub fn from_name(name: &str) -> Option<Field> {
        FIELDS.iter().find(|s| s.name == name).map(|s| s.field)
    }

    /// Index of this field in a [`crate::record::Values`] array.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Where a second column mapped to this field goes (`phone` → `phone_alt`).
    pub fn alternate(self) -> Option<Field> {
        self.spec().alternate
    }

    /// Whether the field holds personal data, masked under `mask_pii`.
    pub fn is_pii(self) -> bool {
        self.spec().pii
    }

    /// What the field tells about who a record is.
    pub fn evidence(self) -> Evidence {
        self.spec().evidence
    }

    /// The name of the rule list the field survives under: its block's, else its own.
    pub fn rule_name(self) -> &'static str {
        self.spec().block.map_or(self.name(), Block::name)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for f in Field::ALL {
            assert!(seen.insert(f.name()), "{} twice", f.name());
            assert!(
                f.name()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{}",
                f.name()
            );
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        assert_eq!(Field::from_name("given"), None);
    }

    #[test]
    fn an_alternate_survives_as_the_alternate_of_its_main_field() {
        for f in Field::ALL {
            if let Some(alt) = f.alternate()
                && alt != Field::AddressLine2
            {
                assert_eq!(alt.spec().survival, Survival::AlternateOf(f));
            }
            if let Survival::AlternateOf(main) = f.spec().survival {
                assert_eq!(main.alternate(), Some(f));
            }
        }
    }

    #[test]
    fn block_fields_survive_in_their_block_and_others_do_not() {
        for f in Field::ALL {
            assert_eq!(
                f.spec().block.is_some(),
                f.spec().survival == Survival::InBlock,
                "{f}"
            );
        }
        assert_eq!(Field::PhoneType.rule_name(), "phone");
        assert_eq!(Field::Notes.rule_name(), "notes");
        assert!(NAME_BLOCK.contains(&Field::FullName));
    }

    #[test]
    fn every_identity_field_is_personal_or_an_organisation() {
        for f in Field::ALL {
            if f.evidence() == Evidence::Identity {
                assert!(f.is_pii() || f == Field::Organization, "{f}");
            }
        }
    }
}
