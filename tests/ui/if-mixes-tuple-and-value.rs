// A variable that is a tuple expression in one branch and a single value in the other
// is refused at the `if`.
use autodiff_core::differentiate;

fn pair() -> (f64, f64) {
    (1.0, 2.0)
}

#[differentiate]
fn f(x: f64) -> f64 {
    let mut p = (x, 1.0);
    if x > 0.0 {
        p = pair();
    }
    p.0 * p.1
}

fn main() {}
