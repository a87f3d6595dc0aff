//! What `#[differentiate]` costs at build time. Writes scratch crates under
//! `peers/target/buildcost/` (each depending on `autodiff-core` by path, sharing one
//! target directory), builds them with cargo, and writes `BUILDCOST.md` beside this
//! crate's `Cargo.toml` (the `results` binary copies it into `RESULTS.md`):
//!
//! - `with` and `without`: the same 100 varied functions (straight-line code, loops over
//!   arrays and slices, branches, `while`, array and `Vec` outputs), with and without
//!   `#[differentiate]`. The time of `cargo build` of the crate alone (its dependencies
//!   built beforehand), debug and release; the lines of its expansion
//!   (`-Z unpretty=expanded`); the size of its release `.rlib`.
//! - `gmm` and `gmm_plain`: the natural GMM objective of `src/objectives/gmm.rs` (the
//!   largest function the macro sees in this crate), with and without the attribute:
//!   the macro-expansion pass of rustc (`-Z time-passes`) and the crate's build time.
//!
//! ```sh
//! cargo run --release --manifest-path peers/Cargo.toml --bin buildcost [-- --runs 3 --no-release]
//! ```
//!
//! `-Z` flags need a nightly rustc; on stable they are enabled with `RUSTC_BOOTSTRAP=1`
//! for those two measurements only (expansion and time-passes), never for the timed
//! builds.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The GMM objective's source, from which its `#[differentiate]` function is cut.
const GMM_SOURCE: &str = include_str!("../objectives/gmm.rs");

struct Options {
    runs: usize,
    release: bool,
    out: PathBuf,
    write: bool,
}

fn options() -> Options {
    let mut o = Options {
        runs: 1,
        release: true,
        out: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        write: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => o.runs = args.next().and_then(|v| v.parse().ok()).expect("--runs N"),
            "--no-release" => o.release = false,
            "--out" => o.out = PathBuf::from(args.next().expect("--out DIR")),
            "--no-write" => o.write = false,
            "--help" | "-h" => {
                println!("buildcost [--runs N] [--no-release] [--out DIR] [--no-write]");
                std::process::exit(0);
            }
            other => panic!("unknown option {other:?} (try --help)"),
        }
    }
    o
}

/// One of the 100 functions: the `i`-th variant of one of ten templates.
fn function(i: usize) -> String {
    let ops = ["sin", "cos", "exp", "tanh", "ln_1p", "atan", "sinh", "exp_m1"];
    let op = ops[i % ops.len()];
    let op2 = ops[(i * 3 + 1) % ops.len()];
    let c = 0.5 + (i % 7) as f64 * 0.25;
    let n = 2 + i % 5;
    match i % 10 {
        0 => format!(
            "pub fn f{i}(x: f64, y: f64) -> f64 {{\n    let a = x * y + {c:?};\n    let b = a.{op}();\n    b * x - y.{op2}() / (1.0 + a * a)\n}}\n"
        ),
        1 => format!(
            "pub fn f{i}(x: [f64; {n}]) -> f64 {{\n    let mut s = 0.0;\n    for k in 0..{n} {{\n        s += x[k] * x[k] * {c:?};\n    }}\n    s.{op}()\n}}\n"
        ),
        2 => format!(
            "pub fn f{i}(x: &[f64]) -> f64 {{\n    let mut s = 0.0;\n    for k in 0..x.len() - 1 {{\n        let d = x[k + 1] - {c:?} * x[k] * x[k];\n        s += d * d + (1.0 - x[k]).{op}();\n    }}\n    s\n}}\n"
        ),
        3 => format!(
            "pub fn f{i}(x: &[f64]) -> f64 {{\n    let mut m = x[0];\n    for k in 1..x.len() {{\n        if x[k] > m {{\n            m = x[k];\n        }}\n    }}\n    let mut s = 0.0;\n    for k in 0..x.len() {{\n        s += ((x[k] - m) * {c:?}).exp();\n    }}\n    m + s.ln()\n}}\n"
        ),
        4 => format!(
            "pub fn f{i}(r: f64, t: f64) -> [f64; 2] {{\n    [r * t.{op}(), r * {c:?} * t.{op2}()]\n}}\n"
        ),
        5 => format!(
            "pub fn f{i}(x: &[f64]) -> Vec<f64> {{\n    let mut y = vec![0.0; x.len()];\n    for k in 0..x.len() {{\n        y[k] = (x[k] * {c:?}).{op}();\n    }}\n    y\n}}\n"
        ),
        6 => format!(
            "pub fn f{i}(w: &[f64], x: &[f64]) -> f64 {{\n    let mut s = {c:?};\n    for k in 0..x.len() {{\n        s += w[k] * x[k];\n    }}\n    s.tanh() * s.{op}()\n}}\n"
        ),
        7 => format!(
            "pub fn f{i}(x: f64, y: f64) -> f64 {{\n    if x > {c:?} {{\n        x * x * y\n    }} else if y > 0.0 {{\n        x.{op}() + y\n    }} else {{\n        (x * y).{op2}()\n    }}\n}}\n"
        ),
        8 => format!(
            "pub fn f{i}(x: &[f64]) -> f64 {{\n    let mut p = 1.0;\n    for k in 0..x.len() {{\n        p *= {c:?} + x[k].{op}();\n    }}\n    p\n}}\n"
        ),
        _ => format!(
            "pub fn f{i}(x: &[f64], tol: f64) -> f64 {{\n    let mut s = 0.0;\n    let mut k = 0;\n    while k < x.len() && s < tol {{\n        s += (x[k] * {c:?}).{op}() * x[k];\n        k += 1;\n    }}\n    s\n}}\n"
        ),
    }
}

