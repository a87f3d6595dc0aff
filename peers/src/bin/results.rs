//! Times every contender on every objective and writes the public results:
//! `RESULTS.md` (markdown tables of medians and ratios) and `results.svg` (a bar chart),
//! both beside this crate's `Cargo.toml`.
//!
//! ```sh
//! cargo run --release --manifest-path peers/Cargo.toml --bin results            # full run
//! cargo run --release --manifest-path peers/Cargo.toml --bin results -- --quick # smoke run
//! ```
//!
//! Options: `--quick` (fewer sizes, shorter timing), `--only SUBSTRING` (objectives whose
//! label contains it), `--out DIR` (where the two files go), `--no-write` (print only).
//!
//! `RESULTS.md` ends with the build-cost section of `BUILDCOST.md` (written by the
//! `buildcost` binary) when that file is there.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use autodiff_peers::objectives;
use autodiff_peers::{drivers, Contender, Kind, Objective, Shape};

/// Counts the bytes allocated, so that tapes and other working memory can be measured.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the counter is a
// relaxed atomic add on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is System's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size.saturating_sub(layout.size()), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Options from the command line.
struct Options {
    quick: bool,
    only: Option<String>,
    out: PathBuf,
    write: bool,
}

fn options() -> Options {
    let mut o = Options {
        quick: false,
        only: None,
        out: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        write: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--quick" => o.quick = true,
            "--only" => o.only = args.next(),
            "--out" => o.out = PathBuf::from(args.next().expect("--out DIR")),
            "--no-write" => o.write = false,
            "--help" | "-h" => {
                println!("results [--quick] [--only SUBSTRING] [--out DIR] [--no-write]");
                std::process::exit(0);
            }
            other => panic!("unknown option {other:?} (try --help)"),
        }
    }
    o
}

/// One timed cell: a contender on an objective.
#[derive(Debug, Clone)]
struct Cell {
    /// Median seconds per call.
    median: f64,
    /// Calls timed in all.
    calls: usize,
    /// Bytes allocated by one call.
    bytes: usize,
    /// Largest difference from the hand-written gradient, relative to max(1, |g|).
    error: f64,
}

/// What one cell of the tables holds.
#[derive(Debug, Clone)]
enum Entry {
    Timed(Cell),
    Skipped(&'static str),
}

struct Row {
    label: String,
    kind: Kind,
    family: &'static str,
    size: String,
    shape: Shape,
    params: usize,
    entries: HashMap<Contender, Entry>,
    /// Bytes allocated by ours beyond the primal's own and the returned gradient.
    ours_extra_bytes: Option<i64>,
    /// ad_trait's graph nodes after one gradient.
    ad_trait_nodes: Option<usize>,
    /// Bytes allocated by echidna's first call on a fresh thread (its tape grown).
    echidna_cold: Option<usize>,
}

fn max_rel_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs() / y.abs().max(1.0)).fold(0.0, f64::max)
}

/// Times `c` on `obj`: repeated batches of calls, each batch long enough to read the
/// clock reliably; the median over batches of the time per call.
fn time(obj: &dyn Objective, c: Contender, p: &[f64], reference: &[f64], quick: bool) -> Cell {
    let mut g = vec![0.0; obj.out_len(c)];
    // One call to check the gradient and warm up (thread-local pools, caches), then one
    // to count what a warm call allocates; then more warm-up.
    let start = Instant::now();
    black_box(obj.run(c, black_box(p), &mut g));
    let first = start.elapsed().as_secs_f64();
    let error = if c == Contender::Primal { 0.0 } else { max_rel_diff(&g, reference) };
    if first > 1.0 {
        // A slow cell (a second or more per call): the first call counts as one of three
        // timed calls, and what it allocates is counted on the next.
        let mut times = vec![first];
        let before = ALLOCATED.load(Ordering::Relaxed);
        let start = Instant::now();
        black_box(obj.run(c, black_box(p), &mut g));
        times.push(start.elapsed().as_secs_f64());
        let bytes = ALLOCATED.load(Ordering::Relaxed) - before;
        let start = Instant::now();
        black_box(obj.run(c, black_box(p), &mut g));
        times.push(start.elapsed().as_secs_f64());
        times.sort_by(f64::total_cmp);
        return Cell { median: times[1], calls: 3, bytes, error };
    }
    let before = ALLOCATED.load(Ordering::Relaxed);
    black_box(obj.run(c, black_box(p), &mut g));
    let bytes = ALLOCATED.load(Ordering::Relaxed) - before;
    let warm_until = first.min(0.05) * 3.0;
    let warm = Instant::now();
    let mut warm_calls = 0usize;
    while warm.elapsed().as_secs_f64() < warm_until || warm_calls < 2 {
        black_box(obj.run(c, black_box(p), black_box(&mut g)));
        warm_calls += 1;
    }
    let per_call = warm.elapsed().as_secs_f64() / warm_calls as f64;
    let (sample, budget) = if quick { (5e-4, 0.04) } else { (2e-3, 0.4) };
    let iters = ((sample / per_call).ceil() as usize).max(1);
    let samples = ((budget / (per_call * iters as f64)) as usize).clamp(3, 51) | 1;
    let mut times = Vec::with_capacity(samples);
    for _ in 0..samples {
        let start = Instant::now();
        for _ in 0..iters {
            black_box(obj.run(c, black_box(p), black_box(&mut g)));
        }
        times.push(start.elapsed().as_secs_f64() / iters as f64);
    }
    times.sort_by(f64::total_cmp);
    Cell { median: times[times.len() / 2], calls: samples * iters, bytes, error }
}

