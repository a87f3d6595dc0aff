//! Parameters of nalgebra and ndarray: gradients, JVPs and VJPs of functions of their
//! vectors and matrices, against central finite differences and hand formulas, and the
//! whole-product rules of `dot` and the matrix-vector product (forward and reverse, and
//! second order).
//!
//! Matrices are flattened for the finite differences in each library's own order
//! (nalgebra column-major, ndarray row-major), which is also the order of `f_hessian`.

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, EXACT, FD};
use nalgebra::{DMatrix, DVector, SMatrix, SVector};
use ndarray::{array, Array1, Array2, ArrayView1};

/// `Σ_i g_i t_i` over flat gradients and tangents.
fn inner(g: &[f64], t: &[f64]) -> f64 {
    g.iter().zip(t).map(|(a, b)| a * b).sum()
}

// ---- nalgebra ---------------------------------------------------------------------

/// Σ sin(x_i) x_{i+1}: element reads in a loop.
#[differentiate]
fn chain_sv(x: SVector<f64, 4>) -> f64 {
    let mut s = 0.0;
    for i in 0..3 {
        s += x[i].sin() * x[i + 1];
    }
    s
}

#[test]
fn svector_gradient_jvp_and_vjp() {
    let x = SVector::<f64, 4>::new(0.3, -1.2, 0.7, 2.0);
    let (y, g) = chain_sv_grad(x);
    assert_eq!(y, chain_sv(x));
    let f = |p: &[f64]| chain_sv(SVector::from_column_slice(p));
    assert_fd(f, x.as_slice(), g.as_slice(), FD, "chain_sv");
    assert_close(g[0], x[0].cos() * x[1], EXACT, "∂/∂x_0 = cos(x_0) x_1");
    // The gradient's type is the parameter's; so are the tangent and the cotangent's result.
    let t = SVector::<f64, 4>::new(1.0, -2.0, 0.5, 0.25);
    let (yj, dy) = chain_sv_jvp(x, t);
    assert_eq!(yj, y);
    assert_close(dy, g.dot(&t), EXACT, "jvp = g · t");
    let (_, gv): (f64, SVector<f64, 4>) = chain_sv_vjp(x, 3.0);
    assert_all_close(gv.as_slice(), (3.0 * g).as_slice(), EXACT, "vjp = 3 g");
}

/// (w · x)^2 + w_0 for two `&DVector`s, through `dot`.
#[differentiate]
fn dot_squared(w: &DVector<f64>, x: &DVector<f64>) -> f64 {
    let s = w.dot(x);
    s * s + w[0]
}

#[test]
fn dvector_dot_gradient_is_the_hand_formula() {
    let w = DVector::from_vec(vec![0.5, -1.0, 2.0]);
    let x = DVector::from_vec(vec![1.5, 0.25, -0.75]);
    let (y, (gw, gx)) = dot_squared_grad(&w, &x);
    let s = w.dot(&x);
    assert_eq!(y, s * s + w[0]);
    // ∂/∂w = 2 (w·x) x + e_0, ∂/∂x = 2 (w·x) w.
    let mut want_w = 2.0 * s * &x;
    want_w[0] += 1.0;
    assert_all_close(gw.as_slice(), want_w.as_slice(), EXACT, "∂/∂w");
    assert_all_close(gx.as_slice(), (2.0 * s * &w).as_slice(), EXACT, "∂/∂x");
    let f = |p: &[f64]| dot_squared(&DVector::from_column_slice(&p[..3]), &x);
    assert_fd(f, w.as_slice(), gw.as_slice(), FD, "dot_squared, w");
    // Forward: d(w·x) = dw·x + w·dx.
    let (tw, tx) =
        (DVector::from_vec(vec![1.0, 0.0, -1.0]), DVector::from_vec(vec![0.5, 2.0, 1.0]));
    let (_, dy) = dot_squared_jvp(&w, &x, tw.clone(), tx.clone());
    assert_close(dy, gw.dot(&tw) + gx.dot(&tx), EXACT, "jvp");
}

/// A linear layer and a squared norm, `Σ (M v + b)_i^2`, by nalgebra's `m * v`.
#[differentiate(order = 2, wrt(m, v))]
fn layer(m: &SMatrix<f64, 2, 3>, v: &SVector<f64, 3>, b: [f64; 2]) -> f64 {
    let y = m * v;
    let mut s = 0.0;
    for i in 0..2 {
        let z = y[i] + b[i];
        s += z * z;
    }
    s
}

