//! Nested shapes: parameters `&[Vec<T>]`, `Vec<Vec<T>>`, `&Vec<Vec<T>>`, `&[[T; N]]` and
//! `[[T; N]; M]`, and outputs `Vec<Vec<T>>` built by `vec![vec![..; m]; n]` and element
//! writes (argmin's Hessians), by rows stored or pushed whole, or written into an
//! out-parameter. Gradients, tangents and cotangents have the parameter's and output's
//! shapes (rows may differ in length); `f_hessian` flattens nested parameters row-major,
//! and `f_jacobian` has the output's shape outside and the parameter's inside. Every
//! sibling is checked against num-dual and central differences on the flattened
//! function, and against hand-derived formulas where they are short.
// Index loops and a local returned at once are what these tests exercise.
#![allow(clippy::let_and_return, clippy::needless_range_loop)]

mod common;

use autodiff_core::check::check_jacobian;
use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, dot, flatten, hessian_flat, Case, EXACT, FD};
use num_dual::{Dual64, DualNum};
use num_traits::Float;

// ---- flat points and nested shapes ---------------------------------------------------

/// The rows of lengths `lens` cut from the front of `flat`, which moves past them.
fn rows<T: Copy>(flat: &mut &[T], lens: &[usize]) -> Vec<Vec<T>> {
    lens.iter()
        .map(|&n| {
            let (row, rest) = flat.split_at(n);
            *flat = rest;
            row.to_vec()
        })
        .collect()
}

/// `[[T; N]]` rows cut from the front of `flat`.
fn arrays<T: Copy, const N: usize>(flat: &mut &[T], count: usize) -> Vec<[T; N]> {
    (0..count)
        .map(|_| {
            let (row, rest) = flat.split_at(N);
            *flat = rest;
            std::array::from_fn(|k| row[k])
        })
        .collect()
}

/// `J t` of a dense row-major Jacobian.
fn mat_vec(j: &[Vec<f64>], t: &[f64]) -> Vec<f64> {
    j.iter().map(|row| dot(row, t)).collect()
}

/// A tangent or cotangent of `n` floats, deterministic and unremarkable.
fn direction(n: usize, k: usize) -> Vec<f64> {
    (0..n).map(|i| ((i * 5 + k * 3 + 1) % 7) as f64 * 0.4 - 1.1).collect()
}

// ---- parameters: `&[Vec<T>]` with `&[[T; N]]`, rows of different lengths -------------

/// `Σ_i Σ_v (v² w_i0 + sin(v) w_i1) + x_i0 · x_i,last` over rows of different lengths: the
/// rows iterated (`for (i, row) in x.iter().enumerate()`, `for v in row`), indexed
/// (`x[i][0]`) and measured (`x[i].len()`).
#[differentiate(order = 2)]
fn rows_energy(x: &[Vec<f64>], w: &[[f64; 2]]) -> f64 {
    let mut s = 0.0;
    for (i, row) in x.iter().enumerate() {
        for v in row {
            s += v * v * w[i][0] + v.sin() * w[i][1];
        }
        s += x[i][0] * x[i][x[i].len() - 1];
    }
    s
}

fn rows_energy_dual<D: DualNum<Primitive = f64> + Copy>(x: &[Vec<D>], w: &[[D; 2]]) -> D {
    let mut s = D::from(0.0);
    for (i, row) in x.iter().enumerate() {
        for &v in row {
            s += v * v * w[i][0] + v.sin() * w[i][1];
        }
        s += x[i][0] * x[i][row.len() - 1];
    }
    s
}

const LENS: [usize; 3] = [3, 1, 2];

fn split_energy<T: Copy>(p: &[T]) -> (Vec<Vec<T>>, Vec<[T; 2]>) {
    let mut flat = p;
    let x = rows(&mut flat, &LENS);
    let w = arrays(&mut flat, LENS.len());
    (x, w)
}