/// The `#[differentiate]` function `gmm` of `src/objectives/gmm.rs`, attribute included,
/// up to its closing brace.
fn gmm_function() -> String {
    let start = GMM_SOURCE
        .find("#[differentiate(wrt(alpha, means, icf))]\n#[allow(clippy::too_many_arguments)]\npub fn gmm(")
        .expect("gmm.rs defines gmm under #[differentiate]");
    let body = &GMM_SOURCE[start..];
    let end = body.find("\n}\n").expect("gmm ends with a closing brace at column 0") + 3;
    body[..end].to_string()
}

/// Writes a scratch crate `name` with `body` as its `lib.rs`.
fn write_crate(root: &Path, name: &str, body: &str) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(dir.join("src")).expect("create the scratch crate");
    let core = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../autodiff-core")
        .canonicalize()
        .expect("autodiff-core beside peers/");
    let manifest = format!(
        "[package]\nname = \"buildcost-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [workspace]\n\n[dependencies]\nautodiff-core = {{ path = {:?} }}\n",
        core.display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    std::fs::write(dir.join("src/lib.rs"), body).expect("write lib.rs");
    dir
}

/// `cargo <args>` in the scratch crate `dir` with the shared target directory; panics
/// with cargo's output on failure.
fn cargo(dir: &Path, target: &Path, args: &[&str], bootstrap: bool) -> (f64, String) {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // `--manifest-path` before `args`, which may end in `-- <rustc flags>`.
    cmd.arg(args[0])
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .args(&args[1..])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_TERM_COLOR", "never");
    if bootstrap {
        cmd.env("RUSTC_BOOTSTRAP", "1");
    }
    let start = Instant::now();
    let out = cmd.output().expect("run cargo");
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "cargo {args:?} in {} failed:\n{stderr}", dir.display());
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (seconds, stdout + &stderr)
}