fn layer_point() -> (SMatrix<f64, 2, 3>, SVector<f64, 3>, [f64; 2]) {
    let m = SMatrix::<f64, 2, 3>::new(1.0, -2.0, 0.5, 0.25, 1.5, -1.0);
    (m, SVector::<f64, 3>::new(0.3, -0.7, 1.1), [0.5, -0.25])
}

#[test]
fn smatrix_linear_layer_gradient_is_two_r_v_transposed() {
    let (m, v, b) = layer_point();
    let (y, (gm, gv)) = layer_grad(&m, &v, b);
    let r = m * v + SVector::<f64, 2>::from(b);
    assert_close(y, r.norm_squared(), EXACT, "value");
    assert_all_close(gm.as_slice(), (2.0 * r * v.transpose()).as_slice(), EXACT, "∂/∂M = 2 r vᵀ");
    assert_all_close(gv.as_slice(), (2.0 * m.transpose() * r).as_slice(), EXACT, "∂/∂v = 2 Mᵀ r");
    let f = |p: &[f64]| layer(&SMatrix::from_column_slice(p), &v, b);
    assert_fd(f, m.as_slice(), gm.as_slice(), FD, "layer, M");
    let f = |p: &[f64]| layer(&m, &SVector::from_column_slice(p), b);
    assert_fd(f, v.as_slice(), gv.as_slice(), FD, "layer, v");
    // Forward: d(M v) = dM v + M dv.
    let tm = SMatrix::<f64, 2, 3>::new(0.5, 0.0, -1.0, 1.0, 2.0, 0.25);
    let tv = SVector::<f64, 3>::new(-1.0, 0.5, 0.75);
    let (_, dy) = layer_jvp(&m, &v, b, tm, tv);
    assert_close(dy, gm.dot(&tm) + gv.dot(&tv), EXACT, "jvp");
    let (_, (vm, vv)) = layer_vjp(&m, &v, b, -2.0);
    assert_all_close(vm.as_slice(), (-2.0 * gm).as_slice(), EXACT, "vjp, M");
    assert_all_close(vv.as_slice(), (-2.0 * gv).as_slice(), EXACT, "vjp, v");
}

#[test]
fn smatrix_linear_layer_second_derivatives() {
    let (m, v, b) = layer_point();
    // With respect to v alone the Hessian is 2 MᵀM; over (M, v) it is checked against
    // differences of the gradient.
    let (_, g, h) = layer_hessian(&m, &v, b);
    assert_eq!(h.len(), 9);
    let (_, g_ref) = layer_grad(&m, &v, b);
    assert_eq!(g, g_ref);
    let mtm = 2.0 * m.transpose() * m;
    for i in 0..3 {
        for j in 0..3 {
            assert_close(h[6 + i][6 + j], mtm[(i, j)], EXACT, "∂²/∂v² = 2 MᵀM");
        }
    }
    let flat_grad = |p: &[f64]| {
        let (mm, vv) = (SMatrix::from_column_slice(&p[..6]), SVector::from_column_slice(&p[6..]));
        let (_, (gm, gv)) = layer_grad(&mm, &vv, b);
        gm.iter().chain(gv.iter()).copied().collect::<Vec<f64>>()
    };
    let p: Vec<f64> = m.iter().chain(v.iter()).copied().collect();
    let jac = autodiff_core::check::jacobian(flat_grad, &p, 1e-5);
    for i in 0..9 {
        assert_all_close(&h[i], &jac[i], FD, &format!("H row {i}"));
    }
    // f_hvp along (tm, tv) is H times that direction.
    let tm = SMatrix::<f64, 2, 3>::new(0.5, 0.0, -1.0, 1.0, 2.0, 0.25);
    let tv = SVector::<f64, 3>::new(-1.0, 0.5, 0.75);
    let (_, _, (hm, hv)) = layer_hvp(&m, &v, b, tm, tv);
    let t: Vec<f64> = tm.iter().chain(tv.iter()).copied().collect();
    let got: Vec<f64> = hm.iter().chain(hv.iter()).copied().collect();
    let want: Vec<f64> = h.iter().map(|row| inner(row, &t)).collect();
    assert_all_close(&got, &want, EXACT, "H v");
}

