//! Loops, mutation and early exits: every gradient against central finite differences,
//! every JVP against the gradient, and closed forms where they exist.
#![allow(
    clippy::needless_range_loop,
    clippy::let_and_return,
    clippy::redundant_closure,
    clippy::assign_op_pattern,
    clippy::useless_vec
)]

use autodiff_core::{check, differentiate};

/// Tolerance for comparing with central differences (step 6e-6, smooth functions of
/// moderate curvature on these inputs: truncation and rounding stay below 1e-6).
const FD_TOL: f64 = 1e-6;

fn check_all(f: impl Fn(&[f64]) -> f64, grad: impl Fn(&[f64]) -> Vec<f64>, x: &[f64]) {
    let g = grad(x);
    check::check_gradient(&f, x, &g, FD_TOL)
        .unwrap_or_else(|e| panic!("{e} at x = {x:?}, gradient {g:?}"));
}

#[differentiate]
fn running_product(x: &[f64]) -> f64 {
    let mut p = 1.0;
    for i in 0..x.len() {
        p *= x[i];
    }
    p
}

#[test]
fn running_product_is_exact_with_a_zero_entry() {
    let x = [1.5, 0.0, -2.0, 3.0];
    let (p, g) = running_product_grad(&x);
    assert_eq!(p, 0.0);
    // The product of the other entries, exactly: only the zero's own entry is nonzero.
    assert_eq!(g, vec![0.0, 1.5 * -2.0 * 3.0, 0.0, 0.0]);
    let x = [1.5, 0.5, -2.0, 3.0];
    check_all(|x| running_product(x), |x| running_product_grad(x).1, &x);
}

#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    s
}

fn rosenbrock_hand(x: &[f64]) -> Vec<f64> {
    let mut g = vec![0.0; x.len()];
    for i in 0..x.len() - 1 {
        let a = x[i + 1] - x[i] * x[i];
        g[i] += -400.0 * a * x[i] - 2.0 * (1.0 - x[i]);
        g[i + 1] += 200.0 * a;
    }
    g
}

#[test]
fn rosenbrock_matches_the_hand_written_gradient() {
    let x: Vec<f64> = (0..9).map(|i| 0.3 * i as f64 - 1.1).collect();
    let (_, g) = rosenbrock_grad(&x);
    let h = rosenbrock_hand(&x);
    for (a, b) in g.iter().zip(&h) {
        assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{a} vs {b}");
    }
    check_all(|x| rosenbrock(x), |x| rosenbrock_grad(x).1, &x);
}

#[differentiate]
fn log_sum_exp(x: &[f64]) -> f64 {
    let mut m = f64::NEG_INFINITY;
    for &v in x {
        if v > m {
            m = v;
        }
    }
    let mut s = 0.0;
    for v in x.iter() {
        s += (v - m).exp();
    }
    m + s.ln()
}

#[test]
fn log_sum_exp_gradient_is_softmax() {
    let x = [0.5, -1.0, 2.0, 1.25];
    let (y, g) = log_sum_exp_grad(&x);
    assert_eq!(y, log_sum_exp(&x));
    let z: f64 = x.iter().map(|v| v.exp()).sum();
    assert!((y - z.ln()).abs() < 1e-14);
    for (gi, xi) in g.iter().zip(&x) {
        assert!((gi - xi.exp() / z).abs() < 1e-14);
    }
}

#[differentiate]
fn horner(c: &[f64], x: f64) -> f64 {
    let mut acc = 0.0;
    for k in (0..c.len()).rev() {
        acc = acc * x + c[k];
    }
    acc
}

#[test]
fn horner_gradient() {
    let c = [1.0, -2.0, 0.5, 3.0];
    let x = 0.7;
    let (p, (gc, gx)) = horner_grad(&c, x);
    assert_eq!(p, horner(&c, x));
    for (k, g) in gc.iter().enumerate() {
        assert!((g - x.powi(k as i32)).abs() < 1e-14);
    }
    let dp = -2.0 + 2.0 * 0.5 * x + 3.0 * 3.0 * x * x;
    assert!((gx - dp).abs() < 1e-13);
}

