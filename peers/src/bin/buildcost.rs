//! What `#[differentiate]` costs a user at build time. Writes scratch crates under
//! `peers/target/buildcost/` (each its own workspace, depending on `autodiff-core` by
//! path, all sharing one target directory), builds them with cargo, and writes
//! `BUILDCOST.md` beside this crate's `Cargo.toml` (the `results` binary copies it into
//! `RESULTS.md`).
//!
//! The crates:
//!
//! - 100 varied functions (ten templates: straight-line code, loops over arrays and
//!   slices, branches, `while`, array and `Vec` outputs) in four variants: `plain` (no
//!   attribute), `attr` (`#[differentiate]`), `order1` (`#[differentiate(order = 1)]`)
//!   and `order2` (`#[differentiate(order = 2)]`). No sibling is called.
//! - `plain-calls`, `attr-calls`, `order1-calls`, `order2-calls`: the same library plus a
//!   binary that calls ten of the functions with scalar outputs (`plain-calls`) or their
//!   `_grad` siblings (`order2-calls` also one `_hvp`), so that the siblings a user
//!   actually calls are generated code in the build.
//! - `gmm-plain` and `gmm`: the natural GMM objective of `src/objectives/gmm.rs` (the
//!   largest function the macro sees in this crate), without and with its attribute.
//!
//! Every timed build is fresh for the crate and warm for its dependencies: those
//! (autodiff-core, the macro, syn...) are built once beforehand and kept, while the
//! crate's own artifacts (`cargo clean -p`) and its incremental cache are removed before
//! each build. A build that compiles anything but the crate itself, or does not compile
//! the crate, is rejected. Each build's wall time is recorded, and its CPU time (cargo's
//! and the compilers', which other work on a shared machine disturbs less). Variants are interleaved run by run, and each figure is the
//! median of `--runs` builds. For `attr` in debug, the no-op rebuild (nothing changed)
//! and the rebuild after touching the source (incremental cache kept) are timed too.
//!
//! Two measurements need `-Z` flags of rustc: the macro-expansion pass
//! (`-Z time-passes`, "macro_expand_crate", on fresh debug builds) and the expanded
//! source (`-Z unpretty=expanded`). Setting `RUSTC_BOOTSTRAP` for cargo would make
//! proc-macro2's build script rerun and build the macro differently (with unstable
//! span support), so instead cargo runs this binary as `RUSTC_WORKSPACE_WRAPPER`, which
//! adds the flag and `RUSTC_BOOTSTRAP=1` to the scratch crate's rustc only: the macro
//! that expands is the one the timed builds use.
//!
//! ```sh
//! cargo run --release --manifest-path peers/Cargo.toml --bin buildcost \
//!     [-- --runs 5 --no-release --variants plain,attr,gmm-plain,gmm --out DIR --no-write]
//! ```

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

/// The GMM objective's source, from which its `#[differentiate]` function is cut.
const GMM_SOURCE: &str = include_str!("../objectives/gmm.rs");
const GMM_ATTR: &str = "#[differentiate(wrt(alpha, means, icf))]";

/// When set, this binary is running as cargo's `RUSTC_WORKSPACE_WRAPPER`, and the
/// variable holds the flags to add to rustc for the scratch crates.
const WRAP_FLAGS: &str = "BUILDCOST_RUSTC_FLAGS";

/// The ten functions (indices into the 100) whose siblings the `-calls` binaries call:
/// the first ten with scalar outputs, so that each has a `_grad`.
const CALLED: [usize; 10] = [0, 1, 2, 3, 6, 7, 8, 9, 10, 11];

#[derive(Clone, Copy, PartialEq)]
enum Source {
    Hundred,
    Gmm,
}

/// What the binary of a `-calls` variant calls.
#[derive(Clone, Copy, PartialEq)]
enum Calls {
    /// No binary.
    None,
    /// The ten functions themselves.
    Plain,
    /// Their `_grad` siblings.
    Grad,
    /// Their `_grad` siblings and one `_hvp`.
    GradHvp,
}

