//! Cases of the output layer: staging, commit, refusal, roll-back, debris, concurrency.

use super::*;

/// Every entry of a folder, sorted, dotfiles included.
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn project(text: &str) -> Vec<(String, Vec<u8>)> {
    vec![
        ("main.typ".into(), text.as_bytes().to_vec()),
        ("sub/b.typ".into(), b"b".to_vec()),
    ]
}

#[test]
fn outputs_are_committed_together_and_leave_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for round in ["1", "2"] {
        let mut s = Staging::begin(&out).unwrap();
        s.file("book.epub", round.as_bytes()).unwrap();
        let staged = s.project("book-typst", &project(round)).unwrap();
        assert!(staged.join("main.typ").is_file());
        // Nothing is visible before the commit.
        assert!(fs::read(out.join("book.epub")).map_or(true, |b| b != round.as_bytes()));
        let written = s.commit(&[]).unwrap();
        assert_eq!(written, [out.join("book.epub"), out.join("book-typst")]);
        assert_eq!(entries(&out), ["book-typst", "book.epub"]);
        assert_eq!(fs::read(out.join("book.epub")).unwrap(), round.as_bytes());
        assert_eq!(
            entries(&out.join("book-typst")),
            [MARKER, "main.typ", "sub"]
        );
        assert_eq!(
            fs::read(out.join("book-typst/main.typ")).unwrap(),
            round.as_bytes()
        );
    }
}

#[test]
fn a_dropped_staging_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("book.epub"), "old").unwrap();
    let mut s = Staging::begin(dir.path()).unwrap();
    s.file("book.epub", b"new").unwrap();
    drop(s);
    assert_eq!(entries(dir.path()), ["book.epub"]);
    assert_eq!(fs::read(dir.path().join("book.epub")).unwrap(), b"old");
}

#[test]
fn an_input_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("book.epub");
    fs::write(&input, "manuscript").unwrap();
    let guard = Protected::new([input.as_path()]);
    let err = write_file(&input, b"x", &[&guard]).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("refusing to write over an input file"),
        "{err}"
    );
    assert_eq!(fs::read(&input).unwrap(), b"manuscript");
    assert_eq!(entries(dir.path()), ["book.epub"]);
}

#[test]
fn a_folder_paiban_did_not_make_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    fs::create_dir(out.join("book-typst")).unwrap();
    fs::write(out.join("book-typst/mine.typ"), "user's").unwrap();
    fs::write(out.join("book.epub"), "old").unwrap();
    let mut s = Staging::begin(out).unwrap();
    s.file("book.epub", b"new").unwrap();
    s.project("book-typst", &project("p")).unwrap();
    let err = s.commit(&[]).unwrap_err().to_string();
    assert!(
        err.contains("was not made by paiban (it has no .paiban file)"),
        "{err}"
    );
    // None of the build's outputs was committed: the EPUB is the old one.
    assert_eq!(fs::read(out.join("book.epub")).unwrap(), b"old");
    assert_eq!(entries(&out.join("book-typst")), ["mine.typ"]);
    assert_eq!(entries(out), ["book-typst", "book.epub"]);
}

#[test]
fn a_file_or_a_folder_in_the_way_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    fs::write(out.join("book-typst"), "a file").unwrap();
    fs::create_dir(out.join("book.epub")).unwrap();
    let mut s = Staging::begin(out).unwrap();
    s.project("book-typst", &project("p")).unwrap();
    let err = s.commit(&[]).unwrap_err().to_string();
    assert!(
        err.ends_with("exists and is not a folder; nothing was written"),
        "{err}"
    );
    let mut s = Staging::begin(out).unwrap();
    s.file("book.epub", b"x").unwrap();
    let err = s.commit(&[]).unwrap_err().to_string();
    assert!(
        err.ends_with("is a directory, expected a file path"),
        "{err}"
    );
    assert_eq!(fs::read(out.join("book-typst")).unwrap(), b"a file");
    assert_eq!(entries(out), ["book-typst", "book.epub"]);
}

#[test]
fn a_failed_commit_is_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    fs::write(out.join("a.epub"), "old a").unwrap();
    let s = {
        let mut s = Staging::begin(out).unwrap();
        s.file("a.epub", b"new a").unwrap();
        s.file("b.epub", b"new b").unwrap();
        s
    };
    let mut steps = Vec::new();
    s.place("a.epub", Kind::File, &mut steps).unwrap();
    s.place("b.epub", Kind::File, &mut steps).unwrap();
    assert_eq!(fs::read(out.join("a.epub")).unwrap(), b"new a");
    assert!(s.roll_back(steps));
    assert_eq!(fs::read(out.join("a.epub")).unwrap(), b"old a");
    assert!(!out.join("b.epub").exists());
    drop(s);
    assert_eq!(entries(out), ["a.epub"]);
}

#[test]
fn the_debris_of_a_dead_build_is_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    let s = Staging::begin(out).unwrap();
    let stage = s.stage.path().to_path_buf();
    // A build killed mid-way: its staging folder stays, its lock goes with the process.
    let Staging {
        stage: tmp, _alive, ..
    } = s;
    drop(_alive);
    let kept = tmp.keep();
    assert_eq!(kept, stage);
    assert_eq!(entries(out).len(), 1);
    let s2 = Staging::begin(out).unwrap();
    assert!(!stage.exists());
    s2.commit(&[]).unwrap();
    assert!(entries(out).is_empty(), "{:?}", entries(out));
}

#[test]
fn a_live_build_keeps_its_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Staging::begin(dir.path()).unwrap();
    a.file("a.epub", b"a").unwrap();
    let b = Staging::begin(dir.path()).unwrap();
    drop(b);
    a.commit(&[]).unwrap();
    assert_eq!(fs::read(dir.path().join("a.epub")).unwrap(), b"a");
}

