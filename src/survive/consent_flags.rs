//! The golden consent flags `email_opt_in` and `do_not_call`: the most restrictive answer any member gives, in the flag's own column or in a consent column of its channel.
//!
//! Evidence for a flag comes from each member's own value of the flag (a column mapped to
//! `email_opt_in` reads as an opt-in, one mapped to `do_not_call` as an opt-out) and from the
//! pass-through consent columns (`schemas/consent.toml`), read by their polarity and channel.
//! A refusal anywhere wins: in a column of the flag's channel, or in a column that names no
//! channel (`GDPR consent: no`, `Do not contact: yes` forbid e-mail and calls alike). An
//! agreement counts only from the flag's own column or a column of its channel: a general
//! consent proves no channel in particular. Without either, the flag is empty: unknown, never
//! guessed. The member the decisive answer came from is the most recent one that gave it.

use super::consent::{Channel, ConsentWords, Polarity, Stance};
use super::passthrough::PassColumns;
use super::rules::most_recent_first;
use crate::record::{Field, Record};

/// A consent flag with its channel and the polarity of its own column.
#[derive(Clone, Copy, Debug)]
struct Flag {
    field: Field,
    channel: Channel,
    own: Polarity,
}

const FLAGS: [Flag; 2] = [
    Flag {
        field: Field::EmailOptIn,
        channel: Channel::Email,
        own: Polarity::OptIn,
    },
    Flag {
        field: Field::DoNotCall,
        channel: Channel::Phone,
        own: Polarity::OptOut,
    },
];

/// For each flag field: its golden value (`true`/`false`) and the member it came from.
pub fn choose(
    records: &[Record],
    members: &[usize],
    priorities: &[i32],
    columns: Option<&PassColumns>,
    words: &ConsentWords,
) -> Vec<(Field, usize, &'static str)> {
    let order = most_recent_first(records, members, priorities);
    FLAGS
        .iter()
        .filter_map(|flag| {
            let answers = |i: usize| member_answers(&records[i], flag, columns, words);
            let refused = order
                .iter()
                .find(|&&i| answers(i).contains(&Stance::Refused));
            let agreed = order
                .iter()
                .find(|&&i| answers(i).contains(&Stance::Agreed));
            let (member, refusal) = match (refused, agreed) {
                (Some(&i), _) => (i, true),
                (None, Some(&i)) => (i, false),
                (None, None) => return None,
            };
            // `email_opt_in` is false on a refusal; `do_not_call` is true.
            let value = match (flag.own, refusal) {
                (Polarity::OptIn, true) | (Polarity::OptOut, false) => "false",
                (Polarity::OptIn, false) | (Polarity::OptOut, true) => "true",
            };
            Some((flag.field, member, value))
        })
        .collect()
}

/// What one record says about `flag`: its own column's stance, and the stances of its
/// consent columns that count for the flag's channel.
fn member_answers(
    rec: &Record,
    flag: &Flag,
    columns: Option<&PassColumns>,
    words: &ConsentWords,
) -> Vec<Stance> {
    let mut out: Vec<Stance> = Vec::new();
    let own = rec.values.get(flag.field);
    if let Some(stance) = words.stance(flag.own, own) {
        // A value of its own standing (a consent date) in the flag's column agrees.
        out.push(match stance {
            Stance::Other => Stance::Agreed,
            s => s,
        });
    }
    for (polarity, channel, value) in columns.into_iter().flat_map(|c| c.consent_cells(rec)) {
        let Some(stance) = words.stance(polarity, value) else {
            continue;
        };
        let counts = match stance {
            Stance::Refused => channel == flag.channel || channel == Channel::Any,
            Stance::Agreed | Stance::Other => channel == flag.channel,
        };
        if counts {
            out.push(match stance {
                Stance::Other => Stance::Agreed,
                s => s,
            });
        }
    }
    out
}