/// A loop whose trip count depends on an active value, with `while`.
#[differentiate]
fn halvings(x: f64) -> f64 {
    let mut y = x;
    let mut n = 0;
    while y > 1.0 {
        y = y * 0.5 + 0.1 * y.sin();
        n += 1;
    }
    y * (n as f64 + 1.0)
}

#[test]
fn while_with_an_active_exit() {
    for x in [0.5, 3.0, 17.0, 100.0] {
        check_all(|p| halvings(p[0]), |p| vec![halvings_grad(p[0]).1], &[x]);
        let (_, d) = halvings_jvp(x, 1.0);
        assert!((d - halvings_grad(x).1).abs() < 1e-12);
    }
}

/// `loop` with `break`, `continue`, and an early `return` from inside a nested loop.
#[differentiate]
fn exits(x: &[f64], limit: f64) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    loop {
        if i >= x.len() {
            break;
        }
        let v = x[i];
        i += 1;
        if v < 0.0 {
            continue;
        }
        for j in 0..3 {
            s += v * (j as f64 + 1.0);
            if s > limit {
                return s * limit;
            }
        }
    }
    s.sqrt()
}

#[test]
fn break_continue_and_return_inside_loops() {
    for (x, limit) in [
        (vec![0.3, -1.0, 0.4, 0.2], 100.0),
        (vec![0.3, -1.0, 0.4, 0.2], 2.5),
        (vec![-0.3, 1.2], 0.5),
    ] {
        let mut args = x.clone();
        args.push(limit);
        let n = x.len();
        check_all(
            |p| exits(&p[..n], p[n]),
            |p| {
                let (_, (mut gx, gl)) = exits_grad(&p[..n], p[n]);
                gx.push(gl);
                gx
            },
            &args,
        );
    }
}

/// Labelled `break` and `continue` across nested loops.
#[differentiate]
fn labelled(x: &[f64]) -> f64 {
    let mut s = 1.0;
    'outer: for i in 0..x.len() {
        for j in 0..x.len() {
            if j > i {
                continue 'outer;
            }
            s = s * (1.0 + x[i] * x[j]);
            if s > 50.0 {
                break 'outer;
            }
        }
    }
    s
}

#[test]
fn labelled_break_and_continue() {
    for x in [vec![0.1, 0.2, 0.3], vec![1.0, 2.0, 3.0, 0.5]] {
        check_all(|p| labelled(p), |p| labelled_grad(p).1, &x);
    }
}

/// A local array written by index, read back, and a `vec!`.
#[differentiate]
fn smoothed(x: &[f64; 5]) -> f64 {
    let mut y = [0.0; 5];
    for i in 0..5 {
        y[i] = x[i] * x[i];
    }
    for i in 1..4 {
        y[i] += 0.5 * (y[i - 1] + y[i + 1]);
    }
    let mut z = vec![0.0; 5];
    for (i, v) in y.iter().enumerate() {
        z[i] = v.sin();
        z[i] *= 2.0;
    }
    let mut s = 0.0;
    for (a, b) in z.iter().zip(x.iter()) {
        s += a * b;
    }
    s
}

#[test]
fn local_arrays_and_vecs_written_by_index() {
    let x = [0.3, -0.7, 1.1, 0.4, -0.2];
    check_all(
        |p| smoothed(&[p[0], p[1], p[2], p[3], p[4]]),
        |p| smoothed_grad(&[p[0], p[1], p[2], p[3], p[4]]).1.to_vec(),
        &x,
    );
}

/// Ranges: inclusive, reversed, stepped, with bounds from expressions.
#[differentiate]
fn ranges(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in (0..x.len()).step_by(2) {
        s += x[i] * x[i];
    }
    for i in (1..=x.len() - 1).rev() {
        s = s * 0.9 + x[i] * x[i - 1];
    }
    s
}

#[test]
fn range_forms() {
    let x = [0.5, -1.5, 2.0, 0.25, 1.0];
    check_all(|p| ranges(p), |p| ranges_grad(p).1, &x);
}