#[test]
fn concurrent_builds_into_one_folder_each_commit_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::thread::scope(|scope| {
        for i in 0..8 {
            let out = &out;
            scope.spawn(move || {
                let text = format!("build {i}");
                let mut s = Staging::begin(out).unwrap();
                s.file("book.epub", text.as_bytes()).unwrap();
                s.project("book-typst", &project(&text)).unwrap();
                s.commit(&[]).unwrap();
            });
        }
    });
    assert_eq!(entries(&out), ["book-typst", "book.epub"]);
    // Both outputs come from the same build.
    assert_eq!(
        fs::read(out.join("book.epub")).unwrap(),
        fs::read(out.join("book-typst/main.typ")).unwrap()
    );
}

#[cfg(unix)]
#[test]
fn links_planted_in_the_output_folder_are_never_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    let out = dir.path();
    let pid = std::process::id();
    // Every temporary name older versions used, and the outputs themselves.
    for name in [
        format!(".book.epub.paiban-tmp-{pid}"),
        format!(".book-typst.paiban-tmp-{pid}"),
        format!(".book-typst.paiban-old-{pid}"),
        format!(".book.pdf.{pid}.tmp.pdf"),
        "book.epub".to_string(),
    ] {
        symlink(&victim, out.join(name)).unwrap();
    }
    let mut s = Staging::begin(out).unwrap();
    s.file("book.epub", b"new").unwrap();
    s.commit(&[]).unwrap();
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
    // The link at the target was replaced by the file, not written through.
    assert!(
        !fs::symlink_metadata(out.join("book.epub"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(entries(outside.path()), ["victim"]);
    // A link where the project folder belongs is refused.
    symlink(outside.path(), out.join("book-typst")).unwrap();
    let mut s = Staging::begin(out).unwrap();
    s.project("book-typst", &project("p")).unwrap();
    let err = s.commit(&[]).unwrap_err().to_string();
    assert!(err.contains("is a symbolic link"), "{err}");
    assert_eq!(entries(outside.path()), ["victim"]);
}

#[cfg(unix)]
#[test]
fn a_dangling_link_as_output_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::os::unix::fs::symlink(dir.path().join("gone"), &out).unwrap();
    let err = Staging::begin(&out).unwrap_err().to_string();
    assert!(
        err.ends_with("gone, which does not exist; nothing was written"),
        "{err}"
    );
}

#[test]
fn staged_names_are_plain() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Staging::begin(dir.path()).unwrap();
    for bad in ["../x.epub", "a/b.epub", "", ".."] {
        assert!(s.file(bad, b"x").is_err(), "{bad:?}");
    }
    let err = s.project("p", &[("../escape".into(), b"x".to_vec())]);
    assert!(err.is_err());
    assert!(!dir.path().join("escape").exists());
}

/// Issue 11 item 1: once the staging folder is made, a link or folder someone plants at its path
/// or at a path inside it does not redirect a write: files, project folders and the commit's
/// renames all go through the folder handles opened at the start.
#[cfg(unix)]
#[test]
fn links_planted_inside_the_staging_folder_do_not_redirect_writes() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let outside = tempfile::tempdir().unwrap();
    fs::create_dir(outside.path().join("new")).unwrap();
    let mut s = Staging::begin(&out).unwrap();
    let stage = s.stage.path().to_path_buf();
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(&stage).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "the staging folder is private");
    // `new/` is moved away and a link to a folder outside put in its place…
    fs::rename(stage.join("new"), stage.join("moved")).unwrap();
    symlink(outside.path().join("new"), stage.join("new")).unwrap();
    s.file("book.epub", b"epub").unwrap();
    s.project("book-typst", &project("typ")).unwrap();
    // …and then the staging folder itself is swapped for a link to the outside.
    fs::rename(&stage, dir.path().join("stage-moved")).unwrap();
    symlink(outside.path(), &stage).unwrap();
    s.scratch_project("pdf-src", &project("scratch")).unwrap();
    // Nothing reached the outside folder; everything is where the handles point.
    assert_eq!(entries(outside.path()), ["new"]);
    assert!(entries(&outside.path().join("new")).is_empty());
    let real = dir.path().join("stage-moved");
    assert_eq!(entries(&real.join("moved")), ["book-typst", "book.epub"]);
    assert_eq!(
        entries(&real.join("work/pdf-src")),
        [MARKER, "main.typ", "sub"]
    );
    // The commit renames from the real staging folder into the real output folder.
    fs::remove_file(&stage).unwrap();
    let written = s.commit(&[]).unwrap();
    assert_eq!(written, [out.join("book.epub"), out.join("book-typst")]);
    assert_eq!(fs::read(out.join("book.epub")).unwrap(), b"epub");
    assert_eq!(fs::read(out.join("book-typst/main.typ")).unwrap(), b"typ");
    assert_eq!(fs::read(out.join("book-typst/sub/b.typ")).unwrap(), b"b");
    assert_eq!(entries(outside.path()), ["new"]);
    assert!(entries(&outside.path().join("new")).is_empty());
}

/// A link planted at a folder inside a project's path is refused, not followed.
#[cfg(unix)]
#[test]
fn a_project_path_through_a_planted_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let s = Staging::begin(dir.path()).unwrap();
    let root = dir.path().join("handle");
    fs::create_dir(&root).unwrap();
    let parent = Dir::open(&root).unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("sub")).unwrap();
    let sub = parent.mkdir_or_sub("sub");
    assert!(sub.is_err(), "a link was opened as a folder");
    assert!(parent.create_new("sub", b"x").is_err());
    assert!(entries(outside.path()).is_empty());
    drop(s);
}
