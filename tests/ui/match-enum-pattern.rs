// `match` is rewritten into `if` chains only for integer, bool and range patterns; an
// enum pattern is refused at the pattern.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, k: Option<usize>) -> f64 {
    match k {
        Some(n) => x * n as f64,
        None => x,
    }
}

fn main() {}