struct Variant {
    /// The option `--variants` names it by this, and the scratch crate is
    /// `buildcost-<name>`.
    name: &'static str,
    label: &'static str,
    source: Source,
    /// The text written above every function; the variants differ only in it (and in
    /// `calls`), so that the same table measures the macro before and after a change of
    /// its defaults.
    attr: Option<&'static str>,
    calls: Calls,
    /// The variant its build times are divided by.
    baseline: &'static str,
}

const VARIANTS: &[Variant] = &[
    Variant {
        name: "plain",
        label: "100 functions, no attribute",
        source: Source::Hundred,
        attr: None,
        calls: Calls::None,
        baseline: "plain",
    },
    Variant {
        name: "attr",
        label: "`#[differentiate]`",
        source: Source::Hundred,
        attr: Some("#[differentiate]"),
        calls: Calls::None,
        baseline: "plain",
    },
    Variant {
        name: "order1",
        label: "`#[differentiate(order = 1)]`",
        source: Source::Hundred,
        attr: Some("#[differentiate(order = 1)]"),
        calls: Calls::None,
        baseline: "plain",
    },
    Variant {
        name: "order2",
        label: "`#[differentiate(order = 2)]`",
        source: Source::Hundred,
        attr: Some("#[differentiate(order = 2)]"),
        calls: Calls::None,
        baseline: "plain",
    },
    Variant {
        name: "plain-calls",
        label: "no attribute, binary calling ten of the functions",
        source: Source::Hundred,
        attr: None,
        calls: Calls::Plain,
        baseline: "plain-calls",
    },
    Variant {
        name: "attr-calls",
        label: "`#[differentiate]`, binary calling ten `_grad`s",
        source: Source::Hundred,
        attr: Some("#[differentiate]"),
        calls: Calls::Grad,
        baseline: "plain-calls",
    },
    Variant {
        name: "order1-calls",
        label: "`order = 1`, binary calling ten `_grad`s",
        source: Source::Hundred,
        attr: Some("#[differentiate(order = 1)]"),
        calls: Calls::Grad,
        baseline: "plain-calls",
    },
    Variant {
        name: "order2-calls",
        label: "`order = 2`, binary calling ten `_grad`s and one `_hvp`",
        source: Source::Hundred,
        attr: Some("#[differentiate(order = 2)]"),
        calls: Calls::GradHvp,
        baseline: "plain-calls",
    },
    Variant {
        name: "gmm-plain",
        label: "GMM, no attribute",
        source: Source::Gmm,
        attr: None,
        calls: Calls::None,
        baseline: "gmm-plain",
    },
    Variant {
        name: "gmm",
        label: "GMM, `#[differentiate(wrt(alpha, means, icf))]`",
        source: Source::Gmm,
        attr: Some(GMM_ATTR),
        calls: Calls::None,
        baseline: "gmm-plain",
    },
];

struct Options {
    runs: usize,
    release: bool,
    out: PathBuf,
    write: bool,
    variants: Vec<&'static Variant>,
}

fn options() -> Options {
    let mut o = Options {
        runs: 5,
        release: true,
        out: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        write: true,
        variants: VARIANTS.iter().collect(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => {
                o.runs = args.next().and_then(|v| v.parse().ok()).expect("--runs N");
                assert!(o.runs > 0, "--runs N needs N > 0");
            }
            "--no-release" => o.release = false,
            "--out" => o.out = PathBuf::from(args.next().expect("--out DIR")),
            "--no-write" => o.write = false,
            "--variants" => {
                let list = args.next().expect("--variants a,b,c");
                o.variants = list
                    .split(',')
                    .map(|n| {
                        VARIANTS.iter().find(|v| v.name == n).unwrap_or_else(|| {
                            panic!("unknown variant {n:?}; the variants are {}", names())
                        })
                    })
                    .collect();
            }
            "--help" | "-h" => {
                println!(
                    "buildcost [--runs N] [--no-release] [--variants a,b,..] [--out DIR] \
                     [--no-write]\nvariants: {}",
                    names()
                );
                std::process::exit(0);
            }
            other => panic!("unknown option {other:?} (try --help)"),
        }
    }
    o
}

