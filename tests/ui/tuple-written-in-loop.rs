// A tuple variable written inside a loop is refused; one variable per part is needed.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut p = (x, 1.0);
    for _ in 0..3 {
        p = (p.1, p.0 * x);
    }
    p.0 + p.1
}

fn main() {}
