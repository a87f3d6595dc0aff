//! The differential fuzzer of `#[differentiate]`: generates random functions in the
//! supported subset (`gen.rs`), compiles them with the macro into a scratch crate in
//! batches, and checks every sibling numerically (`harness/rt.rs`: the gradient against
//! central differences of `f`, the Hessian against central differences of the gradient,
//! and `f_jvp`, `f_vjp`, `f_hvp` against both).
//!
//! ```text
//! cargo run --release --manifest-path tests/fuzz/Cargo.toml -- --programs 1000 --seed 1
//! cargo run --release --manifest-path tests/fuzz/Cargo.toml -- --seed 1 --only 417
//! ```
//!
//! Options:
//! - `--programs N` (1000), numbered from `--start K` (0), from `--seed S` (1);
//! - `--batch B` functions per compile (100), `--points P` per function (3),
//!   `--max-statements M` per function (16);
//! - `--dir D`: the scratch crate (`target/autodiff-fuzz` of the workspace);
//! - `--timeout SECS` without output before a run counts as hung (120);
//! - `--only K`: rerun program `K` alone, print its source and every check;
//! - `--check-generator`: compile the functions without the attribute only (every one
//!   must be valid Rust);
//! - `--sabotage`: check the checker: the helper `h_sq` gets a hand-written derivative
//!   0.1% off, so the programs whose value depends on it must fail.
//!
//! Prints the counts and writes `report.md` (every failure with its source, points and
//! the command that reruns it) into the scratch directory; exits with 1 when something
//! failed.

mod gen;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const RT_SOURCE: &str = include_str!("../harness/rt.rs");

struct Args {
    programs: usize,
    seed: u64,
    batch: usize,
    points: usize,
    max_statements: usize,
    dir: PathBuf,
    timeout: u64,
    only: Option<usize>,
    start: usize,
    sabotage: bool,
    check_generator: bool,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the workspace")
}

fn parse_args() -> Args {
    let mut args = Args {
        programs: 1000,
        seed: 1,
        batch: 100,
        points: 3,
        max_statements: 16,
        dir: workspace_root().join("target/autodiff-fuzz"),
        timeout: 120,
        only: None,
        start: 0,
        sabotage: false,
        check_generator: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        let num =
            |v: String| v.parse::<u64>().unwrap_or_else(|_| usage(&format!("bad number {v}")));
        match flag.as_str() {
            "--programs" => args.programs = num(value()) as usize,
            "--seed" => args.seed = num(value()),
            "--batch" => args.batch = (num(value()) as usize).max(1),
            "--points" => args.points = num(value()) as usize,
            "--max-statements" => args.max_statements = num(value()) as usize,
            "--dir" => args.dir = PathBuf::from(value()),
            "--timeout" => args.timeout = num(value()),
            "--only" => args.only = Some(num(value()) as usize),
            "--sabotage" => args.sabotage = true,
            "--start" => args.start = num(value()) as usize,
            "--check-generator" => args.check_generator = true,
            "-h" | "--help" => usage(""),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    args
}

fn usage(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("error: {msg}");
    }
    eprintln!(
        "usage: autodiff-fuzz [--programs N] [--seed S] [--batch B] [--points P] \
         [--max-statements M] [--dir D] [--timeout SECS] [--only K] [--start K] [--sabotage] [--check-generator]"
    );
    std::process::exit(2)
}

/// One generated function with its points and tangents.
struct Case {
    id: usize,
    program: gen::Program,
    points: Vec<(Vec<f64>, Vec<f64>)>,
}

fn case(args: &Args, id: usize) -> Case {
    let mut rng = gen::SplitMix64(
        args.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ (id as u64).wrapping_mul(0xd1b5_4a32_d192_ed03),
    );
    let choices = rng.choices(700);
    let opts = gen::Options { max_statements: args.max_statements, ..gen::Options::default() };
    let program = gen::generate("f", &choices, &opts);
    let n = program.active_len();
    let points = (0..args.points)
        .map(|_| {
            let p = (0..n).map(|_| rng.uniform(-1.5, 1.5)).collect();
            let t = (0..n).map(|_| rng.uniform(-1.0, 1.0)).collect();
            (p, t)
        })
        .collect();
    Case { id, program, points }
}

/// The arguments of the function from the flattened `q` (and the tangents from `t`):
/// statements that unpack arrays, and the argument list.
fn unpack(params: &[gen::Param], tangents: bool) -> (String, Vec<String>) {
    let (src, prefix) = if tangents { ("t", "t_") } else { ("q", "p_") };
    let mut lines = String::new();
    let mut args = Vec::new();
    let mut o = 0;
    for p in params {
        match p.kind {
            gen::ParamKind::Scalar => args.push(format!("{src}[{o}]")),
            gen::ParamKind::Slice(n) => args.push(format!("&{src}[{o}..{}]", o + n)),
            gen::ParamKind::ArrayRef(n) | gen::ParamKind::Array(n) => {
                let name = format!("{prefix}{}", p.name);
                let _ = writeln!(
                    lines,
                    "        let {name}: [f64; {n}] = {src}[{o}..{}].try_into().unwrap();",
                    o + n
                );
                let by_ref = matches!(p.kind, gen::ParamKind::ArrayRef(_)) && !tangents;
                args.push(if by_ref { format!("&{name}") } else { name });
            }
            gen::ParamKind::Count(v) => {
                if !tangents {
                    args.push(v.to_string());
                }
            }
        }
        o += p.kind.active_len();
    }
    (lines, args)
}

fn floats(v: &[f64]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("{x:?}")).collect();
    format!("&[{}]", items.join(", "))
}

