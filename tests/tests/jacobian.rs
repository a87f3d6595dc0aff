//! Vector and tensor outputs: `f_jacobian`, `f_jvp` and `f_vjp` against finite
//! differences and against each other (J t and w^T J).
#![allow(clippy::needless_range_loop, clippy::type_complexity)] // the Jacobian shapes are spelled out on purpose

use autodiff_core::{check, differentiate};

/// Central differences of smooth functions of moderate curvature at these points.
const TOL: f64 = 1e-6;

/// The seed's layer with three outputs: y_k = (a_k w + b_k)^2 over two inputs (w, b0).
#[differentiate]
fn seed_layer(p: [f64; 2]) -> [f64; 3] {
    let a = [1.0, -2.0, 0.5];
    let y0 = (a[0] * p[0] + p[1]).powi(2);
    let y1 = (a[1] * p[0] + p[1]).powi(2);
    let y2 = (a[2] * p[0] + p[1]).powi(2);
    [y0, y1, y2]
}

#[test]
fn seed_jacobian_two_inputs_three_outputs() {
    let p = [0.7, -0.3];
    let (y, j): ([f64; 3], [[f64; 2]; 3]) = seed_layer_jacobian(p);
    assert_eq!(y, seed_layer(p));
    let a = [1.0, -2.0, 0.5];
    for k in 0..3 {
        let inner = a[k] * p[0] + p[1];
        assert!((j[k][0] - 2.0 * a[k] * inner).abs() < 1e-14);
        assert!((j[k][1] - 2.0 * inner).abs() < 1e-14);
    }
    let fd = check::jacobian(|q| seed_layer([q[0], q[1]]).to_vec(), &p, check::DEFAULT_STEP);
    let claimed: Vec<Vec<f64>> = j.iter().map(|r| r.to_vec()).collect();
    check::check_jacobian(|q| seed_layer([q[0], q[1]]).to_vec(), &p, &claimed, TOL).unwrap();
    assert_eq!(fd.len(), 3);
}

/// A generalized Jacobian: 2x2 in, 2x3 out, through loops.
#[differentiate]
fn tensor_map(x: [[f64; 2]; 2]) -> [[f64; 3]; 2] {
    let mut y = [[0.0; 3]; 2];
    for i in 0..2 {
        for k in 0..3 {
            let mut s = 0.0;
            for j in 0..2 {
                s += x[i][j] * (k as f64 + 1.0) + x[j][i] * x[i][j];
            }
            y[i][k] = s.sin();
        }
    }
    y
}

#[test]
fn generalized_jacobian_has_the_output_shape_outside() {
    let x = [[0.3, -0.5], [0.8, 0.1]];
    let (y, j): ([[f64; 3]; 2], [[[[f64; 2]; 2]; 3]; 2]) = tensor_map_jacobian(x);
    assert_eq!(y, tensor_map(x));
    let flat = |q: &[f64]| -> Vec<f64> {
        tensor_map([[q[0], q[1]], [q[2], q[3]]]).iter().flatten().copied().collect()
    };
    let claimed: Vec<Vec<f64>> = j
        .iter()
        .flat_map(|row| row.iter().map(|block| block.iter().flatten().copied().collect()))
        .collect();
    check::check_jacobian(flat, &[0.3, -0.5, 0.8, 0.1], &claimed, TOL).unwrap();
    // J t and w^T J agree with the forward and reverse siblings.
    let t = [[1.0, 0.5], [-0.25, 2.0]];
    let (_, jt) = tensor_map_jvp(x, t);
    let w = [[0.3, -1.0, 0.5], [2.0, 0.1, -0.7]];
    let (_, wj) = tensor_map_vjp(x, w);
    for i in 0..2 {
        for k in 0..3 {
            let mut d = 0.0;
            for a in 0..2 {
                for b in 0..2 {
                    d += j[i][k][a][b] * t[a][b];
                }
            }
            assert!((d - jt[i][k]).abs() < 1e-12);
        }
    }
    for a in 0..2 {
        for b in 0..2 {
            let mut d = 0.0;
            for i in 0..2 {
                for k in 0..3 {
                    d += w[i][k] * j[i][k][a][b];
                }
            }
            assert!((d - wj[a][b]).abs() < 1e-12);
        }
    }
}

