// Assigning to a field `p.0 = ..` is refused at the field.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut p = (x, 1.0);
    p.0 = 2.0 * x;
    p.0 * p.1
}

fn main() {}
