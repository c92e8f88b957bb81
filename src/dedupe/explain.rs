//! Per-pair explanations kept for the outputs: each kept pair's level and weight on every comparison.
//!
//! A run at a million rows keeps millions of pairs, so a pair does not own its explanation:
//! [`Explanations`] stores one row per kept pair in two flat arrays (a level index and a
//! weight per comparison, 5 bytes a field instead of a 40-byte struct behind a pointer), and
//! [`ScoredPair::vector`](super::ScoredPair::vector) names the row. Weights are kept as `f32`:
//! they are shown to stewards with two decimals; the pair's total (`match_weight`) is summed
//! in `f64` before the row is stored.

use super::FieldComparison;

/// Levels and weights of the kept pairs, one row per pair.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explanations {
    /// Comparison names, in `pairs.csv` column order.
    names: Vec<&'static str>,
    /// Level labels per comparison (level index → label).
    labels: Vec<&'static [&'static str]>,
    levels: Vec<u8>,
    weights: Vec<f32>,
}

impl Explanations {
    /// An empty table for these comparisons (`names` and `labels` aligned).
    pub fn new(names: Vec<&'static str>, labels: Vec<&'static [&'static str]>) -> Explanations {
        Explanations {
            names,
            labels,
            levels: Vec::new(),
            weights: Vec::new(),
        }
    }

    /// An empty table with the same comparisons.
    pub fn empty_like(&self) -> Explanations {
        Explanations::new(self.names.clone(), self.labels.clone())
    }

    fn width(&self) -> usize {
        self.names.len()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.levels.len().checked_div(self.width()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a row (one level and weight per comparison; missing entries count as level 0,
    /// weight 0) and returns its index.
    pub fn push(&mut self, levels: &[u8], weights: &[f64]) -> u32 {
        let row = self.len() as u32;
        for c in 0..self.width() {
            self.levels.push(levels.get(c).copied().unwrap_or(0));
            self.weights
                .push(weights.get(c).copied().unwrap_or(0.0) as f32);
        }
        row
    }

    /// Appends `other`'s rows (same comparisons); returns the index its first row now has.
    pub fn append(&mut self, other: &mut Explanations) -> u32 {
        let offset = self.len() as u32;
        self.levels.append(&mut other.levels);
        self.weights.append(&mut other.weights);
        offset
    }

    /// The label of comparison `c`'s level in `row` (empty when out of range).
    pub fn level_label(&self, row: u32, c: usize) -> &'static str {
        let i = row as usize * self.width() + c;
        let level = self.levels.get(i).copied().unwrap_or(0);
        self.labels
            .get(c)
            .and_then(|l| l.get(usize::from(level)))
            .copied()
            .unwrap_or("")
    }

    /// The row as field comparisons (name, level label, weight), in column order.
    pub fn fields(&self, row: u32) -> Vec<FieldComparison> {
        let start = row as usize * self.width();
        (0..self.width())
            .filter_map(|c| {
                Some(FieldComparison {
                    comparison: self.names.get(c).copied()?,
                    level: self.level_label(row, c),
                    weight: f64::from(*self.weights.get(start + c)?),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: &[&str] = &["missing", "exact", "close", "different"];

    fn table() -> Explanations {
        Explanations::new(vec!["email", "phone"], vec![LABELS, LABELS])
    }

    #[test]
    fn rows_come_back_with_labels_and_weights() {
        let mut t = table();
        assert_eq!(t.push(&[1, 3], &[8.5, -4.25]), 0);
        assert_eq!(t.push(&[0, 2], &[0.0, 1.5]), 1);
        let f = t.fields(0);
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].comparison, f[0].level, f[0].weight),
            ("email", "exact", 8.5)
        );
        assert_eq!(
            (f[1].comparison, f[1].level, f[1].weight),
            ("phone", "different", -4.25)
        );
        assert_eq!(t.level_label(1, 0), "missing");
        assert_eq!(t.level_label(1, 1), "close");
    }

    #[test]
    fn appended_rows_keep_their_content_at_an_offset() {
        let mut t = table();
        t.push(&[1, 1], &[1.0, 1.0]);
        let mut other = t.empty_like();
        other.push(&[2, 3], &[0.5, -2.0]);
        assert_eq!(t.append(&mut other), 1);
        assert_eq!(t.len(), 2);
        assert_eq!(t.level_label(1, 0), "close");
        assert!(other.is_empty());
    }

    #[test]
    fn out_of_range_rows_and_levels_do_not_panic() {
        let mut t = table();
        t.push(&[9], &[]);
        assert_eq!(t.level_label(0, 0), "");
        assert_eq!(t.level_label(0, 1), "missing");
        assert!(t.fields(7).is_empty());
    }
}