/// How a case is compiled.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// With `#[differentiate(order = 2)]` and every check.
    Full,
    /// With `#[differentiate]` (first order) and the first-order checks, for a function
    /// whose second-order siblings do not compile.
    FirstOrder,
    /// Without the attribute, to tell a generator bug (the function is not valid Rust)
    /// from a macro bug.
    Plain,
}

/// The module of one case: the function with the attribute (or without) and, unless
/// `Plain`, the wrappers over flattened inputs and the points.
fn module(case: &Case, mode: Mode) -> String {
    let p = &case.program;
    let mut m = format!("mod p{} {{\n    use crate::helpers::*;\n", case.id);
    // The traits of the conversions the generator writes (`NumCast::from` is written
    // qualified: imported, it would make `f64::from` ambiguous).
    m.push_str("    #[allow(unused_imports)]\n    use num_traits::{FromPrimitive, ToPrimitive};\n");
    if mode == Mode::Plain {
        let _ = write!(m, "{}", indent(&p.source()));
        m.push_str("}\n");
        return m;
    }
    m.push_str("    use autodiff_core::differentiate;\n    use crate::rt::{flat, rows};\n");
    m.push('\n');
    let attr = if mode == Mode::FirstOrder { "" } else { "(order = 2)" };
    let _ = write!(m, "    #[differentiate{attr}]\n{}", indent(&p.source()));
    let (ql, qa) = unpack(&p.params, false);
    let (tl, ta) = unpack(&p.params, true);
    let qa = qa.join(", ");
    let qta = qa.clone() + ", " + &ta.join(", ");
    let _ = write!(
        m,
        r#"
    pub fn c_f(q: &[f64]) -> f64 {{
{ql}        f({qa})
    }}
    pub fn c_grad(q: &[f64]) -> (f64, Vec<f64>) {{
{ql}        let (v, g) = f_grad({qa});
        (v, flat(&g))
    }}
    pub fn c_jvp(q: &[f64], t: &[f64]) -> (f64, f64) {{
{ql}{tl}        f_jvp({qta})
    }}
    pub fn c_vjp(q: &[f64], d: f64) -> (f64, Vec<f64>) {{
{ql}        let (v, g) = f_vjp({qa}, d);
        (v, flat(&g))
    }}
"#
    );
    if mode == Mode::Full {
        let _ = write!(
            m,
            r#"    pub fn c_hvp(q: &[f64], t: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {{
{ql}{tl}        let (v, g, hv) = f_hvp({qta});
        (v, flat(&g), flat(&hv))
    }}
    pub fn c_hessian(q: &[f64]) -> (f64, Vec<f64>, Vec<Vec<f64>>) {{
{ql}        let (v, g, h) = f_hessian({qa});
        (v, flat(&g), rows(&h))
    }}
    pub fn fns() -> crate::rt::Fns {{
        crate::rt::Fns {{ f: c_f, grad: c_grad, jvp: c_jvp, vjp: c_vjp, hvp: Some(c_hvp), hessian: Some(c_hessian) }}
    }}
"#
        );
    } else {
        m.push_str(
            "    pub fn fns() -> crate::rt::Fns {\n        crate::rt::Fns { f: c_f, grad: c_grad, jvp: c_jvp, vjp: c_vjp, hvp: None, hessian: None }\n    }\n",
        );
    }
    let pts: Vec<String> =
        case.points.iter().map(|(p, t)| format!("({}, {})", floats(p), floats(t))).collect();
    let _ = writeln!(m, "    pub const POINTS: &[(&[f64], &[f64])] = &[{}];", pts.join(", "));
    m.push_str("}\n");
    m
}

