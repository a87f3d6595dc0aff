//! Nested shapes: parameters `&[Vec<T>]`, `Vec<Vec<T>>`, `&Vec<Vec<T>>`, `&[[T; N]]` and
//! `[[T; N]; M]`, and outputs `Vec<Vec<T>>` built by `vec![vec![..; m]; n]` and element
//! writes (argmin's Hessians), by rows stored or pushed whole, or written into an
//! out-parameter. Gradients, tangents and cotangents have the parameter's and output's
//! shapes (rows may differ in length); `f_hessian` flattens nested parameters row-major,
//! and `f_jacobian` has the output's shape outside and the parameter's inside. Every
//! sibling is checked against num-dual and central differences on the flattened
//! function, and against hand-derived formulas where they are short.
// Index loops and a local returned at once are what these tests exercise.
#![allow(clippy::let_and_return, clippy::needless_range_loop, clippy::manual_memcpy)]

mod common;

use autodiff_core::check::check_jacobian;
use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, dot, flatten, hessian_flat, Case, EXACT, FD};
use num_dual::{Dual64, DualNum};
use num_traits::{Float, FromPrimitive};

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

/// The Jacobian of a function of a flat point by num-dual: one pass per input.
fn dual_jacobian(f: impl Fn(&[Dual64]) -> Vec<Dual64>, x: &[f64]) -> Vec<Vec<f64>> {
    let columns: Vec<Vec<f64>> = (0..x.len())
        .map(|j| {
            let p: Vec<Dual64> = x
                .iter()
                .enumerate()
                .map(|(i, &v)| Dual64::new(v, if i == j { 1.0 } else { 0.0 }))
                .collect();
            f(&p).iter().map(|d| d.eps).collect()
        })
        .collect();
    let m = columns.first().map_or(0, Vec::len);
    (0..m).map(|i| columns.iter().map(|c| c[i]).collect()).collect()
}

/// `J t` and `Jᵀ d` of a dense row-major Jacobian.
fn mat_vec(j: &[Vec<f64>], t: &[f64]) -> Vec<f64> {
    j.iter().map(|row| dot(row, t)).collect()
}

fn mat_t_vec(j: &[Vec<f64>], d: &[f64]) -> Vec<f64> {
    (0..j[0].len()).map(|k| j.iter().zip(d).map(|(row, di)| row[k] * di).sum()).collect()
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
// `&Vec<Vec<f64>>` rather than `&[Vec<f64>]` is the point here.
#[allow(clippy::ptr_arg)]
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

// ---- outputs `Vec<Vec<T>>`: `vec![vec![..; m]; n]` written element by element ---------

/// The Gram matrix of rows of different lengths (over the shorter of each pair), with
/// `exp` of each row's first entry added on the diagonal: `+=` into a fill of zeros.
#[differentiate]
fn gram(x: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut out = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..n {
            for k in 0..x[i].len().min(x[j].len()) {
                out[i][j] += x[i][k] * x[j][k];
            }
        }
        out[i][i] += x[i][0].exp();
    }
    out
}

fn gram_dual(x: &[Vec<Dual64>]) -> Vec<Dual64> {
    let n = x.len();
    let mut out = vec![Dual64::from(0.0); n * n];
    for i in 0..n {
        for j in 0..n {
            for k in 0..x[i].len().min(x[j].len()) {
                out[i * n + j] += x[i][k] * x[j][k];
            }
        }
        out[i * n + i] += x[i][0].exp();
    }
    out
}

/// The flat Jacobian of a block `J[i][j][k][l] = ∂y_ij/∂x_kl`: row-major over the
/// output, each row row-major over the parameter.
fn flat_block(j: &[Vec<Vec<Vec<f64>>>]) -> Vec<Vec<f64>> {
    j.iter().flatten().map(|entry| entry.iter().flatten().copied().collect()).collect()
}