/// `&DMatrix * &DVector`, then tanh of each component, summed.
#[differentiate]
fn tanh_layer(m: &DMatrix<f64>, v: &DVector<f64>) -> f64 {
    let y = m * v;
    let mut s = 0.0;
    for i in 0..y.len() {
        s += y[i].tanh();
    }
    s
}

#[test]
fn dmatrix_product_gradient_matches_finite_differences() {
    let m = DMatrix::from_row_slice(3, 2, &[0.5, -1.0, 0.25, 2.0, -0.75, 0.1]);
    let v = DVector::from_vec(vec![0.4, -0.3]);
    let (_, (gm, gv)) = tanh_layer_grad(&m, &v);
    assert_eq!((gm.nrows(), gm.ncols(), gv.len()), (3, 2, 2));
    let f = |p: &[f64]| tanh_layer(&DMatrix::from_column_slice(3, 2, p), &v);
    assert_fd(f, m.as_slice(), gm.as_slice(), FD, "tanh_layer, M");
    let f = |p: &[f64]| tanh_layer(&m, &DVector::from_column_slice(p));
    assert_fd(f, v.as_slice(), gv.as_slice(), FD, "tanh_layer, v");
    // ∂/∂M_ij = (1 - tanh²(y_i)) v_j
    let y = &m * &v;
    assert_close(gm[(2, 1)], (1.0 - y[2].tanh().powi(2)) * v[1], EXACT, "∂/∂M_21");
}

/// Element reads `m[(i, j)]` of a matrix, with a scalar parameter beside it.
#[differentiate(order = 2)]
fn weighted_entries(m: SMatrix<f64, 2, 2>, a: f64) -> f64 {
    let mut s = 0.0;
    for i in 0..2 {
        for j in 0..2 {
            s += m[(i, j)] * m[(i, j)] * (a + (i + 2 * j) as f64);
        }
    }
    s + m[(0, 1)].exp()
}

#[test]
fn matrix_entries_read_by_pairs_of_indices() {
    let m = SMatrix::<f64, 2, 2>::new(0.5, -1.0, 1.5, 0.25);
    let (_, (gm, ga)) = weighted_entries_grad(m, 0.75);
    assert_close(gm[(0, 1)], 2.0 * m[(0, 1)] * (0.75 + 2.0) + m[(0, 1)].exp(), EXACT, "∂/∂m01");
    assert_close(ga, m.norm_squared(), EXACT, "∂/∂a");
    let f = |p: &[f64]| weighted_entries(SMatrix::from_column_slice(p), 0.75);
    assert_fd(f, m.as_slice(), gm.as_slice(), FD, "weighted_entries");
    let t = SMatrix::<f64, 2, 2>::new(1.0, 0.5, -0.5, 2.0);
    let (_, dy) = weighted_entries_jvp(m, 0.75, t, 0.5);
    assert_close(dy, gm.dot(&t) + 0.5 * ga, EXACT, "jvp");
    // Second order through the reads: f_hessian over (m, a), 5 x 5.
    let (_, _, h) = weighted_entries_hessian(m, 0.75);
    assert_close(h[4][2], 2.0 * m[(0, 1)], EXACT, "∂²/∂a∂m01");
}

/// Sums over `iter().zip(..)` of two vectors, and a `mut` copy written by index.
#[differentiate]
fn zipped(w: &DVector<f64>, mut x: DVector<f64>) -> f64 {
    x[0] *= 2.0;
    w.iter().zip(x.iter()).map(|(a, b)| a * b.sin()).sum::<f64>()
}

#[test]
fn iterator_sums_and_a_mutable_copy() {
    let w = DVector::from_vec(vec![1.0, -0.5, 2.0]);
    let x = DVector::from_vec(vec![0.3, 0.6, -0.9]);
    let (_, (gw, gx)) = zipped_grad(&w, x.clone());
    let f = |p: &[f64]| zipped(&DVector::from_column_slice(p), x.clone());
    assert_fd(f, w.as_slice(), gw.as_slice(), FD, "zipped, w");
    let f = |p: &[f64]| zipped(&w, DVector::from_column_slice(p));
    assert_fd(f, x.as_slice(), gx.as_slice(), FD, "zipped, x");
    assert_close(gx[0], w[0] * (2.0 * x[0]).cos() * 2.0, EXACT, "∂/∂x_0");
}

