// A float method of std without a derivative rule, called on an active value, is
// reported at the method name.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    x.copysign(-1.0) * 2.0
}

fn main() {}
