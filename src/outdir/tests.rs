//! The output folder's layout: sets appear whole on commit, stale staging goes, one run at a time.

use super::*;

fn stage_with(dir: &Path, files: &[(&str, &str)]) -> Staging {
    let s = Staging::new(dir).expect("staging");
    for (name, text) in files {
        let mut w = s.create(name).expect("create");
        w.write_all(text.as_bytes()).expect("write");
        w.flush().expect("flush");
    }
    s
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sets(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = read_dir_names(&dir.join(META_DIR))
        .expect("ls")
        .into_iter()
        .filter(|n| n.starts_with(SET_PREFIX) || n.starts_with(STAGING_PREFIX))
        .collect();
    names.sort();
    names
}

#[test]
fn staged_files_appear_only_on_commit_under_the_names_users_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let s = stage_with(&out, &[("a.csv", "x,y\n")]);
    assert!(!out.join("a.csv").exists());
    s.commit().expect("commit");
    assert_eq!(read(&out.join("a.csv")), "x,y\n");
    let mut visible = read_dir_names(&out).expect("ls");
    visible.sort();
    assert_eq!(visible, [META_DIR, "a.csv"]);
}

#[test]
fn a_new_set_replaces_the_whole_old_one_and_the_old_one_is_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path();
    stage_with(
        out,
        &[("golden.csv", "old golden"), ("xref.csv", "old xref")],
    )
    .commit()
    .expect("first");
    let first = sets(out);
    stage_with(
        out,
        &[("golden.csv", "new golden"), ("xref.csv", "new xref")],
    )
    .commit()
    .expect("second");
    assert_eq!(read(&out.join("golden.csv")), "new golden");
    assert_eq!(read(&out.join("xref.csv")), "new xref");
    let second = sets(out);
    assert_eq!(second.len(), 1, "{second:?}");
    assert_ne!(first, second);
}

#[test]
fn an_abandoned_set_leaves_the_published_one_and_no_staging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path();
    stage_with(out, &[("golden.csv", "good")])
        .commit()
        .expect("commit");
    let published = sets(out);
    stage_with(out, &[("golden.csv", "half")]).abandon();
    assert_eq!(read(&out.join("golden.csv")), "good");
    assert_eq!(sets(out), published);
}

#[test]
fn a_killed_runs_staging_folder_is_removed_by_the_next_run_and_never_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path();
    stage_with(out, &[("golden.csv", "good")])
        .commit()
        .expect("commit");
    // What SIGKILL part-way leaves: a staging folder with some of a set's files.
    let killed = out.join(META_DIR).join(format!("{STAGING_PREFIX}1-999999"));
    fs::create_dir(&killed).expect("mkdir");
    fs::write(killed.join("golden.csv"), "half written").expect("write");
    assert_eq!(read(&out.join("golden.csv")), "good");
    let _open = OutputDir::open(out).expect("open");
    assert!(!killed.exists(), "stale staging folder left behind");
    assert_eq!(read(&out.join("golden.csv")), "good");
}

#[test]
fn the_older_layouts_staging_folder_of_a_dead_process_is_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let stale = dir.path().join(format!("{LEGACY_STAGING_PREFIX}{dead}"));
    fs::create_dir(&stale).expect("mkdir");
    fs::write(stale.join("xref.csv"), "unmasked rows").expect("write");
    let live = dir
        .path()
        .join(format!("{LEGACY_STAGING_PREFIX}{}", std::process::id()));
    fs::create_dir(&live).expect("mkdir");
    let _open = OutputDir::open(dir.path()).expect("open");
    assert!(!stale.exists(), "a dead process's staging folder stayed");
    assert!(live.exists(), "a live process's staging folder was removed");
}

#[test]
fn a_second_run_into_the_same_folder_is_refused_while_the_first_holds_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = OutputDir::open(dir.path()).expect("first");
    let second = OutputDir::open(dir.path()).expect_err("second");
    assert!(
        matches!(second.kind(), crate::ErrorKind::Output(_)),
        "{second:?}"
    );
    assert!(
        second.to_string().contains("another steward run"),
        "{second}"
    );
    drop(first);
    OutputDir::open(dir.path()).expect("free again");
}

#[test]
fn files_of_the_older_layout_become_links_to_the_new_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path();
    fs::write(out.join("golden.csv"), "legacy").expect("write");
    fs::write(out.join("notes.txt"), "the user's own").expect("write");
    stage_with(out, &[("golden.csv", "new")])
        .commit()
        .expect("commit");
    assert_eq!(read(&out.join("golden.csv")), "new");
    assert!(
        fs::symlink_metadata(out.join("golden.csv"))
            .expect("stat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(read(&out.join("notes.txt")), "the user's own");
}

#[test]
fn a_set_without_a_file_the_previous_one_had_does_not_show_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path();
    stage_with(out, &[("golden.csv", "run"), ("quality.json", "{}")])
        .commit()
        .expect("run");
    stage_with(out, &[("audit.html", "audit"), ("quality.json", "{}")])
        .commit()
        .expect("audit");
    assert!(fs::symlink_metadata(out.join("golden.csv")).is_err());
    assert_eq!(read(&out.join("audit.html")), "audit");
}

#[test]
fn an_output_folder_is_recognised_by_its_layout_or_its_run_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    stage_with(&out, &[("run.json", "{}")])
        .commit()
        .expect("commit");
    assert!(is_output_folder(&out));
    assert!(is_inside_output_folder(&out.join("run.json")));
    let legacy = dir.path().join("legacy");
    fs::create_dir(&legacy).expect("mkdir");
    fs::write(
        legacy.join("run.json"),
        r#"{"tool": "steward", "version": "0.1.0"}"#,
    )
    .expect("write");
    assert!(is_output_folder(&legacy));
    let exports = dir.path().join("exports");
    fs::create_dir(&exports).expect("mkdir");
    fs::write(exports.join("run.json"), r#"{"tool": "other"}"#).expect("write");
    fs::write(exports.join("crm.csv"), "Name\nAnn\n").expect("write");
    assert!(!is_output_folder(&exports));
    assert!(!is_inside_output_folder(&exports.join("crm.csv")));
}