fn measure(obj: &dyn Objective, quick: bool) -> Row {
    let p = obj.point();
    let params = p.len();
    let gradient = obj.kind() == Kind::Gradient;
    let mut hand = vec![0.0; obj.out_len(Contender::Hand)];
    obj.run(Contender::Hand, &p, &mut hand);
    let mut entries = HashMap::new();
    for &c in obj.kind().contenders() {
        if let Some(why) = obj.skip(c) {
            entries.insert(c, Entry::Skipped(why));
            continue;
        }
        let reference = obj.expected(c, &hand);
        let cell = time(obj, c, &p, &reference, quick);
        let tol = if c.is_exact() { 1e-8 } else { 1e-3 };
        assert!(
            cell.error < tol,
            "{}: {} differs from the hand-written {} by {:e}",
            obj.label(),
            c.name(),
            obj.kind().name(),
            cell.error
        );
        eprintln!(
            "  {:<34} {:<10} {:>12}  ({} calls)",
            obj.label(),
            c.name(),
            fmt_time(cell.median),
            cell.calls
        );
        entries.insert(c, Entry::Timed(cell));
    }
    // Our tapes of floats come from a pool kept per thread: a warm call allocates none of
    // them, so the tape is measured in a first call on a fresh thread.
    let on_a_fresh_thread = |c: Contender| {
        std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let mut out = vec![0.0; obj.out_len(c)];
                    let before = ALLOCATED.load(Ordering::Relaxed);
                    obj.run(c, &p, &mut out);
                    ALLOCATED.load(Ordering::Relaxed) - before
                })
                .join()
                .expect("a call on a fresh thread")
        })
    };
    let ours_extra_bytes = match (entries.get(&Contender::Ours), entries.get(&Contender::Primal)) {
        (Some(Entry::Timed(_)), Some(Entry::Timed(pr))) if gradient => {
            let returned = if obj.returns_vec() { 8 * params } else { 0 };
            Some(on_a_fresh_thread(Contender::Ours) as i64 - pr.bytes as i64 - returned as i64)
        }
        _ => None,
    };
    let ad_trait_nodes = if !gradient || obj.skip(Contender::AdTrait).is_some() {
        None
    } else {
        let mut g = vec![0.0; params];
        obj.run(Contender::AdTrait, &p, &mut g);
        Some(ad_trait::reverse_ad::adr::GlobalComputationGraph::get().num_nodes())
    };
    // echidna keeps its tape in a thread-local pool: its first call on a fresh thread
    // allocates the tape as it grows.
    let echidna_cold = (gradient && obj.skip(Contender::Echidna).is_none())
        .then(|| on_a_fresh_thread(Contender::Echidna));
    Row {
        label: obj.label(),
        kind: obj.kind(),
        family: obj.family(),
        size: obj.size(),
        shape: obj.shape(),
        params,
        entries,
        ours_extra_bytes,
        ad_trait_nodes,
        echidna_cold,
    }
}

fn fmt_time(s: f64) -> String {
    if s < 1e-6 {
        format!("{:.1} ns", s * 1e9)
    } else if s < 1e-3 {
        format!("{:.2} µs", s * 1e6)
    } else if s < 1.0 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{:.2} s", s)
    }
}

fn fmt_ratio(r: f64) -> String {
    if r < 10.0 {
        format!("{r:.2}")
    } else if r < 100.0 {
        format!("{r:.1}")
    } else {
        format!("{r:.0}")
    }
}

fn fmt_bytes(b: i64) -> String {
    let a = b.unsigned_abs() as f64;
    let s = if a < 1024.0 {
        format!("{a} B")
    } else if a < 1024.0 * 1024.0 {
        format!("{:.1} KiB", a / 1024.0)
    } else {
        format!("{:.1} MiB", a / 1024.0 / 1024.0)
    };
    if b < 0 {
        format!("-{s}")
    } else {
        s
    }
}

fn median(row: &Row, c: Contender) -> Option<f64> {
    match row.entries.get(&c) {
        Some(Entry::Timed(cell)) => Some(cell.median),
        _ => None,
    }
}

fn ratio(row: &Row, num: Contender, den: Contender) -> Option<f64> {
    Some(median(row, num)? / median(row, den)?)
}

