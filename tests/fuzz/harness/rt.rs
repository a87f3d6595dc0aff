//! The checks the differential fuzzer runs on every generated function (copied into the
//! scratch crate as `src/rt.rs`; see `tests/fuzz/src/main.rs`).
//!
//! At each point `p` (the active inputs, flattened in parameter order) and tangent `t`:
//!
//! - `grad`: `f_grad`'s gradient against central differences of `f`, entry by entry;
//! - `hessian`: `f_hessian`'s matrix against central differences of `f_grad`'s gradient;
//! - `symmetry`: `H[i][j]` against `H[j][i]`;
//! - `value`: the value every sibling returns against `f(p)`;
//! - `jvp`: `f_jvp` along `t` against `g · t`;
//! - `vjp`: `f_vjp` with `dout = 2` against `2 g` (scaling by a power of two is exact);
//! - `hvp`: `f_hvp` along `t` against `H t`, and its gradient against `g`;
//! - `hessian_grad`: `f_hessian`'s gradient against `g`.
//!
//! A finite difference is trusted only where the steps `h` and `4h` agree (to 1e-6, mixed
//! absolute and relative): a kink or a jump of `f` (a branch, `abs`, `min`, `floor`, a
//! loop exit that depends on the inputs) within `4h` of `p` along that coordinate makes
//! them disagree, and the entry is skipped rather than compared. Trusted entries must
//! agree with the derivative to 1e-5. Where `|f| > 1e12` no finite difference is
//! compared: a function that large has usually gone through something like `sin(v)` with
//! `v ~ 1e10`, whose second derivative changes sign many times within one step.

use autodiff_core::check::{self, close, DEFAULT_STEP};
use std::cell::Cell;
use std::io::Write;

/// Flattens a gradient (a float, an array, a `Vec`, or a tuple of these).
pub trait Flat {
    fn flat_into(&self, out: &mut Vec<f64>);
}

impl Flat for f64 {
    fn flat_into(&self, out: &mut Vec<f64>) {
        out.push(*self);
    }
}

impl Flat for Vec<f64> {
    fn flat_into(&self, out: &mut Vec<f64>) {
        out.extend_from_slice(self);
    }
}

impl<const N: usize> Flat for [f64; N] {
    fn flat_into(&self, out: &mut Vec<f64>) {
        out.extend_from_slice(self);
    }
}

impl<A: Flat, B: Flat> Flat for (A, B) {
    fn flat_into(&self, out: &mut Vec<f64>) {
        self.0.flat_into(out);
        self.1.flat_into(out);
    }
}

impl<A: Flat, B: Flat, C: Flat> Flat for (A, B, C) {
    fn flat_into(&self, out: &mut Vec<f64>) {
        self.0.flat_into(out);
        self.1.flat_into(out);
        self.2.flat_into(out);
    }
}

pub fn flat<T: Flat>(t: &T) -> Vec<f64> {
    let mut out = Vec::new();
    t.flat_into(&mut out);
    out
}

/// The rows of a Hessian (`[[f64; n]; n]` or `Vec<Vec<f64>>`).
pub trait Rows {
    fn rows(&self) -> Vec<Vec<f64>>;
}

impl Rows for Vec<Vec<f64>> {
    fn rows(&self) -> Vec<Vec<f64>> {
        self.clone()
    }
}

impl<const N: usize> Rows for [[f64; N]; N] {
    fn rows(&self) -> Vec<Vec<f64>> {
        self.iter().map(|r| r.to_vec()).collect()
    }
}

pub fn rows<T: Rows>(t: &T) -> Vec<Vec<f64>> {
    t.rows()
}

/// `f_hvp` over flattened inputs: value, gradient, `H t`.
pub type Hvp = fn(&[f64], &[f64]) -> (f64, Vec<f64>, Vec<f64>);
/// `f_hessian` over flattened inputs: value, gradient, rows of `H`.
pub type Hessian = fn(&[f64]) -> (f64, Vec<f64>, Vec<Vec<f64>>);

/// A generated function and its siblings, over flattened inputs.
pub struct Fns {
    pub f: fn(&[f64]) -> f64,
    pub grad: fn(&[f64]) -> (f64, Vec<f64>),
    pub jvp: fn(&[f64], &[f64]) -> (f64, f64),
    pub vjp: fn(&[f64], f64) -> (f64, Vec<f64>),
    /// `None` for a function compiled with `order = 1`.
    pub hvp: Option<Hvp>,
    pub hessian: Option<Hessian>,
}

/// Entries of finite-difference checks that two steps agreed on (and were compared).
const TRUST: f64 = 1e-6;
/// Tolerance of a derivative against a trusted finite difference.
const TOL: f64 = 1e-5;
/// Above this `|f|`, finite differences are not compared (the other checks run).
const HUGE: f64 = 1e12;