fn names() -> String {
    VARIANTS.iter().map(|v| v.name).collect::<Vec<_>>().join(", ")
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

/// The arguments of a call to function `i` (or to its `_grad`), given a slice `x` of
/// four elements in scope.
fn call_args(i: usize) -> String {
    let n = 2 + i % 5;
    match i % 10 {
        0 | 7 => "black_box(0.7), black_box(1.3)".into(),
        1 => format!("black_box([0.4; {n}])"),
        2 | 3 | 8 => "&x".into(),
        6 => "&x, &x".into(),
        9 => "&x, black_box(10.0)".into(),
        _ => unreachable!("templates 4 and 5 have array and Vec outputs: no `_grad`"),
    }
}

/// The `main.rs` of a `-calls` variant. Inputs go through `black_box` and results are
/// printed, so that release builds cannot fold the calls away.
fn calls_main(lib: &str, calls: Calls) -> String {
    let suffix = if calls == Calls::Plain { "" } else { "_grad" };
    let mut s = format!(
        "use std::hint::black_box;\nuse {lib}::*;\n\nfn main() {{\n    \
         let x = black_box(vec![0.3, 0.6, 0.9, 1.2]);\n"
    );
    for i in CALLED {
        let _ = writeln!(s, "    println!(\"{{:?}}\", f{i}{suffix}({}));", call_args(i));
    }
    if calls == Calls::GradHvp {
        let _ = writeln!(
            s,
            "    println!(\"{{:?}}\", f0_hvp(black_box(0.7), black_box(1.3), 1.0, 0.0));"
        );
    }
    s + "}\n"
}

/// The `#[differentiate]` function `gmm` of `src/objectives/gmm.rs`, without its
/// attribute, up to its closing brace.
fn gmm_function() -> String {
    let start = GMM_SOURCE
        .find(&format!("{GMM_ATTR}\n#[allow(clippy::too_many_arguments)]\npub fn gmm("))
        .expect("gmm.rs defines gmm under #[differentiate]")
        + GMM_ATTR.len()
        + 1;
    let body = &GMM_SOURCE[start..];
    let end = body.find("\n}\n").expect("gmm ends with a closing brace at column 0") + 3;
    body[..end].to_string()
}

fn lib_source(v: &Variant) -> String {
    let mut s = String::from(
        "//! Generated by `peers/src/bin/buildcost.rs`.\n#![allow(clippy::all, unused)]\n",
    );
    if v.attr.is_some() {
        s.push_str("use autodiff_core::differentiate;\n");
    }
    let functions = match v.source {
        Source::Hundred => (0..100).map(function).collect(),
        Source::Gmm => vec![gmm_function()],
    };
    for f in functions {
        s.push('\n');
        if let Some(a) = v.attr {
            s.push_str(a);
            s.push('\n');
        }
        s.push_str(&f);
    }
    s
}

fn crate_name(v: &Variant) -> String {
    format!("buildcost-{}", v.name)
}

/// Writes the scratch crate of `v` under `root`.
fn write_crate(root: &Path, v: &Variant) -> PathBuf {
    let dir = root.join(v.name);
    std::fs::create_dir_all(dir.join("src")).expect("create the scratch crate");
    let core = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../autodiff-core")
        .canonicalize()
        .expect("autodiff-core beside peers/");
    // Its own (empty) workspace: no profile of peers or of the root workspace applies.
    let manifest = format!(
        "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [workspace]\n\n[dependencies]\nautodiff-core = {{ path = {:?} }}\n",
        crate_name(v),
        core.display().to_string()
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest);
    write_if_changed(&dir.join("src/lib.rs"), &lib_source(v));
    let main = dir.join("src/main.rs");
    if v.calls == Calls::None {
        let _ = std::fs::remove_file(&main);
    } else {
        write_if_changed(&main, &calls_main(&crate_name(v).replace('-', "_"), v.calls));
    }
    dir
}

/// Leaves an unchanged file alone, so that a rerun does not rebuild what it need not.
fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).expect("write a scratch crate's file");
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Profile {
    Debug,
    Release,
}

