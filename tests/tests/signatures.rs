//! Every parameter kind of the contract, with the gradient and tangent types it
//! promises (asserted by binding with explicit annotations), indexing of each kind,
//! `wrt` narrowing and ordering, constant parameters, methods on `&self`, `f32`
//! functions and const generics (generic floats are in `generics.rs`).
// `&Vec<f64>` parameters are one of the contract's parameter kinds.
#![allow(clippy::let_and_return, clippy::ptr_arg)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, assert_close, assert_fd, Case, EXACT, FD};
use num_dual::DualNum;

// ---- arrays ---------------------------------------------------------------------------

/// A fixed array by value, indexed by literals and by an integer expression of a constant
/// parameter.
#[differentiate]
fn array_by_value(x: [f64; 3], i: usize) -> f64 {
    x[0] * x[1] + x[2].sin() * x[(i + 1) % 3]
}

/// The same array by reference.
#[differentiate]
fn array_by_ref(x: &[f64; 3], i: usize) -> f64 {
    x[0] * x[1] + x[2].sin() * x[(i + 1) % 3]
}

fn array_dual<D: DualNum<Primitive = f64> + Copy>(x: &[D], i: usize) -> D {
    x[0] * x[1] + x[2].sin() * x[(i + 1) % 3]
}

fn array_formula(x: [f64; 3], i: usize) -> [f64; 3] {
    let j = (i + 1) % 3;
    let mut g = [x[1], x[0], x[2].cos() * x[j]];
    g[j] += x[2].sin();
    g
}

#[test]
fn fixed_arrays_by_value_and_by_reference() {
    let x = [0.5, -1.5, 2.0];
    for i in 0..3 {
        let want = array_formula(x, i);
        let (y, g): (f64, [f64; 3]) = array_by_value_grad(x, i);
        assert_eq!(y, array_by_value(x, i));
        assert_all_close(&g, &want, EXACT, "array by value");
        let (y_ref, g_ref): (f64, [f64; 3]) = array_by_ref_grad(&x, i);
        assert_eq!((y_ref, g_ref), (y, g));

        // Tangents of arrays are arrays by value, for both parameter forms.
        let t = [1.0, 0.5, -2.0];
        let (jy, jd): (f64, f64) = array_by_value_jvp(x, i, t);
        let (jy_ref, jd_ref): (f64, f64) = array_by_ref_jvp(&x, i, t);
        assert_eq!(jy, y);
        assert_eq!((jy_ref, jd_ref), (jy, jd));
        let (vy, vg): (f64, [f64; 3]) = array_by_ref_vjp(&x, i, 2.0);
        assert_eq!(vy, y);
        assert_all_close(&vg, &want.map(|w| 2.0 * w), EXACT, "array vjp");

        let case = Case {
            name: "array_by_value",
            primal: &|p| array_by_value([p[0], p[1], p[2]], i),
            grad: &|p| {
                let (y, g) = array_by_value_grad([p[0], p[1], p[2]], i);
                (y, g.to_vec())
            },
            vjp: &|p, d| {
                let (y, g) = array_by_value_vjp([p[0], p[1], p[2]], i, d);
                (y, g.to_vec())
            },
            jvp: &|p, t| array_by_value_jvp([p[0], p[1], p[2]], i, [t[0], t[1], t[2]]),
            dual: &|p| array_dual(p, i),
        };
        case.verify(&x, FD);
        let case = Case {
            name: "array_by_ref",
            primal: &|p| array_by_ref(&[p[0], p[1], p[2]], i),
            grad: &|p| {
                let (y, g) = array_by_ref_grad(&[p[0], p[1], p[2]], i);
                (y, g.to_vec())
            },
            vjp: &|p, d| {
                let (y, g) = array_by_ref_vjp(&[p[0], p[1], p[2]], i, d);
                (y, g.to_vec())
            },
            jvp: &|p, t| array_by_ref_jvp(&[p[0], p[1], p[2]], i, [t[0], t[1], t[2]]),
            dual: &|p| array_dual(p, i),
        };
        case.verify(&x, FD);
    }
}

/// A nested array, by value and by reference, indexed `m[i][j]` by literals and by
/// integer expressions.
#[differentiate]
fn nested_by_value(m: [[f64; 2]; 3], k: usize) -> f64 {
    m[0][0] * m[1][1] - m[2][0] / m[k][(k + 1) % 2] + m[2][1].exp()
}

