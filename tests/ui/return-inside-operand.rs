// `return` nested inside an operand is refused; it is supported only at the end of a
// block or directly in an `if` branch.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    x * {
        if x > 1.0 {
            return x;
        }
        2.0
    }
}

fn main() {}