#[test]
fn slice_of_vecs_and_slice_of_arrays_in_every_sibling() {
    let case = Case {
        name: "rows_energy",
        primal: &|p| {
            let (x, w) = split_energy(p);
            rows_energy(&x, &w)
        },
        grad: &|p| {
            let (x, w) = split_energy(p);
            let (y, (gx, gw)) = rows_energy_grad(&x, &w);
            (y, flatten(&(gx, gw)))
        },
        vjp: &|p, d| {
            let (x, w) = split_energy(p);
            let (y, (gx, gw)) = rows_energy_vjp(&x, &w, d);
            (y, flatten(&(gx, gw)))
        },
        jvp: &|p, t| {
            let (x, w) = split_energy(p);
            let (tx, tw) = split_energy(t);
            rows_energy_jvp(&x, &w, &tx, &tw)
        },
        dual: &|p| {
            let mut flat = p;
            let x = rows(&mut flat, &LENS);
            let w = arrays::<Dual64, 2>(&mut flat, LENS.len());
            rows_energy_dual(&x, &w)
        },
    };
    let p = [0.3, -1.2, 0.8, 2.0, -0.4, 1.1, 1.5, -0.5, 0.75, 2.0, -1.0, 0.25];
    let g = case.verify(&p, FD);

    // The gradient's shapes are the parameters': ragged rows and `Vec<[f64; 2]>`.
    let (x, w) = split_energy(&p);
    let (_, (gx, gw)) = rows_energy_grad(&x, &w);
    assert_eq!(gx.iter().map(Vec::len).collect::<Vec<_>>(), LENS);
    assert_eq!(gw.len(), 3);
    // d/dx_10 of x_10² w_10 + sin(x_10) w_11 + x_10 · x_10 (a row of one).
    let want = 2.0 * x[1][0] * w[1][0] + x[1][0].cos() * w[1][1] + 2.0 * x[1][0];
    assert_close(gx[1][0], want, EXACT, "d/dx_10");

    // Second order: the Hessian over x then w, each flattened row-major, is the Jacobian
    // of the gradient; `f_hvp` is its product with a direction of the parameters' shapes.
    let (y, g2, h) = hessian_flat(rows_energy_hessian(&x, &w));
    assert_eq!((y, &g2), (rows_energy(&x, &w), &g));
    assert_eq!(h.len(), p.len());
    let grad = |q: &[f64]| (case.grad)(q).1;
    check_jacobian(grad, &p, &h, FD).unwrap();
    let v = direction(p.len(), 1);
    let (vx, vw) = split_energy(&v);
    let (_, _, (hx, hw)) = rows_energy_hvp(&x, &w, &vx, &vw);
    assert_all_close(&flatten(&(hx, hw)), &mat_vec(&h, &v), EXACT, "f_hvp = H v");
}

#[test]
fn a_tangent_row_of_the_wrong_length_panics_naming_the_parameter() {
    let x = vec![vec![1.0, 2.0], vec![3.0]];
    let w = [[1.0; 2]; 2];
    let bad = vec![vec![1.0, 2.0], vec![3.0, 4.0]];
    let e = std::panic::catch_unwind(|| rows_energy_jvp(&x, &w, &bad, &w)).unwrap_err();
    let msg = e.downcast_ref::<String>().cloned().unwrap_or_default();
    assert_eq!(msg, "the tangent of `x[..]` has 2 elements, `x[..]` has 1");
}

// ---- parameters: `Vec<Vec<T>>` by value and `&Vec<Vec<T>>`, generic -------------------

/// `Σ_row (Σ v²)·(Σ v)`: the rows taken by value and through iterator chains.
#[differentiate(order = 2)]
fn owned_rows<T: Float + std::iter::Sum>(x: Vec<Vec<T>>) -> T {
    let mut s = T::zero();
    for row in x.iter() {
        let sq: T = row.iter().map(|&v| v * v).sum();
        let sum = row.iter().copied().sum::<T>();
        s = s + sq * sum;
    }
    s
}

/// `Σ_i Σ_j x_ij^3 (j + 1)`, with `x` by reference to a `Vec` of `Vec`s.
#[differentiate]
fn vec_ref_rows(x: &Vec<Vec<f64>>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        for j in 0..x[i].len() {
            s += x[i][j].powi(3) * (j + 1) as f64;
        }
    }
    s
}

