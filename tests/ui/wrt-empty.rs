// An empty `wrt()` is refused rather than differentiating with respect to nothing.
use autodiff_core::differentiate;

#[differentiate(wrt())]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