#[test]
fn a_vec_of_vecs_output_in_every_sibling() {
    // Two points: 4 outputs of 6 inputs (swept by rows), 9 outputs of 6 inputs (columns).
    for lens in [&[2usize, 4][..], &[3, 1, 2]] {
        let p: Vec<f64> = (0..6).map(|k| 0.3 * k as f64 - 0.7).collect();
        let x = rows(&mut &p[..], lens);
        let (y, j) = gram_jacobian(&x);
        assert_eq!(y, gram(&x));
        let n = lens.len();
        assert_eq!((j.len(), j[0].len(), j[0][0].len()), (n, n, n));
        assert_eq!(j[0][0].iter().map(Vec::len).collect::<Vec<_>>(), lens);
        // ∂y_01/∂x_00 = x_10 (a product of rows 0 and 1).
        assert_eq!(j[0][1][0][0], x[1][0]);
        let flat = flat_block(&j);
        let primal = |q: &[f64]| flatten(&gram(&rows(&mut &q[..], lens)));
        check_jacobian(primal, &p, &flat, FD).unwrap();
        let dual = dual_jacobian(|q| gram_dual(&rows(&mut &q[..], lens)), &p);
        for (got, want) in flat.iter().zip(&dual) {
            assert_all_close(got, want, EXACT, "gram Jacobian vs num-dual");
        }
        // The tangent has the output's shape, and is J t; the gradient of the cotangent
        // (a `&[Vec<f64>]`) has the parameter's, and is Jᵀ d.
        let t = direction(6, 0);
        let (yt, dy) = gram_jvp(&x, &rows(&mut &t[..], lens));
        assert_eq!(yt, y);
        assert_all_close(&flatten(&dy), &mat_vec(&flat, &t), EXACT, "gram_jvp = J t");
        let d = direction(n * n, 1);
        let (yv, g) = gram_vjp(&x, &rows(&mut &d[..], &vec![n; n]));
        assert_eq!(yv, y);
        assert_all_close(&flatten(&g), &mat_t_vec(&flat, &d), EXACT, "gram_vjp = Jᵀ d");
    }
}

/// The Hessian of `Σ b (x_i+1 - x_i²)² + (a - x_i)²`, written as argmin writes its test
/// functions' Hessians: generic, constants through `T::from_f64`, a fill of zeros, `+=`
/// and `=` into elements. Its Jacobian is the third derivative of that function.
#[differentiate]
fn rosenbrock_hessian<T>(param: &[T], a: T, b: T) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive,
{
    let n0 = T::from_f64(0.0).unwrap();
    let n2 = T::from_f64(2.0).unwrap();
    let n4 = T::from_f64(4.0).unwrap();
    let n12 = T::from_f64(12.0).unwrap();
    let n = param.len();
    let mut hessian = vec![vec![n0; n]; n];
    for i in 0..n - 1 {
        let xi = param[i];
        let xi1 = param[i + 1];
        hessian[i][i] = hessian[i][i] + n12 * b * xi.powi(2) - n4 * b * xi1 + n2 * a;
        hessian[i + 1][i + 1] = n2 * b;
        hessian[i][i + 1] = -n4 * b * xi;
        hessian[i + 1][i] = -n4 * b * xi;
    }
    hessian
}

#[test]
fn a_generic_hessian_written_into_a_fill_of_zeros() {
    let x = [0.5, -1.25, 2.0, 0.75];
    let (a, b) = (1.0, 100.0);
    let (h, (jx, ja, jb)) = rosenbrock_hessian_jacobian(&x, a, b);
    assert_eq!(h, rosenbrock_hessian(&x, a, b));
    // Third derivatives: ∂H_ii/∂x_i = 24 b x_i (i < n - 1), ∂H_ii/∂x_i+1 = -4 b,
    // ∂H_i,i+1/∂x_i = ∂H_i+1,i/∂x_i = -4 b; nothing else. H is linear in `a` and `b`.
    for i in 0..4 {
        for j in 0..4 {
            for k in 0..4 {
                let want = match (i, j, k) {
                    (i, j, k) if i == j && k == i && i < 3 => 24.0 * b * x[i],
                    (i, j, k) if i == j && k == i + 1 => -4.0 * b,
                    (i, j, k) if j == i + 1 && k == i => -4.0 * b,
                    (i, j, k) if i == j + 1 && k == j => -4.0 * b,
                    _ => 0.0,
                };
                assert_close(jx[i][j][k], want, EXACT, &format!("∂H_{i}{j}/∂x_{k}"));
            }
            assert_close(ja[i][j], if i == j && i < 3 { 2.0 } else { 0.0 }, EXACT, "∂H/∂a");
            assert_close(jb[i][j] * b, h[i][j] - ja[i][j] * a, EXACT, "H = a ∂H/∂a + b ∂H/∂b");
        }
    }
    let primal = |q: &[f64]| flatten(&rosenbrock_hessian(q, a, b));
    let flat: Vec<Vec<f64>> = jx.iter().flatten().cloned().collect();
    check_jacobian(primal, &x, &flat, FD).unwrap();
    let (_, dh) = rosenbrock_hessian_jvp(&x, a, b, &[1.0, 0.0, 0.0, 0.0], 0.0, 0.0);
    assert_eq!(dh[0][0], 24.0 * b * x[0]);
    let mut dout = vec![vec![0.0; 4]; 4];
    dout[1][1] = 1.0;
    let (_, (gx, ga, gb)) = rosenbrock_hessian_vjp(&x, a, b, &dout);
    assert_eq!((gx, ga, gb), (jx[1][1].clone(), ja[1][1], jb[1][1]));

    // At f32, the same shapes.
    let x32 = x.map(|v| v as f32);
    let (h32, (jx32, _, _)) = rosenbrock_hessian_jacobian(&x32, 1.0, 100.0);
    assert_eq!(h32.len(), 4);
    assert_close(f64::from(jx32[2][2][2]), 24.0 * 100.0 * 2.0, 1e-6, "f32 third derivative");
}

