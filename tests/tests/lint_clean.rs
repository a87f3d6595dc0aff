//! The code `#[differentiate]` writes keeps users' crates lint-clean: this file denies
//! every rustc warning, and `cargo clippy --all-targets -- -D warnings` (run by
//! `.ci/run`) checks it with clippy's pedantic lints denied too. Its functions cover the
//! shapes of generated code: straight-line code, branches, loops with and without tapes,
//! local arrays, vector and tuple outputs, out-parameters, calls, methods, generics and
//! the second-order siblings. Every sibling is called, so that an unused result or a
//! needless borrow in any of them would be reported.
#![deny(warnings)]
#![deny(clippy::pedantic)]

use autodiff_core::differentiate;

#[differentiate(order = 2)]
fn seed(a: f64, w1: f64, b1: f64) -> f64 {
    let y = a * w1 + b1;
    y * y
}

#[differentiate(order = 2)]
fn branches_and_loops(values: &[f64], scale: f64) -> f64 {
    let mut max = values[0];
    let mut prod = 1.0;
    for v in values {
        if *v > max {
            max = *v;
        }
        prod *= v.tanh() + scale;
    }
    let mut sum = 0.0;
    let mut idx = 0;
    while idx < values.len() {
        sum += (values[idx] - max).exp();
        idx += 1;
    }
    max + sum.ln() + prod
}

#[differentiate(order = 2)]
fn local_array(x: [f64; 3]) -> [f64; 2] {
    let mut y = [0.0; 2];
    for i in 0..2 {
        y[i] = x[i] * x[i + 1];
    }
    y
}

#[differentiate]
fn tuple_output(x: &[f64]) -> (f64, Vec<f64>) {
    let mut v = Vec::new();
    let mut s = 0.0;
    for xi in x {
        v.push(xi.sin());
        s += xi * xi;
    }
    (s, v)
}

#[differentiate]
fn residuals(p: &[f64], r: &mut [f64]) {
    for i in 0..r.len() {
        r[i] = p[i] * p[i] - 1.0;
    }
}

#[differentiate(order = 2)]
fn calls(x: f64, y: f64) -> f64 {
    seed(x, y, 1.0) + generic(x, y)
}

#[differentiate(order = 2)]
fn generic<T: num_traits::Float>(x: T, y: T) -> T {
    (x * y).sin() + x.powi(2)
}

struct Model {
    w: f64,
}

impl Model {
    #[differentiate(order = 2)]
    fn loss(&self, x: f64) -> f64 {
        (self.w * x).tanh()
    }
}

// (A view is passed by value, as ndarray intends; the lint is about the user's own code.)
#[allow(clippy::needless_pass_by_value)]
#[differentiate(order = 2)]
fn matrices(
    mat: &nalgebra::DMatrix<f64>,
    vec: &nalgebra::DVector<f64>,
    view: ndarray::ArrayView1<f64>,
) -> f64 {
    let prod = mat * vec;
    let mut total = view.dot(&view);
    for i in 0..prod.len() {
        total += prod[i].sin() * mat[(i, 0)];
    }
    total
}

#[differentiate]
fn matrix_jacobian(mat: &ndarray::Array2<f64>, vec: &ndarray::Array1<f64>) -> [f64; 2] {
    let prod = mat.dot(vec);
    [prod[0] * mat[[0, 1]], prod.dot(vec)]
}

#[test]
fn every_sibling_is_used_and_lint_clean() {
    let input = [0.3, -0.2, 0.9];
    let x = input;
    assert!(seed_grad(1.0, 2.0, 3.0).0 > 0.0);
    assert!(seed_jvp(1.0, 2.0, 3.0, 1.0, 0.0, 0.0).1 > 0.0);
    assert!(seed_vjp(1.0, 2.0, 3.0, 1.0).0 > 0.0);
    assert!(seed_hvp(1.0, 2.0, 3.0, 1.0, 0.0, 0.0).2 .0 > 0.0);
    assert!(seed_hessian(1.0, 2.0, 3.0).2[0][0] > 0.0);
    assert!(seed_vjp_jvp(1.0, 2.0, 3.0, 1.0, 1.0, 0.0, 0.0, 0.0).1 .0 > 0.0);

    let (value, grad) = branches_and_loops_grad(&input, 0.5);
    assert!(value.to_bits() == branches_and_loops(&input, 0.5).to_bits() && grad.0.len() == 3);
    assert!(branches_and_loops_hessian(&x, 0.5).2.len() == 4);
    assert!(branches_and_loops_hvp(&x, 0.5, &x, 1.0).2 .1.is_finite());

    assert!(local_array_jacobian(x).1[0][0].abs() > 0.0);
    assert!(local_array_vjp_jvp(x, [1.0, 0.0], x, [0.0, 1.0]).1 .1[0].is_finite());
    assert!(tuple_output_jacobian(&x).1 .0.len() == 3);

    let mut r = [0.0; 3];
    assert!(residuals_jacobian(&x, &mut r)[0][0].abs() > 0.0);
    assert!(residuals_jvp(&x, &mut r, &x)[0].is_finite());

    assert!(calls_hessian(0.4, 0.7).0.to_bits() == calls(0.4, 0.7).to_bits());
    assert!(generic_hessian(0.4_f32, 0.7_f32).2[1][1].is_finite());
    let m = Model { w: 2.0 };
    assert!(m.loss_hessian(0.3).2[0][0].is_finite());
    assert!(m.loss_grad(0.3).0.to_bits() == m.loss(0.3).to_bits());

    let mat = nalgebra::DMatrix::from_element(2, 2, 0.5);
    let vec = nalgebra::DVector::from_element(2, 1.0);
    let arr = ndarray::Array1::from_elem(2, 1.5);
    let (value, grad) = matrices_grad(&mat, &vec, arr.view());
    assert!(value.to_bits() == matrices(&mat, &vec, arr.view()).to_bits() && grad.0.len() == 4);
    assert!(matrices_jvp(&mat, &vec, arr.view(), mat.clone(), vec.clone(), arr.clone())
        .1
        .is_finite());
    assert!(matrices_vjp(&mat, &vec, arr.view(), 2.0).1 .2.len() == 2);
    let hvp = matrices_hvp(&mat, &vec, arr.view(), mat.clone(), vec.clone(), arr.clone());
    assert!(hvp.2 .1[0].is_finite());
    assert!(matrices_hessian(&mat, &vec, arr.view()).2.len() == 8);
    let vjp_jvp =
        matrices_vjp_jvp(&mat, &vec, arr.view(), 1.0, mat.clone(), vec.clone(), arr.clone(), 0.0);
    assert!(vjp_jvp.1 .1 .0[(0, 0)].is_finite());
    let weights = ndarray::Array2::from_elem((2, 2), 0.5);
    let input = ndarray::Array1::from_elem(2, 1.0);
    assert!(matrix_jacobian_jacobian(&weights, &input).1 .0[0].len() == 4);
}
