//! Expansion snapshots: `tests/expand/<name>.rs` holds functions with the attribute; the
//! pretty-printed expansion of each is compared with `tests/expand/<name>.expanded.rs`.
//! Run with `AUTODIFF_BLESS=1` to write the expected files anew, then review the diff.

use std::path::{Path, PathBuf};

fn expand_file(src: &str) -> String {
    let file: syn::File = syn::parse_str(src).expect("snapshot inputs are valid Rust");
    let mut out = Vec::new();
    for item in file.items {
        let syn::Item::Fn(mut f) = item else { continue };
        let pos = f.attrs.iter().position(|a| a.path().is_ident("differentiate"));
        let Some(pos) = pos else { continue };
        let attr = f.attrs.remove(pos);
        let args = match attr.meta {
            syn::Meta::List(l) => l.tokens,
            _ => proc_macro2::TokenStream::new(),
        };
        let tokens = crate::expand::expand(args, quote::ToTokens::into_token_stream(f));
        let expanded: syn::File = syn::parse2(tokens).expect("the expansion parses as items");
        out.push(prettyplease::unparse(&expanded));
    }
    out.join("\n")
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/expand")
}

#[test]
fn expansions_match_snapshots() {
    let bless = std::env::var_os("AUTODIFF_BLESS").is_some();
    let mut failures = Vec::new();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/expand exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "rs")
                && !p.to_string_lossy().ends_with(".expanded.rs")
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no snapshot inputs found");
    for input in inputs {
        let src = std::fs::read_to_string(&input).expect("readable input");
        let actual = expand_file(&src);
        let expected_path = input.with_extension("expanded.rs");
        if bless {
            std::fs::write(&expected_path, &actual).expect("writable snapshot");
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            _ => failures.push(format!("{}\n--- actual ---\n{actual}", input.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "expansions differ from snapshots (AUTODIFF_BLESS=1 to update):\n{}",
        failures.join("\n")
    );
}

#[test]
fn dump_shows_the_generated_siblings_pretty_printed() {
    let item: syn::ItemFn = syn::parse_quote! {
        fn phi(a: f64, w1: f64, b1: f64) -> f64 {
            let y = a * w1 + b1;
            y * y
        }
    };
    let all = crate::expand::expand(
        quote::quote!(dump, order = 2),
        quote::ToTokens::into_token_stream(&item),
    );
    let file: syn::File = syn::parse2(all).expect("the expansion parses as items");
    // The dump is what the expansion holds after the user's function, pretty-printed.
    let siblings: proc_macro2::TokenStream =
        file.items[1..].iter().map(quote::ToTokens::to_token_stream).collect();
    let text = crate::expand::dump(&item.sig.ident, &siblings);
    assert!(text.starts_with("// The derivatives of `phi`, written by #[differentiate]:\n"));
    for sibling in ["phi_grad", "phi_jvp", "phi_vjp", "phi_vjp_jvp", "phi_hvp", "phi_hessian"] {
        assert!(text.contains(&format!("fn {sibling}(")), "{sibling} missing from the dump");
    }
    assert!(text.contains("\n    let y = t + b1;\n"), "not pretty-printed:\n{text}");
}