// ---- rows built whole: literals of rows, fills of a computed row, pushes, stores -------

/// Rows computed elsewhere, stacked: `vec![a, b]` of `Vec`s, a row pushed, a row stored
/// over another, `Vec::from` of rows, `vec![r; n]` of a computed row.
#[differentiate]
fn stacked(x: &[f64]) -> Vec<Vec<f64>> {
    let a = x.to_vec();
    let b = vec![x[0] * x[1], 3.0, x[2].sin()];
    let mut m = vec![a, b];
    m.push(vec![x[1] * x[2]; 3]);
    let sq: Vec<f64> = x.iter().map(|v| v * v).collect();
    m[0] = sq;
    let filled = vec![m[1].clone(); 2];
    let pair = Vec::from([filled[1].clone(), m[2].clone()]);
    m.push(vec![pair[0][0] + pair[1][2], m[0][1]]);
    m
}

fn stacked_dual(x: &[Dual64]) -> Vec<Dual64> {
    let b = [x[0] * x[1], Dual64::from(3.0), x[2].sin()];
    let c = x[1] * x[2];
    let mut out: Vec<Dual64> = x.iter().map(|v| v * v).collect();
    out.extend(b);
    out.extend([c; 3]);
    out.extend([b[0] + c, x[1] * x[1]]);
    out
}

#[test]
fn rows_stored_pushed_and_filled_whole() {
    let x = [0.5, -1.5, 2.0];
    let (y, j) = stacked_jacobian(&x);
    assert_eq!(y, stacked(&x));
    assert_eq!(y.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 3, 2]);
    let flat: Vec<Vec<f64>> = j.iter().flatten().cloned().collect();
    check_jacobian(|q| flatten(&stacked(q)), &x, &flat, FD).unwrap();
    let dual = dual_jacobian(stacked_dual, &x);
    for (got, want) in flat.iter().zip(&dual) {
        assert_all_close(got, want, EXACT, "stacked Jacobian vs num-dual");
    }
    let t = [1.0, -0.5, 0.25];
    let (_, dy) = stacked_jvp(&x, &t);
    assert_all_close(&flatten(&dy), &mat_vec(&flat, &t), EXACT, "jvp");
    let d = direction(11, 2);
    let (_, g) = stacked_vjp(&x, &rows(&mut &d[..], &[3, 3, 3, 2]));
    assert_all_close(&g, &mat_t_vec(&flat, &d), EXACT, "vjp");
}

// ---- a local `Vec` of `Vec`s overwritten in loops, its rows iterated ---------------------

