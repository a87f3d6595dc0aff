// An `if` that chooses between whole arrays is refused at the `if`.
use autodiff_core::differentiate;

#[differentiate]
fn f(a: [f64; 2], b: [f64; 2], pick_a: bool) -> f64 {
    let v = if pick_a { a } else { b };
    v[0] * v[1]
}

fn main() {}