/// The contenders that compute a derivative, in table order.
const DERIVATIVES: [Contender; 7] = [
    Contender::Ours,
    Contender::OursHvp,
    Contender::Hand,
    Contender::NumDual,
    Contender::Echidna,
    Contender::AdTrait,
    Contender::FiniteDiff,
];

/// The peers compared with ours.
const PEERS: [Contender; 5] = [
    Contender::Hand,
    Contender::NumDual,
    Contender::Echidna,
    Contender::AdTrait,
    Contender::FiniteDiff,
];

/// `cs` without the primal.
fn derivatives(cs: &[Contender]) -> Vec<Contender> {
    cs.iter().copied().filter(|&c| c != Contender::Primal).collect()
}

/// The three tables of one kind: medians, ratios over the primal, peers over ours.
fn kind_tables(w: &mut String, kind: Kind, rows: &[&Row]) {
    let all = kind.contenders();
    let heading = match kind {
        Kind::Gradient => "Gradients",
        Kind::Jacobian => "Jacobians",
        Kind::Hessian => "Hessians",
    };
    let _ = writeln!(w, "## {heading}\n");
    let _ = writeln!(w, "{}\n", kind_legend(kind));

    // Medians.
    let _ = writeln!(w, "### Time per call (median)\n");
    let _ = write!(w, "| objective | size | params |");
    for c in all {
        let _ = write!(w, " {} |", c.name());
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "|---|---|---:|{}", "---:|".repeat(all.len()));
    for row in rows {
        let _ = write!(w, "| {} | {} | {} |", row.family, row.size, row.params);
        for c in all {
            let s = match row.entries.get(c) {
                Some(Entry::Timed(cell)) => fmt_time(cell.median),
                Some(Entry::Skipped(_)) => "—".to_string(),
                None => String::new(),
            };
            let _ = write!(w, " {s} |");
        }
        let _ = writeln!(w);
    }
    // What was left out, grouped by contender and reason.
    let mut skipped: Vec<(String, &'static str, Vec<String>)> = Vec::new();
    for row in rows {
        for c in all {
            if let Some(Entry::Skipped(why)) = row.entries.get(c) {
                let at = format!("{} {}", row.family, row.size);
                match skipped.iter_mut().find(|(n, r, _)| n == c.name() && *r == *why) {
                    Some((_, _, v)) => v.push(at),
                    None => skipped.push((c.name().to_string(), why, vec![at])),
                }
            }
        }
    }
    if !skipped.is_empty() {
        let _ = writeln!(w, "\n— not timed:\n");
        for (name, why, at) in &skipped {
            let _ = writeln!(w, "- {name} at {}: {why}.", at.join(", "));
        }
    }

    // Ratios over the primal.
    let _ = writeln!(w, "\n### {} time over primal time\n", capitalised(kind.name()));
    let shown = derivatives(all);
    let _ = write!(w, "| objective | size |");
    for c in &shown {
        let _ = write!(w, " {} |", c.name());
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "|---|---|{}", "---:|".repeat(shown.len()));
    for row in rows {
        let _ = write!(w, "| {} | {} |", row.family, row.size);
        for &c in &shown {
            let s = ratio(row, c, Contender::Primal).map_or("—".into(), fmt_ratio);
            let _ = write!(w, " {s} |");
        }
        let _ = writeln!(w);
    }

    // Peers over ours.
    let _ = writeln!(w, "\n### Each peer's time over ours (above 1: ours is faster)\n");
    let _ = write!(w, "| objective | size |");
    for c in PEERS {
        let _ = write!(w, " {} / ours |", c.name());
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "|---|---|{}", "---:|".repeat(PEERS.len()));
    for row in rows {
        let _ = write!(w, "| {} | {} |", row.family, row.size);
        for c in PEERS {
            let s = ratio(row, c, Contender::Ours).map_or("—".into(), fmt_ratio);
            let _ = write!(w, " {s} |");
        }
        let _ = writeln!(w);
    }
    let _ = writeln!(w);
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// What each contender runs, for one kind.
fn kind_legend(kind: Kind) -> String {
    match kind {
        Kind::Gradient => {
            "Contenders: **ours** is `f_grad` generated by `#[differentiate]` from the \
             plain function, **hand** a hand-written gradient, **num-dual** 0.15's `gradient` \
             (forward mode, a `DualDVec64` as long as the parameters), **echidna** 0.15's `grad` \
             (reverse mode, Adept-style tape), **ad_trait** 0.3's `adr` (reverse mode, global \
             computation graph), **central FD** central differences of the primal (2 primals \
             per parameter). The peers run one generic version of each objective \
             (`src/objectives/*.rs`); num-dual's dual vectors are not `Copy`, so that code \
             clones operands it uses twice."
                .to_string()
        }
        Kind::Jacobian => format!(
            "The layer y = tanh(W x + b), W dense n x n with weights fixed, differentiated with \
             respect to x: an n x n Jacobian (`src/objectives/layer.rs`). Contenders: **ours** \
             is `f_jacobian` (forward sweeps of 16 tangent lanes, `Vec<Vec<f64>>` out), \
             **hand** computes y and scales each row of W by 1 - y_i², **num-dual** \
             `jacobian` (one forward sweep with `DualDVec64`, dual vectors of n floats), \
             **echidna** `jacobian` (forward mode with `Dual<f64>`, one sweep per input; its \
             bytecode tape's reverse and forward Jacobians were slower), **ad_trait** \
             `ForwardADMulti<adfn<{}>>` (vector forward mode, {} columns per sweep, driven \
             through its `DerivativeMethodTrait`; the fastest of 8, 16, 32 lanes and its \
             reverse mode), **central FD** central differences of the primal (2 primals per \
             input). Every Jacobian is copied into one row-major buffer, the same copy for \
             every contender.",
            drivers::AD_TRAIT_JACOBIAN_LANES,
            drivers::AD_TRAIT_JACOBIAN_LANES
        ),
        Kind::Hessian => format!(
            "Hessians at n = 64 of extended Rosenbrock and of f(x) = ½ xᵀAx + Σ tanh(x_i), A \
             dense and symmetric (`src/objectives/quad_tanh.rs`). Contenders: **ours** is \
             `f_hessian` (16 Hessian-vector products per sweep), **ours hvp** one `f_hvp` \
             (value, gradient and H v for one direction v: what a Newton-CG step needs), \
             **hand** a hand-written Hessian, **num-dual** `hessian` (one forward sweep with \
             `Dual2DVec64`, carrying the gradient and the n x n Hessian), **echidna** \
             `hessian_vec::<{1}>` (records its bytecode tape, then forward over reverse, {1} \
             directions per sweep), **ad_trait** `HessianAD<{0}>` (forward over forward with \
             `HyperAD_ADFN<{0}>`, one {0} x {0} block per sweep; its forward-over-reverse \
             `HessianAD_FOR` was no faster), **central FD** central \
             differences of our generated gradient (2 gradients per input). The ratios to \
             ours are to `f_hessian`.",
            drivers::AD_TRAIT_HESSIAN_LANES,
            drivers::ECHIDNA_HESSIAN_LANES
        ),
    }
}

fn report(rows: &[Row], quick: bool, seconds: f64, load_at_start: &str) -> String {
    let mut md = String::new();
    let w = &mut md;
    let _ = writeln!(w, "# autodiff against its peers: gradients, Jacobians, Hessians\n");
    let _ = writeln!(
        w,
        "Generated by `cargo run --release --manifest-path peers/Cargo.toml --bin results{}` \
         in {:.0} s on a shared {}-core machine ({}). Every number is the median over repeated \
         batches of calls (each batch at least {} long) of the time per call, release build; \
         a contender that takes over a second per call is timed on 3 calls. Before timing, \
         every contender's derivative is checked against the hand-written one (relative \
         difference below 1e-8, 1e-3 for finite differences).\n",
        if quick { " -- --quick" } else { "" },
        seconds,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        rustc_version(),
        if quick { "0.5 ms" } else { "2 ms" },
    );
    let _ = writeln!(w, "The macro measured: {}.\n", macro_state());
    let _ = writeln!(
        w,
        "Load average (1, 5, 15 min) at the start: {}; at the end: {}. Other jobs on this \
         shared machine inflate and scatter the times; ratios between contenders measured \
         side by side are steadier than the absolute times.\n",
        load_at_start,
        load_average()
    );
    if quick {
        let _ = writeln!(
            w,
            "**Smoke run (`--quick`): fewer sizes, short timing; not for publication.**\n"
        );
    }
    for kind in Kind::ALL {
        let of_kind: Vec<&Row> = rows.iter().filter(|r| r.kind == kind).collect();
        if !of_kind.is_empty() {
            kind_tables(w, kind, &of_kind);
        }
    }

    // Memory, of the gradients.
    let grads: Vec<&Row> = rows.iter().filter(|r| r.kind == Kind::Gradient).collect();
    let all = Kind::Gradient.contenders();
    let _ = writeln!(w, "## Memory of the gradients\n");
    let _ = writeln!(
        w,
        "**ours: tape** is what the first call of `f_grad` on a thread allocates beyond \
         the primal's own allocations and the returned gradient: the typed stacks of saved \
         values (`autodiff_core::Tape`) and the adjoints of local arrays. Straight-line code \
         and loops whose values follow from the index save nothing; the running product \
         saves its carried value, one `f64` per iteration. The stacks of floats and branch \
         decisions go back to a pool kept per thread when the call ends, so the next call \
         on that thread reuses them (**ours allocates**, a warm call, counts only what \
         is not pooled). The other columns are the bytes each contender allocates in one \
         warm call. echidna keeps its tape in \
         a thread-local pool between calls, so its warm calls allocate only the adjoint \
         vector (one float per tape variable) and the gradient; its first call on a fresh \
         thread grows the tape (**echidna cold**, growth by doubling included). ad_trait \
         keeps its graph in a thread-local vector reused between calls; **ad_trait graph** \
         is its node count after one gradient times the size of a node ({} bytes).\n",
        std::mem::size_of::<ad_trait::reverse_ad::adr::ComputationGraphNode>()
    );
    let _ = write!(w, "| objective | size | ours: tape |");
    for c in all {
        let _ = write!(w, " {} allocates |", c.name());
    }
    let _ = writeln!(w, " echidna cold | ad_trait graph |");
    let _ = writeln!(w, "|---|---|---:|{}---:|---:|", "---:|".repeat(all.len()));
    for row in &grads {
        let tape = row.ours_extra_bytes.map_or("—".into(), fmt_bytes);
        let _ = write!(w, "| {} | {} | {} |", row.family, row.size, tape);
        for c in all {
            let s = match row.entries.get(c) {
                Some(Entry::Timed(cell)) => fmt_bytes(cell.bytes as i64),
                _ => "—".into(),
            };
            let _ = write!(w, " {s} |");
        }
        let node = std::mem::size_of::<ad_trait::reverse_ad::adr::ComputationGraphNode>();
        let cold = row.echidna_cold.map_or("—".into(), |b| fmt_bytes(b as i64));
        let graph = row
            .ad_trait_nodes
            .map_or("—".into(), |n| format!("{} ({n} nodes)", fmt_bytes((n * node) as i64)));
        let _ = writeln!(w, " {cold} | {graph} |");
    }

    targets(w, rows);
    let _ = writeln!(w, "\n![derivative time over primal time](results.svg)");
    md
}

/// The issue's targets, each checked against the rows.
fn mark(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "none".to_string()
    } else {
        v.join(", ")
    }
}

/// The targets of the gradients.
fn gradient_targets(w: &mut String, all_rows: &[Row]) {
    let rows: &[&Row] = &all_rows.iter().filter(|r| r.kind == Kind::Gradient).collect::<Vec<_>>();
    let _ = writeln!(w, "Gradients:\n");

    // Ours within 3x the primal, and within 1.2x of hand-written.
    let mut over3 = Vec::new();
    let mut over_hand = Vec::new();
    for row in rows {
        if let Some(r) = ratio(row, Contender::Ours, Contender::Primal) {
            if r > 3.0 {
                over3.push(format!("{} ({})", row.label, fmt_ratio(r)));
            }
        }
        if let Some(r) = ratio(row, Contender::Ours, Contender::Hand) {
            if r > 1.2 {
                over_hand.push(format!("{} ({})", row.label, fmt_ratio(r)));
            }
        }
    }
    let kinds = |s: Shape| rows.iter().filter(|r| r.shape == s).count();
    let _ = writeln!(
        w,
        "- Generated gradient <= 3x primal ({} straight-line, {} loop objectives): {}. Above: {}.",
        kinds(Shape::StraightLine),
        kinds(Shape::Loops),
        mark(over3.is_empty()),
        list(&over3)
    );
    let _ = writeln!(
        w,
        "- Generated gradient within 1.2x of hand-written: {}. Above: {}.",
        mark(over_hand.is_empty()),
        list(&over_hand)
    );

    // >= 10x faster than the tape crates.
    for peer in [Contender::Echidna, Contender::AdTrait] {
        let mut under = Vec::new();
        let mut worst = f64::INFINITY;
        for row in rows {
            if let Some(r) = ratio(row, peer, Contender::Ours) {
                worst = worst.min(r);
                if r < 10.0 {
                    under.push(format!("{} ({})", row.label, fmt_ratio(r)));
                }
            }
        }
        let _ = writeln!(
            w,
            "- >= 10x faster than {} (tape): {}; smallest factor {}. Below 10x: {}.",
            peer.name(),
            mark(under.is_empty()),
            fmt_ratio(worst),
            list(&under)
        );
    }

    // Faster than num-dual by a factor growing with n.
    let growth: Vec<(String, f64)> = rows
        .iter()
        .filter(|r| r.family == "rosenbrock")
        .filter_map(|r| Some((r.size.clone(), ratio(r, Contender::NumDual, Contender::Ours)?)))
        .collect();
    let grows =
        growth.len() >= 2 && growth.windows(2).all(|p| p[1].1 > p[0].1) && growth[0].1 > 1.0;
    let _ = writeln!(
        w,
        "- Faster than num-dual by a factor growing with n: {} (num-dual / ours on Rosenbrock: {}).",
        mark(grows),
        growth
            .iter()
            .map(|(s, r)| format!("{s}: {}", fmt_ratio(*r)))
            .collect::<Vec<_>>()
            .join(", ")
    );

    // GMM ratio against Tapenade's 3.7-15.5.
    let gmm: Vec<String> = rows
        .iter()
        .filter(|r| r.family == "GMM")
        .filter_map(|r| {
            Some(format!(
                "{}: {}",
                r.size,
                fmt_ratio(ratio(r, Contender::Ours, Contender::Primal)?)
            ))
        })
        .collect();
    let gmm_max = rows
        .iter()
        .filter(|r| r.family == "GMM")
        .filter_map(|r| ratio(r, Contender::Ours, Contender::Primal))
        .fold(0.0, f64::max);
    let _ = writeln!(
        w,
        "- GMM gradient / objective against Tapenade's 3.7-15.5 (ADBench): {} (at or below \
         Tapenade's upper end), {}.",
        mark(gmm_max > 0.0 && gmm_max <= 15.5),
        gmm.join(", ")
    );

    // Faster than finite differences for n > 8: ours (the target), the peers noted.
    let fd_list = |c: Contender| {
        let mut v = Vec::new();
        for row in rows.iter().filter(|r| r.params > 8) {
            if let Some(r) = ratio(row, Contender::FiniteDiff, c) {
                if r <= 1.0 {
                    v.push(format!("{} ({})", row.label, fmt_ratio(r)));
                }
            }
        }
        v
    };
    let ours_fd = fd_list(Contender::Ours);
    let _ = writeln!(
        w,
        "- Our gradient faster than central differences for n > 8: {}. Not faster: {}.",
        mark(ours_fd.is_empty()),
        list(&ours_fd)
    );
    let peers_fd: Vec<String> = [Contender::NumDual, Contender::Echidna, Contender::AdTrait]
        .iter()
        .flat_map(|&c| fd_list(c).into_iter().map(move |s| format!("{} at {s}", c.name())))
        .collect();
    let _ = writeln!(
        w,
        "  (For comparison, peers not faster than central differences at n > 8: {}.)",
        list(&peers_fd)
    );
}

fn targets(w: &mut String, all_rows: &[Row]) {
    let _ = writeln!(w, "\n## Targets\n");
    if all_rows.iter().any(|r| r.kind == Kind::Gradient) {
        gradient_targets(w, all_rows);
    }

    // Each peer over ours, as "name / ours: size factor, ..", and whether ours is faster
    // than every AD peer and central differences everywhere (the hand-written derivative
    // is listed, not a peer to beat).
    let peers_over_ours = |rows: &[&Row]| {
        let mut all_faster = true;
        let mut parts = Vec::new();
        for c in PEERS {
            let v: Vec<String> = rows
                .iter()
                .filter_map(|r| {
                    let x = ratio(r, c, Contender::Ours)?;
                    all_faster &= c == Contender::Hand || x > 1.0;
                    Some(format!("{} {}", r.label, fmt_ratio(x)))
                })
                .collect();
            if !v.is_empty() {
                parts.push(format!("{} / ours: {}", c.name(), v.join(", ")));
            }
        }
        (all_faster, parts.join("; "))
    };

    let jac: Vec<&Row> = all_rows.iter().filter(|r| r.kind == Kind::Jacobian).collect();
    if !jac.is_empty() {
        let _ = writeln!(w, "\nJacobians:\n");
        let mut within = true;
        let mut at = Vec::new();
        for row in &jac {
            if let Some(r) = ratio(row, Contender::Ours, Contender::Primal) {
                let n = row.params as f64;
                within &= r <= 3.0 * n;
                at.push(format!("{}: {} ({:.2} n)", row.label, fmt_ratio(r), r / n));
            }
        }
        let _ = writeln!(
            w,
            "- Generated Jacobian <= 3 n x primal (n inputs): {}; {}.",
            mark(within && !at.is_empty()),
            at.join(", ")
        );
        let fd: Vec<(String, f64)> = jac
            .iter()
            .filter_map(|r| {
                Some((r.label.clone(), ratio(r, Contender::FiniteDiff, Contender::Ours)?))
            })
            .collect();
        let _ = writeln!(
            w,
            "- Generated Jacobian faster than central differences: {}, by {} (at least 10x: {}).",
            mark(!fd.is_empty() && fd.iter().all(|(_, x)| *x > 1.0)),
            fd.iter()
                .map(|(l, x)| format!("{}x at {l}", fmt_ratio(*x)))
                .collect::<Vec<_>>()
                .join(", "),
            if fd.iter().all(|(_, x)| *x >= 10.0) { "yes" } else { "no" }
        );
        let (faster, detail) = peers_over_ours(&jac);
        let _ = writeln!(
            w,
            "- Generated Jacobian faster than num-dual, echidna, ad_trait and central \
             differences: {}. {detail}.",
            mark(faster)
        );
    }

    let hes: Vec<&Row> = all_rows.iter().filter(|r| r.kind == Kind::Hessian).collect();
    if !hes.is_empty() {
        let _ = writeln!(w, "\nHessians:\n");
        let mut hvp_ok = true;
        let mut hvp_at = Vec::new();
        let mut hes_ok = true;
        let mut hes_at = Vec::new();
        for row in &hes {
            let n = row.params as f64;
            if let Some(r) = ratio(row, Contender::OursHvp, Contender::Primal) {
                hvp_ok &= r <= 8.0;
                hvp_at.push(format!("{}: {}", row.label, fmt_ratio(r)));
            }
            if let Some(r) = ratio(row, Contender::Ours, Contender::Primal) {
                hes_ok &= r <= 10.0 * n;
                hes_at.push(format!("{}: {} ({:.2} n)", row.label, fmt_ratio(r), r / n));
            }
        }
        let _ = writeln!(
            w,
            "- Generated Hessian-vector product <= 8x primal: {}; {}.",
            mark(hvp_ok && !hvp_at.is_empty()),
            hvp_at.join(", ")
        );
        let _ = writeln!(
            w,
            "- Generated Hessian <= 10 n x primal: {}; {}.",
            mark(hes_ok && !hes_at.is_empty()),
            hes_at.join(", ")
        );
        let (faster, detail) = peers_over_ours(&hes);
        let _ = writeln!(
            w,
            "- Generated Hessian faster than num-dual, echidna, ad_trait and central \
             differences of the gradient: {}. {detail}.",
            mark(faster)
        );
    }
}

/// The commit of the workspace the macro comes from, and whether its sources differ
/// from it (read-only git commands).
fn macro_state() -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_string())
    };
    match git(&["rev-parse", "--short", "HEAD"]) {
        Some(head) if !head.is_empty() => {
            let dirty = git(&["status", "--porcelain", "--", "autodiff-macros", "autodiff-core"])
                .is_some_and(|s| !s.is_empty());
            format!(
                "autodiff-macros at commit {head}{}",
                if dirty { " with uncommitted changes" } else { "" }
            )
        }
        _ => "autodiff-macros (commit unknown)".into(),
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(", "))
        .unwrap_or_else(|_| "unknown".into())
}