/// `Vec` output from a slice, and a second active parameter.
#[differentiate]
fn scaled_softplus(x: &[f64], s: f64) -> Vec<f64> {
    let mut y = vec![0.0; x.len()];
    for i in 0..x.len() {
        y[i] = s * (1.0 + (x[i] * s).exp()).ln();
    }
    y
}

#[test]
fn vec_output_and_several_parameters() {
    let x = [0.2, -1.0, 0.7];
    let s = 1.3;
    let (y, (jx, js)): (Vec<f64>, (Vec<Vec<f64>>, Vec<f64>)) = scaled_softplus_jacobian(&x, s);
    assert_eq!(y, scaled_softplus(&x, s));
    assert_eq!(jx.len(), 3);
    let mut p = x.to_vec();
    p.push(s);
    let claimed: Vec<Vec<f64>> = (0..3)
        .map(|i| {
            let mut row = jx[i].clone();
            row.push(js[i]);
            row
        })
        .collect();
    check::check_jacobian(|q| scaled_softplus(&q[..3], q[3]), &p, &claimed, TOL).unwrap();
    let (_, d) = scaled_softplus_jvp(&x, s, &[1.0, 0.0, 0.0], 0.0);
    for i in 0..3 {
        assert!((d[i] - jx[i][0]).abs() < 1e-12);
    }
    let (_, (gx, gs)) = scaled_softplus_vjp(&x, s, &[0.0, 1.0, 0.0]);
    assert_eq!(gx, jx[1]);
    assert_eq!(gs, js[1]);
}

/// An array literal of computed elements as the output.
#[differentiate]
fn polar(r: f64, theta: f64) -> [f64; 2] {
    [r * theta.cos(), r * theta.sin()]
}

#[test]
fn array_literal_output() {
    let (y, (jr, jt)) = polar_jacobian(2.0, 0.4);
    assert_eq!(y, polar(2.0, 0.4));
    assert!((jr[0] - 0.4_f64.cos()).abs() < 1e-15 && (jr[1] - 0.4_f64.sin()).abs() < 1e-15);
    assert!(
        (jt[0] + 2.0 * 0.4_f64.sin()).abs() < 1e-15 && (jt[1] - 2.0 * 0.4_f64.cos()).abs() < 1e-15
    );
}

#[differentiate(jacobian = forward)]
fn mixed_forward(x: &[f64], s: f64, w: [f64; 2]) -> [f64; 3] {
    [x[0] * s + w[1], x[1].sin() * w[0], (x[0] * x[1] + s).exp()]
}

#[differentiate(jacobian = reverse)]
fn mixed_reverse(x: &[f64], s: f64, w: [f64; 2]) -> [f64; 3] {
    [x[0] * s + w[1], x[1].sin() * w[0], (x[0] * x[1] + s).exp()]
}

#[test]
fn forced_forward_and_reverse_jacobians_agree() {
    let (x, s, w) = ([0.3, -0.8], 0.6, [1.5, -0.4]);
    let (yf, (jxf, jsf, jwf)) = mixed_forward_jacobian(&x, s, w);
    let (yr, (jxr, jsr, jwr)) = mixed_reverse_jacobian(&x, s, w);
    assert_eq!(yf, yr);
    for i in 0..3 {
        for k in 0..2 {
            assert!((jxf[i][k] - jxr[i][k]).abs() < 1e-14);
            assert!((jwf[i][k] - jwr[i][k]).abs() < 1e-14);
        }
        assert!((jsf[i] - jsr[i]).abs() < 1e-14);
    }
    // Row 2: d/dx0 exp(x0 x1 + s) = x1 exp(..).
    let e = (x[0] * x[1] + s).exp();
    assert!((jxr[2][0] - x[1] * e).abs() < 1e-14);
}

/// Parameters named like the locals `f_jacobian` uses.
#[differentiate]
fn named_like_locals(y: &[f64], rows: f64, jac: f64) -> Vec<f64> {
    let mut out = vec![0.0; y.len()];
    for i in 0..y.len() {
        out[i] = y[i] * rows + jac;
    }
    out
}

