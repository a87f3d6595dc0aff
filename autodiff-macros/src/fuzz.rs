//! Expansion fuzz: random functions in the supported subset, written by the generator of
//! `tests/fuzz/src/gen.rs` from a proptest choice sequence, go through
//! [`crate::expand::expand`] as the attribute would see them. Every expansion must
//! finish without a panic, parse as a `syn::File`, hold no `compile_error!` (the
//! generator writes supported constructs only, so an error is a bug of the generator or
//! of the macro) and declare every sibling. Functions with one unsupported construct
//! added must get a `compile_error!`, and still no panic.
//!
//! The seed is fixed, so every run sees the same programs. `AUTODIFF_FUZZ_CASES=n` runs
//! `n` programs instead of 160 (and `n / 4` with an unsupported construct),
//! `AUTODIFF_FUZZ_SEED=s` other ones. A failure prints the shrunk program as source. `docs/FUZZING.md` describes this and the differential
//! fuzzer of `tests/fuzz`, which compiles the generated functions and checks their
//! derivatives numerically.

#[path = "../../tests/fuzz/src/gen.rs"]
mod gen;

use proc_macro2::{TokenStream, TokenTree};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestRunner};
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Programs per run: `AUTODIFF_FUZZ_CASES`, 160 by default (one expansion and the parse
/// of its output take about 80 ms in a debug build, so that the default run stays under
/// ten seconds on two cores).
fn cases() -> u32 {
    std::env::var("AUTODIFF_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(160)
}

/// `cases` cases from the fixed seed (or `AUTODIFF_FUZZ_SEED`) plus `stream`.
fn config(cases: u32, stream: u64) -> ProptestConfig {
    let seed = std::env::var("AUTODIFF_FUZZ_SEED").ok().and_then(|s| s.parse().ok());
    ProptestConfig {
        cases,
        failure_persistence: None,
        // A fixed seed: the same programs on every run, so that CI is reproducible.
        rng_seed: RngSeed::Fixed(seed.unwrap_or(0x00f0_22ed) + stream),
        ..ProptestConfig::default()
    }
}

/// A generated function with the arguments of its attribute, shown as source text.
#[derive(Clone)]
struct Case {
    attr: String,
    program: gen::Program,
}

impl Case {
    fn source(&self) -> String {
        let attr = if self.attr.is_empty() { String::new() } else { format!("({})", self.attr) };
        format!("#[differentiate{attr}]\n{}", self.program.source())
    }
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}", self.source())
    }
}

/// Random programs: most with `order = 2`, one in eight with the default (first order)
/// and one in eight with `wrt(..)` of one active parameter.
fn programs(opts: gen::Options) -> impl Strategy<Value = Case> {
    (vec(any::<u32>(), 0..700), 0u8..8).prop_map(move |(choices, a)| {
        let program = gen::generate("f", &choices, &opts);
        let attr = match a {
            0 => String::new(),
            1 => {
                let p = program.params.iter().find(|p| p.kind.active_len() > 0);
                format!("wrt({})", p.expect("every program has an active parameter").name)
            }
            _ => "order = 2".to_string(),
        };
        Case { attr, program }
    })
}

/// Runs the macro, catching a panic (its message is the error).
fn expand(case: &Case) -> Result<TokenStream, String> {
    let attr: TokenStream = case.attr.parse().expect("generated attribute arguments lex");
    let item: TokenStream = case.program.source().parse().expect("generated functions lex");
    catch_unwind(AssertUnwindSafe(|| crate::expand::expand(attr, item))).map_err(|e| {
        e.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic with a non-string payload".to_string())
    })
}

/// The messages of the `compile_error!`s in `tokens`, at any depth.
fn compile_errors(tokens: TokenStream) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev_is_compile_error = false;
    for tt in tokens {
        match &tt {
            TokenTree::Ident(i) if i == "compile_error" => prev_is_compile_error = true,
            TokenTree::Punct(p) if p.as_char() == '!' && prev_is_compile_error => {}
            TokenTree::Group(g) => {
                if prev_is_compile_error {
                    out.push(g.stream().to_string());
                } else {
                    out.extend(compile_errors(g.stream()));
                }
                prev_is_compile_error = false;
            }
            _ => prev_is_compile_error = false,
        }
    }
    out
}

/// The names of the functions of an expansion.
fn fn_names(file: &syn::File) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Fn(f) => Some(f.sig.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// The siblings the contract promises for a float output.
fn expected_siblings(case: &Case) -> Vec<&'static str> {
    let mut names = vec!["f", "f_grad", "f_jvp", "f_vjp"];
    if case.attr == "order = 2" {
        names.extend(["f_vjp_jvp", "f_hvp", "f_hessian"]);
    }
    names
}

