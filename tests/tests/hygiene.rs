//! Functions whose names collide with what the generator writes: parameters and locals
//! called `dout`, `x_bar`, `x_dot`, `t`, `t_1`, `y_bar`, `zero`, `dx_dy`, shadowed and
//! reused, and constants named like generated locals. Each must compile and give the
//! right derivatives. (Raw identifiers, and constants named like generated locals that
//! the body does not read, do not compile yet: see `regressions/raw_identifier_parameter.rs`
//! and `regressions/constant_named_like_a_generated_local.rs`.)
#![allow(clippy::let_and_return)]

mod common;

use autodiff_core::differentiate;
use common::{assert_all_close, scalar_case, EXACT, FD};
use num_dual::DualNum;

/// Parameters named like the cotangent, an adjoint and a tangent of `x`.
#[differentiate]
fn params_named_like_generated(x: f64, x_bar: f64, x_dot: f64, dout: f64) -> f64 {
    x * x_bar + x_dot.sin() * dout
}

fn params_named_like_generated_dual<D: DualNum<Primitive = f64> + Copy>(
    x: D,
    x_bar: D,
    x_dot: D,
    dout: D,
) -> D {
    x * x_bar + x_dot.sin() * dout
}

#[test]
fn parameters_named_dout_x_bar_x_dot() {
    let case = scalar_case!(params_named_like_generated, params_named_like_generated_grad,
        params_named_like_generated_jvp, params_named_like_generated_vjp,
        params_named_like_generated_dual; (x, x_t), (x_bar, x_bar_t), (x_dot, x_dot_t),
        (dout, dout_t));
    let p = [0.5, -1.5, 2.0, 3.0];
    let g = case.verify(&p, FD);
    let [x, x_bar, x_dot, dout] = p;
    assert_all_close(&g, &[x_bar, x, x_dot.cos() * dout, x_dot.sin()], EXACT, "params");
    // The cotangent is the last argument, whatever the parameters are called.
    let (_, (a, b, c, d)) = params_named_like_generated_vjp(x, x_bar, x_dot, dout, 2.0);
    assert_all_close(&[a, b, c, d], &g.iter().map(|v| 2.0 * v).collect::<Vec<_>>(), EXACT, "vjp");
}

/// Parameters named like the generator's temporaries, their adjoints and tangents.
#[differentiate]
fn params_named_like_temporaries(t: f64, t_1: f64, t_dot: f64, t_1_bar: f64) -> f64 {
    let t_2 = t * t_1;
    t_2.sin() + t_dot * t - t_1_bar * t_1_bar
}

fn params_named_like_temporaries_dual<D: DualNum<Primitive = f64> + Copy>(
    t: D,
    t_1: D,
    t_dot: D,
    t_1_bar: D,
) -> D {
    (t * t_1).sin() + t_dot * t - t_1_bar * t_1_bar
}

#[test]
fn parameters_named_t_t_1_t_dot() {
    let case = scalar_case!(params_named_like_temporaries, params_named_like_temporaries_grad,
        params_named_like_temporaries_jvp, params_named_like_temporaries_vjp,
        params_named_like_temporaries_dual; (t, t_t), (t_1, t_1_t), (t_dot, t_dot_t),
        (t_1_bar, t_1_bar_t));
    let p = [0.5, -1.5, 2.0, 0.25];
    let g = case.verify(&p, FD);
    let [t, t_1, t_dot, t_1_bar] = p;
    let c = (t * t_1).cos();
    assert_all_close(&g, &[c * t_1 + t_dot, c * t, t, -2.0 * t_1_bar], EXACT, "params");
}

/// Locals named like the generator's temporaries and adjoints.
#[differentiate]
fn locals_named_like_generated(x: f64, y: f64) -> f64 {
    let t = x * y;
    let t_1 = t + 1.0;
    let y_bar = t_1 * t;
    let zero = 0.0;
    let dx_dy = y_bar + zero;
    let t_bar = dx_dy.sin();
    let t_dot = t_bar * x;
    let one = 1.0;
    t_dot + one
}

fn locals_named_like_generated_dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
    let t = x * y;
    let dx_dy = (t + 1.0) * t;
    dx_dy.sin() * x + 1.0
}

#[test]
fn locals_named_t_t_1_y_bar_zero_dx_dy() {
    let case = scalar_case!(locals_named_like_generated, locals_named_like_generated_grad,
        locals_named_like_generated_jvp, locals_named_like_generated_vjp,
        locals_named_like_generated_dual; (x, x_t), (y, y_t));
    for [x, y] in [[0.5, 1.5], [-1.0, 0.25]] {
        let g = case.verify(&[x, y], FD);
        // f = sin(t² + t) x with t = x y
        let t = x * y;
        let u = t * t + t;
        let du = 2.0 * t + 1.0;
        assert_all_close(
            &g,
            &[u.sin() + x * u.cos() * du * y, x * u.cos() * du * x],
            EXACT,
            "locals",
        );
    }
}