#[differentiate]
fn nested_by_ref(m: &[[f64; 2]; 3], k: usize) -> f64 {
    m[0][0] * m[1][1] - m[2][0] / m[k][(k + 1) % 2] + m[2][1].exp()
}

fn nested_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D], k: usize) -> D {
    let m = |i: usize, j: usize| p[2 * i + j];
    m(0, 0) * m(1, 1) - m(2, 0) / m(k, (k + 1) % 2) + m(2, 1).exp()
}

fn unflatten_3x2(p: &[f64]) -> [[f64; 2]; 3] {
    [[p[0], p[1]], [p[2], p[3]], [p[4], p[5]]]
}

fn flatten_3x2(m: [[f64; 2]; 3]) -> Vec<f64> {
    m.iter().flatten().copied().collect()
}

#[test]
fn nested_arrays_by_value_and_by_reference() {
    let m = [[0.5, -1.5], [2.0, 0.75], [-0.25, 0.3]];
    for k in 0..2 {
        let (y, g): (f64, [[f64; 2]; 3]) = nested_by_value_grad(m, k);
        assert_eq!(y, nested_by_value(m, k));
        let (y_ref, g_ref): (f64, [[f64; 2]; 3]) = nested_by_ref_grad(&m, k);
        assert_eq!((y_ref, g_ref), (y, g));
        let t = [[1.0, 0.0], [0.5, -1.0], [2.0, 0.25]];
        let (_, jd): (f64, f64) = nested_by_value_jvp(m, k, t);
        let (_, jd_ref): (f64, f64) = nested_by_ref_jvp(&m, k, t);
        assert_eq!(jd, jd_ref);

        // By hand: d = m[k][(k+1)%2] is (0,1) for k = 0 and (1,0) for k = 1.
        let (di, dj) = (k, (k + 1) % 2);
        let d = m[di][dj];
        let mut want = [[m[1][1], 0.0], [0.0, m[0][0]], [-1.0 / d, m[2][1].exp()]];
        want[di][dj] += m[2][0] / (d * d);
        assert_all_close(&flatten_3x2(g), &flatten_3x2(want), EXACT, "nested");

        for by_ref in [false, true] {
            let case = Case {
                name: if by_ref { "nested_by_ref" } else { "nested_by_value" },
                primal: &|p| {
                    if by_ref {
                        nested_by_ref(&unflatten_3x2(p), k)
                    } else {
                        nested_by_value(unflatten_3x2(p), k)
                    }
                },
                grad: &|p| {
                    let m = unflatten_3x2(p);
                    let (y, g) =
                        if by_ref { nested_by_ref_grad(&m, k) } else { nested_by_value_grad(m, k) };
                    (y, flatten_3x2(g))
                },
                vjp: &|p, dout| {
                    let m = unflatten_3x2(p);
                    let (y, g) = if by_ref {
                        nested_by_ref_vjp(&m, k, dout)
                    } else {
                        nested_by_value_vjp(m, k, dout)
                    };
                    (y, flatten_3x2(g))
                },
                jvp: &|p, t| {
                    let (m, t) = (unflatten_3x2(p), unflatten_3x2(t));
                    if by_ref {
                        nested_by_ref_jvp(&m, k, t)
                    } else {
                        nested_by_value_jvp(m, k, t)
                    }
                },
                dual: &|p| nested_dual(p, k),
            };
            case.verify(&flatten_3x2(m), FD);
        }
    }
}

/// A three-level array: the gradient keeps all three levels.
#[differentiate]
fn cube(c: [[[f64; 2]; 2]; 2]) -> f64 {
    c[0][0][0] * c[1][1][1] + c[0][1][0] * c[1][0][1]
}

#[test]
fn three_level_arrays() {
    let c = [[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]];
    let (y, g): (f64, [[[f64; 2]; 2]; 2]) = cube_grad(c);
    assert_eq!(y, cube(c));
    assert_eq!(y, 1.0 * 8.0 + 3.0 * 6.0);
    let mut want = [[[0.0; 2]; 2]; 2];
    want[0][0][0] = 8.0;
    want[1][1][1] = 1.0;
    want[0][1][0] = 6.0;
    want[1][0][1] = 3.0;
    assert_eq!(g, want);
    assert_eq!(cube_vjp(c, 1.0), (y, g));
    let (_, jd): (f64, f64) = cube_jvp(c, want);
    assert_eq!(jd, 8.0 * 8.0 + 1.0 + 6.0 * 6.0 + 3.0 * 3.0);
}

