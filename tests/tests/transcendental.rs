//! Every std float method the macro differentiates, in method form (`x.sin()`) and in
//! path form (`f64::sin(x)`), each against its hand-derived derivative, num-dual and
//! central differences, plus the documented conventions at non-differentiable points.
//!
//! Each unary method has a module with `m` (method form), `p` (path form), `dual` (the
//! num-dual twin), `deriv` (the derivative written by hand) and `POINTS` (inside the
//! method's domain, away from its singularities).

mod common;

use autodiff_core::differentiate;
use common::{assert_close, scalar_case, Case, EXACT, FD};
use num_dual::DualNum;

/// Checks the method and path forms of one unary method at every point.
fn check_unary(cases: [Case; 2], deriv: fn(f64) -> f64, points: &[f64]) {
    for case in cases {
        for &x in points {
            let g = case.verify(&[x], FD);
            assert_close(g[0], deriv(x), EXACT, &format!("{} at {x}", case.name));
        }
    }
}

macro_rules! unary_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_unary(
                    [
                        scalar_case!(
                            $name::m, $name::m_grad, $name::m_jvp, $name::m_vjp, $name::dual;
                            (x, x_t)
                        ),
                        scalar_case!(
                            $name::p, $name::p_grad, $name::p_jvp, $name::p_vjp, $name::dual;
                            (x, x_t)
                        ),
                    ],
                    $name::deriv,
                    $name::POINTS,
                );
            }
        )*
    };
}

mod sin {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.sin()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::sin(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.sin()
    }

    pub fn deriv(x: f64) -> f64 {
        x.cos()
    }

    pub const POINTS: &[f64] = &[-2.0, 0.3, 1.7, 5.0];
}

mod cos {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.cos()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::cos(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.cos()
    }

    pub fn deriv(x: f64) -> f64 {
        -x.sin()
    }

    pub const POINTS: &[f64] = &[-2.0, 0.3, 1.7, 5.0];
}

mod tan {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.tan()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::tan(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.tan()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (x.cos() * x.cos())
    }

    pub const POINTS: &[f64] = &[-1.2, 0.4, 1.0];
}

mod asin {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.asin()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::asin(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.asin()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (1.0 - x * x).sqrt()
    }

    pub const POINTS: &[f64] = &[-0.9, 0.1, 0.6];
}

mod acos {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.acos()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::acos(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.acos()
    }

    pub fn deriv(x: f64) -> f64 {
        -1.0 / (1.0 - x * x).sqrt()
    }

    pub const POINTS: &[f64] = &[-0.9, 0.1, 0.6];
}

mod atan {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.atan()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::atan(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.atan()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (1.0 + x * x)
    }

    pub const POINTS: &[f64] = &[-3.0, 0.5, 10.0];
}

mod sinh {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.sinh()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::sinh(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.sinh()
    }

    pub fn deriv(x: f64) -> f64 {
        x.cosh()
    }

    pub const POINTS: &[f64] = &[-2.0, 0.5, 3.0];
}

mod cosh {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.cosh()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::cosh(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.cosh()
    }

    pub fn deriv(x: f64) -> f64 {
        x.sinh()
    }

    pub const POINTS: &[f64] = &[-2.0, 0.5, 3.0];
}

mod tanh {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.tanh()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::tanh(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.tanh()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (x.cosh() * x.cosh())
    }

    pub const POINTS: &[f64] = &[-2.0, 0.5, 3.0];
}

mod asinh {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.asinh()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::asinh(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.asinh()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (x * x + 1.0).sqrt()
    }

    pub const POINTS: &[f64] = &[-5.0, 0.2, 3.0];
}

mod acosh {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.acosh()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::acosh(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.acosh()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (x * x - 1.0).sqrt()
    }

    pub const POINTS: &[f64] = &[1.2, 2.5, 10.0];
}

mod atanh {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.atanh()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::atanh(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.atanh()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (1.0 - x * x)
    }

    pub const POINTS: &[f64] = &[-0.8, 0.1, 0.6];
}

mod exp {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.exp()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::exp(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.exp()
    }

