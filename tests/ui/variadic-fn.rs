// A C-variadic function is refused at `...`.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, _: ...) -> f64 {
    x * x
}

fn main() {}
