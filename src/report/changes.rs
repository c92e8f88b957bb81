//! The report's "Since the previous run" section (`--previous`): customers per kind of
//! change, and every customer that did not stay unchanged (capped).

use super::escape::html;
use crate::previous::{Change, ChangeKind};
use crate::thousands::count;
use std::fmt::Write;

/// Lines of the change table shown at most; `changes.csv` holds them all.
const SHOWN: usize = 2_000;

/// The section, or nothing without an earlier run.
pub fn section(changes: Option<&[Change]>) -> String {
    let Some(changes) = changes else {
        return String::new();
    };
    let mut s = String::from(
        "<section id=\"changes\"><h2>Since the previous run</h2><p>Customers of the earlier run \
         keep their IDs unless they merge or split; every change is in <code>changes.csv</code>.</p>\
         <table class=\"grid\" id=\"change-counts\"><thead><tr><th>change</th><th>customers</th></tr></thead><tbody>",
    );
    for kind in [
        ChangeKind::New,
        ChangeKind::Updated,
        ChangeKind::Merged,
        ChangeKind::Split,
        ChangeKind::Removed,
        ChangeKind::Unchanged,
    ] {
        let n = changes.iter().filter(|c| c.change == kind).count();
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
            kind.as_str(),
            count(n)
        );
    }
    s.push_str("</tbody></table>");
    let moved: Vec<&Change> = changes
        .iter()
        .filter(|c| c.change != ChangeKind::Unchanged)
        .collect();
    if moved.len() > SHOWN {
        let _ = write!(
            s,
            "<p class=\"notice cap\">Showing {} of {} changed customers; changes.csv holds them all.</p>",
            count(SHOWN),
            count(moved.len())
        );
    }
    s.push_str(
        "<table class=\"grid\" id=\"change-list\"><thead><tr><th>customer</th><th>change</th>\
         <th>previous customer</th><th>rows added</th><th>rows removed</th><th>fields changed</th></tr></thead><tbody>",
    );
    for c in moved.iter().take(SHOWN) {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            html(&c.customer_id),
            c.change.as_str(),
            html(&c.previous_customer_id),
            count(c.rows_added),
            count(c.rows_removed),
            html(&c.fields_changed.replace(';', ", "))
        );
    }
    s.push_str("</tbody></table></section>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(id: &str, kind: ChangeKind, previous: &str) -> Change {
        Change {
            customer_id: id.into(),
            change: kind,
            previous_customer_id: previous.into(),
            rows_added: 1,
            rows_removed: 0,
            fields_changed: "email;phone".into(),
        }
    }

    #[test]
    fn counts_each_kind_and_lists_what_changed() {
        let changes = vec![
            change("C1", ChangeKind::Unchanged, "C1"),
            change("C2", ChangeKind::Updated, "C2"),
            change("C2", ChangeKind::Merged, "C<3>"),
            change("C4", ChangeKind::New, ""),
        ];
        let s = section(Some(&changes));
        assert!(s.contains("<tr><td>merged</td><td class=\"num\">1</td></tr>"));
        assert!(s.contains("<tr><td>unchanged</td><td class=\"num\">1</td></tr>"));
        assert_eq!(
            s.matches("<tr><td>C").count(),
            3,
            "the unchanged one is not listed"
        );
        assert!(s.contains("C&lt;3&gt;") && s.contains("email, phone"));
        assert!(section(None).is_empty());
    }
}
