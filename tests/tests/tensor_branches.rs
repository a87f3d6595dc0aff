//! An `if` that chooses between whole arrays, slices or `Vec`s (and an early `return` of
//! an array or `Vec` output, which makes one): the chosen value's derivative, in every
//! sibling, checked against hand-derived formulas and central differences on both
//! sides of the branch.
// Index loops, and `map(|&p| p)` as the fuzzer wrote it, are what some tests exercise.
#![allow(clippy::needless_range_loop, clippy::map_clone)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, EXACT, FD};
use num_traits::{Float, FromPrimitive};

/// Two array parameters chosen by a constant flag: `v_0 v_1` of the chosen one.
#[differentiate(order = 2)]
fn pick(a: [f64; 2], b: [f64; 2], pick_a: bool) -> f64 {
    let v = if pick_a { a } else { b };
    v[0] * v[1]
}

#[test]
fn an_if_choosing_between_array_parameters() {
    let (a, b) = ([1.5, -2.0], [0.5, 3.0]);
    for pick_a in [true, false] {
        let (y, (ga, gb)) = pick_grad(a, b, pick_a);
        assert_eq!(y, pick(a, b, pick_a));
        let (chosen, other) = if pick_a { (ga, gb) } else { (gb, ga) };
        let v = if pick_a { a } else { b };
        assert_eq!(chosen, [v[1], v[0]], "the chosen array's gradient");
        assert_eq!(other, [0.0, 0.0], "the other array's gradient");
        let (_, t) = pick_jvp(a, b, pick_a, [1.0, 0.0], [0.0, 1.0]);
        assert_eq!(t, if pick_a { a[1] } else { b[0] }, "jvp");
        let (_, _, (ha, hb)) = pick_hvp(a, b, pick_a, [1.0, 0.0], [1.0, 0.0]);
        let (hc, ho) = if pick_a { (ha, hb) } else { (hb, ha) };
        assert_eq!((hc, ho), ([0.0, 1.0], [0.0, 0.0]), "H (e_0, e_0)");
    }
}

/// An early `return` of an array output on an active condition.
#[differentiate(order = 2)]
fn early(x: [f64; 2]) -> [f64; 2] {
    if x[0] > 0.0 {
        return [x[0], x[1] * x[0]];
    }
    [x[1], x[0] * x[0]]
}

#[test]
fn an_early_return_of_an_array_output() {
    for x in [[1.5, -2.0], [-0.5, 3.0]] {
        let (y, j) = early_jacobian(x);
        assert_eq!(y, early(x));
        let want =
            if x[0] > 0.0 { [[1.0, 0.0], [x[1], x[0]]] } else { [[0.0, 1.0], [2.0 * x[0], 0.0]] };
        assert_eq!(j, want, "the Jacobian at {x:?}");
        let (_, g) = early_vjp(x, [1.0, 2.0]);
        assert_eq!(g, [want[0][0] + 2.0 * want[1][0], want[0][1] + 2.0 * want[1][1]], "vjp");
        for i in 0..2 {
            let fi = |p: &[f64]| early([p[0], p[1]])[i];
            assert_fd(fi, &x, &want[i], FD, "central differences");
        }
    }
}

/// A `Vec` built in one branch and copied from a slice parameter in the other.
#[differentiate(order = 2)]
fn vec_or_copy(x: &[f64]) -> Vec<f64> {
    if x[0] > 0.0 {
        vec![x[0] * x[1], x[1]]
    } else {
        x.to_vec()
    }
}

#[test]
fn an_if_choosing_between_vecs() {
    for x in [[1.5, -2.0], [-0.5, 3.0]] {
        let (y, j) = vec_or_copy_jacobian(&x);
        assert_eq!(y, vec_or_copy(&x));
        let want = if x[0] > 0.0 {
            vec![vec![x[1], x[0]], vec![0.0, 1.0]]
        } else {
            vec![vec![1.0, 0.0], vec![0.0, 1.0]]
        };
        assert_eq!(j, want, "the Jacobian at {x:?}");
        let (_, t) = vec_or_copy_jvp(&x, &[1.0, 1.0]);
        assert_all_close(&t, &[want[0][0] + want[0][1], want[1][0] + want[1][1]], EXACT, "jvp");
    }
}

/// Slices chosen by an active condition, read together with one of them.
#[differentiate(order = 2)]
fn slices(x: &[f64], y: &[f64]) -> f64 {
    let v = if x[0] > 0.0 { x } else { y };
    v[0] * v[1] * x[1]
}