/// An array output: its Jacobian has one gradient (a vector) per output.
#[differentiate]
fn two_products(w: &DVector<f64>, x: &DVector<f64>) -> [f64; 2] {
    [w.dot(x), w[1] * x[0]]
}

#[test]
fn jacobian_blocks_are_library_vectors() {
    let w = DVector::from_vec(vec![1.0, 2.0]);
    let x = DVector::from_vec(vec![3.0, 4.0]);
    let (y, (jw, jx)) = two_products_jacobian(&w, &x);
    assert_eq!(y, [11.0, 6.0]);
    assert_eq!(jw, [x.clone(), DVector::from_vec(vec![0.0, 3.0])]);
    assert_eq!(jx, [w.clone(), DVector::from_vec(vec![2.0, 0.0])]);
}

/// f32 elements.
#[differentiate]
fn norm_f32(x: SVector<f32, 3>) -> f32 {
    x.dot(&x).sqrt()
}

#[test]
fn f32_vectors() {
    let x = SVector::<f32, 3>::new(3.0, 0.0, 4.0);
    let (y, g) = norm_f32_grad(x);
    assert_eq!((y, norm_f32(x)), (5.0, 5.0));
    assert_eq!(g, x / 5.0);
}

// ---- ndarray ----------------------------------------------------------------------

/// Σ x_i^3 / 3 + x_0 x_1 on an `Array1`.
#[differentiate]
fn cubes(x: &Array1<f64>) -> f64 {
    let mut s = x[0] * x[1];
    for i in 0..x.len() {
        s += x[i].powi(3) / 3.0;
    }
    s
}

#[test]
fn array1_gradient_jvp_and_vjp() {
    let x = array![0.5, -1.5, 2.0];
    let (y, g) = cubes_grad(&x);
    assert_eq!(y, cubes(&x));
    let want = array![0.25 - 1.5, 2.25 + 0.5, 4.0];
    assert_all_close(g.as_slice().unwrap(), want.as_slice().unwrap(), EXACT, "∂/∂x");
    let f = |p: &[f64]| cubes(&Array1::from(p.to_vec()));
    assert_fd(f, x.as_slice().unwrap(), g.as_slice().unwrap(), FD, "cubes");
    let t = array![1.0, 0.5, -1.0];
    let (_, dy) = cubes_jvp(&x, t.clone());
    assert_close(dy, g.dot(&t), EXACT, "jvp");
    let (_, gv) = cubes_vjp(&x, 0.5);
    assert_eq!(gv, 0.5 * &g);
}

/// `tanh(W x + b)` summed, with ndarray's `w.dot(&x)` for the product, `a[[i, j]]` reads
/// of the weights in a penalty, and a view for the bias.
#[differentiate(order = 2, wrt(w, x, b))]
fn nd_layer(w: &Array2<f64>, x: &Array1<f64>, b: ArrayView1<f64>, lambda: f64) -> f64 {
    let y = w.dot(x);
    let mut s = 0.0;
    for i in 0..y.len() {
        s += (y[i] + b[i]).tanh();
        for j in 0..w.ncols() {
            s += lambda * w[[i, j]] * w[[i, j]];
        }
    }
    s
}