/// A const-generic array length, read as `N` in an index and as a float.
#[differentiate]
fn const_generic<const N: usize>(x: [f64; N]) -> f64 {
    x[0] * x[N - 1] + (N as f64) * x[N / 2]
}

#[test]
fn const_generic_arrays() {
    let x = [1.5, -2.0, 0.5, 3.0, 0.25];
    let (y, g): (f64, [f64; 5]) = const_generic_grad(x);
    assert_eq!(y, const_generic(x));
    assert_eq!(g, [0.25, 0.0, 5.0, 0.0, 1.5]);
    let (_, jd): (f64, f64) = const_generic_jvp(x, [1.0; 5]);
    assert_eq!(jd, 0.25 + 5.0 + 1.5);
    assert_eq!(const_generic_vjp(x, 1.0), (y, g));
    let (y2, g2): (f64, [f64; 2]) = const_generic_grad([2.0, 3.0]);
    assert_eq!(y2, 2.0 * 3.0 + 2.0 * 3.0);
    assert_eq!(g2, [3.0, 2.0 + 2.0]);
    assert_fd(|v| const_generic([v[0], v[1]]), &[2.0, 3.0], &g2, FD, "N = 2");
}

// ---- slices and vectors ---------------------------------------------------------------

/// Each sequence kind, indexed by literals, by `i + 1`, and from the end with `len()`.
#[differentiate]
fn slice(v: &[f64], i: usize) -> f64 {
    v[0] * v[i + 1] + v[v.len() - 1].powi(2)
}

#[differentiate]
fn vec_by_value(v: Vec<f64>, i: usize) -> f64 {
    v[0] * v[i + 1] + v[v.len() - 1].powi(2)
}

#[differentiate]
fn vec_by_ref(v: &Vec<f64>, i: usize) -> f64 {
    v[0] * v[i + 1] + v[v.len() - 1].powi(2)
}

fn seq_dual<D: DualNum<Primitive = f64> + Copy>(v: &[D], i: usize) -> D {
    v[0] * v[i + 1] + v[v.len() - 1].powi(2)
}

fn seq_formula(v: &[f64], i: usize) -> Vec<f64> {
    let n = v.len();
    let mut g = vec![0.0; n];
    g[0] += v[i + 1];
    g[i + 1] += v[0];
    g[n - 1] += 2.0 * v[n - 1];
    g
}

#[test]
fn slices_and_vectors() {
    let v = vec![0.5, -1.5, 2.0, 0.75];
    for i in 0..3 {
        let want = seq_formula(&v, i);
        let (y, g): (f64, Vec<f64>) = slice_grad(&v, i);
        assert_eq!(y, slice(&v, i));
        assert_all_close(&g, &want, EXACT, "slice");
        let (y_vec, g_vec): (f64, Vec<f64>) = vec_by_value_grad(v.clone(), i);
        assert_eq!((y_vec, &g_vec), (y, &g));
        let (y_ref, g_ref): (f64, Vec<f64>) = vec_by_ref_grad(&v, i);
        assert_eq!((y_ref, &g_ref), (y, &g));

        // Tangents of slices and vectors are slices.
        let t: &[f64] = &[1.0, 0.0, -0.5, 2.0];
        let (_, jd): (f64, f64) = slice_jvp(&v, i, t);
        let (_, jd_vec): (f64, f64) = vec_by_value_jvp(v.clone(), i, t);
        let (_, jd_ref): (f64, f64) = vec_by_ref_jvp(&v, i, t);
        assert_eq!((jd_vec, jd_ref), (jd, jd));
        let (_, vg): (f64, Vec<f64>) = vec_by_ref_vjp(&v, i, -1.0);
        assert_all_close(&vg, &want.iter().map(|w| -w).collect::<Vec<_>>(), EXACT, "vjp");

        let cases = [
            Case {
                name: "slice",
                primal: &|p| slice(p, i),
                grad: &|p| slice_grad(p, i),
                vjp: &|p, d| slice_vjp(p, i, d),
                jvp: &|p, t| slice_jvp(p, i, t),
                dual: &|p| seq_dual(p, i),
            },
            Case {
                name: "vec_by_value",
                primal: &|p| vec_by_value(p.to_vec(), i),
                grad: &|p| vec_by_value_grad(p.to_vec(), i),
                vjp: &|p, d| vec_by_value_vjp(p.to_vec(), i, d),
                jvp: &|p, t| vec_by_value_jvp(p.to_vec(), i, t),
                dual: &|p| seq_dual(p, i),
            },
            Case {
                name: "vec_by_ref",
                primal: &|p| vec_by_ref(&p.to_vec(), i),
                grad: &|p| vec_by_ref_grad(&p.to_vec(), i),
                vjp: &|p, d| vec_by_ref_vjp(&p.to_vec(), i, d),
                jvp: &|p, t| vec_by_ref_jvp(&p.to_vec(), i, t),
                dual: &|p| seq_dual(p, i),
            },
        ];
        for case in cases {
            case.verify(&v, FD);
        }
    }
}

