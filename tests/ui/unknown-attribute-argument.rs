// An argument other than `wrt(..)` or `crate = path` is reported at its name.
use autodiff_core::differentiate;

#[differentiate(respect_to(x))]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