fn rustc_version() -> String {
    std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map_or("rustc unknown".into(), |s| s.trim().to_string())
}

/// A grouped bar chart of derivative time over primal time, log scale: gradients, then
/// Jacobians and Hessians (their rows labelled so).
fn chart(rows: &[Row], path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    let colors = [
        RGBColor(0x1f, 0x77, 0xb4), // ours
        RGBColor(0x17, 0xbe, 0xcf), // ours hvp
        RGBColor(0x2c, 0xa0, 0x2c), // hand
        RGBColor(0xff, 0x7f, 0x0e), // num-dual
        RGBColor(0xd6, 0x27, 0x28), // echidna
        RGBColor(0x94, 0x67, 0xbd), // ad_trait
        RGBColor(0x7f, 0x7f, 0x7f), // FD
    ];
    let top = rows
        .iter()
        .flat_map(|r| DERIVATIVES.iter().filter_map(move |&c| ratio(r, c, Contender::Primal)))
        .fold(10.0, f64::max)
        * 3.0;
    let width = (160 + 70 * rows.len()) as u32;
    let root = SVGBackend::new(path, (width.max(900), 720)).into_drawing_area();
    root.fill(&WHITE)?;
    let labels: Vec<String> = rows
        .iter()
        .map(|r| match r.kind {
            Kind::Gradient => format!("{} {}", r.family, r.size),
            kind => format!("{}: {} {}", kind.name(), r.family, r.size),
        })
        .collect();
    let mut chart = ChartBuilder::on(&root)
        .caption("Derivative time / primal time (log scale; lower is better)", ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(220)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..rows.len() as f64, (0.5f64..top).log_scale())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(rows.len() * 2 + 1)
        .x_label_formatter(&|_| String::new())
        .y_desc("time / primal")
        .draw()?;
    let slot = 0.84 / DERIVATIVES.len() as f64;
    for (ci, &c) in DERIVATIVES.iter().enumerate() {
        let color = colors[ci];
        let bars: Vec<_> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let v = ratio(r, c, Contender::Primal)?;
                let x0 = i as f64 + 0.08 + slot * ci as f64;
                Some(Rectangle::new([(x0, 0.5), (x0 + slot * 0.9, v)], color.filled()))
            })
            .collect();
        chart
            .draw_series(bars)?
            .label(c.name())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled()));
    }
    // The primal itself and the 3x target.
    for (level, style) in [(1.0, BLACK.stroke_width(1)), (3.0, BLACK.mix(0.4).stroke_width(1))] {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, level), (rows.len() as f64, level)],
            style,
        )))?;
    }
    // The objectives' names, rotated, starting just below the axis (drawn here rather
    // than as axis labels, which plotters centres on the tick).
    let label_style = ("sans-serif", 12)
        .into_font()
        .transform(FontTransform::Rotate90)
        .into_text_style(&root)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (i, label) in labels.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(i as f64 + 0.5, 0.5));
        root.draw(&Text::new(label.clone(), (px, py + 8), label_style.clone()))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