    pub fn deriv(x: f64) -> f64 {
        x.exp()
    }

    pub const POINTS: &[f64] = &[-3.0, 0.1, 2.5];
}

mod exp2 {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.exp2()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::exp2(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.exp2()
    }

    pub fn deriv(x: f64) -> f64 {
        x.exp2() * std::f64::consts::LN_2
    }

    pub const POINTS: &[f64] = &[-3.0, 0.1, 2.5];
}

mod exp_m1 {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.exp_m1()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::exp_m1(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.exp_m1()
    }

    pub fn deriv(x: f64) -> f64 {
        x.exp()
    }

    pub const POINTS: &[f64] = &[-3.0, 0.1, 2.5];
}

mod ln {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.ln()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::ln(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.ln()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / x
    }

    pub const POINTS: &[f64] = &[0.1, 1.5, 40.0];
}

mod ln_1p {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.ln_1p()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::ln_1p(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.ln_1p()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (1.0 + x)
    }

    pub const POINTS: &[f64] = &[-0.5, 0.1, 3.0];
}

mod log2 {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.log2()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::log2(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.log2()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (x * std::f64::consts::LN_2)
    }

    pub const POINTS: &[f64] = &[0.1, 1.5, 40.0];
}

mod log10 {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.log10()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::log10(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.log10()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (x * std::f64::consts::LN_10)
    }

    pub const POINTS: &[f64] = &[0.1, 1.5, 40.0];
}

mod sqrt {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.sqrt()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::sqrt(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.sqrt()
    }

    pub fn deriv(x: f64) -> f64 {
        0.5 / x.sqrt()
    }

    pub const POINTS: &[f64] = &[0.04, 2.0, 100.0];
}

mod cbrt {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.cbrt()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::cbrt(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.cbrt()
    }

    pub fn deriv(x: f64) -> f64 {
        1.0 / (3.0 * x.cbrt() * x.cbrt())
    }

    pub const POINTS: &[f64] = &[-8.0, 0.3, 27.0];
}

mod abs {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.abs()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::abs(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.abs()
    }

    pub fn deriv(x: f64) -> f64 {
        if x > 0.0 {
            1.0
        } else {
            -1.0
        }
    }

    pub const POINTS: &[f64] = &[-2.0, 0.3, 5.0];
}

mod recip {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.recip()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::recip(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.recip()
    }

    pub fn deriv(x: f64) -> f64 {
        -1.0 / (x * x)
    }

    pub const POINTS: &[f64] = &[-2.0, 0.25, 3.0];
}

mod to_degrees {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.to_degrees()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::to_degrees(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        common::to_degrees(x)
    }

    pub fn deriv(_x: f64) -> f64 {
        180.0 / std::f64::consts::PI
    }

    pub const POINTS: &[f64] = &[-2.0, 0.3, 7.0];
}

mod to_radians {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.to_radians()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::to_radians(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        common::to_radians(x)
    }

    pub fn deriv(_x: f64) -> f64 {
        std::f64::consts::PI / 180.0
    }

    pub const POINTS: &[f64] = &[-200.0, 0.3, 45.0];
}

mod fract {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.fract()
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::fract(x)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        common::fract(x)
    }

    pub fn deriv(_x: f64) -> f64 {
        1.0
    }

    pub const POINTS: &[f64] = &[-2.3, 0.4, 5.7];
}

// `signum` is piecewise constant: x.signum() * x has derivative x.signum().
mod signum {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.signum() * x
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::signum(x) * x
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        common::flat(x, f64::signum) * x
    }

    pub fn deriv(x: f64) -> f64 {
        x.signum()
    }

    // Away from the jumps, where central differences see the constant pieces.
    pub const POINTS: &[f64] = &[-2.3, -0.4, 0.4, 5.7];
}

// `floor` is piecewise constant: x.floor() * x has derivative x.floor().
mod floor {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.floor() * x
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::floor(x) * x
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        common::flat(x, f64::floor) * x
    }

    pub fn deriv(x: f64) -> f64 {
        x.floor()
    }

    // Away from the jumps, where central differences see the constant pieces.
    pub const POINTS: &[f64] = &[-2.3, -0.4, 0.4, 5.7];
}