/// Two rows updated in turn for `steps` rounds (each read of a written element is saved
/// or recomputed by the reverse sweep), then every row iterated: `Σ v²`.
#[differentiate(order = 2)]
fn smooth(x: &[f64], steps: usize) -> f64 {
    let n = x.len();
    let mut m = vec![vec![0.0; n]; 2];
    for j in 0..n {
        m[0][j] = x[j];
    }
    for _ in 0..steps {
        for j in 0..n {
            m[1][j] = (m[0][j] * m[0][(j + 1) % n]).sin();
        }
        let prev = m[1].clone();
        for j in 0..n {
            m[0][j] = prev[j] + 0.5 * m[0][j];
            m[1][j] *= m[0][j];
        }
    }
    let mut s = 0.0;
    for row in m.iter() {
        for v in row.iter() {
            s += v * v;
        }
    }
    s
}

fn smooth_dual(x: &[Dual64], steps: usize) -> Dual64 {
    let n = x.len();
    let mut m = [x.to_vec(), vec![Dual64::from(0.0); n]];
    for _ in 0..steps {
        for j in 0..n {
            m[1][j] = (m[0][j] * m[0][(j + 1) % n]).sin();
        }
        let prev = m[1].clone();
        for j in 0..n {
            m[0][j] = prev[j] + m[0][j] * 0.5;
            m[1][j] = m[1][j] * m[0][j];
        }
    }
    m.iter().flatten().fold(Dual64::from(0.0), |s, v| s + v * v)
}

#[test]
fn a_local_vec_of_vecs_overwritten_in_loops() {
    let x = [0.4, -0.8, 1.1, 0.3];
    let case = Case {
        name: "smooth",
        primal: &|p| smooth(p, 3),
        grad: &|p| smooth_grad(p, 3),
        vjp: &|p, d| smooth_vjp(p, 3, d),
        jvp: &|p, t| smooth_jvp(p, 3, t),
        dual: &|p| smooth_dual(p, 3),
    };
    let g = case.verify(&x, FD);
    let (_, g2, h) = hessian_flat(smooth_hessian(&x, 3));
    assert_eq!(g2, g);
    check_jacobian(|q| smooth_grad(q, 3).1, &x, &h, FD).unwrap();
    let v = direction(4, 3);
    let (_, _, hv) = smooth_hvp(&x, 3, &v);
    assert_all_close(&hv, &mat_vec(&h, &v), EXACT, "H v");
}

// ---- an out-parameter `&mut [Vec<T>]` ----------------------------------------------------

/// Writes `[x_i², x_0 x_i]` into row `i` of `r`.
#[differentiate]
fn pairs_into(x: &[f64], r: &mut [Vec<f64>]) {
    for i in 0..x.len() {
        r[i][0] = x[i] * x[i];
        r[i][1] = x[0] * x[i];
    }
}

#[test]
fn an_out_parameter_of_rows() {
    let x = [1.5, -2.0, 0.5];
    let mut r = vec![vec![0.0; 2]; 3];
    let j = pairs_into_jacobian(&x, &mut r);
    let mut want = vec![vec![0.0; 2]; 3];
    pairs_into(&x, &mut want);
    assert_eq!(r, want);
    let flat: Vec<Vec<f64>> = j.iter().flatten().cloned().collect();
    let primal = |q: &[f64]| {
        let mut r = vec![vec![0.0; 2]; 3];
        pairs_into(q, &mut r);
        flatten(&r)
    };
    check_jacobian(primal, &x, &flat, FD).unwrap();
    // ∂(x_0 x_2)/∂x = (x_2, 0, x_0).
    assert_eq!(j[2][1], [0.5, 0.0, 1.5]);
    let t = [0.5, 1.0, -1.0];
    let dr = pairs_into_jvp(&x, &mut r, &t);
    assert_all_close(&flatten(&dr), &mat_vec(&flat, &t), EXACT, "jvp");
    let d = direction(6, 4);
    let g = pairs_into_vjp(&x, &mut r, &rows(&mut &d[..], &[2, 2, 2]));
    assert_all_close(&g, &mat_t_vec(&flat, &d), EXACT, "vjp");
}

// ---- calls: rows passed to a callee, a callee returning rows -----------------------------

/// `Σ_i x_i0 · x_i,last` of rows: the callee.
#[differentiate(order = 2)]
fn ends_product(x: &[Vec<f64>]) -> f64 {
    let mut s = 0.0;
    for row in x {
        s += row[0] * row[row.len() - 1];
    }
    s
}

