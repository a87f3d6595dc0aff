// Assigning to an element of a parameter (not a `let mut` local array) is refused at the
// element.
use autodiff_core::differentiate;

#[differentiate]
fn f(mut v: [f64; 2]) -> f64 {
    v[0] = v[1] * 2.0;
    v[0] * v[1]
}

fn main() {}