// `ceil` is piecewise constant: x.ceil() * x has derivative x.ceil().
mod ceil {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.ceil() * x
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::ceil(x) * x
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        common::flat(x, f64::ceil) * x
    }

    pub fn deriv(x: f64) -> f64 {
        x.ceil()
    }

    // Away from the jumps, where central differences see the constant pieces.
    pub const POINTS: &[f64] = &[-2.3, -0.4, 0.4, 5.7];
}

// `round` is piecewise constant: x.round() * x has derivative x.round().
mod round {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.round() * x
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::round(x) * x
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        common::flat(x, f64::round) * x
    }

    pub fn deriv(x: f64) -> f64 {
        x.round()
    }

    // Away from the jumps, where central differences see the constant pieces.
    pub const POINTS: &[f64] = &[-2.3, -0.4, 0.4, 5.7];
}

// `trunc` is piecewise constant: x.trunc() * x has derivative x.trunc().
mod trunc {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.trunc() * x
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::trunc(x) * x
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        common::flat(x, f64::trunc) * x
    }

    pub fn deriv(x: f64) -> f64 {
        x.trunc()
    }

    // Away from the jumps, where central differences see the constant pieces.
    pub const POINTS: &[f64] = &[-2.3, -0.4, 0.4, 5.7];
}

unary_tests!(
    sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, exp, exp2, exp_m1, ln,
    ln_1p, log2, log10, sqrt, cbrt, abs, recip, to_degrees, to_radians, fract, signum, floor, ceil,
    round, trunc
);

// ---- two- and three-argument methods ------------------------------------------------

/// Checks the method and path forms of a method of two active floats at every point.
fn check_binary(cases: [Case; 2], partials: fn(f64, f64) -> (f64, f64), points: &[[f64; 2]]) {
    for case in cases {
        for p in points {
            let g = case.verify(p, FD);
            let (da, db) = partials(p[0], p[1]);
            assert_close(g[0], da, EXACT, &format!("{} d/da at {p:?}", case.name));
            assert_close(g[1], db, EXACT, &format!("{} d/db at {p:?}", case.name));
        }
    }
}

macro_rules! binary_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_binary(
                    [
                        scalar_case!(
                            $name::m, $name::m_grad, $name::m_jvp, $name::m_vjp, $name::dual;
                            (a, a_t), (b, b_t)
                        ),
                        scalar_case!(
                            $name::p, $name::p_grad, $name::p_jvp, $name::p_vjp, $name::dual;
                            (a, a_t), (b, b_t)
                        ),
                    ],
                    $name::partials,
                    $name::POINTS,
                );
            }
        )*
    };
}

mod atan2 {
    use super::*;

    #[differentiate]
    pub fn m(a: f64, b: f64) -> f64 {
        a.atan2(b)
    }

    #[differentiate]
    pub fn p(a: f64, b: f64) -> f64 {
        f64::atan2(a, b)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
        a.atan2(b)
    }

    pub fn partials(a: f64, b: f64) -> (f64, f64) {
        let r2 = a * a + b * b;
        (b / r2, -a / r2)
    }

    // All four quadrants.
    pub const POINTS: &[[f64; 2]] = &[[1.0, 2.0], [-0.5, 0.3], [2.0, -1.0], [-0.7, -0.2]];
}

mod hypot {
    use super::*;

    #[differentiate]
    pub fn m(a: f64, b: f64) -> f64 {
        a.hypot(b)
    }

    #[differentiate]
    pub fn p(a: f64, b: f64) -> f64 {
        f64::hypot(a, b)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
        common::hypot(a, b)
    }

    pub fn partials(a: f64, b: f64) -> (f64, f64) {
        let r = (a * a + b * b).sqrt();
        (a / r, b / r)
    }

    pub const POINTS: &[[f64; 2]] = &[[3.0, 4.0], [-1.0, 0.5], [0.2, -7.0]];
}

mod powf {
    use super::*;

    #[differentiate]
    pub fn m(a: f64, b: f64) -> f64 {
        a.powf(b)
    }

