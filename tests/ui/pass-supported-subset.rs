// A function using a broad slice of the supported subset, and a call of every sibling,
// compile without a single rustc warning.
#![deny(warnings)]

use autodiff_core::differentiate;

const SCALE: f64 = 0.5;

fn offset(k: usize) -> f64 {
    k as f64 * 0.25
}

/// Scalars by value and by reference, an array, a slice, a constant parameter;
/// shadowing, `let mut` with compound assignment, typed `let`, tuples, blocks, `if`
/// with `&&`, an early `return`, float methods and `f64::` paths, casts and constants.
#[differentiate]
pub fn model(x: f64, y: &f64, a: [f64; 2], v: &[f64], k: usize) -> f64 {
    let (p, q) = (x * a[0], *y + a[1]);
    let mut s: f64 = p * q - SCALE;
    s += v[0].exp();
    s *= 1.0 + offset(k);
    let t = {
        let u = s.sin() + f64::cos(q);
        u / 2.0
    };
    if x > 10.0 && k > 1 {
        return t.powi(2);
    }
    let t = if t < 0.0 { -t } else { t.sqrt().mul_add(2.0, q) };
    let w = (v.len() as f64) * x.hypot(*y) + t.max(q).tanh();
    w.powf(1.5) - std::f64::consts::PI * (k as f64)
}

/// `wrt` narrows the active parameters and fixes their order.
#[differentiate(wrt(b, a))]
pub fn narrowed(a: f64, b: f32, c: f64) -> f64 {
    let bb = b as f64;
    a * bb + c.ln_1p()
}

/// A `f32` function.
#[differentiate]
fn single(x: f32) -> f32 {
    let y = x * x;
    y.atan2(2.0) + x.abs()
}

/// Loops: over a range, over elements with `enumerate` and `zip`, `while` and `loop`
/// with `break`, a local array and a local `Vec` written element by element.
#[differentiate]
fn looped(x: f64, v: &[f64], w: [f64; 3]) -> f64 {
    let mut y = [0.0; 3];
    for i in 0..3 {
        y[i] = w[i] * x;
    }
    let mut s = 0.0;
    for (i, a) in v.iter().enumerate() {
        s += a * y[i % 3];
    }
    for (a, b) in v.iter().zip(w.iter()) {
        s += a * b;
    }
    let mut acc = vec![0.0; 2];
    acc[1] = s;
    let mut p = acc[1];
    while p > 100.0 {
        p = p / 2.0;
    }
    let mut n = 0;
    loop {
        n += 1;
        if n > 2 {
            break;
        }
        p = p.sin() + x;
    }
    p * acc[1]
}

struct Scaled {
    factor: f64,
}

impl Scaled {
    /// A method: `self` is a constant.
    #[differentiate]
    fn apply(&self, x: f64) -> f64 {
        self.factor * x * x
    }
}

fn main() {
    let v = vec![0.5, 1.5];
    let (y, (gx, gy, ga, gv)) = model_grad(0.7, &0.3, [1.0, 2.0], &v, 2);
    let (y2, dy) = model_jvp(0.7, &0.3, [1.0, 2.0], &v, 2, 1.0, 0.0, [0.0, 0.0], &[0.0, 0.0]);
    let (y3, (bx, by, ba, bv)) = model_vjp(0.7, &0.3, [1.0, 2.0], &v, 2, 2.0);
    assert_eq!(y, y2);
    assert_eq!(y, y3);
    assert!((dy - gx).abs() < 1e-12);
    assert!((bx - 2.0 * gx).abs() < 1e-12);
    assert!(gy.is_finite() && by.is_finite());
    assert_eq!(ga.len() + ba.len(), 4);
    assert_eq!(gv.len() + bv.len(), 4);

    let (n, (gb, ga)) = narrowed_grad(2.0, 3.0, 0.5);
    let (_, dn) = narrowed_jvp(2.0, 3.0, 0.5, 1.0, 0.0);
    let (_, (vb, va)) = narrowed_vjp(2.0, 3.0, 0.5, 1.0);
    assert!(n > 0.0);
    assert_eq!((f64::from(gb), ga), (2.0, 3.0));
    assert_eq!(dn, 2.0);
    assert_eq!((vb, va), (gb, ga));

    let (s, ds) = single_grad(1.0);
    let (_, ts) = single_jvp(1.0, 1.0);
    let (_, bs) = single_vjp(1.0, 1.0);
    assert!(s.is_finite() && ds == ts && ds == bs);

    let (l, (lx, lv, lw)) = looped_grad(0.5, &v, [1.0, 2.0, 3.0]);
    let (_, dl) = looped_jvp(0.5, &v, [1.0, 2.0, 3.0], 1.0, &[0.0, 0.0], [0.0; 3]);
    let (_, (bx2, bv2, bw2)) = looped_vjp(0.5, &v, [1.0, 2.0, 3.0], 1.0);
    assert!(l.is_finite() && (dl - lx).abs() < 1e-9 && (bx2 - lx).abs() < 1e-9);
    assert_eq!((lv.len(), lw.len(), bv2, bw2), (2, 3, lv.clone(), lw));

    let m = Scaled { factor: 3.0 };
    let (z, gz) = m.apply_grad(2.0);
    let (_, tz) = m.apply_jvp(2.0, 1.0);
    let (_, bz) = m.apply_vjp(2.0, 1.0);
    assert_eq!((z, gz, tz, bz), (12.0, 12.0, 12.0, 12.0));
}