thread_local! {
    static CURRENT: Cell<(usize, &'static str)> = const { Cell::new((0, "")) };
}

fn stage(id: usize, what: &'static str) {
    CURRENT.with(|c| c.set((id, what)));
}

/// Reports a panic as `PANIC <id> <stage> <message>` on stdout.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let (id, what) = CURRENT.with(|c| c.get());
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at =
            info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        println!("PANIC {id} {what} {}{at}", msg.replace('\n', " "));
    }));
}

#[derive(Default)]
struct Tally {
    pass: usize,
    fail: usize,
    skip: usize,
    /// Finite-difference entries skipped because the two steps disagreed.
    untrusted: usize,
    /// Points skipped because `f` is not finite there.
    nonfinite: usize,
    /// Points whose finite-difference checks are skipped because `|f| > HUGE`.
    huge: usize,
}

struct Ctx<'a> {
    id: usize,
    point: usize,
    tally: &'a mut Tally,
}

impl Ctx<'_> {
    fn fail(&mut self, kind: &str, detail: String) -> bool {
        println!("FAIL {} {kind} point={} {detail}", self.id, self.point);
        false
    }

    /// Records the outcome of one check.
    fn record(&mut self, outcome: Option<bool>) {
        match outcome {
            Some(true) => self.tally.pass += 1,
            Some(false) => self.tally.fail += 1,
            None => self.tally.skip += 1,
        }
    }
}

/// Compares `claimed` with finite differences at two steps; `None` when no entry could be
/// trusted.
fn against_fd(
    ctx: &mut Ctx,
    kind: &str,
    claimed: &[f64],
    fd1: &[f64],
    fd2: &[f64],
    label: &dyn Fn(usize) -> String,
) -> Option<bool> {
    if claimed.len() != fd1.len() {
        return Some(ctx.fail(kind, format!("length {} vs {}", claimed.len(), fd1.len())));
    }
    let mut compared = 0;
    let mut ok = true;
    for i in 0..claimed.len() {
        let (a, b, c) = (claimed[i], fd1[i], fd2[i]);
        if !(b.is_finite() && c.is_finite() && close(b, c, TRUST)) {
            ctx.tally.untrusted += 1;
            continue;
        }
        compared += 1;
        if !close(a, b, TOL) {
            ok = ctx.fail(kind, format!("entry={} claimed={a:?} fd={b:?} fd4h={c:?}", label(i)));
        }
    }
    (compared > 0).then_some(ok)
}

/// `|a - b| <= tol * max(1, scale)`, NaN failing.
fn near(a: f64, b: f64, scale: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * scale.max(1.0)
}

/// Runs every check of one function at every point; prints `DONE` with the tally.
pub fn run(id: usize, fns: &Fns, points: &[(&[f64], &[f64])]) {
    println!("START {id}");
    let _ = std::io::stdout().flush();
    let mut tally = Tally::default();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        for (k, &(p, t)) in points.iter().enumerate() {
            check_point(id, k, fns, p, t, &mut tally);
        }
    }));
    if result.is_err() {
        tally.fail += 1;
    }
    println!(
        "DONE {id} pass={} fail={} skip={} untrusted={} nonfinite={} huge={}",
        tally.pass, tally.fail, tally.skip, tally.untrusted, tally.nonfinite, tally.huge
    );
    let _ = std::io::stdout().flush();
}

