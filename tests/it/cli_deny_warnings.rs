//! `build --deny-warnings`: a reader warning fails the build before anything is written; a clean
//! manuscript builds as usual. (The manuscript is read once, inside `build::build`.)

use assert_cmd::Command;

#[test]
fn deny_warnings_writes_nothing_on_a_warning() {
    // (manuscript, exit code, whether the Typst project is written, text expected on stderr)
    let cases = [
        (
            "第一章\n河流\n\n河水向东流去^①，镇子沿岸生长。\n",
            1,
            false,
            "1 warning(s) and --deny-warnings: nothing was written",
        ),
        (
            "第一章\n河流\n\n河水向东流去^①，镇子沿岸生长。\n^① 旧县志所记。\n",
            0,
            true,
            "",
        ),
    ];
    for (i, (text, code, written, stderr_has)) in cases.into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("river.txt");
        std::fs::write(&input, text).unwrap();
        let out_dir = dir.path().join("out");
        let out = Command::cargo_bin("paiban")
            .unwrap()
            .args(["build", "--deny-warnings", "--format", "typst", "-o"])
            .arg(&out_dir)
            .arg(&input)
            .assert()
            .code(code);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains(stderr_has), "case {i}: {stderr}");
        assert_eq!(
            out_dir.join("river-typst").exists(),
            written,
            "case {i}: {stderr}"
        );
    }
}