#[test]
fn vecs_of_vecs_by_value_and_by_reference() {
    let lens = [2, 3];
    let p = [0.5, -1.5, 2.0, 0.25, -0.75];
    let case = Case {
        name: "owned_rows",
        primal: &|p| owned_rows(rows(&mut &p[..], &lens)),
        grad: &|p| {
            let (y, g) = owned_rows_grad(rows(&mut &p[..], &lens));
            (y, flatten(&g))
        },
        vjp: &|p, d| {
            let (y, g) = owned_rows_vjp(rows(&mut &p[..], &lens), d);
            (y, flatten(&g))
        },
        jvp: &|p, t| owned_rows_jvp(rows(&mut &p[..], &lens), &rows(&mut &t[..], &lens)),
        dual: &|p| {
            rows(&mut &p[..], &lens)
                .iter()
                .map(|row| {
                    let sq = row.iter().fold(Dual64::from(0.0), |a, &v| a + v * v);
                    let sum = row.iter().fold(Dual64::from(0.0), |a, &v| a + v);
                    sq * sum
                })
                .fold(Dual64::from(0.0), |a, b| a + b)
        },
    };
    let g = case.verify(&p, FD);
    // d/dx_rk = 2 x_rk · sum_r + sq_r.
    let (sq, sum) = (0.25 + 2.25, -1.0);
    assert_close(g[0], 2.0 * 0.5 * sum + sq, EXACT, "d/dx_00");
    let (_, _, h) = hessian_flat(owned_rows_hessian(rows(&mut &p[..], &lens)));
    check_jacobian(|q| (case.grad)(q).1, &p, &h, FD).unwrap();
    // Rows do not interact: the block of rows 0 and 1 is zero.
    assert_eq!(h[0][2..], [0.0; 3]);

    // At f32 the gradient has the same nested shape.
    let x32 = vec![vec![0.5_f32, -1.5], vec![2.0, 0.25, -0.75]];
    let (_, g32) = owned_rows_grad(x32);
    assert_all_close(&flatten_f32(&g32), &g, 1e-5, "f32 gradient");

    let x = vec![vec![1.5, -0.5, 2.0], vec![0.75]];
    let (y, g) = vec_ref_rows_grad(&x);
    assert_eq!(y, vec_ref_rows(&x));
    let want: Vec<Vec<f64>> = x
        .iter()
        .map(|row| row.iter().enumerate().map(|(j, v)| 3.0 * v * v * (j + 1) as f64).collect())
        .collect();
    assert_eq!(g, want);
    let (_, d) = vec_ref_rows_jvp(&x, &[vec![1.0, 0.0, 0.0], vec![1.0]]);
    assert_close(d, want[0][0] + want[1][0], EXACT, "jvp");
    assert_eq!(vec_ref_rows_vjp(&x, 2.0).1[0][1], 2.0 * want[0][1]);
}

fn flatten_f32(v: &[Vec<f32>]) -> Vec<f64> {
    v.iter().flatten().map(|&x| f64::from(x)).collect()
}

// ---- parameters: `[[T; N]; M]` and `&[[T; N]]` with patterns on rows ------------------

/// `Σ_rows a·b·c` of a slice of arrays, each row destructured.
#[differentiate(order = 2)]
fn triple_products(x: &[[f64; 3]]) -> f64 {
    let mut s = 0.0;
    for row in x.iter() {
        let [a, b, c] = *row;
        s += a * b * c;
    }
    s
}

/// The determinant of a 2x2 matrix taken by value.
#[differentiate(order = 2)]
fn det2(m: [[f64; 2]; 2]) -> f64 {
    m[0][0] * m[1][1] - m[0][1] * m[1][0]
}

#[test]
fn slices_of_arrays_and_nested_arrays() {
    let x = [[1.0, 2.0, 3.0], [-1.0, 0.5, 4.0]];
    let (y, g) = triple_products_grad(&x);
    assert_eq!((y, triple_products(&x)), (6.0 - 2.0, y));
    assert_eq!(g, vec![[6.0, 3.0, 2.0], [2.0, -4.0, -0.5]]);
    let (_, d) = triple_products_jvp(&x, &[[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]);
    assert_eq!(d, 6.0 - 0.5);
    // Flattened row-major: x_00 x_01 x_02 x_10 ..; ∂²/∂x_00∂x_01 = x_02.
    let (_, _, h) = hessian_flat(triple_products_hessian(&x));
    assert_eq!(h[0], [0.0, 3.0, 2.0, 0.0, 0.0, 0.0]);
    assert_eq!(h[4], [0.0, 0.0, 0.0, 4.0, 0.0, -1.0]);

    let m = [[1.0, 2.0], [3.0, 4.0]];
    let (y, g) = det2_grad(m);
    assert_eq!((y, g), (det2(m), [[4.0, -3.0], [-2.0, 1.0]]));
    assert_eq!(y, -2.0);
    let (_, _, h) = det2_hessian(m);
    assert_eq!(
        h,
        vec![
            vec![0.0, 0.0, 0.0, 1.0],
            vec![0.0, 0.0, -1.0, 0.0],
            vec![0.0, -1.0, 0.0, 0.0],
            vec![1.0, 0.0, 0.0, 0.0]
        ]
    );
}
