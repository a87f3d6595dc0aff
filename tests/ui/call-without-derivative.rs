// A call with an active argument to a function without derivative is reported at the
// call, naming the function.
use autodiff_core::differentiate;

fn square(x: f64) -> f64 {
    x * x
}

#[differentiate]
fn f(x: f64) -> f64 {
    let y = 2.0 * x;
    square(y) + 1.0
}

fn main() {
    let _ = square(1.0);
}