impl Profile {
    fn dir(self) -> &'static str {
        match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        }
    }

    fn flag(self) -> Option<&'static str> {
        (self == Profile::Release).then_some("--release")
    }
}

/// Where the scratch crates are built, and how cargo is run on them.
struct Cargo {
    target: PathBuf,
}

impl Cargo {
    fn command(&self, dir: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cmd.arg(args[0])
            .arg("--manifest-path")
            .arg(dir.join("Cargo.toml"))
            .args(&args[1..])
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", &self.target)
            .env("CARGO_TERM_COLOR", "never")
            // This binary runs under `cargo run`, whose environment would leak into the
            // scratch builds (and, for `RUSTC_WORKSPACE_WRAPPER`, recurse).
            .env_remove(WRAP_FLAGS)
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            .env_remove("RUSTC_BOOTSTRAP");
        cmd
    }

    /// Runs `cmd`; returns its wall time, stdout and stderr; panics with cargo's output
    /// on failure.
    fn run(mut cmd: Command) -> (f64, String, String) {
        let start = Instant::now();
        let out = cmd.output().expect("run cargo");
        let seconds = start.elapsed().as_secs_f64();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{cmd:?} failed:\n{stderr}");
        (seconds, stdout, stderr)
    }

    fn cargo(&self, dir: &Path, args: &[&str]) -> (f64, String, String) {
        Self::run(self.command(dir, args))
    }

    /// Removes the artifacts and the incremental cache of `v`'s crate (library and
    /// binary) for `profile`, leaving its dependencies built.
    fn clean(&self, dir: &Path, v: &Variant, profile: Profile) {
        let name = crate_name(v);
        let mut args = vec!["clean", "-p", &name];
        args.extend(profile.flag());
        self.cargo(dir, &args);
        let incremental = self.target.join(profile.dir()).join("incremental");
        let prefix = format!("{}-", name.replace('-', "_"));
        if let Ok(entries) = std::fs::read_dir(&incremental) {
            for e in entries.flatten() {
                if e.file_name().to_string_lossy().starts_with(&prefix) {
                    std::fs::remove_dir_all(e.path()).expect("remove an incremental cache");
                }
            }
        }
    }

    /// Builds `v`'s crate after `clean`; returns the wall time and the CPU time of cargo
    /// and the compilers it ran. Rejects a build that compiled anything but the crate (its
    /// dependencies were not built beforehand) or did not compile it.
    fn fresh(
        &self,
        dir: &Path,
        v: &Variant,
        profile: Profile,
        args: &[&str],
    ) -> (f64, Option<f64>) {
        let before = children_cpu();
        let (wall, _, _) = self.fresh_with(dir, v, profile, args, |_| {});
        // `clean` inside `fresh_with` is a child too, but costs next to nothing.
        (wall, children_cpu().zip(before).map(|(after, before)| after - before))
    }

    /// `fresh` with `setup`'s settings of cargo's command; returns the wall time, stdout
    /// and stderr.
    fn fresh_with(
        &self,
        dir: &Path,
        v: &Variant,
        profile: Profile,
        args: &[&str],
        setup: impl Fn(&mut Command),
    ) -> (f64, String, String) {
        self.clean(dir, v, profile);
        let mut all = args.to_vec();
        all.extend(profile.flag());
        let mut cmd = self.command(dir, &all);
        setup(&mut cmd);
        let (seconds, stdout, stderr) = Self::run(cmd);
        let compiled: Vec<&str> =
            stderr.lines().filter_map(|l| l.trim_start().strip_prefix("Compiling ")).collect();
        let ours = format!("{} v", crate_name(v));
        assert!(
            compiled.len() == 1 && compiled[0].starts_with(&ours),
            "a fresh build of {} compiled {compiled:?}, not the crate alone",
            crate_name(v)
        );
        (seconds, stdout, stderr)
    }
}