    #[differentiate]
    pub fn p(a: f64, b: f64) -> f64 {
        f64::powf(a, b)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
        common::powf(a, b)
    }

    pub fn partials(a: f64, b: f64) -> (f64, f64) {
        (b * a.powf(b - 1.0), a.powf(b) * a.ln())
    }

    pub const POINTS: &[[f64; 2]] = &[[2.0, 3.0], [0.5, -1.5], [3.7, 0.4]];
}

mod log {
    use super::*;

    #[differentiate]
    pub fn m(a: f64, b: f64) -> f64 {
        a.log(b)
    }

    #[differentiate]
    pub fn p(a: f64, b: f64) -> f64 {
        f64::log(a, b)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
        common::log(a, b)
    }

    pub fn partials(a: f64, b: f64) -> (f64, f64) {
        let lb = b.ln();
        (1.0 / (a * lb), -a.ln() / (b * lb * lb))
    }

    pub const POINTS: &[[f64; 2]] = &[[8.0, 2.0], [0.3, 5.0], [100.0, 0.5]];
}

mod min {
    use super::*;

    #[differentiate]
    pub fn m(a: f64, b: f64) -> f64 {
        a.min(b)
    }

    #[differentiate]
    pub fn p(a: f64, b: f64) -> f64 {
        f64::min(a, b)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
        common::min(a, b)
    }

    pub fn partials(a: f64, b: f64) -> (f64, f64) {
        if a < b {
            (1.0, 0.0)
        } else {
            (0.0, 1.0)
        }
    }

    // Each argument wins somewhere; ties are in `conventions_at_non_differentiable_points`.
    pub const POINTS: &[[f64; 2]] = &[[1.0, 2.0], [3.0, -1.0], [-2.0, -2.5]];
}

mod max {
    use super::*;

    #[differentiate]
    pub fn m(a: f64, b: f64) -> f64 {
        a.max(b)
    }

    #[differentiate]
    pub fn p(a: f64, b: f64) -> f64 {
        f64::max(a, b)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
        common::max(a, b)
    }

    pub fn partials(a: f64, b: f64) -> (f64, f64) {
        if a > b {
            (1.0, 0.0)
        } else {
            (0.0, 1.0)
        }
    }

    pub const POINTS: &[[f64; 2]] = &[[1.0, 2.0], [3.0, -1.0], [-2.0, -2.5]];
}

mod rem_euclid {
    use super::*;

    #[differentiate]
    pub fn m(a: f64, b: f64) -> f64 {
        a.rem_euclid(b)
    }

    #[differentiate]
    pub fn p(a: f64, b: f64) -> f64 {
        f64::rem_euclid(a, b)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D) -> D {
        common::rem_euclid(a, b)
    }

    pub fn partials(a: f64, b: f64) -> (f64, f64) {
        (1.0, -a.div_euclid(b))
    }

    // Both signs of each argument, away from the jumps where a / b is an integer.
    pub const POINTS: &[[f64; 2]] = &[[7.5, 2.0], [-7.5, 2.0], [5.3, -1.5], [-5.3, -1.5]];
}

binary_tests!(atan2, hypot, powf, log, min, max, rem_euclid);

mod powi {
    use super::*;

    #[differentiate]
    pub fn m(x: f64) -> f64 {
        x.powi(3)
    }

    #[differentiate]
    pub fn p(x: f64) -> f64 {
        f64::powi(x, 3)
    }

    #[differentiate]
    pub fn negative(x: f64) -> f64 {
        x.powi(-2)
    }

    /// The exponent a constant parameter.
    #[differentiate]
    pub fn param(x: f64, n: i32) -> f64 {
        f64::powi(x, n)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.powi(3)
    }

    pub fn dual_negative<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
        x.powi(-2)
    }
}