#[test]
fn jacobian_locals_do_not_capture_parameters() {
    let (v, (jy, jr, jj)) = named_like_locals_jacobian(&[1.0, 2.0], 3.0, 4.0);
    assert_eq!(v, vec![7.0, 10.0]);
    assert_eq!(jy, vec![vec![3.0, 0.0], vec![0.0, 3.0]]);
    assert_eq!(jr, vec![1.0, 2.0]);
    assert_eq!(jj, vec![1.0, 1.0]);
}

/// A tuple output: a scalar and an array. J is a tuple with one entry per part, each the
/// Jacobian of that part alone.
#[differentiate]
fn energy_and_force(q: [f64; 2]) -> (f64, [f64; 2]) {
    let e = q[0] * q[0] + 3.0 * q[0] * q[1];
    (e, [-2.0 * q[0] - 3.0 * q[1], -3.0 * q[0]])
}

#[differentiate]
fn two_parts_two_params(x: &[f64], s: f64) -> (Vec<f64>, f64) {
    let mut y = vec![0.0; x.len()];
    let mut t = 0.0;
    for i in 0..x.len() {
        y[i] = x[i] * s;
        t += x[i].sin() * s;
    }
    (y, t)
}

#[test]
fn tuple_outputs() {
    let q = [0.5, -1.5];
    let ((e, f), (de, df)) = energy_and_force_jacobian(q);
    assert_eq!((e, f), energy_and_force(q));
    assert_eq!(de, [2.0 * q[0] + 3.0 * q[1], 3.0 * q[0]]);
    assert_eq!(df, [[-2.0, -3.0], [-3.0, 0.0]]);
    let (_, (dt_e, dt_f)) = energy_and_force_jvp(q, [1.0, 0.0]);
    assert_eq!(dt_e, de[0]);
    assert_eq!(dt_f, [df[0][0], df[1][0]]);
    let (_, g) = energy_and_force_vjp(q, (2.0, [1.0, -1.0]));
    for k in 0..2 {
        assert!((g[k] - (2.0 * de[k] + df[0][k] - df[1][k])).abs() < 1e-14);
    }

    let x = [0.3, -0.4];
    let s = 1.5;
    let ((y, t), ((jy_x, jy_s), (jt_x, jt_s))) = two_parts_two_params_jacobian(&x, s);
    assert_eq!((y.clone(), t), two_parts_two_params(&x, s));
    assert_eq!(jy_x, vec![vec![s, 0.0], vec![0.0, s]]);
    assert_eq!(jy_s, x.to_vec());
    assert!((jt_x[0] - x[0].cos() * s).abs() < 1e-15 && (jt_x[1] - x[1].cos() * s).abs() < 1e-15);
    assert!((jt_s - (x[0].sin() + x[1].sin())).abs() < 1e-15);
    let (_, (gx, gs)) = two_parts_two_params_vjp(&x, s, (&[1.0, 0.0], 0.5));
    assert!((gx[0] - (jy_x[0][0] + 0.5 * jt_x[0])).abs() < 1e-15);
    assert!((gs - (jy_s[0] + 0.5 * jt_s)).abs() < 1e-15);
}

/// The common numeric style: residuals written into a caller's buffer.
#[differentiate]
fn residuals(p: &[f64], t: &[f64], r: &mut [f64]) {
    for i in 0..t.len() {
        r[i] = p[0] * (p[1] * t[i]).exp() - (1.0 + t[i]);
    }
}

#[differentiate]
fn rotate(a: f64, v: [f64; 2], out: &mut [f64; 2]) {
    out[0] = a.cos() * v[0] - a.sin() * v[1];
    out[1] = a.sin() * v[0] + a.cos() * v[1];
}

