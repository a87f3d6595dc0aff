// A body whose last statement ends with `;` gives no value.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let y = x * x;
    y;
}

fn main() {}
