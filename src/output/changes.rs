//! What a later run builds on: `changes.csv` (what happened to every customer since the
//! earlier run, `--previous`) and `decisions.csv` (the steward decisions this run honoured,
//! which a run with `--previous` on this output carries over).

use super::{Staging, write_row};
use crate::error::Result;
use crate::previous::Change;

/// Writes one line per customer of this run and per earlier ID that is gone.
pub fn write_changes(changes: &[Change], staging: &Staging) -> Result<()> {
    let mut w = staging.csv("changes.csv")?;
    write_row(
        &mut w,
        &[
            "customer_id",
            "change",
            "previous_customer_id",
            "rows_added",
            "rows_removed",
            "fields_changed",
        ],
    )?;
    for c in changes {
        let (added, removed) = (c.rows_added.to_string(), c.rows_removed.to_string());
        write_row(
            &mut w,
            &[
                &c.customer_id,
                c.change.as_str(),
                &c.previous_customer_id,
                &added,
                &removed,
                &c.fields_changed,
            ],
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Writes the decisions this run honoured, in the format `--decisions` reads.
pub fn write_decisions(decisions: &crate::dedupe::Decisions, staging: &Staging) -> Result<()> {
    let mut w = staging.create("decisions.csv")?;
    crate::dedupe::write_decisions(decisions, &mut w)?;
    std::io::Write::flush(&mut w)?;
    Ok(())
}
