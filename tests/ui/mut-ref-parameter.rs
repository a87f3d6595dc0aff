// A `&mut f64` parameter is an out-parameter, refused rather than taken as a constant.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, out: &mut f64) -> f64 {
    *out = x;
    x * x
}

fn main() {}