/// A tangent must have its slice's length: a longer one is refused as a shorter one is,
/// rather than read in part. Only the first element is read here, so without the check
/// neither would fail.
#[test]
fn tangents_of_the_wrong_length_panic() {
    #[differentiate(order = 2)]
    fn first(v: &[f64]) -> f64 {
        v[0] * v[0]
    }
    let v = [1.0, 2.0, 3.0];
    assert_eq!(first_jvp(&v, &[1.0, 0.0, 0.0]), (first(&v), 2.0));
    for t in [&[1.0, 0.0][..], &[1.0, 0.0, 0.0, 0.0]] {
        let jvp = std::panic::catch_unwind(|| first_jvp(&v, t));
        let hvp = std::panic::catch_unwind(|| first_hvp(&v, t));
        for result in [jvp.map(|_| ()), hvp.map(|_| ())] {
            let message = result.expect_err("a tangent of the wrong length");
            let message = message.downcast_ref::<String>().expect("a formatted message");
            let want = format!("the tangent of `v` has {} elements, `v` has 3", t.len());
            assert_eq!(message, &want);
        }
    }
}

/// A slice of arrays, indexed `rows[i][j]`.
#[differentiate]
fn rows(r: &[[f64; 3]], i: usize) -> f64 {
    r[i][0] * r[i][2] + r[i + 1][1].cosh() - r[0][1]
}

fn rows_dual<D: DualNum<Primitive = f64> + Copy>(p: &[D], i: usize) -> D {
    let r = |a: usize, b: usize| p[3 * a + b];
    r(i, 0) * r(i, 2) + r(i + 1, 1).cosh() - r(0, 1)
}

fn to_rows(p: &[f64]) -> Vec<[f64; 3]> {
    p.chunks(3).map(|c| [c[0], c[1], c[2]]).collect()
}

#[test]
fn slices_of_arrays() {
    let r = vec![[0.5, -1.5, 2.0], [0.75, 0.1, -0.3], [1.0, 2.0, 3.0]];
    for i in 0..2 {
        let (y, g): (f64, Vec<[f64; 3]>) = rows_grad(&r, i);
        assert_eq!(y, rows(&r, i));
        assert_eq!(g.len(), 3);
        let mut want = vec![[0.0; 3]; 3];
        want[i][0] += r[i][2];
        want[i][2] += r[i][0];
        want[i + 1][1] += r[i + 1][1].sinh();
        want[0][1] -= 1.0;
        let flat = |m: &[[f64; 3]]| m.iter().flatten().copied().collect::<Vec<f64>>();
        assert_all_close(&flat(&g), &flat(&want), EXACT, "rows");
        let t = vec![[1.0, 0.0, 0.5], [0.0, -1.0, 0.0], [2.0, 2.0, 2.0]];
        let (_, jd): (f64, f64) = rows_jvp(&r, i, &t);
        assert_close(jd, common::dot(&flat(&g), &flat(&t)), EXACT, "rows jvp");

        let case = Case {
            name: "rows",
            primal: &|p| rows(&to_rows(p), i),
            grad: &|p| {
                let (y, g) = rows_grad(&to_rows(p), i);
                (y, flat(&g))
            },
            vjp: &|p, d| {
                let (y, g) = rows_vjp(&to_rows(p), i, d);
                (y, flat(&g))
            },
            jvp: &|p, t| rows_jvp(&to_rows(p), i, &to_rows(t)),
            dual: &|p| rows_dual(p, i),
        };
        case.verify(&flat(&r), FD);
    }
}

// ---- scalars by reference -----------------------------------------------------------

