// `const fn` is refused at `const`.
use autodiff_core::differentiate;

#[differentiate]
const fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