/// The same names shadowed, reassigned, and reused across blocks and branches.
#[differentiate]
fn shadowed_generated_names(x: f64, dout: f64) -> f64 {
    let t = x * 2.0;
    let t = t * t;
    let mut x_bar = dout + t;
    x_bar *= x;
    let y_bar = {
        let t = x_bar.exp();
        let t_1 = t * 0.5;
        t_1
    };
    let dout = if y_bar > t { y_bar - t } else { t - y_bar };
    dout + x_bar
}

fn shadowed_generated_names_dual<D: DualNum<Primitive = f64> + Copy>(x: D, dout: D) -> D {
    let t = x * x * 4.0;
    let x_bar = (dout + t) * x;
    let y_bar = x_bar.exp() * 0.5;
    let d = if y_bar.re() > t.re() { y_bar - t } else { t - y_bar };
    d + x_bar
}

#[test]
fn generated_names_shadowed_and_reassigned() {
    let case = scalar_case!(shadowed_generated_names, shadowed_generated_names_grad,
        shadowed_generated_names_jvp, shadowed_generated_names_vjp,
        shadowed_generated_names_dual; (x, x_t), (dout, dout_t));
    // y_bar above and below t.
    for p in [[0.5, 1.0], [0.1, -0.5], [-0.3, 0.2]] {
        case.verify(&p, FD);
    }
}

/// Constants named like generated locals, read by the body (in a module of their own,
/// where no other code declares these names).
mod constants {
    #![allow(non_upper_case_globals)]

    use super::*;

    pub const t: f64 = 2.5;
    pub const x_bar: f64 = -1.0;
    pub const t_1: f64 = 0.125;

    #[differentiate]
    pub fn reads(x: f64, y: f64) -> f64 {
        let a = x * t + x_bar;
        let b = a * y + t_1;
        b * b
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
        let b = (x * t + x_bar) * y + t_1;
        b * b
    }

    /// The exact gradient.
    pub fn formula(x: f64, y: f64) -> [f64; 2] {
        let a = x * t + x_bar;
        let b = a * y + t_1;
        [2.0 * b * y * t, 2.0 * b * a]
    }
}

#[test]
fn constants_named_like_generated_locals_used_in_the_body() {
    let case = scalar_case!(constants::reads, constants::reads_grad, constants::reads_jvp,
        constants::reads_vjp, constants::dual; (x, x_t), (y, y_t));
    for [x, y] in [[0.5, 1.5], [-1.0, 0.25]] {
        let g = case.verify(&[x, y], FD);
        assert_all_close(&g, &constants::formula(x, y), EXACT, "constants");
    }
}

/// Modules and helpers named like the runtime, the core library and the runtime's
/// helpers, in scope where the function is defined: generated code must name them by
/// absolute path.
mod lookalikes {
    use super::*;

    mod autodiff_core {
        pub mod rules {
            pub fn d_sin(_: f64, _: f64) -> f64 {
                f64::NAN
            }
        }
    }
    mod core {}
    mod std {}
    pub fn zero_of(_: &f64) -> f64 {
        f64::NAN
    }
    pub fn rules(x: f64) -> f64 {
        x + 1.0
    }

    #[differentiate]
    pub fn f(x: f64, y: f64) -> f64 {
        let s = if x > y { x.sin() * y } else { x - y };
        s * rules(2.0)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D, y: D) -> D {
        let s = if x.re() > y.re() { x.sin() * y } else { x - y };
        s * 3.0
    }

    /// The lookalikes are real and would poison a derivative that used them.
    pub fn poisonous() -> bool {
        autodiff_core::rules::d_sin(0.0, 0.0).is_nan() && zero_of(&0.0).is_nan()
    }
}

#[test]
fn helpers_named_like_the_runtime() {
    assert!(lookalikes::poisonous());
    let case = scalar_case!(lookalikes::f, lookalikes::f_grad, lookalikes::f_jvp,
        lookalikes::f_vjp, lookalikes::dual; (x, x_t), (y, y_t));
    let [x, y] = [2.0, 0.5];
    let g = case.verify(&[x, y], FD);
    assert_all_close(&g, &[3.0 * x.cos() * y, 3.0 * x.sin()], EXACT, "x > y");
    let g = case.verify(&[-1.0, 0.5], FD);
    assert_all_close(&g, &[3.0, -3.0], EXACT, "x <= y");
}