/// A float by reference, read with and without `*`.
#[differentiate]
fn by_ref_scalar(x: &f64, y: f64) -> f64 {
    let a = *x * y;
    a + x.sin() + f64::exp(*x)
}

fn by_ref_scalar_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    x * y + x.sin() + x.exp()
}

#[test]
fn float_by_reference() {
    let case = Case {
        name: "by_ref_scalar",
        primal: &|p| by_ref_scalar(&p[0], p[1]),
        grad: &|p| {
            let (y, (dx, dy)): (f64, (f64, f64)) = by_ref_scalar_grad(&p[0], p[1]);
            (y, vec![dx, dy])
        },
        vjp: &|p, d| {
            let (y, (dx, dy)) = by_ref_scalar_vjp(&p[0], p[1], d);
            (y, vec![dx, dy])
        },
        // The tangent of `&f64` is a plain `f64`.
        jvp: &|p, t| by_ref_scalar_jvp(&p[0], p[1], t[0], t[1]),
        dual: &|p| by_ref_scalar_dual(p[0], p[1]),
    };
    for [x, y] in [[0.5, 2.0], [-1.25, 0.3]] {
        let g = case.verify(&[x, y], FD);
        assert_all_close(&g, &[y + x.cos() + x.exp(), x], EXACT, "&f64");
    }
}

// ---- wrt ------------------------------------------------------------------------------

#[differentiate(wrt(b, a))]
fn wrt_reordered(a: f64, b: f64, c: f64) -> f64 {
    a * a * b + c * b
}

#[differentiate(wrt(v))]
fn wrt_single(x: f64, v: &[f64]) -> f64 {
    x * v[0] * v[1]
}

#[differentiate(wrt(m, s))]
fn wrt_mixed(s: f64, v: &[f64], m: [f64; 2]) -> f64 {
    s * m[0] + v[0] * m[1] * m[1]
}

#[test]
fn wrt_narrows_and_orders() {
    let (a, b, c) = (1.5, -2.0, 3.0);
    // wrt(b, a): the tuple is (db, da), c is a constant.
    let (y, (db, da)): (f64, (f64, f64)) = wrt_reordered_grad(a, b, c);
    assert_eq!(y, wrt_reordered(a, b, c));
    assert_close(db, a * a + c, EXACT, "db");
    assert_close(da, 2.0 * a * b, EXACT, "da");
    assert_eq!(wrt_reordered_vjp(a, b, c, 1.0), (y, (db, da)));
    // Tangents come in wrt order too: (t_b, t_a).
    let (_, jd): (f64, f64) = wrt_reordered_jvp(a, b, c, 1.0, 0.0);
    assert_close(jd, db, EXACT, "jvp along b");
    let (_, jd): (f64, f64) = wrt_reordered_jvp(a, b, c, 0.0, 1.0);
    assert_close(jd, da, EXACT, "jvp along a");
    assert_fd(|p| wrt_reordered(p[1], p[0], c), &[b, a], &[db, da], FD, "wrt(b, a)");

    // One wrt parameter: its gradient bare, and the scalar x passes through.
    let v = [2.0, 0.5];
    let (y, g): (f64, Vec<f64>) = wrt_single_grad(3.0, &v);
    assert_eq!(y, wrt_single(3.0, &v));
    assert_eq!(g, vec![1.5, 6.0]);
    let (_, jd): (f64, f64) = wrt_single_jvp(3.0, &v, &[1.0, 1.0]);
    assert_eq!(jd, 7.5);
    let (_, vg): (f64, Vec<f64>) = wrt_single_vjp(3.0, &v, 2.0);
    assert_eq!(vg, vec![3.0, 12.0]);
    assert_eq!(wrt_single_vjp(3.0, &v, 1.0), (y, g));

    // An array and a scalar, the slice left out.
    let (y, (gm, gs)): (f64, ([f64; 2], f64)) = wrt_mixed_grad(2.0, &v, [1.0, 4.0]);
    assert_eq!(y, wrt_mixed(2.0, &v, [1.0, 4.0]));
    assert_eq!((gm, gs), ([2.0, 16.0], 1.0));
    let (_, jd): (f64, f64) = wrt_mixed_jvp(2.0, &v, [1.0, 4.0], [1.0, 1.0], 1.0);
    assert_eq!(jd, 2.0 + 16.0 + 1.0);
    assert_eq!(wrt_mixed_vjp(2.0, &v, [1.0, 4.0], 1.0), (y, (gm, gs)));
}