#[test]
fn an_if_choosing_between_slices() {
    let y = [0.25, -4.0];
    for x in [[1.5, -2.0], [-0.5, 3.0]] {
        let (v, (gx, gy)) = slices_grad(&x, &y);
        assert_eq!(v, slices(&x, &y));
        if x[0] > 0.0 {
            assert_all_close(&gx, &[x[1] * x[1], 2.0 * x[0] * x[1]], EXACT, "d/dx, x chosen");
            assert_all_close(&gy, &[0.0, 0.0], EXACT, "d/dy, x chosen");
        } else {
            assert_all_close(&gx, &[0.0, y[0] * y[1]], EXACT, "d/dx, y chosen");
            assert_all_close(&gy, &[y[1] * x[1], y[0] * x[1]], EXACT, "d/dy, y chosen");
        }
        let (_, _, h) = slices_hessian(&x, &y);
        let fd = |p: &[f64]| slices(&p[..2], &p[2..]);
        let flat = [x[0], x[1], y[0], y[1]];
        let g: Vec<f64> = gx.iter().chain(&gy).copied().collect();
        assert_fd(fd, &flat, &g, FD, "central differences");
        // The Hessian is symmetric; f = x0 x1^2 when x is chosen, y0 y1 x1 when y is.
        for i in 0..4 {
            for k in 0..4 {
                assert_close(h[i][k], h[k][i], EXACT, "symmetric Hessian");
            }
        }
        if x[0] > 0.0 {
            assert_all_close(&h[0], &[0.0, 2.0 * x[1], 0.0, 0.0], EXACT, "H row x0");
            assert_all_close(&h[1], &[2.0 * x[1], 2.0 * x[0], 0.0, 0.0], EXACT, "H row x1");
        } else {
            assert_all_close(&h[1], &[0.0, 0.0, y[1], y[0]], EXACT, "H row x1");
            assert_all_close(&h[2], &[0.0, y[1], 0.0, x[1]], EXACT, "H row y0");
        }
    }
}

/// argmin's form (`bukin_n6_derivative`): a zero array when a denominator vanishes,
/// else an array literal of computed entries, in a generic float.
#[differentiate]
fn guarded<T: Float + FromPrimitive>(p: &[T; 2]) -> [T; 2] {
    let [x1, x2] = *p;
    let n0 = T::from_f64(0.0).unwrap();
    let denom = (x1 * x1 + x2 * x2).sqrt();
    if denom <= T::epsilon() {
        [n0, n0]
    } else {
        [x1 / denom, x2 / denom]
    }
}

#[test]
fn argmins_guarded_array_literal() {
    let p = [0.6, -0.8];
    let (y, j) = guarded_jacobian(&p);
    assert_eq!(y, guarded(&p));
    // d(x_i / r)/dx_k = (delta_ik - x_i x_k / r^2) / r, with r = 1 here.
    for i in 0..2 {
        for k in 0..2 {
            let want = f64::from(u8::from(i == k)) - p[i] * p[k];
            assert_close(j[i][k], want, 1e-12, "the normalisation's Jacobian");
        }
    }
    let (y0, j0) = guarded_jacobian(&[0.0, 0.0]);
    assert_eq!((y0, j0), ([0.0, 0.0], [[0.0, 0.0], [0.0, 0.0]]), "the guarded branch");
}

/// Arrays chosen inside a loop, by an active condition that changes from step to step:
/// `s = sum_i (chosen)_0 * x_i`, the chosen array `a` when `x_i > 0`, else `b`.
#[differentiate(order = 2)]
fn chosen_in_a_loop(x: &[f64], a: [f64; 2], b: [f64; 2]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let v = if x[i] > 0.0 { a } else { b };
        s += v[0] * x[i] + v[1];
    }
    s
}

#[test]
fn arrays_chosen_in_a_loop() {
    let x = [0.5, -1.0, 2.0, -0.25];
    let (a, b) = ([1.5, 0.25], [-2.0, 3.0]);
    let (v, (gx, ga, gb)) = chosen_in_a_loop_grad(&x, a, b);
    assert_eq!(v, chosen_in_a_loop(&x, a, b));
    let pos: Vec<bool> = x.iter().map(|&xi| xi > 0.0).collect();
    let want_gx: Vec<f64> = pos.iter().map(|&p| if p { a[0] } else { b[0] }).collect();
    assert_all_close(&gx, &want_gx, EXACT, "d/dx_i");
    let sum_pos: f64 = x.iter().zip(&pos).filter(|(_, p)| **p).map(|(x, _)| x).sum();
    let sum_neg: f64 = x.iter().zip(&pos).filter(|(_, p)| !**p).map(|(x, _)| x).sum();
    let count_pos = pos.iter().filter(|p| **p).count() as f64;
    assert_all_close(&ga, &[sum_pos, count_pos], EXACT, "d/da");
    assert_all_close(&gb, &[sum_neg, 4.0 - count_pos], EXACT, "d/db");
    let (_, _, (hx, ha, _)) = chosen_in_a_loop_hvp(&x, a, b, &[0.0; 4], [1.0, 0.0], [0.0; 2]);
    let want_hx: Vec<f64> = pos.iter().map(|&p| if p { 1.0 } else { 0.0 }).collect();
    assert_all_close(&hx, &want_hx, EXACT, "d2/dx da_0");
    assert_all_close(&ha, &[0.0, 0.0], EXACT, "d2/da da_0");
}

