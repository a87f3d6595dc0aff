// `vec![a, b]` of rows computed elsewhere (a `Vec` or an array in a local) is refused at
// the row.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let r = [x, 2.0 * x];
    let v = vec![r, [1.0, x]];
    v[0][1] * v[1][1]
}

fn main() {}
