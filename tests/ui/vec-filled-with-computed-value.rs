// `vec![x; n]` filled with a computed value is refused at the value.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let v = vec![x * 2.0; 3];
    v[0] * v[2]
}

fn main() {}