fn indent(s: &str) -> String {
    s.lines().map(|l| if l.is_empty() { "\n".to_string() } else { format!("    {l}\n") }).collect()
}

/// Writes `src/main.rs` for these cases; returns each case's line range in it.
fn write_main(dir: &Path, cases: &[(&Case, Mode)]) -> Vec<(usize, usize, usize)> {
    let mut src = String::from(
        "// Generated by tests/fuzz: random functions with their derivative checks.\n\
         #![allow(warnings)]\n\nmod helpers;\nmod rt;\n\n",
    );
    let mut ranges = Vec::new();
    for &(c, mode) in cases {
        let start = src.lines().count() + 1;
        src.push_str(&module(c, mode));
        ranges.push((c.id, start, src.lines().count()));
    }
    src.push_str("\nfn main() {\n");
    if cases.iter().any(|&(_, mode)| mode != Mode::Plain) {
        src.push_str(
            "    let from: usize = std::env::args().nth(1).map_or(0, |s| s.parse().unwrap());\n    rt::install_hook();\n",
        );
        for (c, _) in cases {
            let _ = writeln!(
                src,
                "    if {id} >= from {{ rt::run({id}, &p{id}::fns(), p{id}::POINTS); }}",
                id = c.id
            );
        }
    }
    src.push_str("}\n");
    std::fs::write(dir.join("src/main.rs"), src).expect("writable scratch crate");
    ranges
}

/// `h_sq` with a derivative 0.1% off in every sibling (`--sabotage`).
const SABOTAGED_H_SQ: &str = r#"
pub fn h_sq(a: f64) -> f64 {
    a * a + a.sin()
}
fn h_sq_d(a: f64) -> f64 {
    (2.0 * a + a.cos()) * 1.001
}
pub fn h_sq_jvp(a: f64, t: f64) -> (f64, f64) {
    (h_sq(a), t * h_sq_d(a))
}
pub fn h_sq_vjp(a: f64, dout: f64) -> (f64, f64) {
    (h_sq(a), dout * h_sq_d(a))
}
pub fn h_sq_vjp_jvp(a: f64, dout: f64, a_dot: f64, dout_dot: f64) -> ((f64, f64), (f64, f64)) {
    let dd = (2.0 - a.sin()) * 1.001;
    ((h_sq(a), dout * h_sq_d(a)), (h_sq_d(a) * a_dot, dout_dot * h_sq_d(a) + dout * dd * a_dot))
}
"#;

fn helpers_source(sabotage: bool) -> String {
    if !sabotage {
        return gen::HELPERS_SOURCE.to_string();
    }
    let start = gen::HELPERS_SOURCE.find("#[differentiate(order = 2)]\npub fn h_sq").expect("h_sq");
    let end = gen::HELPERS_SOURCE.find("#[differentiate(order = 2)]\npub fn h_mix").expect("h_mix");
    format!("{}{SABOTAGED_H_SQ}\n{}", &gen::HELPERS_SOURCE[..start], &gen::HELPERS_SOURCE[end..])
}

