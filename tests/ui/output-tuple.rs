// A tuple output is refused at the return type (only float scalars are supported).
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> (f64, f64) {
    (x * x, x.sin())
}

fn main() {}
