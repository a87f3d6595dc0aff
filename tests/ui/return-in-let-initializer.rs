// `return` inside a `let` initializer is refused; it is supported only at the end of a
// block or directly in an `if` branch.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let y = if x > 0.0 { x * x } else { return 0.0 };
    y + x
}

fn main() {}
