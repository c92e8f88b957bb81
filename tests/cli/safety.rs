//! Safety of the run itself: the output folder apart from the inputs, one output set switched at once, only regular files of a bounded size read, a full disk reported as such.

use super::common::*;
use std::time::{Duration, Instant};

fn run_args(args: &[&str]) -> Output {
    let mut all = vec!["run", "--quiet"];
    all.extend_from_slice(args);
    steward(&all)
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs steward with `args`, killing it (and failing) if it has not ended after a minute: the
/// runs here used to block forever.
fn steward_or_hang(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("steward {args:?} did not end");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

#[test]
fn an_output_folder_that_is_holds_or_lies_in_an_input_is_refused_and_inputs_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("exports");
    std::fs::create_dir(&inputs).expect("mkdir");
    let xref = write(
        &inputs,
        "xref.csv",
        b"Name,Email\nAnn Smith,ann@example.org\n",
    );
    write(
        &inputs,
        "golden.csv",
        b"Name,Email\nBob Jones,bob@example.com\n",
    );
    let input = inputs.display().to_string();
    for out in [
        inputs.clone(),
        inputs.join("out"),
        dir.path().to_path_buf(),
        inputs.join("sub/.."),
    ] {
        let o = run_args(&[&input, "--out", &out.display().to_string()]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "--out {}: {}",
            out.display(),
            text(&o)
        );
        assert!(
            text(&o).contains("choose an --out outside every input"),
            "{}",
            text(&o)
        );
    }
    // A single file given as input, and the folder holding it as --out.
    let o = run_args(&[&xref.display().to_string(), "--out", &input]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert_eq!(
        std::fs::read(&xref).expect("input"),
        b"Name,Email\nAnn Smith,ann@example.org\n"
    );
    let mut left: Vec<String> = std::fs::read_dir(&inputs)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["golden.csv", "xref.csv"]);
}

#[test]
fn a_previous_runs_output_folder_given_as_input_is_skipped_not_read() {
    let demo = fixture("demo");
    let first = run_ok(&[&demo]);
    let rows = xref(&first).rows.len();
    // The output folder beside the real inputs: its csv and json files are not read.
    let second = run_ok(&[first.path(), &demo]);
    assert_eq!(xref(&second).rows.len(), rows);
    let skipped = findings(&second);
    let skipped = skipped.filter("code", "input.steward_output");
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    // Alone, it is an input error that says why.
    let out = tempfile::tempdir().expect("tempdir");
    let o = run_args(&[
        &first.path().display().to_string(),
        "--out",
        &out.path().display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("Steward output folder"), "{}", text(&o));
    // An explicit output file is not read either.
    let o = run_args(&[
        &first.path().join("xref.csv").display().to_string(),
        "--out",
        &out.path().display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn an_output_folder_of_the_older_layout_is_recognised_by_its_run_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old-out");
    std::fs::create_dir(&old).expect("mkdir");
    write(
        &old,
        "run.json",
        br#"{"tool": "steward", "version": "0.1.0"}"#,
    );
    write(
        &old,
        "xref.csv",
        b"source,row,email\ncrm.csv,1,ann@example.org\n",
    );
    let out = dir.path().join("o").display().to_string();
    let o = run_args(&[&old.display().to_string(), "--out", &out]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("Steward output folder"), "{}", text(&o));
}

#[test]
fn outputs_are_links_into_one_published_set_and_a_rerun_leaves_one_set() {
    let demo = fixture("demo");
    let out = run_ok(&[&demo]);
    let before = std::fs::read(out.path().join("xref.csv")).expect("xref");
    for name in ["golden.csv", "xref.csv", "run.json", "report.html"] {
        let link = std::fs::read_link(out.path().join(name)).expect("a link");
        assert_eq!(link, Path::new(".steward/current").join(name));
    }
    let o = run_args(&[
        &demo.display().to_string(),
        "--out",
        &out.path().display().to_string(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        before,
        std::fs::read(out.path().join("xref.csv")).expect("xref")
    );
    let sets: Vec<String> = std::fs::read_dir(out.path().join(".steward"))
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("set-") || n.starts_with("staging-"))
        .collect();
    assert_eq!(sets.len(), 1, "{sets:?}");
}

#[test]
fn staging_folders_a_killed_run_left_are_removed_by_the_next_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("o");
    let killed = out.join(".steward/staging-1-4194301");
    std::fs::create_dir_all(&killed).expect("mkdir");
    write(
        &killed,
        "xref.csv",
        b"source,row,email\ncrm.csv,1,ann@example.org\n",
    );
    // The older layout named its staging folder after the process; this one has ended.
    let mut child = Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let legacy = out.join(format!(".steward-staging-{dead}"));
    std::fs::create_dir_all(&legacy).expect("mkdir");
    write(
        &legacy,
        "golden.csv",
        b"customer_id,email\nc1,ann@example.org\n",
    );
    let input = write(
        dir.path(),
        "crm.csv",
        b"Name,Email\nAnn Smith,ann@example.org\n",
    );
    let o = run_args(&[
        &input.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(!killed.exists(), "the killed run's staging folder stayed");
    assert!(!legacy.exists(), "the older layout's staging folder stayed");
    assert!(!staging_left(&out));
}

#[test]
fn a_fifo_and_a_device_are_refused_naming_them_instead_of_blocking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("export.csv");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let out = dir.path().join("o").display().to_string();
    let mut inputs = vec!["/dev/zero".to_string()];
    if made.is_ok_and(|s| s.success()) {
        inputs.push(fifo.display().to_string());
    } else {
        eprintln!("skipped the FIFO case: mkfifo is not available");
    }
    for input in &inputs {
        let o = steward_or_hang(&["run", "--quiet", input, "--out", &out]);
        assert_eq!(o.status.code(), Some(2), "{input}: {}", text(&o));
        let err = text(&o);
        assert!(
            err.contains(input.as_str()) && err.contains("not a regular file"),
            "{err}"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text_bytes = b"Name,Email\n".to_vec();
    while text_bytes.len() < (3 << 20) / 2 {
        text_bytes.extend_from_slice(b"Ann Smith,ann@example.org\n");
    }
    let input = write(dir.path(), "big.csv", &text_bytes);
    let out = dir.path().join("o").display().to_string();
    let o = run_args(&[
        &input.display().to_string(),
        "--max-file-mib",
        "1",
        "--out",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("big.csv") && text(&o).contains("1 MiB limit"),
        "{}",
        text(&o)
    );
    let config = write(
        dir.path(),
        "steward.toml",
        b"[input]\nmax_file_mib = 1\n\n[[source]]\npath = \"big.csv\"\n",
    );
    let o = run_args(&["--config", &config.display().to_string(), "--out", &out]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let o = run_args(&[
        &input.display().to_string(),
        "--max-file-mib",
        "2",
        "--out",
        &out,
    ]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn an_absurd_thread_count_is_capped_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "crm.csv",
        b"Name,Email\nAnn Smith,ann@example.org\n",
    );
    let out = dir.path().join("o").display().to_string();
    let o = steward_or_hang(&[
        "--threads",
        "100000",
        "run",
        "--quiet",
        &input.display().to_string(),
        "--out",
        &out,
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("maximum of 256"), "{}", text(&o));
}

/// A small tmpfs mounted for one test, unmounted on drop.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount() -> Result<SmallDisk, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let o = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| e.to_string())?;
        if o.status.success() {
            Ok(SmallDisk { dir })
        } else {
            Err(String::from_utf8_lossy(&o.stderr).trim().to_string())
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_is_an_output_error_with_its_own_exit_code() {
    let disk = match SmallDisk::mount() {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("skipped: cannot mount a small tmpfs here ({why})");
            return;
        }
    };
    let out = disk.dir.path().join("o");
    let o = run_args(&[
        &fixture("demo").display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let err = text(&o);
    assert_eq!(o.status.code(), Some(5), "{err}");
    assert!(err.contains("no space left on the device"), "{err}");
    assert!(!err.contains("internal check failed"), "{err}");
    assert!(!staging_left(&out), "staging folder left on the full disk");
    assert!(std::fs::symlink_metadata(out.join("xref.csv")).is_err());
}
