//! paiban's integration tests: one test crate (as mdBook and ripgrep do), one module per subject.
//!
//! Add a test as a module here; add a golden case as a folder under `tests/golden/` listed in
//! [`golden`]; bless every golden file with `PAIBAN_BLESS=1` ([`support::snapshot`]). Tests that
//! need epubcheck, Ace, Typst or poppler are `#[ignore = "needs …"]`: `scripts/test` runs them with
//! `--include-ignored`, and each fails, naming `scripts/install-validators.sh`, when its tool is
//! missing.

mod support;

mod cli;
mod cli_check;
mod cli_deny_warnings;
mod cli_ecosystem;
mod cli_markdown;
mod cli_pdf;
mod cli_watch;
mod config_book_toml;
mod config_discovery;
mod conv_notes_meta;
mod conventions_fixtures;
mod epub_expect;
mod epub_render;
mod epub_repro;
mod epub_seed;
mod epub_validate;
mod front_contents;
mod front_invented;
mod front_seed;
mod golden;
mod inspect_seed;
mod markdown_edit;
mod markdown_lists;
mod markdown_pandoc;
mod markdown_roundtrip;
mod model_ids;
mod notes_own_marks;
mod reader_conservation;
mod reader_decode;
mod reader_imports;
mod reader_props;
mod reader_seed;
mod resources;
mod robust_hostile;
mod robust_input;
mod robust_output;
mod robust_props;
mod robust_repro;
mod robust_safety;
mod robust_structure;
mod typst_design;
mod typst_escape_prop;
mod typst_interface;
mod typst_pdf;
#[cfg(unix)]
mod typst_pdf_cli;
#[cfg(feature = "pdf")]
mod typst_pdf_inprocess;
#[cfg(unix)]
mod typst_pdf_latin;
mod typst_project;
mod typst_seed;