/// `x xᵀ` of a vector, as rows: the callee whose cotangent is a `&[Vec<f64>]`.
#[differentiate(order = 2)]
fn outer_product(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut out = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..n {
            out[i][j] = x[i] * x[j];
        }
    }
    out
}

/// `ends_product(x) · sin(x_00) + Σ_ij (x_0 x_0ᵀ)_ij x_1j`: rows passed on whole, and the
/// rows a callee returns read by index.
#[differentiate(order = 2)]
fn through_calls(x: &[Vec<f64>]) -> f64 {
    let e = ends_product(x);
    let m = outer_product(&x[0]);
    let mut s = e * x[0][0].sin();
    for i in 0..m.len() {
        for j in 0..m[i].len() {
            s += m[i][j] * x[1][j];
        }
    }
    s
}

fn through_calls_dual(x: &[Vec<Dual64>]) -> Dual64 {
    let e = x.iter().fold(Dual64::from(0.0), |s, row| s + row[0] * row[row.len() - 1]);
    let mut s = e * x[0][0].sin();
    for i in 0..x[0].len() {
        for j in 0..x[0].len() {
            s += x[0][i] * x[0][j] * x[1][j];
        }
    }
    s
}

#[test]
fn rows_through_differentiated_callees() {
    let lens = [3, 3, 1];
    let p = [0.5, -1.0, 1.5, 2.0, 0.25, -0.75, 1.25];
    let case = Case {
        name: "through_calls",
        primal: &|p| through_calls(&rows(&mut &p[..], &lens)),
        grad: &|p| {
            let (y, g) = through_calls_grad(&rows(&mut &p[..], &lens));
            (y, flatten(&g))
        },
        vjp: &|p, d| {
            let (y, g) = through_calls_vjp(&rows(&mut &p[..], &lens), d);
            (y, flatten(&g))
        },
        jvp: &|p, t| through_calls_jvp(&rows(&mut &p[..], &lens), &rows(&mut &t[..], &lens)),
        dual: &|p| through_calls_dual(&rows(&mut &p[..], &lens)),
    };
    let g = case.verify(&p, FD);
    let x = rows(&mut &p[..], &lens);
    let (_, g2, h) = hessian_flat(through_calls_hessian(&x));
    assert_eq!(g2, g);
    check_jacobian(|q| (case.grad)(q).1, &p, &h, FD).unwrap();
    let v = direction(p.len(), 5);
    let (_, _, hv) = through_calls_hvp(&x, &rows(&mut &v[..], &lens));
    assert_all_close(&flatten(&hv), &mat_vec(&h, &v), EXACT, "H v through calls");
}

/// argmin's `rosenbrock_hessian`: the generic wrapper that calls the generic Hessian with
/// its default constants, the rows it returns passed on as its own output.
#[differentiate]
fn rosenbrock_default_hessian<T>(param: &[T]) -> Vec<Vec<T>>
where
    T: Float + FromPrimitive,
{
    rosenbrock_hessian(param, T::from_f64(1.0).unwrap(), T::from_f64(100.0).unwrap())
}

#[test]
fn a_generic_callee_returning_rows() {
    let x = [0.5, -1.25, 2.0];
    let (h, j) = rosenbrock_default_hessian_jacobian(&x);
    let (h2, (jx, _, _)) = rosenbrock_hessian_jacobian(&x, 1.0, 100.0);
    assert_eq!((h, j), (h2, jx));
    let t = [0.25, 1.0, -0.5];
    let (_, dh) = rosenbrock_default_hessian_jvp(&x, &t);
    assert_eq!(dh[0][0], 2400.0 * x[0] * t[0] - 400.0 * t[1]);
    let dout = vec![vec![1.0, 0.0, 0.0], vec![1.0, 0.0, 0.0], vec![0.0; 3]];
    let (_, g) = rosenbrock_default_hessian_vjp(&x, &dout);
    // ∂(H_00 + H_10)/∂x = (2400 x_0 - 400, -400, 0).
    assert_eq!(g, vec![2400.0 * x[0] - 400.0, -400.0, 0.0]);
    let (h32, _) = rosenbrock_default_hessian_jacobian(&x.map(|v| v as f32));
    assert_eq!(h32[1][1], 1200.0 * 1.25 * 1.25 - 400.0 * 2.0 + 2.0 + 200.0);
}