#[test]
fn powi() {
    for x in [-1.5, 0.4, 2.0] {
        for case in [
            scalar_case!(powi::m, powi::m_grad, powi::m_jvp, powi::m_vjp, powi::dual; (x, x_t)),
            scalar_case!(powi::p, powi::p_grad, powi::p_jvp, powi::p_vjp, powi::dual; (x, x_t)),
        ] {
            let g = case.verify(&[x], FD);
            assert_close(g[0], 3.0 * x * x, EXACT, case.name);
        }
        let case = scalar_case!(
            powi::negative, powi::negative_grad, powi::negative_jvp, powi::negative_vjp,
            powi::dual_negative; (x, x_t)
        );
        let g = case.verify(&[x], FD);
        assert_close(g[0], -2.0 / (x * x * x), EXACT, "powi(-2)");
    }
    for n in [-3, 0, 1, 2, 5] {
        for x in [-1.5, 0.4, 2.0] {
            let (y, d): (f64, f64) = powi::param_grad(x, n);
            assert_eq!(y, x.powi(n));
            let want = if n == 0 { 0.0 } else { f64::from(n) * x.powi(n - 1) };
            assert_close(d, want, EXACT, &format!("powi({n}) at {x}"));
            assert_eq!(powi::param_vjp(x, n, 1.0), (y, d));
            assert_eq!(powi::param_jvp(x, n, 1.0), (y, d));
            common::assert_fd(|v| powi::param(v[0], n), &[x], &[d], FD, "powi(n)");
        }
    }
}

mod mul_add {
    use super::*;

    #[differentiate]
    pub fn m(a: f64, b: f64, c: f64) -> f64 {
        a.mul_add(b, c)
    }

    #[differentiate]
    pub fn p(a: f64, b: f64, c: f64) -> f64 {
        f64::mul_add(a, b, c)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(a: D, b: D, c: D) -> D {
        a.mul_add(b, c)
    }
}

#[test]
fn mul_add() {
    for case in [
        scalar_case!(mul_add::m, mul_add::m_grad, mul_add::m_jvp, mul_add::m_vjp, mul_add::dual;
            (a, a_t), (b, b_t), (c, c_t)),
        scalar_case!(mul_add::p, mul_add::p_grad, mul_add::p_jvp, mul_add::p_vjp, mul_add::dual;
            (a, a_t), (b, b_t), (c, c_t)),
    ] {
        for [a, b, c] in [[1.5, -2.0, 0.25], [0.0, 3.0, -1.0], [-4.0, 0.5, 2.0]] {
            let g = case.verify(&[a, b, c], FD);
            common::assert_all_close(&g, &[b, a, 1.0], EXACT, case.name);
        }
    }
}

mod clamp {
    use super::*;

    #[differentiate]
    pub fn m(x: f64, lo: f64, hi: f64) -> f64 {
        x.clamp(lo, hi)
    }

    #[differentiate]
    pub fn p(x: f64, lo: f64, hi: f64) -> f64 {
        f64::clamp(x, lo, hi)
    }

    pub fn dual<D: DualNum<Primitive = f64> + Copy>(x: D, lo: D, hi: D) -> D {
        common::clamp(x, lo, hi)
    }
}

#[test]
fn clamp() {
    for case in [
        scalar_case!(clamp::m, clamp::m_grad, clamp::m_jvp, clamp::m_vjp, clamp::dual;
            (x, x_t), (lo, lo_t), (hi, hi_t)),
        scalar_case!(clamp::p, clamp::p_grad, clamp::p_jvp, clamp::p_vjp, clamp::dual;
            (x, x_t), (lo, lo_t), (hi, hi_t)),
    ] {
        // Inside, below and above: the derivative goes to the argument returned.
        for (p, want) in [
            ([0.5, -1.0, 2.0], [1.0, 0.0, 0.0]),
            ([-3.0, -1.0, 2.0], [0.0, 1.0, 0.0]),
            ([5.0, -1.0, 2.0], [0.0, 0.0, 1.0]),
        ] {
            let g = case.verify(&p, FD);
            common::assert_all_close(&g, &want, EXACT, case.name);
        }
    }
}

// ---- constant arguments -------------------------------------------------------------

/// Every multi-argument method with one side constant: the constant gets no derivative
/// and the active side its partial. The literals that come first in a path form carry a
/// suffix: unsuffixed, they do not compile yet (see
/// `regressions/path_form_with_a_literal_first_argument.rs`).
#[differentiate]
fn constant_arguments(x: f64) -> f64 {
    let a = x.powf(2.5) + 2.0_f64.powf(x);
    let b = x.log(10.0) + f64::log(3.0_f64, x);
    let c = x.max(0.5) + f64::min(4.0_f64, x);
    let d = x.hypot(3.0) + 1.5_f64.atan2(x);
    let e = x.mul_add(2.0, 1.0) + f64::mul_add(3.0_f64, x, 0.5) + 0.25_f64.mul_add(-1.0, x);
    let f = x.clamp(0.0, 10.0) + 7.0_f64.clamp(x, 20.0) + 3.3_f64.rem_euclid(x);
    a + b + c + d + e + f
}

fn constant_arguments_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    use common::c;
    let a = x.powf(2.5) + common::powf(c(2.0), x);
    let b = x.log(10.0) + common::log(c(3.0), x);
    let cc = common::max(x, c(0.5)) + common::min(c(4.0), x);
    let d = common::hypot(x, c(3.0)) + c::<D>(1.5).atan2(x);
    let e = x * 2.0 + 1.0 + x * 3.0 + 0.5 + c::<D>(0.25) * -1.0 + x;
    let f = common::clamp(x, c(0.0), c(10.0))
        + common::clamp(c(7.0), x, c(20.0))
        + common::rem_euclid(c(3.3), x);
    a + b + cc + d + e + f
}