#[test]
fn jvp_agrees_with_the_gradient_through_loops() {
    let x = [0.5, -1.5, 2.0, 0.25, 1.0];
    let t = [0.3, 0.1, -0.2, 1.0, 0.5];
    for (g, d) in [
        (running_product_grad(&x).1, running_product_jvp(&x, &t).1),
        (rosenbrock_grad(&x).1, rosenbrock_jvp(&x, &t).1),
        (log_sum_exp_grad(&x).1, log_sum_exp_jvp(&x, &t).1),
        (labelled_grad(&x).1, labelled_jvp(&x, &t).1),
        (ranges_grad(&x).1, ranges_jvp(&x, &t).1),
    ] {
        let dot: f64 = g.iter().zip(&t).map(|(a, b)| a * b).sum();
        assert!((dot - d).abs() <= 1e-12 * dot.abs().max(1.0), "{dot} vs {d}");
    }
}

#[differentiate]
fn piecewise(x: f64, k: usize, flag: bool) -> f64 {
    let base = match k {
        0 => x,
        1 | 2 => x * x,
        3..=5 if flag => x.sin(),
        n => x * (n as f64),
    };
    match flag {
        true => base + 1.0,
        false => base * 2.0,
    }
}

#[test]
fn match_on_integers_bools_and_ranges() {
    for k in 0..8 {
        for flag in [true, false] {
            let x = 0.7;
            let (_, d) = piecewise_grad(x, k, flag);
            let fd = check::derivative(|x| piecewise(x, k, flag), x, check::DEFAULT_STEP);
            assert!((d - fd).abs() < FD_TOL, "k = {k}, flag = {flag}: {d} vs {fd}");
        }
    }
}

#[differentiate]
fn chains(x: &[f64], y: &[f64]) -> f64 {
    let dot: f64 = x.iter().zip(y).map(|(a, b)| a * b).sum();
    let sq = x.iter().map(|v| v * v).sum::<f64>();
    let prod: f64 = y.iter().copied().map(|v| 1.0 + 0.1 * v).product();
    let weighted = x.iter().enumerate().fold(0.0, |acc, (i, &v)| acc + (i as f64 + 1.0) * v.exp());
    let biggest = y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    dot + sq.sqrt() * prod + weighted + biggest
}

#[test]
fn iterator_chains_with_closures() {
    let x = [0.3, -0.7, 1.1];
    let y = [0.5, 2.0, -1.0];
    let mut p = x.to_vec();
    p.extend(y);
    check_all(
        |p| chains(&p[..3], &p[3..]),
        |p| {
            let (_, (mut gx, gy)) = chains_grad(&p[..3], &p[3..]);
            gx.extend(gy);
            gx
        },
        &p,
    );
}

/// `let mut y = y;` on an array parameter, a `mut` parameter, and a `Vec` built with
/// `push`.
#[differentiate]
fn copies_and_pushes(x: [f64; 3], mut w: [f64; 2], v: &[f64]) -> f64 {
    let mut y = x;
    y[0] *= 2.0;
    y[2] = y[1] * y[0];
    w[1] += y[2];
    let mut z = Vec::with_capacity(v.len());
    for &e in v {
        z.push(e * e);
    }
    z.push(w[1]);
    let mut c = v.to_vec();
    c[0] = 0.0;
    let mut s = 0.0;
    for k in 0..z.len() {
        s += z[k] * (k as f64 + 1.0);
    }
    s + y[2] + x[0] + w[0] * c[1]
}

#[test]
fn copies_mut_parameters_and_push() {
    let p = [0.3, -0.7, 1.1, 0.4, 2.0, 0.5, -1.5];
    check_all(
        |p| copies_and_pushes([p[0], p[1], p[2]], [p[3], p[4]], &p[5..]),
        |p| {
            let (_, (gx, gw, gv)) =
                copies_and_pushes_grad([p[0], p[1], p[2]], [p[3], p[4]], &p[5..]);
            let mut g = gx.to_vec();
            g.extend(gw);
            g.extend(gv);
            g
        },
        &p,
    );
    // The caller's arrays are untouched: the body works on copies.
    let x = [0.3, -0.7, 1.1];
    let _ = copies_and_pushes_grad(x, [0.4, 2.0], &[0.5, -1.5]);
    assert_eq!(x, [0.3, -0.7, 1.1]);
}