fn check_point(id: usize, point: usize, fns: &Fns, p: &[f64], t: &[f64], tally: &mut Tally) {
    stage(id, "f");
    let y = (fns.f)(p);
    if !y.is_finite() {
        tally.nonfinite += 1;
        return;
    }
    // Finite differences of a huge value are meaningless where it oscillates: the
    // Hessian of `sin(v)` with `v ~ 1e10` changes sign within the step.
    let fd_ok = y.abs() <= HUGE;
    if !fd_ok {
        tally.huge += 1;
    }
    let mut ctx = Ctx { id, point, tally };
    let n = p.len();
    stage(id, "f_grad");
    let (yg, g) = (fns.grad)(p);
    let mut values = vec![("f_grad", yg)];

    // The gradient against differences of f.
    stage(id, "fd of f");
    let fd1 = check::gradient(fns.f, p, DEFAULT_STEP);
    let fd2 = check::gradient(fns.f, p, 4.0 * DEFAULT_STEP);
    let o =
        if fd_ok { against_fd(&mut ctx, "grad", &g, &fd1, &fd2, &|i| i.to_string()) } else { None };
    ctx.record(o);

    stage(id, "f_jvp");
    let (yj, d) = (fns.jvp)(p, t);
    values.push(("f_jvp", yj));
    let dot: f64 = g.iter().zip(t).map(|(a, b)| a * b).sum();
    let scale: f64 = g.iter().zip(t).map(|(a, b)| (a * b).abs()).sum();
    let o =
        near(d, dot, scale, 1e-9) || ctx.fail("jvp", format!("claimed={d:?} g·t={dot:?} t={t:?}"));
    ctx.record(Some(o));

    stage(id, "f_vjp");
    let (yv, gv) = (fns.vjp)(p, 2.0);
    values.push(("f_vjp", yv));
    let bad = (0..n).find(|&i| !near(gv[i], 2.0 * g[i], g[i].abs(), 1e-12));
    let o = match (gv.len() == n, bad) {
        (true, None) => true,
        (false, _) => ctx.fail("vjp", format!("length {} vs {n}", gv.len())),
        (true, Some(i)) => {
            ctx.fail("vjp", format!("entry={i} claimed={:?} 2*grad={:?}", gv[i], 2.0 * g[i]))
        }
    };
    ctx.record(Some(o));

    let (Some(hessian), Some(hvp)) = (fns.hessian, fns.hvp) else {
        return check_values(&mut ctx, y, values);
    };
    stage(id, "f_hessian");
    let (yh, gh, h) = hessian(p);
    values.push(("f_hessian", yh));
    let bad = (0..n).find(|&i| !near(gh[i], g[i], g[i].abs(), 1e-10));
    let o = match (gh.len() == n, bad) {
        (true, None) => true,
        (false, _) => ctx.fail("hessian_grad", format!("length {} vs {n}", gh.len())),
        (true, Some(i)) => {
            ctx.fail("hessian_grad", format!("entry={i} claimed={:?} grad={:?}", gh[i], g[i]))
        }
    };
    ctx.record(Some(o));

    // The Hessian against differences of the gradient: row i is the gradient of g_i.
    if h.len() != n || h.iter().any(|r| r.len() != n) {
        let o =
            ctx.fail("hessian", format!("shape {}x{:?} vs {n}", h.len(), h.first().map(Vec::len)));
        ctx.record(Some(o));
    } else {
        stage(id, "fd of f_grad");
        let j1 = check::jacobian(|q| (fns.grad)(q).1, p, DEFAULT_STEP);
        let j2 = check::jacobian(|q| (fns.grad)(q).1, p, 4.0 * DEFAULT_STEP);
        let flat_h: Vec<f64> = h.iter().flatten().copied().collect();
        let flat_j1: Vec<f64> = j1.iter().flatten().copied().collect();
        let flat_j2: Vec<f64> = j2.iter().flatten().copied().collect();
        let o = if fd_ok {
            against_fd(&mut ctx, "hessian", &flat_h, &flat_j1, &flat_j2, &|k| {
                format!("({},{})", k / n, k % n)
            })
        } else {
            None
        };
        ctx.record(o);
        let mut sym = true;
        for (i, row) in h.iter().enumerate() {
            for (j, &a) in row.iter().enumerate().take(i) {
                let b = h[j][i];
                if !(a == b || near(a, b, a.abs().max(b.abs()), 1e-8)) {
                    sym = ctx.fail("symmetry", format!("entry=({i},{j}) {a:?} vs {b:?}"));
                }
            }
        }
        ctx.record(Some(sym));

        stage(id, "f_hvp");
        let (yh2, g2, hv) = hvp(p, t);
        values.push(("f_hvp", yh2));
        let mut ok = hv.len() == n && g2.len() == n;
        if !ok {
            ctx.fail("hvp", format!("lengths {} and {} vs {n}", g2.len(), hv.len()));
        }
        for i in 0..n.min(hv.len()).min(g2.len()) {
            let want: f64 = (0..n).map(|j| h[i][j] * t[j]).sum();
            let scale: f64 = (0..n).map(|j| (h[i][j] * t[j]).abs()).sum();
            if !near(hv[i], want, scale, 1e-9) {
                ok = ctx.fail("hvp", format!("entry={i} claimed={:?} H·t={want:?}", hv[i]));
            }
            if !near(g2[i], g[i], g[i].abs(), 1e-10) {
                ok = ctx.fail("hvp", format!("gradient entry={i} {:?} vs {:?}", g2[i], g[i]));
            }
        }
        ctx.record(Some(ok));
    }
    check_values(&mut ctx, y, values);
}

/// The value each sibling returned against `f`'s.
fn check_values(ctx: &mut Ctx, y: f64, values: Vec<(&str, f64)>) {
    let mut ok = true;
    for (which, v) in values {
        if !near(v, y, y.abs(), 1e-12) {
            ok = ctx.fail("value", format!("{which} returned {v:?}, f returned {y:?}"));
        }
    }
    ctx.record(Some(ok));
}