// ---- constant parameters ----------------------------------------------------------------

/// A struct passed as a constant, by value and by reference.
#[derive(Debug, Clone, Copy)]
struct Params {
    scale: f64,
    offset: f64,
    k: usize,
    on: bool,
}

#[differentiate]
fn with_struct(x: f64, p: Params, q: &Params, v: &[f64]) -> f64 {
    let base = p.scale * x * v[p.k] + p.offset;
    if q.on {
        base * q.scale
    } else {
        base + v[q.k]
    }
}

#[test]
fn constant_parameters_pass_through() {
    let v = [1.0, 2.0, 3.0];
    let p = Params { scale: 1.5, offset: -4.0, k: 2, on: true };
    for on in [true, false] {
        let q = Params { k: 0, on, ..p };
        // Only x and v are active: a two-entry gradient.
        let (y, (dx, dv)): (f64, (f64, Vec<f64>)) = with_struct_grad(2.0, p, &q, &v);
        assert_eq!(y, with_struct(2.0, p, &q, &v));
        let s = if on { 1.5 } else { 1.0 };
        assert_eq!(dx, 1.5 * 3.0 * s);
        let want = if on { vec![0.0, 0.0, 1.5 * 2.0 * 1.5] } else { vec![1.0, 0.0, 1.5 * 2.0] };
        assert_eq!(dv, want);
        let (_, jd): (f64, f64) = with_struct_jvp(2.0, p, &q, &v, 1.0, &[1.0, 1.0, 1.0]);
        assert_eq!(jd, dx + want.iter().sum::<f64>());
        assert_eq!(with_struct_vjp(2.0, p, &q, &v, 1.0), (y, (dx, dv)));
    }
}

/// Integer and boolean parameters in arithmetic of their own, and an integer cast to a
/// float that multiplies an active value.
#[differentiate]
fn integers(x: f64, n: usize, m: i32, neg: bool) -> f64 {
    let k = n * 2 + 1;
    let sign = if neg { -1.0 } else { 1.0 };
    sign * x.powi(m + 1) * (k as f64)
}

#[test]
fn integer_and_bool_parameters() {
    for (n, m, neg) in [(0, 1, false), (3, 2, true), (1, -3, false)] {
        let x = 1.25;
        let (y, d): (f64, f64) = integers_grad(x, n, m, neg);
        assert_eq!(y, integers(x, n, m, neg));
        let sign = if neg { -1.0 } else { 1.0 };
        let k = (2 * n + 1) as f64;
        let want = sign * k * f64::from(m + 1) * x.powi(m);
        assert_close(d, want, EXACT, "integers");
        assert_eq!(integers_jvp(x, n, m, neg, 1.0), (y, d));
        assert_eq!(integers_vjp(x, n, m, neg, 1.0), (y, d));
        assert_fd(|p| integers(p[0], n, m, neg), &[x], &[d], FD, "integers");
    }
}

/// A method on `&self`: the siblings are methods too, `self` is a constant.
#[derive(Debug)]
struct Model {
    w: [f64; 2],
    bias: f64,
}

impl Model {
    #[differentiate]
    fn loss(&self, x: f64, y: f64) -> f64 {
        let pred = self.w[0] * x + self.w[1] * x * x + self.bias;
        let r = pred - y;
        r * r
    }
}

#[test]
fn methods_on_self() {
    let m = Model { w: [0.5, -0.25], bias: 1.0 };
    for (x, y) in [(2.0, 0.5), (-1.0, 3.0)] {
        let (l, (dx, dy)): (f64, (f64, f64)) = m.loss_grad(x, y);
        assert_eq!(l, m.loss(x, y));
        let r = 0.5 * x - 0.25 * x * x + 1.0 - y;
        assert_close(dx, 2.0 * r * (0.5 - 0.5 * x), EXACT, "dloss/dx");
        assert_close(dy, -2.0 * r, EXACT, "dloss/dy");
        assert_eq!(m.loss_vjp(x, y, 1.0), (l, (dx, dy)));
        let (_, jd): (f64, f64) = m.loss_jvp(x, y, 1.0, 1.0);
        assert_close(jd, dx + dy, EXACT, "loss jvp");
        assert_fd(|p| m.loss(p[0], p[1]), &[x, y], &[dx, dy], FD, "loss");
    }
}