// Found by the fuzzer (seed 41, programs 87 and 145; seed 43, 15, 183, 196): an array
// chosen by an `if` and read later inside a branch or a loop lost its adjoint (its
// adjoint was made at the first read, inside that branch or loop). Each is checked
// against a hand-derived derivative.

/// Read after an `if` that returns: `f = a` for `a < 1` and `b <= 1`.
#[differentiate(order = 2)]
fn read_after_return(a: f64, b: f64) -> f64 {
    let w = if a < 1.0 { [b, a] } else { [a, b] };
    if b > 1.0 {
        return 0.0;
    }
    w[1]
}

/// Read in a loop, iterated, and scaling an `iter_mut` loop: `f = 2y + 3y + 2y * 1`.
#[differentiate(order = 2)]
fn read_in_loops(y: f64) -> f64 {
    let w = if y < 3.0 { [y, 2.0 * y] } else { [2.0 * y, y] };
    let mut s = 0.0;
    for _i in 0..1 {
        s += w[1];
    }
    let t: f64 = w.iter().map(|&p| p).sum();
    let mut v = [1.0, 0.5];
    for e in v.iter_mut() {
        *e *= w[1];
    }
    s + t + v[0]
}

/// Seed 41 program 87, reduced: `f = 2.25 y^2` for `y < 3`.
#[differentiate]
fn squared_through_a_chosen_row(y: f64) -> f64 {
    let w1 = if y < 3.0 { [y, 1.5 * y] } else { [1.5 * y, y] };
    let mut w8 = [w1[1], 0.5];
    for e in w8.iter_mut() {
        *e *= w1[1];
    }
    w8[0]
}

#[test]
fn a_chosen_array_read_later_in_branches_and_loops() {
    assert_eq!(read_after_return(0.5, 0.25), 0.5);
    assert_eq!(read_after_return_grad(0.5, 0.25), (0.5, (1.0, 0.0)));
    assert_eq!(read_after_return_vjp(0.5, 0.25, 2.0).1, (2.0, 0.0));
    assert_eq!(read_after_return_hessian(0.5, 0.25).1, (1.0, 0.0));
    assert_eq!(read_after_return_grad(0.5, 2.0), (0.0, (0.0, 0.0)));
    let y = 0.5;
    let (v, g) = read_in_loops_grad(y);
    assert_eq!(v, read_in_loops(y));
    assert_close(g, 7.0, EXACT, "2 + 3 + 2");
    assert_close(read_in_loops_hessian(y).2[0][0], 0.0, EXACT, "linear");
    let y = -1.1068227798148103;
    let (v, g) = squared_through_a_chosen_row_grad(y);
    assert_close(v, 2.25 * y * y, EXACT, "the value");
    assert_close(g, 4.5 * y, EXACT, "d/dy 2.25 y^2");
    assert_fd(|p| squared_through_a_chosen_row(p[0]), &[y], &[g], FD, "central differences");
}

/// Seed 41 programs 8 and 123: a `let mut` array chosen whole, then written by index
/// (did not compile). `f = w[1]` after `w[0] = 1`.
#[differentiate(order = 2)]
fn chosen_then_written(a: f64, b: f64) -> f64 {
    let mut w = if a > 0.0 { [a, b] } else { [b, a] };
    w[0] = 1.0;
    w[0] * w[1]
}

#[test]
fn a_chosen_array_written_after() {
    assert_eq!(chosen_then_written(0.5, 2.0), 2.0);
    assert_eq!(chosen_then_written_grad(0.5, 2.0), (2.0, (0.0, 1.0)));
    assert_eq!(chosen_then_written_grad(-0.5, 2.0), (-0.5, (1.0, 0.0)));
    assert_eq!(chosen_then_written_jvp(0.5, 2.0, 1.0, 3.0).1, 3.0);
    assert_eq!(chosen_then_written_hessian(0.5, 2.0).2, [[0.0; 2]; 2]);
}