#[test]
fn out_parameters_are_the_output() {
    let p = [0.5, 0.3];
    let t = [0.0, 1.0, 2.0];
    let mut r = vec![0.0; 3];
    let (jp, jt) = residuals_jacobian(&p, &t, &mut r);
    let mut expected = vec![0.0; 3];
    residuals(&p, &t, &mut expected);
    assert_eq!(r, expected);
    for i in 0..3 {
        let e = (p[1] * t[i]).exp();
        assert!((jp[i][0] - e).abs() < 1e-15);
        assert!((jp[i][1] - p[0] * t[i] * e).abs() < 1e-15);
        assert!((jt[i][i] - (p[0] * p[1] * e - 1.0)).abs() < 1e-14);
    }
    let mut r2 = vec![0.0; 3];
    let dr = residuals_jvp(&p, &t, &mut r2, &[1.0, 0.0], &[0.0; 3]);
    assert_eq!(r2, expected);
    for i in 0..3 {
        assert!((dr[i] - jp[i][0]).abs() < 1e-15);
    }
    let (gp, _) = residuals_vjp(&p, &t, &mut r2, &[0.0, 1.0, 0.0]);
    assert_eq!(gp, jp[1]);

    let mut out = [0.0; 2];
    let (ja, jv) = rotate_jacobian(0.4, [1.0, 2.0], &mut out);
    let (s, c) = 0.4_f64.sin_cos();
    assert_eq!(out, [c * 1.0 - s * 2.0, s * 1.0 + c * 2.0]);
    assert!((ja[0] - (-s * 1.0 - c * 2.0)).abs() < 1e-15);
    assert_eq!(jv, [[c, -s], [s, c]]);
}

/// The seed's Jacobian through a loop.
#[differentiate]
fn seed_layer_loop(p: [f64; 2]) -> [f64; 3] {
    let a = [1.0, -2.0, 0.5];
    let mut y = [0.0; 3];
    for k in 0..3 {
        y[k] = (a[k] * p[0] + p[1]).powi(2);
    }
    y
}

/// A generalized Jacobian without loops: 2x2 in, 2x3 out.
#[differentiate]
fn tensor_map_flat(x: [[f64; 2]; 2]) -> [[f64; 3]; 2] {
    [
        [x[0][0] * x[1][1], x[0][1].sin(), x[0][0] + x[1][0] * x[1][0]],
        [x[1][1].exp(), x[0][0] * x[0][1] * x[1][0], x[1][1] - x[0][1]],
    ]
}

/// A `Vec` of arrays as the output.
#[differentiate]
fn pairs(x: &[f64]) -> Vec<[f64; 2]> {
    let mut out = vec![[0.0; 2]; x.len()];
    for i in 0..x.len() {
        out[i][0] = x[i] * x[i];
        out[i][1] = x[i] * x[(i + 1) % x.len()];
    }
    out
}

#[test]
fn loop_and_loop_free_forms_agree_with_finite_differences() {
    let p = [0.7, -0.3];
    let (_, j_loop) = seed_layer_loop_jacobian(p);
    let (_, j_flat) = seed_layer_jacobian(p);
    for k in 0..3 {
        for i in 0..2 {
            assert!((j_loop[k][i] - j_flat[k][i]).abs() < 1e-14);
        }
    }
    let x = [[0.3, -0.5], [0.8, 0.1]];
    let (_, j) = tensor_map_flat_jacobian(x);
    let flat = |q: &[f64]| -> Vec<f64> {
        tensor_map_flat([[q[0], q[1]], [q[2], q[3]]]).iter().flatten().copied().collect()
    };
    let claimed: Vec<Vec<f64>> = j
        .iter()
        .flat_map(|row| row.iter().map(|block| block.iter().flatten().copied().collect()))
        .collect();
    check::check_jacobian(flat, &[0.3, -0.5, 0.8, 0.1], &claimed, TOL).unwrap();

    let x = [0.4, -1.2, 2.0];
    let (y, j): (Vec<[f64; 2]>, Vec<[Vec<f64>; 2]>) = pairs_jacobian(&x);
    assert_eq!(y, pairs(&x));
    let claimed: Vec<Vec<f64>> = j.iter().flat_map(|row| row.iter().cloned()).collect();
    check::check_jacobian(|q| pairs(q).iter().flatten().copied().collect(), &x, &claimed, TOL)
        .unwrap();
}