#[test]
fn methods_with_constant_arguments() {
    let case = scalar_case!(
        constant_arguments, constant_arguments_grad, constant_arguments_jvp,
        constant_arguments_vjp, constant_arguments_dual; (x, x_t)
    );
    // x in (0.5, 4) keeps max and min on x; x in (0, 7) keeps the clamp of 7 on 7;
    // 3.3 / x away from an integer.
    for x in [0.9, 1.4, 2.5, 3.5] {
        let g = case.verify(&[x], FD);
        let want = 2.5 * x.powf(1.5) + 2.0_f64.powf(x) * 2.0_f64.ln() + 1.0 / (x * 10.0_f64.ln())
            - 3.0_f64.ln() / (x * x.ln() * x.ln())
            + 1.0
            + 1.0
            + x / x.hypot(3.0)
            - 1.5 / (1.5 * 1.5 + x * x)
            + 2.0
            + 3.0
            + 1.0
            + 1.0
            - 3.3_f64.div_euclid(x);
        assert_close(g[0], want, EXACT, "constant_arguments");
    }
}

// ---- conventions at non-differentiable points ---------------------------------------

#[differentiate]
fn abs_of(x: f64) -> f64 {
    x.abs()
}

#[differentiate]
fn sqrt_of(x: f64) -> f64 {
    x.sqrt()
}

#[differentiate]
fn powi_zero(x: f64) -> f64 {
    x.powi(0)
}

#[differentiate]
fn floor_of(x: f64) -> f64 {
    f64::floor(x)
}

#[differentiate]
fn powf_of(a: f64, b: f64) -> f64 {
    a.powf(b)
}

#[differentiate]
fn hypot_of(a: f64, b: f64) -> f64 {
    a.hypot(b)
}

#[differentiate]
fn atan2_of(a: f64, b: f64) -> f64 {
    a.atan2(b)
}

