//! Broken input (坏输入): each is a clear error naming the file, exit 1, and no output written.

use std::path::Path;

use assert_cmd::Command;

fn paiban() -> Command {
    Command::cargo_bin("paiban").unwrap()
}

/// Runs `build` and `inspect` on `input`; both must fail with exactly `why` and write nothing.
fn assert_rejected(dir: &Path, input: &Path, why: &str) {
    let out_dir = dir.join("out");
    let run = paiban()
        .arg("build")
        .arg(input)
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .code(1);
    let o = run.get_output();
    let p = input.display();
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("error: cannot build {p}: {p}: {why}\n")
    );
    assert!(o.stdout.is_empty());
    assert!(!out_dir.exists(), "build wrote {}", out_dir.display());

    let run = paiban().arg("inspect").arg(input).assert().code(1);
    let o = run.get_output();
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("error: {p}: {why}\n")
    );
    assert!(o.stdout.is_empty());
}

/// Deterministic pseudo-random bytes (xorshift64).
fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("empty.txt");
    std::fs::write(&f, "").unwrap();
    assert_rejected(dir.path(), &f, "the file is empty");
    // Only a byte-order mark and blank lines is empty too.
    std::fs::write(&f, "\u{feff}\n \r\n\t\n").unwrap();
    assert_rejected(dir.path(), &f, "the file is empty");
}

#[test]
fn an_image_renamed_txt() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("scan.txt");
    // A complete 1×1 grey PNG.
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        &[128],
        1,
        1,
        image::ExtendedColorType::L8,
    )
    .unwrap();
    std::fs::write(&f, &png).unwrap();
    assert_rejected(dir.path(), &f, "this is not a text file (PNG image)");
}

#[test]
fn random_bytes_are_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("noise.txt");
    let bytes = random_bytes(4096, 0x9E37_79B9_7F4A_7C15);
    let nul = bytes.iter().position(|&b| b == 0).unwrap();
    std::fs::write(&f, &bytes).unwrap();
    assert_rejected(
        dir.path(),
        &f,
        &format!("this is not a text file (NUL byte at offset {nul})"),
    );
    // Without NUL bytes, the control bytes give it away.
    let no_nul: Vec<u8> = bytes.into_iter().filter(|&b| b != 0).collect();
    let controls = no_nul
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    std::fs::write(&f, &no_nul).unwrap();
    assert_rejected(
        dir.path(),
        &f,
        &format!("this is not a text file ({controls} control bytes)"),
    );
}

#[test]
fn invalid_utf8_without_a_plausible_legacy_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("latin1.txt");
    // Not UTF-8, 0xE9 0x20 is no GB18030 character, and 0x81 0x8D are C1 controls in
    // Windows-1252 (a Latin-1 text alone is read as Windows-1252: see reader_decode).
    std::fs::write(&f, b"A short caf\xE9 story\x81\x8D.\n\nIt goes on.\n").unwrap();
    assert_rejected(
        dir.path(),
        &f,
        "cannot decode the text as UTF-8: invalid bytes at byte offset 11",
    );
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("nope.txt");
    assert_rejected(dir.path(), &f, "No such file or directory (os error 2)");
}

#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("locked.txt");
    std::fs::write(&f, "第一章\n\n起点\n\n正文。\n").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&f).is_err() {
        assert_rejected(dir.path(), &f, "Permission denied (os error 13)");
    } else {
        eprintln!("running as root: mode 000 does not stop reading; testing a folder instead");
    }
    // A folder given as the manuscript cannot be read as a file, whoever runs the test: `inspect`
    // says so; `build` takes a folder as a batch of manuscripts and finds none in it.
    let folder = dir.path().join("chapter.txt");
    std::fs::create_dir(&folder).unwrap();
    let p = folder.display();
    let run = paiban().arg("inspect").arg(&folder).assert().code(1);
    assert_eq!(
        String::from_utf8_lossy(&run.get_output().stderr),
        format!("error: {p}: is a folder, not a file (reading the manuscript)\n")
    );
    let out_dir = dir.path().join("out");
    let run = paiban()
        .arg("build")
        .arg(&folder)
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .code(1);
    assert_eq!(
        String::from_utf8_lossy(&run.get_output().stderr),
        format!("error: no manuscripts (*.txt) found in {p}\n")
    );
    assert!(!out_dir.exists());
}

#[test]
fn an_unknown_forced_encoding_is_a_usage_error_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("book.txt");
    std::fs::write(&f, "正文。\n").unwrap();
    let run = paiban()
        .args(["inspect", "--encoding", "klingon"])
        .arg(&f)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr);
    assert!(
        stderr.starts_with(
            "error: invalid value 'klingon' for '--encoding <ENCODING>': unknown encoding \
             \"klingon\" (try utf-8, gb18030, gbk, big5, utf-16le)\n"
        ),
        "{stderr}"
    );
}
