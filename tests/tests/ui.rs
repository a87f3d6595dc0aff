//! Diagnostics of `#[differentiate]`, checked with trybuild.
//!
//! `tests/ui/<what-is-wrong>.rs` must fail to compile with exactly the errors in the
//! `.stderr` beside it: one case per diagnostic the macro can emit. `tests/ui/pass-*.rs`
//! must compile and run, warning-free under `#![deny(warnings)]`.
//!
//! Regenerate the expected output with
//! `TRYBUILD=overwrite cargo test -p autodiff-tests --test ui`, then review the diff.

use std::path::{Path, PathBuf};

/// The `.rs` cases under `ui/`, split into (compile-fail, pass), each sorted by name.
fn cases() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    files.sort();
    files.into_iter().partition(|p| {
        !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("pass-"))
    })
}

#[test]
fn ui() {
    let (fail, pass) = cases();
    assert!(!fail.is_empty() && !pass.is_empty(), "no ui cases found");
    let t = trybuild::TestCases::new();
    for case in &fail {
        t.compile_fail(case);
    }
    for case in &pass {
        t.pass(case);
    }
}
