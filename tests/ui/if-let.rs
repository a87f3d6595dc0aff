// `if let` is refused at the `let`.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64, k: Option<u8>) -> f64 {
    if let Some(n) = k {
        x * f64::from(n)
    } else {
        x
    }
}

fn main() {}