/// The rows of the README's table: (kind, family, size), in this order.
const README_ROWS: &[(Kind, &str, &str)] = &[
    (Kind::Gradient, "seed phi", "n=3"),
    (Kind::Gradient, "rosenbrock", "n=1024"),
    (Kind::Gradient, "log-sum-exp", "n=1024"),
    (Kind::Gradient, "running product", "n=1024"),
    (Kind::Gradient, "dense tanh layer", "1024x1024"),
    (Kind::Gradient, "GMM", "d=10 k=25 n=1000"),
    (Kind::Gradient, "GMM", "d=20 k=25 n=1000"),
    (Kind::Gradient, "LSTM", "l=2 b=14 c=1024"),
    (Kind::Gradient, "ODE (RK4)", "n=16 steps=1000"),
    (Kind::Jacobian, "tanh(W x + b)", "n=256"),
    (Kind::Jacobian, "tanh(W x + b)", "n=1024"),
    (Kind::Hessian, "rosenbrock", "n=64"),
    (Kind::Hessian, "1/2 x'Ax + sum tanh x", "n=64"),
];

/// The README's table of ratios: each contender over the primal for ours and the hand-
/// written derivative, each peer over ours; for Hessians, `f_hvp` over the primal too.
fn readme_table(rows: &[Row]) -> String {
    let mut w = String::new();
    let _ = writeln!(
        w,
        "| derivative | objective | size | ours / primal | hand / primal | num-dual / ours | echidna / ours | ad_trait / ours | central FD / ours |"
    );
    let _ = writeln!(w, "|---|---|---|---:|---:|---:|---:|---:|---:|");
    for &(kind, family, size) in README_ROWS {
        let Some(row) =
            rows.iter().find(|r| r.kind == kind && r.family == family && r.size == size)
        else {
            continue;
        };
        let cell = |r: Option<f64>| r.map_or_else(|| "—".to_string(), fmt_ratio);
        let derivative = match kind {
            Kind::Gradient => "gradient",
            Kind::Jacobian => "Jacobian",
            Kind::Hessian => "Hessian",
        };
        let mut ours = cell(ratio(row, Contender::Ours, Contender::Primal));
        if let Some(hvp) = ratio(row, Contender::OursHvp, Contender::Primal) {
            ours = format!("{ours} (hvp {})", fmt_ratio(hvp));
        }
        let _ = write!(
            w,
            "| {derivative} | {family} | {size} | {ours} | {} |",
            cell(ratio(row, Contender::Hand, Contender::Primal))
        );
        for peer in
            [Contender::NumDual, Contender::Echidna, Contender::AdTrait, Contender::FiniteDiff]
        {
            let _ = write!(w, " {} |", cell(ratio(row, peer, Contender::Ours)));
        }
        let _ = writeln!(w);
    }
    w
}