fn setup(dir: &Path, sabotage: bool) {
    std::fs::create_dir_all(dir.join("src")).expect("a scratch directory");
    let core = workspace_root().join("autodiff-core");
    let manifest = format!(
        r#"# Generated by tests/fuzz (the differential fuzzer of #[differentiate]).
[package]
name = "autodiff-fuzz-scratch"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
autodiff-core = {{ path = {core:?} }}
num-traits = "0.2"

[profile.dev]
debug = false
incremental = false

# The macro itself runs optimised.
[profile.dev.build-override]
opt-level = 3
"#
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("writable scratch crate");
    // The workspace's versions of syn, quote and the rest.
    if !dir.join("Cargo.lock").exists() {
        let _ = std::fs::copy(workspace_root().join("Cargo.lock"), dir.join("Cargo.lock"));
    }
    std::fs::write(dir.join("src/rt.rs"), RT_SOURCE).expect("writable scratch crate");
    std::fs::write(dir.join("src/helpers.rs"), helpers_source(sabotage))
        .expect("writable scratch crate");
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.env_remove("CARGO_TARGET_DIR");
    c
}

/// Builds the scratch crate; on failure, the first error of each line of `src/main.rs`.
fn build(dir: &Path) -> Result<(), Vec<(usize, String)>> {
    let out = cargo()
        .args(["build", "--quiet", "--message-format=short"])
        .current_dir(dir)
        .output()
        .expect("cargo runs");
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut errors = Vec::new();
    for line in stderr.lines() {
        let Some(rest) = line.strip_prefix("src/main.rs:") else { continue };
        let mut parts = rest.splitn(3, ':');
        let (Some(l), Some(_), Some(msg)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        if msg.trim_start().starts_with("error") {
            errors.push((l.parse().unwrap_or(0), msg.trim().to_string()));
        }
    }
    if errors.is_empty() {
        eprintln!("the scratch crate does not build, and not because of a generated function:");
        eprintln!("{stderr}");
        std::process::exit(3);
    }
    Err(errors)
}

#[derive(Default)]
struct Tally {
    pass: usize,
    fail: usize,
    skip: usize,
    untrusted: usize,
    nonfinite: usize,
    huge: usize,
}

enum Status {
    /// Compiled and run; `order2_error` is the error of the second-order siblings when
    /// only `order = 1` compiled.
    Checked {
        tally: Tally,
        lines: Vec<String>,
        order2_error: Option<String>,
    },
    /// Does not compile; `true` if the plain function does not either (a generator bug).
    CompileError {
        generator: bool,
        error: String,
    },
    Hung {
        lines: Vec<String>,
    },
}

/// Runs the scratch binary from `from` on; the lines of each case, and the case that
/// stopped printing, if one did.
fn run(dir: &Path, from: usize, timeout: u64) -> (BTreeMap<usize, Vec<String>>, Option<usize>) {
    let exe = dir.join("target/debug/autodiff-fuzz-scratch");
    let mut child = Command::new(exe)
        .arg(from.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the scratch binary runs");
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    let mut lines: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut current = None;
    loop {
        match rx.recv_timeout(Duration::from_secs(timeout)) {
            Ok(line) => {
                let id = line.split_whitespace().nth(1).and_then(|s| s.parse::<usize>().ok());
                if let Some(id) = id {
                    if line.starts_with("START") {
                        current = Some(id);
                    } else if line.starts_with("DONE") {
                        current = None;
                    }
                    lines.entry(id).or_default().push(line);
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let _ = child.wait();
                return (lines, current);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                return (lines, current);
            }
        }
    }
}

fn tally_of(lines: &[String]) -> Tally {
    let mut t = Tally::default();
    if let Some(done) = lines.iter().find(|l| l.starts_with("DONE")) {
        for field in done.split_whitespace().skip(2) {
            let (k, v) = field.split_once('=').unwrap_or((field, "0"));
            let v: usize = v.parse().unwrap_or(0);
            match k {
                "pass" => t.pass = v,
                "fail" => t.fail = v,
                "skip" => t.skip = v,
                "untrusted" => t.untrusted = v,
                "nonfinite" => t.nonfinite = v,
                "huge" => t.huge = v,
                _ => {}
            }
        }
    } else {
        t.fail = 1;
    }
    t
}

/// Builds these cases, dropping those with errors until the rest builds (the last
/// `src/main.rs` written holds the rest); the dropped ones with their first error.
fn build_dropping<'a>(dir: &Path, live: &mut Vec<(&'a Case, Mode)>) -> Vec<(&'a Case, String)> {
    let mut broken = Vec::new();
    while !live.is_empty() {
        let ranges = write_main(dir, live);
        let Err(errors) = build(dir) else { break };
        let mut bad: BTreeMap<usize, String> = BTreeMap::new();
        for (line, msg) in errors {
            match ranges.iter().find(|&&(_, a, b)| a <= line && line <= b) {
                Some(&(id, ..)) => {
                    bad.entry(id).or_insert(msg);
                }
                None => {
                    eprintln!(
                        "a compile error outside every generated function, line {line}: {msg}"
                    );
                    std::process::exit(3);
                }
            }
        }
        live.retain(|&(c, _)| match bad.remove(&c.id) {
            Some(msg) => {
                broken.push((c, msg));
                false
            }
            None => true,
        });
    }
    broken
}

/// Compiles and runs one batch; the status of each case.
fn batch(args: &Args, dir: &Path, cases: &[Case]) -> BTreeMap<usize, Status> {
    let mut status = BTreeMap::new();
    let mut live: Vec<(&Case, Mode)> = cases.iter().map(|c| (c, Mode::Full)).collect();
    let broken = build_dropping(dir, &mut live);
    let mut order2_errors: BTreeMap<usize, String> = BTreeMap::new();
    if !broken.is_empty() {
        // Is the plain function valid Rust (a macro bug) or not (a generator bug)?
        let mut plain: Vec<(&Case, Mode)> = broken.iter().map(|&(c, _)| (c, Mode::Plain)).collect();
        let invalid: Vec<usize> =
            build_dropping(dir, &mut plain).iter().map(|(c, _)| c.id).collect();
        // The macro's failures again with `order = 1`, for the first-order checks.
        let mut retry = live.clone();
        retry.extend(
            broken
                .iter()
                .filter(|(c, _)| !invalid.contains(&c.id))
                .map(|&(c, _)| (c, Mode::FirstOrder)),
        );
        // In order, so that a run restarted after a hung case skips only later ones.
        retry.sort_by_key(|(c, _)| c.id);
        let still: Vec<usize> = build_dropping(dir, &mut retry).iter().map(|(c, _)| c.id).collect();
        if retry.len() < live.len() {
            eprintln!("the batch stopped building after its broken functions were removed");
            std::process::exit(3);
        }
        for (c, msg) in broken {
            if invalid.contains(&c.id) || still.contains(&c.id) {
                let generator = invalid.contains(&c.id);
                status.insert(c.id, Status::CompileError { generator, error: msg });
            } else {
                order2_errors.insert(c.id, msg);
            }
        }
        live = retry;
    }
    // Run, restarting after a case that hangs.
    let mut from = 0;
    let mut remaining: Vec<usize> = live.iter().map(|(c, _)| c.id).collect();
    while !remaining.is_empty() {
        let (lines, hung) = run(dir, from, args.timeout);
        for (id, l) in lines {
            let done = l.iter().any(|x| x.starts_with("DONE"));
            if done {
                let order2_error = order2_errors.get(&id).cloned();
                status.insert(id, Status::Checked { tally: tally_of(&l), lines: l, order2_error });
            } else if Some(id) == hung {
                status.insert(id, Status::Hung { lines: l });
            }
        }
        match hung {
            Some(id) => {
                status.entry(id).or_insert(Status::Hung { lines: Vec::new() });
                from = id + 1;
                remaining.retain(|&r| r > id && !status.contains_key(&r));
            }
            None => {
                for id in remaining.drain(..) {
                    status.entry(id).or_insert(Status::Hung { lines: vec!["no output".into()] });
                }
            }
        }
    }
    status
}

fn main() {
    let args = parse_args();
    let dir = args.dir.clone();
    setup(&dir, args.sabotage);
    let started = Instant::now();
    let ids: Vec<usize> = match args.only {
        Some(k) => vec![k],
        None => (args.start..args.start + args.programs).collect(),
    };
    if args.check_generator {
        return check_generator(&args, &dir, &ids);
    }
    let mut all: BTreeMap<usize, (Case, Status)> = BTreeMap::new();
    for chunk in ids.chunks(args.batch) {
        let t = Instant::now();
        let cases: Vec<Case> = chunk.iter().map(|&id| case(&args, id)).collect();
        let mut status = batch(&args, &dir, &cases);
        let mut failed = 0;
        for c in cases {
            let s =
                status.remove(&c.id).unwrap_or_else(|| panic!("program {} has no status", c.id));
            if !matches!(&s, Status::Checked { tally, order2_error: None, .. } if tally.fail == 0) {
                failed += 1;
            }
            all.insert(c.id, (c, s));
        }
        eprintln!(
            "programs {}..={}: {} with failures ({:.0} s)",
            chunk[0],
            chunk[chunk.len() - 1],
            failed,
            t.elapsed().as_secs_f64()
        );
    }
    let report = report(&args, &all, started.elapsed());
    if let Some(k) = args.only {
        let (c, s) = &all[&k];
        println!("{}", c.program.source());
        if let Status::Checked { lines, .. } | Status::Hung { lines } = s {
            for l in lines {
                println!("{l}");
            }
        }
    }
    print!("{}", report.summary);
    let path = dir.join("report.md");
    std::fs::write(&path, &report.full).expect("writable report");
    println!("report: {}", path.display());
    if report.failures > 0 {
        std::process::exit(1);
    }
}

/// An error message without its details: `error[E0382]: borrow of moved value`.
fn error_kind(msg: &str) -> String {
    let mut parts = msg.splitn(3, ':');
    match (parts.next(), parts.next()) {
        (Some(a), Some(b)) => format!("{a}:{b}"),
        _ => msg.to_string(),
    }
}

/// Compiles the generated functions without the attribute: every one must be valid Rust.
fn check_generator(args: &Args, dir: &Path, ids: &[usize]) {
    let mut invalid = 0;
    for chunk in ids.chunks(args.batch.max(200)) {
        let cases: Vec<Case> = chunk.iter().map(|&id| case(args, id)).collect();
        let mut plain: Vec<(&Case, Mode)> = cases.iter().map(|c| (c, Mode::Plain)).collect();
        for (c, msg) in build_dropping(dir, &mut plain) {
            invalid += 1;
            println!("program {} is not valid Rust: {msg}\n{}", c.id, c.program.source());
        }
    }
    println!("{} programs, {invalid} not valid Rust", ids.len());
    if invalid > 0 {
        std::process::exit(1);
    }
}

struct Report {
    summary: String,
    full: String,
    failures: usize,
}

fn report(args: &Args, all: &BTreeMap<usize, (Case, Status)>, elapsed: Duration) -> Report {
    let mut total = Tally::default();
    let (mut compiled, mut gen_bugs, mut macro_compile, mut hung) = (0, 0, 0, 0);
    let mut first_order_only = 0;
    let mut failing: Vec<usize> = Vec::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut compile_errors: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (id, (_, s)) in all {
        match s {
            Status::Checked { tally, lines, order2_error } => {
                compiled += 1;
                if let Some(e) = order2_error {
                    first_order_only += 1;
                    let key = format!("(order 2; order = 1 compiles) {}", error_kind(e));
                    compile_errors.entry(key).or_default().push(*id);
                }
                total.pass += tally.pass;
                total.fail += tally.fail;
                total.skip += tally.skip;
                total.untrusted += tally.untrusted;
                total.nonfinite += tally.nonfinite;
                total.huge += tally.huge;
                if tally.fail > 0 || order2_error.is_some() {
                    failing.push(*id);
                    for l in lines {
                        let k = l.split_whitespace().collect::<Vec<_>>();
                        if k.first() == Some(&"FAIL") || k.first() == Some(&"PANIC") {
                            let kind = format!("{} {}", k[0], k.get(2).unwrap_or(&""));
                            *kinds.entry(kind).or_default() += 1;
                        }
                    }
                }
            }
            Status::CompileError { generator: true, .. } => {
                gen_bugs += 1;
                // A generator bug: listed with the failures, to be fixed in `gen.rs`.
                failing.push(*id);
            }
            Status::CompileError { generator: false, error } => {
                compile_errors.entry(error_kind(error)).or_default().push(*id);
                macro_compile += 1;
                failing.push(*id);
            }
            Status::Hung { .. } => {
                hung += 1;
                failing.push(*id);
            }
        }
    }
    let mut summary = String::new();
    let _ = writeln!(summary, "seed {}, {} points per function", args.seed, args.points);
    let _ = writeln!(summary, "programs generated: {}", all.len());
    let _ = writeln!(
        summary,
        "compiled and run: {compiled}, of which {first_order_only} with `order = 1` only (the second-order siblings do not compile); not compiling: {gen_bugs} invalid as generated, {macro_compile} only with the macro; hung or crashed: {hung}"
    );
    let _ = writeln!(
        summary,
        "checks: {} passed, {} failed, {} skipped (finite-difference entries skipped near a kink: {}; points where f is not finite: {}, where |f| > 1e12 and no finite difference is compared: {})",
        total.pass, total.fail, total.skip, total.untrusted, total.nonfinite, total.huge
    );
    let _ = writeln!(summary, "programs with a failure: {} {:?}", failing.len(), failing);
    for (k, n) in &kinds {
        let _ = writeln!(summary, "  {k}: {n}");
    }
    for (e, ids) in &compile_errors {
        let _ =
            writeln!(summary, "  compile error in {} programs (first: {}): {e}", ids.len(), ids[0]);
    }
    let _ = writeln!(summary, "time: {:.0} s", elapsed.as_secs_f64());
    let mut full = format!("# Differential fuzz of #[differentiate]\n\n```text\n{summary}```\n");
    for id in &failing {
        let (c, s) = &all[id];
        let _ = writeln!(
            full,
            "\n## Program {id}\n\nRerun: `cargo run --release --manifest-path tests/fuzz/Cargo.toml -- --seed {} --max-statements {} --points {} --only {id}`\n\n```rust\n#[differentiate(order = 2)]\n{}```\n",
            args.seed,
            args.max_statements,
            args.points,
            c.program.source()
        );
        if c.program.calls_helpers {
            let _ = writeln!(
                full,
                "(calls the helpers of `tests/fuzz/src/gen.rs`, `HELPERS_SOURCE`)\n"
            );
        }
        let _ = writeln!(full, "```text");
        match s {
            Status::Checked { lines, order2_error, .. } => {
                if let Some(e) = order2_error {
                    let _ = writeln!(full, "compile error of the second-order siblings: {e}");
                    let _ = writeln!(full, "(checked with `#[differentiate]`, first order only)");
                }
                for (k, (p, t)) in c.points.iter().enumerate() {
                    let _ = writeln!(full, "point {k}: {p:?} tangent {t:?}");
                }
                for l in lines.iter().filter(|l| !l.starts_with("START")) {
                    let _ = writeln!(full, "{l}");
                }
            }
            Status::CompileError { error, generator } => {
                let who = if *generator { " of the function itself (a generator bug)" } else { "" };
                let _ = writeln!(full, "compile error{who}: {error}");
            }
            Status::Hung { lines } => {
                let _ = writeln!(
                    full,
                    "hung (no output for {} s) or crashed, after: {lines:?}",
                    args.timeout
                );
            }
        }
        let _ = writeln!(full, "```");
    }
    Report { summary, full, failures: failing.len() }
}
