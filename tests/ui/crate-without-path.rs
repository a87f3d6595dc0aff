// `crate` needs a path: `crate = my_autodiff`.
use autodiff_core::differentiate;

#[differentiate(crate)]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