/// Replaces what stands between the README's two markers with `table`.
fn splice_readme(path: &std::path::Path, table: &str) -> Result<(), String> {
    const START: &str = "<!-- peers-table:start -->\n";
    const END: &str = "<!-- peers-table:end -->";
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (Some(a), Some(b)) = (text.find(START), text.find(END)) else {
        return Err(format!("{} has no peers-table markers", path.display()));
    };
    let new = format!("{}{START}{table}{}", &text[..a], &text[b..]);
    std::fs::write(path, new).map_err(|e| e.to_string())
}

fn main() {
    let o = options();
    let start = Instant::now();
    let load_at_start = load_average();
    let mut rows = Vec::new();
    for obj in objectives::benchmarked(o.quick) {
        if let Some(only) = &o.only {
            if !obj.label().contains(only.as_str()) {
                continue;
            }
        }
        eprintln!("{}", obj.label());
        rows.push(measure(obj.as_ref(), o.quick));
    }
    let mut md = report(&rows, o.quick, start.elapsed().as_secs_f64(), &load_at_start);
    // The build-cost measurements, written by the `buildcost` binary, if they are there.
    if let Ok(build) = std::fs::read_to_string(o.out.join("BUILDCOST.md")) {
        let _ = write!(md, "\n## Build cost\n\nFrom `BUILDCOST.md`. {build}");
    }
    println!("{md}");
    if o.write {
        let md_path = o.out.join("RESULTS.md");
        let svg_path = o.out.join("results.svg");
        std::fs::write(&md_path, &md).expect("write RESULTS.md");
        chart(&rows, &svg_path).expect("draw results.svg");
        eprintln!("wrote {} and {}", md_path.display(), svg_path.display());
        // The README's table, from a full run over every objective only.
        if !o.quick && o.only.is_none() {
            let readme = o.out.join("../README.md");
            match splice_readme(&readme, &readme_table(&rows)) {
                Ok(()) => eprintln!("wrote the table of {}", readme.display()),
                Err(e) => eprintln!("README not written: {e}"),
            }
        }
    }
}
