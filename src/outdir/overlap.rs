//! Refusing an output folder that is, holds, or lies inside an input: its outputs would replace inputs, and the next run would read them back.

use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};

/// Errors (a configuration error naming `out`) when `out` is one of `inputs`, lies inside
/// one, or holds one, comparing canonical paths (links, `..` and `.` resolved). Inputs that
/// do not exist are left for the reader to report.
pub fn refuse_overlap<'a>(out: &Path, inputs: impl IntoIterator<Item = &'a Path>) -> Result<()> {
    let out_real = canonical_even_if_missing(out);
    for input in inputs {
        let Ok(input_real) = input.canonicalize() else {
            continue;
        };
        let how = if out_real == input_real {
            "is the input"
        } else if out_real.starts_with(&input_real) {
            "is inside the input"
        } else if input_real.starts_with(&out_real) {
            "holds the input"
        } else {
            continue;
        };
        return Err(Error::config(format!(
            "the output folder {how} {}; its outputs would replace input files and be read as \
             input next time: choose an --out outside every input",
            input.display()
        ))
        .at_path(out));
    }
    Ok(())
}

/// `path` canonicalised; the parts that do not exist yet are appended to the canonical form
/// of the longest prefix that does (`..` among them going up one level).
fn canonical_even_if_missing(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let parts: Vec<Component> = absolute.components().collect();
    for split in (1..=parts.len()).rev() {
        let prefix: PathBuf = parts[..split].iter().collect();
        let Ok(mut real) = prefix.canonicalize() else {
            continue;
        };
        for part in &parts[split..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                _ => {}
            }
        }
        return real;
    }
    absolute
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(out: &Path, input: &Path) -> bool {
        refuse_overlap(out, [input]).is_err()
    }

    #[test]
    fn the_input_folder_itself_inside_it_or_around_it_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inputs = dir.path().join("exports");
        std::fs::create_dir(&inputs).expect("mkdir");
        let file = inputs.join("crm.csv");
        std::fs::write(&file, "Name\nAnn\n").expect("write");
        assert!(refused(&inputs, &inputs));
        assert!(refused(&inputs.join("."), &inputs));
        assert!(refused(&inputs.join("out"), &inputs));
        assert!(refused(&inputs.join("new/deeper"), &inputs));
        assert!(refused(dir.path(), &inputs));
        assert!(refused(dir.path(), &file));
        assert!(refused(&inputs.join("sub/../"), &file));
        assert!(!refused(&dir.path().join("out"), &inputs));
        assert!(!refused(&dir.path().join("exports-out"), &inputs));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_input_folder_is_the_input_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inputs = dir.path().join("exports");
        std::fs::create_dir(&inputs).expect("mkdir");
        let link = dir.path().join("latest");
        std::os::unix::fs::symlink(&inputs, &link).expect("symlink");
        assert!(refused(&link, &inputs));
        assert!(refused(&inputs, &link));
    }

    #[test]
    fn the_message_names_the_input_not_its_contents() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = refuse_overlap(dir.path(), [dir.path()]).expect_err("refused");
        let text = err.to_string();
        assert!(text.contains("is the input"), "{text}");
        assert!(text.contains("--out"), "{text}");
    }
}