/// Runs as cargo's `RUSTC_WORKSPACE_WRAPPER`: `rustc` with `flags` and
/// `RUSTC_BOOTSTRAP=1` for the scratch crates, unchanged for anything else cargo asks.
fn wrap_rustc(flags: &str) -> ! {
    let mut args = std::env::args_os().skip(1);
    let rustc = args.next().expect("cargo passes rustc's path first");
    let args: Vec<OsString> = args.collect();
    let ours = args.windows(2).any(|w| {
        w[0] == "--crate-name" && w[1].to_str().is_some_and(|n| n.starts_with("buildcost_"))
    });
    let mut cmd = Command::new(rustc);
    cmd.args(&args);
    if ours {
        cmd.args(flags.split_whitespace()).env("RUSTC_BOOTSTRAP", "1");
    }
    let status = cmd.status().expect("run rustc");
    std::process::exit(status.code().unwrap_or(1));
}

/// Cargo's setting that makes this binary wrap rustc with `flags`.
fn wrapped(flags: &'static str) -> impl Fn(&mut Command) {
    move |cmd: &mut Command| {
        cmd.env("RUSTC_WORKSPACE_WRAPPER", std::env::current_exe().expect("this binary's path"))
            .env(WRAP_FLAGS, flags);
    }
}

/// The seconds rustc reports for its macro-expansion pass (`-Z time-passes`) in a fresh
/// debug build of `v`'s library.
fn expansion_time(cargo: &Cargo, dir: &Path, v: &Variant) -> f64 {
    let (_, stdout, stderr) =
        cargo.fresh_with(dir, v, Profile::Debug, &["build", "--lib"], wrapped("-Z time-passes"));
    stdout
        .lines()
        .chain(stderr.lines())
        .filter(|l| l.trim_end().ends_with("macro_expand_crate"))
        .find_map(|l| l.trim_start().strip_prefix("time:")?.split(';').next()?.trim().parse().ok())
        .expect("time-passes reports macro_expand_crate")
}

/// Non-empty lines of the pretty-printed expansion of `v`'s library.
fn expanded_lines(cargo: &Cargo, dir: &Path, v: &Variant) -> usize {
    let (_, stdout, _) = cargo.fresh_with(
        dir,
        v,
        Profile::Debug,
        &["build", "--lib"],
        wrapped("-Z unpretty=expanded"),
    );
    stdout.lines().filter(|l| !l.trim().is_empty()).count()
}

/// The opt-level cargo builds `autodiff-macros` with under `profile`, from its unit
/// graph (no build: `-Z unstable-options` needs `RUSTC_BOOTSTRAP`, for cargo only).
fn macro_opt_level(cargo: &Cargo, dir: &Path, profile: Profile) -> String {
    let mut args = vec!["build", "--unit-graph", "-Z", "unstable-options"];
    args.extend(profile.flag());
    let mut cmd = cargo.command(dir, &args);
    cmd.env("RUSTC_BOOTSTRAP", "1");
    let (_, graph, _) = Cargo::run(cmd);
    // Each unit lists its target (with its name) before its profile (with its
    // opt-level), so the first opt-level after the name is the macro's.
    let at = graph.find("\"name\":\"autodiff_macros\"").expect("the macro is in the unit graph");
    let rest = &graph[at..];
    let level = rest.find("\"opt_level\":\"").expect("units have an opt_level") + 13;
    rest[level..].split('"').next().unwrap_or("?").to_string()
}

/// CPU seconds (user and system) of this process's finished children and theirs, from
/// `/proc/self/stat` (Linux). Less sensitive than wall time to other work on the machine,
/// which only takes cores away.
fn children_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces;
    // cutime and cstime are fields 16 and 17 of the whole line.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
    let ticks: f64 = fields.get(13)?.parse::<f64>().ok()? + fields.get(14)?.parse::<f64>().ok()?;
    // USER_HZ, which the kernel fixes at 100 for this interface on every common platform.
    Some(ticks / 100.0)
}