/// Statements outside the subset, each refused with a worded error.
const UNSUPPORTED: [&str; 8] = [
    "let c0 = |t: f64| { return t * 2.0; };",
    "while let Some(t) = None::<f64> { let _ = t; }",
    "write!(w0, \"{}\", 1.0);",
    "let d0 = dbg!(2.0);",
    "let r0 = loop { break 1.0; };",
    "if let Some(t) = None::<f64> { let _ = t; }",
    "let s0 = S { a: 1.0 };",
    "let u0 = unsafe { 1.0 };",
];

/// Checks one supported program: no panic, no `compile_error!`, items that parse, and
/// every sibling declared.
fn expands_cleanly(case: Case) -> Result<(), TestCaseError> {
    let source = case.program.source();
    if let Err(e) = syn::parse_str::<syn::ItemFn>(&source) {
        return Err(TestCaseError::fail(format!("a generator bug: not a function: {e}")));
    }
    let tokens = match expand(&case) {
        Ok(t) => t,
        Err(msg) => return Err(TestCaseError::fail(format!("the macro panicked: {msg}"))),
    };
    let errors = compile_errors(tokens.clone());
    prop_assert!(errors.is_empty(), "compile errors: {:?}", errors);
    let file: syn::File = match syn::parse2(tokens) {
        Ok(f) => f,
        Err(e) => return Err(TestCaseError::fail(format!("the expansion does not parse: {e}"))),
    };
    let names = fn_names(&file);
    for want in expected_siblings(&case) {
        prop_assert!(names.iter().any(|n| n == want), "`{}` missing from {:?}", want, names);
    }
    Ok(())
}

/// One half of the supported programs (two tests, so that they run on two threads).
fn supported_shard(shard: u64) {
    let cases = cases().div_ceil(2);
    let mut runner = TestRunner::new(config(cases, shard));
    let programs = programs(gen::Options { max_statements: 6, ..gen::Options::default() });
    if let Err(e) = runner.run(&programs, expands_cleanly) {
        panic!("{e}");
    }
}

/// Supported programs expand to items that parse, without errors, with every sibling.
#[test]
fn supported_programs_expand_cleanly_0() {
    supported_shard(0);
}

#[test]
fn supported_programs_expand_cleanly_1() {
    supported_shard(1);
}

proptest! {
    #![proptest_config(config(cases().div_ceil(4), 2))]

    /// One unsupported statement, at the start of the body or before its value, gives a
    /// `compile_error!`, the stubs of the siblings, and no panic.
    #[test]
    fn unsupported_constructs_are_refused(
        case in programs(gen::Options { max_statements: 4, ..gen::Options::default() }),
        which in 0..UNSUPPORTED.len(),
        at_end in any::<bool>(),
    ) {
        let mut case = case;
        let body = &mut case.program.body;
        let stmt = format!("    {}\n", UNSUPPORTED[which]);
        let at = if at_end { body.trim_end().rfind('\n').map_or(0, |i| i + 1) } else { 0 };
        body.insert_str(at, &stmt);
        let tokens = match expand(&case) {
            Ok(t) => t,
            Err(msg) => return Err(TestCaseError::fail(format!("the macro panicked: {msg}"))),
        };
        let errors = compile_errors(tokens.clone());
        prop_assert!(!errors.is_empty(), "no compile error for `{}`", UNSUPPORTED[which]);
        let file: syn::File = match syn::parse2(tokens) {
            Ok(f) => f,
            Err(e) => return Err(TestCaseError::fail(format!("the expansion does not parse: {e}"))),
        };
        let names = fn_names(&file);
        for want in expected_siblings(&case) {
            prop_assert!(names.iter().any(|n| n == want), "stub `{}` missing from {:?}", want, names);
        }
    }
}

/// The generator is deterministic and its exhausted choice sequence is the simplest
/// program, so that shrinking ends somewhere readable.
#[test]
fn the_generator_is_deterministic_and_shrinks_to_a_small_program() {
    let opts = gen::Options::default();
    let mut rng = gen::SplitMix64(7);
    for n in 0..500 {
        let choices = rng.choices(n % 700);
        let a = gen::generate("f", &choices, &opts).source();
        let b = gen::generate("f", &choices, &opts).source();
        assert_eq!(a, b);
    }
    let empty = gen::generate("f", &[], &opts).source();
    assert!(empty.lines().count() <= 4, "{empty}");
}
