//! Paths as a config file writes them: relative to the config's own folder, so the config reads the same files from any working directory.

use std::path::{Component, Path, PathBuf};

/// `path` as written in a config saved in folder `config_dir`: relative to `config_dir`
/// (through `..` where needed) when the two share a folder below the file system root, else
/// absolute. Both are resolved first (links, `.` and `..`); a path that cannot be resolved
/// is made absolute against the current directory, and is returned as given when even that
/// fails.
pub fn relative_to(path: &Path, config_dir: &Path) -> PathBuf {
    let Some(target) = resolved(path) else {
        return path.to_path_buf();
    };
    let Some(base) = resolved(config_dir) else {
        return target;
    };
    let target_parts: Vec<Component> = target.components().collect();
    let base_parts: Vec<Component> = base.components().collect();
    let common = target_parts
        .iter()
        .zip(&base_parts)
        .take_while(|(a, b)| a == b)
        .count();
    // Only the root (`/`, or a Windows prefix and root) in common: an absolute path is clearer.
    let shared_folder = target_parts
        .iter()
        .take(common)
        .any(|c| matches!(c, Component::Normal(_)));
    if !shared_folder {
        return target;
    }
    let mut out = PathBuf::new();
    for _ in common..base_parts.len() {
        out.push("..");
    }
    for part in target_parts.iter().skip(common) {
        out.push(part.as_os_str());
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// The canonical form of `path`, or its absolute form when it does not exist (yet).
fn resolved(path: &Path) -> Option<PathBuf> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    path.canonicalize()
        .ok()
        .or_else(|| std::path::absolute(path).ok())
}

#[cfg(test)]
mod tests {
    use super::relative_to;
    use std::path::Path;

    #[test]
    fn a_file_beside_or_below_the_config_is_relative() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("sub")).expect("mkdir");
        let file = data.join("sub").join("a.csv");
        std::fs::write(&file, "x\n").expect("write");
        assert_eq!(relative_to(&file, &data), Path::new("sub/a.csv"));
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).expect("mkdir");
        assert_eq!(
            relative_to(&file, &elsewhere),
            Path::new("../data/sub/a.csv")
        );
        assert_eq!(relative_to(&data, &data), Path::new("."));
    }

    #[test]
    fn a_file_sharing_only_the_root_is_absolute() {
        let dir = tempfile::tempdir().expect("tempdir");
        let got = relative_to(dir.path(), Path::new("/"));
        assert!(got.is_absolute(), "{}", got.display());
    }

    #[test]
    fn dot_dot_and_links_are_resolved() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).expect("mkdir");
        std::fs::write(data.join("a.csv"), "x\n").expect("write");
        let odd = data.join("..").join("data").join("a.csv");
        assert_eq!(relative_to(&odd, dir.path()), Path::new("data/a.csv"));
    }
}
