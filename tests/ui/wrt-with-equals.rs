// `wrt = x` instead of `wrt(x)` is a malformed argument.
use autodiff_core::differentiate;

#[differentiate(wrt = x)]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