/// The conventions autodiff-core documents where a method is not differentiable, seen
/// through generated code in all three siblings.
#[test]
fn conventions_at_non_differentiable_points() {
    for zero in [0.0, -0.0] {
        assert_eq!(abs_of_grad(zero), (abs_of(zero), 0.0), "abs'(±0) = 0");
        assert_eq!(abs_of_jvp(zero, 1.0).1, 0.0);
        assert_eq!(abs_of_vjp(zero, 1.0).1, 0.0);
        assert_eq!(sqrt_of_grad(zero), (sqrt_of(zero), f64::INFINITY), "sqrt'(±0) = +inf");
        assert_eq!(hypot_of_grad(zero, zero), (hypot_of(zero, zero), (0.0, 0.0)), "hypot at 0");
        assert_eq!(atan2_of_grad(zero, zero), (atan2_of(zero, zero), (0.0, 0.0)), "atan2 at 0");
    }
    assert_eq!(powi_zero_grad(0.0), (powi_zero(0.0), 0.0), "x^0 is constant, at 0 too");
    assert_eq!(powi_zero_jvp(0.0, 1.0), (1.0, 0.0));
    for x in [-2.0, 0.0, 3.0] {
        assert_eq!(floor_of_grad(x), (floor_of(x), 0.0), "floor' = 0 at the jumps");
    }
    // A zero base with a positive exponent: 0^b is identically 0 in b.
    assert_eq!(powf_of_grad(0.0, 2.0), (powf_of(0.0, 2.0), (0.0, 0.0)));
    assert_eq!(powf_of_grad(0.0, 1.0), (0.0, (1.0, 0.0)));
    // b = 0: a^0 = 1 is constant in a, at a = 0 too.
    assert_eq!(powf_of_grad(0.0, 0.0).1 .0, 0.0);
    assert!(abs_of_grad(f64::NAN).1.is_nan(), "NaN propagates through abs'");
}

#[differentiate]
fn min_of(a: f64, b: f64) -> f64 {
    a.min(b)
}

#[differentiate]
fn max_of(a: f64, b: f64) -> f64 {
    f64::max(a, b)
}

#[differentiate]
fn clamp_of(x: f64, lo: f64, hi: f64) -> f64 {
    x.clamp(lo, hi)
}

/// Ties of `min`, `max` and `clamp` go to the first argument (`x` for clamp).
#[test]
fn ties_go_to_the_first_argument() {
    assert_eq!(min_of_grad(1.5, 1.5), (min_of(1.5, 1.5), (1.0, 0.0)));
    assert_eq!(max_of_grad(1.5, 1.5), (max_of(1.5, 1.5), (1.0, 0.0)));
    assert_eq!(min_of_jvp(1.5, 1.5, 2.0, 3.0), (1.5, 2.0));
    assert_eq!(max_of_vjp(1.5, 1.5, 4.0), (1.5, (4.0, 0.0)));
    assert_eq!(clamp_of_grad(-1.0, -1.0, 2.0), (clamp_of(-1.0, -1.0, 2.0), (1.0, 0.0, 0.0)));
    assert_eq!(clamp_of_grad(2.0, -1.0, 2.0), (2.0, (1.0, 0.0, 0.0)));
    // NaN goes to the other argument of min and max, as the primal does.
    assert_eq!(max_of_grad(f64::NAN, 2.0), (2.0, (0.0, 1.0)));
    assert_eq!(min_of_grad(2.0, f64::NAN), (2.0, (1.0, 0.0)));
}

/// One value in every argument of a multi-argument method: the partials add up.
#[differentiate]
fn same_value_everywhere(x: f64) -> f64 {
    x.powf(x) + x.atan2(x) + f64::hypot(x, x) + x.mul_add(x, x) + x.max(x) + x.log(x + 1.0)
}

fn same_value_everywhere_dual<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    let a = common::powf(x, x) + x.atan2(x) + common::hypot(x, x);
    a + x.mul_add(x, x) + common::max(x, x) + common::log(x, x + 1.0)
}

#[test]
fn same_value_in_every_argument() {
    let case = scalar_case!(same_value_everywhere, same_value_everywhere_grad,
        same_value_everywhere_jvp, same_value_everywhere_vjp, same_value_everywhere_dual;
        (x, x_t));
    for x in [0.5, 1.5, 3.0] {
        let g = case.verify(&[x], FD);
        // d/dx: x^x (ln x + 1) + 0 (atan2(x, x) is constant) + √2 + (2x + 1) + 1
        // + d/dx[ln x / ln(x + 1)]
        let l1 = (x + 1.0).ln();
        let dlog = 1.0 / (x * l1) - x.ln() / ((x + 1.0) * l1 * l1);
        let want = x.powf(x) * (x.ln() + 1.0) + 2.0_f64.sqrt() + 2.0 * x + 1.0 + 1.0 + dlog;
        assert_close(g[0], want, EXACT, "same value everywhere");
    }
}
