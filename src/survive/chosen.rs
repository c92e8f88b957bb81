//! Golden values a steward chose (`value` decisions): they win over survivorship, and a
//! finding says when no member of the customer carries the chosen value any more.

use super::Golden;
use crate::dedupe::decisions::{DecisionKind, Decisions};
use crate::finding::{Finding, Severity};
use crate::record::{Field, Record};
use rustc_hash::FxHashMap as HashMap;

/// Where a golden field lives: a canonical field or a pass-through column.
enum Slot {
    Canonical(Field),
    Passthrough(usize),
}

/// Applies every `value` decision to `golden` (customer IDs as this run gives them) and
/// returns the findings: a decision naming a customer or field this run does not have is not
/// applied; a chosen value no member carries is applied and reported. `columns` are the
/// pass-through columns of [`Golden::extra`]; `place` gives a record's source and row.
pub fn apply(
    golden: &mut [Golden],
    decisions: &Decisions,
    records: &[Record],
    columns: &[String],
    place: &dyn Fn(usize) -> (String, u64),
) -> Vec<Finding> {
    let by_id: HashMap<&str, usize> = golden
        .iter()
        .enumerate()
        .map(|(i, g)| (g.customer_id.as_str(), i))
        .collect();
    let mut chosen: Vec<(usize, Slot, &str, u64, &str)> = Vec::new();
    let mut findings = Vec::new();
    for d in decisions
        .entries
        .iter()
        .filter(|d| d.kind == DecisionKind::Value)
    {
        let line = d.line;
        let Some(&g) = by_id.get(d.customer_id.trim()) else {
            findings.push(Finding::new(
                "",
                0,
                "dedupe.decision_unresolved",
                Severity::Warning,
                format!("steward decision 'value' on row {line} of the decisions file names a customer that is not in this run; not applied"),
            ).with_field(d.field.clone()));
            continue;
        };
        let name = d.field.trim();
        let slot = match Field::from_name(name) {
            Some(f) => Slot::Canonical(f),
            None => match columns.iter().position(|c| c == name) {
                Some(i) => Slot::Passthrough(i),
                None => {
                    findings.push(
                        Finding::new(
                            "",
                            0,
                            "dedupe.decision_unresolved",
                            Severity::Warning,
                            format!("steward decision 'value' on row {line} of the decisions file names a field that golden.csv does not have; not applied"),
                        )
                        .with_field(name.to_string()),
                    );
                    continue;
                }
            },
        };
        chosen.push((g, slot, d.value.as_str(), line, name));
    }
    for (g, slot, value, line, name) in chosen {
        let Some(golden) = golden.get_mut(g) else {
            continue;
        };
        let supported = golden.members.iter().any(|&m| {
            records.get(m).is_some_and(|r| match &slot {
                Slot::Canonical(f) => same_value(r.values.get(*f), value),
                Slot::Passthrough(_) => r.extra.iter().any(|v| same_value(v, value)),
            })
        });
        match slot {
            Slot::Canonical(f) => {
                golden.values.set(f, value);
                golden.value_source.set(f, None);
            }
            Slot::Passthrough(i) => {
                if let Some(cell) = golden.extra.get_mut(i) {
                    *cell = value.to_string();
                }
            }
        }
        if !supported && !value.is_empty() {
            let (source, row) = golden
                .members
                .first()
                .map_or((String::new(), 0), |&m| place(m));
            findings.push(
                Finding::new(
                    &source,
                    row,
                    "dedupe.decision_value_unsupported",
                    Severity::Warning,
                    format!(
                        "the value a steward chose on row {line} of the decisions file for customer {} is carried by none of its rows any more; kept as chosen",
                        golden.customer_id
                    ),
                )
                .with_field(name.to_string()),
            );
        }
    }
    findings
}

/// Whether a member's value is the chosen one, ignoring case and surrounding space.
fn same_value(member: &str, chosen: &str) -> bool {
    let (a, b) = (member.trim(), chosen.trim());
    !a.is_empty() && (a == b || a.to_lowercase() == b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::decisions::parse_decisions;

    fn customer(id: &str, members: &[usize]) -> Golden {
        Golden {
            customer_id: id.to_string(),
            members: members.to_vec(),
            extra: vec![String::new()],
            ..Golden::default()
        }
    }

    fn record(email: &str) -> Record {
        let mut r = Record::default();
        r.values.set(Field::Email, email);
        r
    }

    #[test]
    fn a_chosen_value_wins_and_is_reported_when_no_member_has_it() {
        let records = vec![record("ann@example.org"), record("ann.smith@example.org")];
        let mut golden = vec![customer("C1", &[0, 1])];
        golden[0].values.set(Field::Email, "ann@example.org");
        golden[0].value_source.set(Field::Email, Some(0));
        let d = parse_decisions(
            "decision,customer_id,field,value\n\
             value,C1,email,Ann.Smith@example.org\n\
             value,C1,segment,Maria\n\
             value,C9,email,x@example.org\n\
             value,C1,shoe_size,42\n",
        )
        .expect("decisions");
        let columns = vec!["segment".to_string()];
        let place = |i: usize| ("crm.csv".to_string(), i as u64 + 1);
        let findings = apply(&mut golden, &d, &records, &columns, &place);
        assert_eq!(golden[0].values.get(Field::Email), "Ann.Smith@example.org");
        assert_eq!(
            golden[0].value_source.get(Field::Email),
            None,
            "chosen by a steward"
        );
        assert_eq!(golden[0].extra[0], "Maria");
        let codes: Vec<(&str, &str)> = findings
            .iter()
            .map(|f| (f.code.as_str(), f.field.as_str()))
            .collect();
        // The e-mail is a member's (case aside); no member has `Maria`; C9 and shoe_size
        // are not in the run.
        assert_eq!(
            codes,
            vec![
                ("dedupe.decision_unresolved", "email"),
                ("dedupe.decision_unresolved", "shoe_size"),
                ("dedupe.decision_value_unsupported", "segment"),
            ]
        );
        assert!(findings.iter().all(|f| !f.message.contains("Maria")));
    }
}