// ---- f32 ------------------------------------------------------------------------------

/// An f32 function of every parameter kind.
#[differentiate]
fn single(x: f32, a: [f32; 2], v: &[f32]) -> f32 {
    x.sin() * a[0] + a[1].exp() * v[1] - v[0] / x
}

/// f32 results are compared with the exact derivative computed in f64 at the same
/// (f32) point. Each f32 operation rounds with relative error ε32/2 ≈ 6e-8; a dozen of
/// them, on well-conditioned values of order one, stay within 1e-6 relative, so 1e-5
/// (about 80 ε32) leaves margin while any wrong term would be off by order one.
/// Central differences are not usable in f32 (their error, about ε32^(2/3) ≈ 2.4e-5
/// relative at the best step, is of the size of the tolerance).
const F32_TOL: f64 = 1e-5;

#[test]
fn f32_functions() {
    let (x, a, v) = (0.7_f32, [1.5_f32, -0.5], vec![0.25_f32, 2.0]);
    let (y, (dx, da, dv)): (f32, (f32, [f32; 2], Vec<f32>)) = single_grad(x, a, &v);
    assert_eq!(y, single(x, a, &v));
    let (x64, a64, v64) =
        (f64::from(x), a.map(f64::from), v.iter().map(|&e| f64::from(e)).collect::<Vec<_>>());
    let want = [
        x64.cos() * a64[0] + v64[0] / (x64 * x64),
        x64.sin(),
        a64[1].exp() * v64[1],
        -1.0 / x64,
        a64[1].exp(),
    ];
    let got = [dx, da[0], da[1], dv[0], dv[1]].map(f64::from);
    assert_all_close(&got, &want, F32_TOL, "f32 gradient");
    assert_eq!(single_vjp(x, a, &v, 1.0), (y, (dx, da, dv.clone())));
    let (jy, jd): (f32, f32) = single_jvp(x, a, &v, 1.0, [1.0, 1.0], &[1.0, 1.0]);
    assert_eq!(jy, y);
    assert_close(f64::from(jd), want.iter().sum(), F32_TOL, "f32 jvp");
}

/// An f32 parameter widened to f64 inside: the gradient entry keeps the parameter's
/// type, f32.
#[differentiate]
fn widened(x: f32, y: f64) -> f64 {
    let w = x as f64;
    (w * y).exp()
}

#[test]
fn f32_parameter_of_an_f64_function() {
    let (x, y) = (0.75_f32, -1.25);
    let (v, (dx, dy)): (f64, (f32, f64)) = widened_grad(x, y);
    assert_eq!(v, widened(x, y));
    let w = f64::from(x);
    // dx is the f64 derivative rounded to f32 once.
    assert_eq!(dx, (y * (w * y).exp()) as f32);
    assert_close(dy, w * (w * y).exp(), EXACT, "dy");
    let (_, jd): (f64, f64) = widened_jvp(x, y, 1.0, 0.0);
    assert_close(jd, y * (w * y).exp(), EXACT, "jvp along x");
    let (_, jd): (f64, f64) = widened_jvp(x, y, 0.0, 1.0);
    assert_close(jd, dy, EXACT, "jvp along y");
    assert_eq!(widened_vjp(x, y, 1.0), (v, (dx, dy)));
}

// ---- parameters the output does not read --------------------------------------------------

/// An ODE right-hand side that does not read its time: `t` is active (a float) with a zero
/// derivative, in the lanes Jacobian (forward and reverse sweeps) as in every sibling.
#[differentiate(order = 2)]
#[allow(unused_variables)]
fn oscillator(t: f64, y: [f64; 2]) -> [f64; 2] {
    [y[1], -4.0 * y[0]]
}

/// The same with a scalar output, for the Hessian's lanes.
#[differentiate(order = 2)]
#[allow(unused_variables)]
fn oscillator_energy(t: f64, y: [f64; 2]) -> f64 {
    y[1] * y[1] + 4.0 * y[0] * y[0]
}

/// `_` parameters, a float one (active, derivative zero) and a constant one: the siblings
/// that forward their parameters name them.
#[differentiate(order = 2)]
fn cubed_ignoring(_: f64, x: f64, _: usize) -> f64 {
    x * x * x
}

#[differentiate(jacobian = reverse)]
fn ignoring_rows(_: f64, x: [f64; 2]) -> [f64; 2] {
    [x[0] * x[1], x[0]]
}