fn bytes_of_rlib(target: &Path, v: &Variant) -> Option<u64> {
    let file = format!("lib{}.rlib", crate_name(v).replace('-', "_"));
    std::fs::metadata(target.join("release").join(file)).ok().map(|m| m.len())
}

/// Everything measured of one variant; times in seconds, one entry a run.
#[derive(Default)]
struct Measured {
    debug: Vec<f64>,
    debug_cpu: Vec<f64>,
    release_cpu: Vec<f64>,
    release: Vec<f64>,
    expand: Vec<f64>,
    lines: Option<usize>,
    input_lines: usize,
    rlib: Option<u64>,
}

fn median(xs: &[f64]) -> Option<f64> {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    (n > 0).then(|| if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

fn secs(s: Option<f64>) -> String {
    s.map_or("—".into(), |s| format!("{s:.2} s"))
}

fn times(s: Option<f64>) -> String {
    s.map_or("—".into(), |s| format!("{s:.1}x"))
}

fn main() {
    if let Ok(flags) = std::env::var(WRAP_FLAGS) {
        wrap_rustc(&flags);
    }
    let o = options();
    let start = Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/buildcost");
    let cargo = Cargo { target: root.join("target") };
    let dirs: Vec<PathBuf> = o.variants.iter().map(|v| write_crate(&root, v)).collect();
    let mut profiles = vec![Profile::Debug];
    if o.release {
        profiles.push(Profile::Release);
    }

    eprintln!("building in {}", root.display());
    // Dependencies, untimed; every crate once in debug, so that one that does not
    // compile fails before the timed runs.
    for (v, dir) in o.variants.iter().zip(&dirs) {
        cargo.cargo(dir, &["build"]);
        eprintln!("  {} builds", v.name);
    }
    if o.release {
        cargo.cargo(&dirs[0], &["build", "--release", "-p", "autodiff-core"]);
    }
    let opt_levels: Vec<(Profile, String)> =
        profiles.iter().map(|&p| (p, macro_opt_level(&cargo, &dirs[0], p))).collect();
    for (p, l) in &opt_levels {
        eprintln!("  autodiff-macros is built with opt-level {l} for {} builds", p.dir());
    }

    let mut m: BTreeMap<&str, Measured> = BTreeMap::new();
    let attr = o.variants.iter().zip(&dirs).find(|(v, _)| v.name == "attr");
    let (mut noop, mut touched) = (Vec::new(), Vec::new());
    for run in 1..=o.runs {
        for &profile in &profiles {
            for (v, dir) in o.variants.iter().zip(&dirs) {
                let (t, cpu) = cargo.fresh(dir, v, profile, &["build"]);
                eprintln!("  run {run} {} {}: {t:.2} s ({} CPU)", profile.dir(), v.name, secs(cpu));
                let e = m.entry(v.name).or_default();
                match profile {
                    Profile::Debug => {
                        e.debug.push(t);
                        e.debug_cpu.extend(cpu);
                    }
                    Profile::Release => {
                        e.release.push(t);
                        e.release_cpu.extend(cpu);
                        e.rlib = bytes_of_rlib(&cargo.target, v);
                    }
                }
            }
            if let (Profile::Debug, Some((v, dir))) = (profile, attr) {
                // The crate has just been built: nothing changed.
                let (t, _, err) = cargo.cargo(dir, &["build"]);
                assert!(!err.contains("Compiling"), "a no-op rebuild compiled:\n{err}");
                noop.push(t);
                let lib = std::fs::File::options()
                    .append(true)
                    .open(dir.join("src/lib.rs"))
                    .expect("open lib.rs");
                lib.set_modified(SystemTime::now()).expect("touch lib.rs");
                let (t2, _, err) = cargo.cargo(dir, &["build"]);
                assert!(
                    err.contains(&format!("Compiling {}", crate_name(v))),
                    "a rebuild after touching lib.rs did not compile it:\n{err}"
                );
                touched.push(t2);
                eprintln!("  run {run} debug attr: no-op {t:.2} s, touched {t2:.2} s");
            }
        }
        for (v, dir) in o.variants.iter().zip(&dirs) {
            if v.calls == Calls::None {
                let t = expansion_time(&cargo, dir, v);
                eprintln!("  run {run} expansion {}: {t:.3} s", v.name);
                m.entry(v.name).or_default().expand.push(t);
            }
        }
    }
    for (v, dir) in o.variants.iter().zip(&dirs) {
        let e = m.entry(v.name).or_default();
        e.input_lines = lib_source(v).lines().filter(|l| !l.trim().is_empty()).count();
        if v.calls == Calls::None {
            e.lines = Some(expanded_lines(&cargo, dir, v));
            eprintln!("  {}: {} lines expanded from {}", v.name, e.lines.unwrap(), e.input_lines);
        }
    }

    let md = report(&o, &m, &opt_levels, &noop, &touched, start.elapsed().as_secs_f64());
    println!("{}", compact(&o, &m));
    if o.write {
        let path = o.out.join("BUILDCOST.md");
        std::fs::write(&path, &md).expect("write BUILDCOST.md");
        eprintln!("wrote {}", path.display());
    }
}

/// The ratio of `v`'s median to its baseline's, for the times `f` picks.
fn ratio(
    m: &BTreeMap<&str, Measured>,
    v: &Variant,
    f: impl Fn(&Measured) -> &Vec<f64>,
) -> Option<f64> {
    Some(median(f(m.get(v.name)?))? / median(f(m.get(v.baseline)?))?)
}

fn report(
    o: &Options,
    m: &BTreeMap<&str, Measured>,
    opt_levels: &[(Profile, String)],
    noop: &[f64],
    touched: &[f64],
    elapsed: f64,
) -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = format!(
        "cargo run --release --manifest-path peers/Cargo.toml --bin buildcost{}",
        if args.is_empty() { String::new() } else { format!(" -- {}", args.join(" ")) }
    );
    let levels: Vec<String> =
        opt_levels.iter().map(|(p, l)| format!("{l} in {} builds", p.dir())).collect();
    let mut md = String::new();
    let w = &mut md;
    let _ = writeln!(
        w,
        "Generated by `{command}` in {elapsed:.0} s on a shared {}-core machine ({}); every \
         time is the median of {} fresh build{} of the crate alone, wall time of \
         `cargo build`.\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        rustc_version(),
        o.runs,
        if o.runs == 1 { "" } else { "s" },
    );
    let _ = writeln!(
        w,
        "Method: the dependencies (autodiff-core, the macro, syn...) are built once \
         beforehand and kept; before each timed build, `cargo clean -p <crate>` removes the \
         crate's own artifacts and its incremental cache under \
         `target/<profile>/incremental/` is deleted, and a build that compiles anything \
         but the crate, or not the crate, is rejected. The variants are interleaved run by \
         run, so that the noise of the machine (two cores, shared with other compilations \
         during the run) falls on all alike. The scratch crates are their own workspaces \
         with cargo's default profiles: no `build-override`, so the proc macro (and syn) \
         are built with opt-level {} (`cargo build --unit-graph`), and the macro that \
         expands in release builds is unoptimised too. Macro expansion is rustc's \
         `macro_expand_crate` pass (`-Z time-passes`) in fresh debug builds, and expanded \
         lines are the non-empty lines of `-Z unpretty=expanded` over those of the crate's \
         `lib.rs`; for both, rustc alone gets `RUSTC_BOOTSTRAP=1` (cargo does not, so the \
         macro is the same build as in the timed builds).\n",
        levels.join(", ")
    );
    let _ = writeln!(
        w,
        "The 100 functions are ten templates in ten variants each (`src/bin/buildcost.rs`): \
         straight-line scalar code, a loop over a fixed array, Rosenbrock-like and \
         log-sum-exp loops over slices, an array output, a `Vec` output, a dot product, an \
         `if`/`else if` chain, a running product and a `while` loop with a data-dependent \
         exit; none of their siblings is called. The `calls` rows add a binary to the same \
         library that calls ten of them with scalar outputs ({}), or their `_grad`s, and \
         are compared with the binary calling the undifferentiated functions. GMM is the \
         `gmm` of `src/objectives/gmm.rs`, the largest function here.\n",
        CALLED.map(|i| format!("`f{i}`")).join(", ")
    );
    let _ = writeln!(
        w,
        "| crate | debug | × | release | × | debug CPU | × | release CPU | × | \
         macro expansion | expanded / input lines | lines per input line | release `.rlib` |"
    );
    let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for v in &o.variants {
        let Some(e) = m.get(v.name) else { continue };
        let _ = writeln!(
            w,
            "| `{}`: {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            v.name,
            v.label,
            secs(median(&e.debug)),
            times(ratio(m, v, |e| &e.debug)),
            secs(median(&e.release)),
            times(ratio(m, v, |e| &e.release)),
            secs(median(&e.debug_cpu)),
            times(ratio(m, v, |e| &e.debug_cpu)),
            secs(median(&e.release_cpu)),
            times(ratio(m, v, |e| &e.release_cpu)),
            median(&e.expand).map_or("—".into(), |s| format!("{s:.3} s")),
            e.lines.map_or("—".into(), |l| format!("{l} / {}", e.input_lines)),
            e.lines.map_or("—".into(), |l| format!("{:.1}", l as f64 / e.input_lines as f64)),
            e.rlib.map_or("—".into(), |b| format!("{:.0} KiB", b as f64 / 1024.0)),
        );
    }
    if !noop.is_empty() {
        let _ = writeln!(
            w,
            "| `attr`, no-op rebuild (nothing changed) | {} | | | | | | | | | | | |",
            secs(median(noop))
        );
        let _ = writeln!(
            w,
            "| `attr`, rebuild after touching `lib.rs` (incremental cache kept) | {} | | | | | | \
             | | | | | |",
            secs(median(touched))
        );
    }
    let _ = writeln!(
        w,
        "\n×: over the row's baseline (`plain` for the 100 functions, `plain-calls` for the \
         `calls` rows, `gmm-plain` for GMM). CPU is the user and system time of cargo and \
         the compilers it ran: other work on the machine lengthens the wall time of a build \
         more than its CPU time. The macro's own work is the expansion column: \
         the rest of the build time is rustc type-checking, optimising and generating code \
         for the siblings it wrote.\n"
    );
    let _ = writeln!(w, "Every run, wall time in seconds (debug; release):\n");
    let list = |xs: &[f64]| {
        if xs.is_empty() {
            "—".to_string()
        } else {
            xs.iter().map(|t| format!("{t:.2}")).collect::<Vec<_>>().join(" ")
        }
    };
    for v in &o.variants {
        let Some(e) = m.get(v.name) else { continue };
        let _ = writeln!(w, "- `{}`: {}; {}", v.name, list(&e.debug), list(&e.release));
    }
    if !noop.is_empty() {
        let _ = writeln!(w, "- `attr` no-op: {}; touched: {}", list(noop), list(touched));
    }
    md
}

/// The build times alone, to paste into the README.
fn compact(o: &Options, m: &BTreeMap<&str, Measured>) -> String {
    let mut s = String::from("| crate | debug | release |\n|---|---:|---:|\n");
    for v in &o.variants {
        let Some(e) = m.get(v.name) else { continue };
        let cell = |t: Option<f64>, r: Option<f64>| match (t, r) {
            (Some(t), Some(r)) if v.baseline != v.name => format!("{t:.2} s ({r:.0}x)"),
            (t, _) => secs(t),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            v.label,
            cell(median(&e.debug), ratio(m, v, |e| &e.debug)),
            cell(median(&e.release), ratio(m, v, |e| &e.release)),
        );
    }
    s
}

fn rustc_version() -> String {
    Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map_or("rustc unknown".into(), |s| s.trim().to_string())
}
