//! `book.toml` and command-line flags → a validated build configuration.