#[test]
fn a_float_parameter_the_output_does_not_read_has_a_zero_derivative() {
    let (t, y) = (0.7, [0.5, -1.5]);
    let (v, (dt, dy)) = oscillator_jacobian(t, y);
    assert_eq!(v, oscillator(t, y));
    assert_eq!(dt, [0.0, 0.0]);
    assert_eq!(dy, [[0.0, 1.0], [-4.0, 0.0]]);
    assert_eq!(oscillator_jvp(t, y, 1.0, [0.0, 0.0]).1, [0.0, 0.0]);
    assert_eq!(oscillator_vjp(t, y, [1.0, 1.0]).1, (0.0, [-4.0, 1.0]));
    let (e, (et, ey), h) = oscillator_energy_hessian(t, y);
    assert_eq!((e, et, ey), (oscillator_energy(t, y), 0.0, [8.0 * y[0], 2.0 * y[1]]));
    assert_eq!(h, [[0.0, 0.0, 0.0], [0.0, 8.0, 0.0], [0.0, 0.0, 2.0]]);
    assert_fd(
        |p| oscillator_energy(p[0], [p[1], p[2]]),
        &[t, y[0], y[1]],
        &[et, ey[0], ey[1]],
        FD,
        "fd",
    );
}

#[test]
fn wildcard_parameters_in_every_sibling() {
    let x = 1.5;
    let (v, (d_, dx)) = cubed_ignoring_grad(9.0, x, 3);
    assert_eq!((v, d_, dx), (cubed_ignoring(9.0, x, 3), 0.0, 3.0 * x * x));
    assert_eq!(cubed_ignoring_vjp(9.0, x, 3, 2.0).1, (0.0, 6.0 * x * x));
    let (_, _, h) = cubed_ignoring_hessian(9.0, x, 3);
    assert_eq!(h, [[0.0, 0.0], [0.0, 6.0 * x]]);
    let (_, _, hv) = cubed_ignoring_hvp(9.0, x, 3, 0.0, 1.0);
    assert_eq!(hv, (0.0, 6.0 * x));
    let (y, (d_, dx)) = ignoring_rows_jacobian(9.0, [2.0, 3.0]);
    assert_eq!(y, [6.0, 2.0]);
    assert_eq!((d_, dx), ([0.0, 0.0], [[3.0, 2.0], [1.0, 0.0]]));
}

/// Many scalar parameters: gradients, Jacobians and Hessians have one block per
/// parameter, a tuple of up to twelve (as far as std's tuple traits go).
#[differentiate(order = 2)]
#[allow(clippy::too_many_arguments)]
fn twelve(
    a: f64,
    b: f64,
    c: f64,
    d: f64,
    e: f64,
    f: f64,
    g: f64,
    h: f64,
    i: f64,
    j: f64,
    k: f64,
    l: f64,
) -> f64 {
    a * b + c * d + e * f * g + h * i + j * k * l + (a * l).sin()
}

#[differentiate]
#[allow(clippy::too_many_arguments)]
fn seven_out(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64, g: f64) -> [f64; 2] {
    [a * b + c * d, e * f * g]
}

#[test]
fn twelve_scalar_parameters_in_every_route() {
    let p = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 0.5];
    let [a, b, c, d, e, f, g, h, i, j, k, l] = p;
    let (v, gr) = twelve_grad(a, b, c, d, e, f, g, h, i, j, k, l);
    assert_eq!(v, twelve(a, b, c, d, e, f, g, h, i, j, k, l));
    assert_eq!((gr.1, gr.6, gr.10), (a, e * f, j * l));
    assert!((gr.0 - (b + l * (a * l).cos())).abs() < 1e-15);
    let (_, _, hs) = twelve_hessian(a, b, c, d, e, f, g, h, i, j, k, l);
    assert_eq!((hs[0][1], hs[4][5], hs[9][10], hs[2][7]), (1.0, g, l, 0.0));
    let want = (a * l).cos() - a * l * (a * l).sin();
    assert!((hs[0][11] - want).abs() < 1e-14, "d2/da dl");
    let (y, jac) = seven_out_jacobian(a, b, c, d, e, f, g);
    assert_eq!(y, seven_out(a, b, c, d, e, f, g));
    assert_eq!((jac.0, jac.3, jac.6), ([b, 0.0], [c, 0.0], [0.0, e * f]));
}