#[test]
fn array2_and_views_gradients_match_finite_differences() {
    let w = array![[0.5, -1.0, 0.25], [2.0, -0.75, 0.1]];
    let x = array![0.4, -0.3, 0.8];
    let b = array![0.1, -0.2];
    let (y, (gw, gx, gb)) = nd_layer_grad(&w, &x, b.view(), 0.01);
    assert_eq!(y, nd_layer(&w, &x, b.view(), 0.01));
    // A view's gradient is an owned array.
    let gb: Array1<f64> = gb;
    let f = |p: &[f64]| {
        nd_layer(&Array2::from_shape_vec((2, 3), p.to_vec()).unwrap(), &x, b.view(), 0.01)
    };
    assert_fd(f, w.as_slice().unwrap(), gw.as_slice().unwrap(), FD, "nd_layer, W");
    let f = |p: &[f64]| nd_layer(&w, &Array1::from(p.to_vec()), b.view(), 0.01);
    assert_fd(f, x.as_slice().unwrap(), gx.as_slice().unwrap(), FD, "nd_layer, x");
    let f = |p: &[f64]| nd_layer(&w, &x, ArrayView1::from(p), 0.01);
    assert_fd(f, b.as_slice().unwrap(), gb.as_slice().unwrap(), FD, "nd_layer, b");
    // By hand: with d = 1 - tanh²(W x + b), ∂/∂W = d xᵀ + 2 λ W, ∂/∂x = Wᵀ d, ∂/∂b = d.
    let d = (w.dot(&x) + &b).mapv(|z| 1.0 - z.tanh().powi(2));
    let want_w = Array2::from_shape_fn((2, 3), |(i, j)| d[i] * x[j] + 0.02 * w[[i, j]]);
    assert_all_close(gw.as_slice().unwrap(), want_w.as_slice().unwrap(), EXACT, "∂/∂W");
    assert_all_close(gx.as_slice().unwrap(), w.t().dot(&d).as_slice().unwrap(), EXACT, "∂/∂x");
    assert_all_close(gb.as_slice().unwrap(), d.as_slice().unwrap(), EXACT, "∂/∂b");
    // Forward mode, and the Hessian-vector product against differences of the gradient.
    let (tw, tx, tb) = (Array2::from_elem((2, 3), 0.5), array![1.0, 0.0, -1.0], array![0.25, 1.0]);
    let (_, dy) = nd_layer_jvp(&w, &x, b.view(), 0.01, tw.clone(), tx.clone(), tb.clone());
    let want = (&gw * &tw).sum() + gx.dot(&tx) + gb.dot(&tb);
    assert_close(dy, want, EXACT, "jvp");
    let (_, _, (hw, hx, hb)) =
        nd_layer_hvp(&w, &x, b.view(), 0.01, tw.clone(), tx.clone(), tb.clone());
    let h = 1e-6;
    let (_, (gw1, gx1, gb1)) =
        nd_layer_grad(&(&w + &(h * &tw)), &(&x + &(h * &tx)), (&b + &(h * &tb)).view(), 0.01);
    let (_, (gw0, gx0, gb0)) =
        nd_layer_grad(&(&w - &(h * &tw)), &(&x - &(h * &tx)), (&b - &(h * &tb)).view(), 0.01);
    let fd = |a: &[f64], b: &[f64]| -> Vec<f64> {
        a.iter().zip(b).map(|(p, q)| (p - q) / (2.0 * h)).collect()
    };
    assert_all_close(
        hw.as_slice().unwrap(),
        &fd(gw1.as_slice().unwrap(), gw0.as_slice().unwrap()),
        FD,
        "H v, W",
    );
    assert_all_close(
        hx.as_slice().unwrap(),
        &fd(gx1.as_slice().unwrap(), gx0.as_slice().unwrap()),
        FD,
        "H v, x",
    );
    assert_all_close(
        hb.as_slice().unwrap(),
        &fd(gb1.as_slice().unwrap(), gb0.as_slice().unwrap()),
        FD,
        "H v, b",
    );
}

/// The inner product of an array and a view.
#[differentiate(order = 2)]
fn nd_dot(w: &Array1<f64>, x: ArrayView1<'_, f64>) -> f64 {
    w.dot(&x).exp()
}

#[test]
fn array_view_dot() {
    let w = array![0.1, 0.2, -0.3];
    let x = array![1.0, -1.0, 0.5];
    let (y, (gw, gx)) = nd_dot_grad(&w, x.view());
    assert_eq!(y, nd_dot(&w, x.view()));
    assert_eq!(gw, y * &x);
    assert_eq!(gx, y * &w);
    let (_, g, h) = nd_dot_hessian(&w, x.view());
    assert_eq!(g, (gw, gx));
    // ∂²/∂w_i∂x_j = y (δ_ij + w_j x_i).
    assert_close(h[0][4], y * w[1] * x[0], EXACT, "∂²/∂w0∂x1");
    assert_close(h[1][4], y * (1.0 + w[1] * x[1]), EXACT, "∂²/∂w1∂x1");
}
