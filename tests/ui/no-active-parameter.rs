// A function without any float parameter has nothing to differentiate with respect to.
use autodiff_core::differentiate;

#[differentiate]
fn f(n: usize, flag: bool) -> f64 {
    if flag {
        n as f64
    } else {
        0.0
    }
}

fn main() {}