/// Wall time of building `dir`'s crate alone (dependencies already built): its
/// `lib.rs` is rewritten, unchanged, so that cargo rebuilds it; median of `runs`.
fn build_time(dir: &Path, target: &Path, release: bool, runs: usize) -> f64 {
    let mut args = vec!["build", "--lib"];
    if release {
        args.push("--release");
    }
    // Dependencies first, untimed.
    cargo(dir, target, &args, false);
    let lib = dir.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("read lib.rs");
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            // Rewriting the file updates its modification time.
            std::fs::write(&lib, &text).expect("rewrite lib.rs");
            cargo(dir, target, &args, false).0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The seconds rustc reports for its macro-expansion pass (`-Z time-passes`).
fn expansion_time(dir: &Path, target: &Path) -> f64 {
    let lib = dir.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("read lib.rs");
    std::fs::write(&lib, &text).expect("rewrite lib.rs");
    let (_, out) = cargo(dir, target, &["rustc", "--lib", "--", "-Z", "time-passes"], true);
    out.lines()
        .filter(|l| l.trim_end().ends_with("macro_expand_crate"))
        .find_map(|l| l.trim_start().strip_prefix("time:")?.split(';').next()?.trim().parse().ok())
        .expect("time-passes reports macro_expand_crate")
}

/// Lines of the pretty-printed expansion of `dir`'s crate.
fn expanded_lines(dir: &Path, target: &Path) -> usize {
    let (_, out) = cargo(dir, target, &["rustc", "--lib", "--", "-Z", "unpretty=expanded"], true);
    out.lines().filter(|l| !l.trim().is_empty()).count()
}

/// Bytes of the release `.rlib` of crate `name`.
fn rlib_bytes(target: &Path, name: &str) -> Option<u64> {
    let file = format!("libbuildcost_{}.rlib", name.replace('-', "_"));
    std::fs::metadata(target.join("release").join(file)).ok().map(|m| m.len())
}

/// What was measured of one scratch crate.
struct Measured {
    label: &'static str,
    debug: f64,
    release: Option<f64>,
    expand: f64,
    lines: usize,
    rlib: Option<u64>,
}

fn fmt_secs(s: f64) -> String {
    format!("{s:.2} s")
}

fn fmt_kib(b: Option<u64>) -> String {
    b.map_or("—".into(), |b| format!("{:.0} KiB", b as f64 / 1024.0))
}

fn main() {
    let o = options();
    let start = Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/buildcost");
    let target = root.join("target");

    let functions: Vec<String> = (0..100).map(function).collect();
    let lines_written: usize = functions.iter().map(|f| f.lines().count()).sum();
    let with =
        functions.iter().map(|f| format!("#[differentiate]\n{f}")).collect::<Vec<_>>().join("\n");
    let header = "//! Generated by `peers/src/bin/buildcost.rs`.\n\
                  #![allow(clippy::all, unused)]\n";
    let with_dir =
        write_crate(&root, "with", &format!("{header}use autodiff_core::differentiate;\n\n{with}"));
    let without_dir = write_crate(&root, "without", &format!("{header}\n{}", functions.join("\n")));
    let gmm = gmm_function();
    let gmm_dir =
        write_crate(&root, "gmm", &format!("{header}use autodiff_core::differentiate;\n\n{gmm}"));
    let gmm_plain_dir = write_crate(
        &root,
        "gmm_plain",
        &format!("{header}\n{}", gmm.replace("#[differentiate(wrt(alpha, means, icf))]\n", "")),
    );
    let gmm_lines = gmm.lines().count() - 2;

    eprintln!("building in {}", root.display());
    let mut rows = Vec::new();
    for (label, dir, name) in [
        ("100 functions with `#[differentiate]`", &with_dir, "with"),
        ("the same 100 functions without it", &without_dir, "without"),
        ("GMM with `#[differentiate]`", &gmm_dir, "gmm"),
        ("GMM without it", &gmm_plain_dir, "gmm_plain"),
    ] {
        let debug = build_time(dir, &target, false, o.runs);
        eprintln!("  {label}: debug {debug:.2} s");
        let release = o.release.then(|| build_time(dir, &target, true, o.runs));
        if let Some(r) = release {
            eprintln!("  {label}: release {r:.2} s");
        }
        let expand = expansion_time(dir, &target);
        let lines = expanded_lines(dir, &target);
        eprintln!("  {label}: expansion {expand:.3} s, {lines} lines expanded");
        rows.push(Measured {
            label,
            debug,
            release,
            expand,
            lines,
            rlib: rlib_bytes(&target, name),
        });
    }

    let mut md = String::new();
    let w = &mut md;
    let _ = writeln!(
        w,
        "Generated by `cargo run --release --manifest-path peers/Cargo.toml --bin buildcost{}` \
         in {:.0} s on a shared {}-core machine ({}); the build times are medians of {} \
         build{} of the crate alone (its dependencies, autodiff-core and the macro's syn, \
         built beforehand), wall time of `cargo build --lib`.\n",
        {
            let mut extra = String::new();
            if o.runs != 1 {
                let _ = write!(extra, " --runs {}", o.runs);
            }
            if !o.release {
                extra.push_str(" --no-release");
            }
            if extra.is_empty() {
                extra
            } else {
                format!(" --{extra}")
            }
        },
        start.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        rustc_version(),
        o.runs,
        if o.runs == 1 { "" } else { "s" },
    );
    let _ = writeln!(
        w,
        "The 100 functions ({lines_written} lines) are ten templates in ten variants each \
         (`src/bin/buildcost.rs`): straight-line scalar code, a loop over a fixed array, \
         Rosenbrock-like and log-sum-exp loops over slices, an array output, a `Vec` output, \
         a dot product, an `if`/`else if` chain, a running product and a `while` loop with a \
         data-dependent exit. Each gets the default siblings (`_grad` or `_jacobian`, `_jvp`, \
         `_vjp`, and the second-order `_vjp_jvp`, `_hvp`, `_hessian`). GMM is the \
         {gmm_lines}-line `gmm` of `src/objectives/gmm.rs`, the largest function here.\n"
    );
    let _ = writeln!(
        w,
        "| crate | debug build | release build | macro expansion (`-Z time-passes`) | \
         expanded lines (`-Z unpretty=expanded`) | release `.rlib` |"
    );
    let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|");
    for r in &rows {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {:.3} s | {} | {} |",
            r.label,
            fmt_secs(r.debug),
            r.release.map_or("—".into(), fmt_secs),
            r.expand,
            r.lines,
            fmt_kib(r.rlib)
        );
    }
    let ratio =
        |a: usize, b: usize, f: fn(&Measured) -> Option<f64>| Some(f(&rows[a])? / f(&rows[b])?);
    let parts: Vec<String> = [
        ("debug build", ratio(0, 1, |r| Some(r.debug))),
        ("release build", ratio(0, 1, |r| r.release)),
        ("expanded lines", ratio(0, 1, |r| Some(r.lines as f64))),
        ("release .rlib", ratio(0, 1, |r| r.rlib.map(|b| b as f64))),
    ]
    .iter()
    .filter_map(|(what, r)| Some(format!("{what} {:.1}x", (*r)?)))
    .collect();
    let _ = writeln!(
        w,
        "\nWith the attribute over without, for the 100 functions: {}.",
        parts.join(", ")
    );
    let gmm_parts: Vec<String> = [
        ("debug build", ratio(2, 3, |r| Some(r.debug))),
        ("release build", ratio(2, 3, |r| r.release)),
        ("expanded lines", ratio(2, 3, |r| Some(r.lines as f64))),
    ]
    .iter()
    .filter_map(|(what, r)| Some(format!("{what} {:.1}x", (*r)?)))
    .collect();
    let _ = writeln!(w, "For GMM: {}.", gmm_parts.join(", "));
    let _ = writeln!(
        w,
        "\nThe macro's own work is the expansion column: what remains of the build time is \
         rustc type-checking, optimising and generating code for the siblings it wrote."
    );
    println!("{md}");
    if o.write {
        let path = o.out.join("BUILDCOST.md");
        std::fs::write(&path, &md).expect("write BUILDCOST.md");
        eprintln!("wrote {}", path.display());
    }
}

fn rustc_version() -> String {
    Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map_or("rustc unknown".into(), |s| s.trim().to_string())
}
