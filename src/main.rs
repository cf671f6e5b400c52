//! The `paiban` command line: clap → library call → exit code.

fn main() -> anyhow::Result<()> {
    Ok(())
}
