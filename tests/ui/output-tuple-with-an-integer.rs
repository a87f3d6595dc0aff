// A tuple output is differentiated part by part; a part that is not a float (or an
// array or `Vec` of floats) is refused at the return type.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> (f64, usize) {
    (x * x, 3)
}

fn main() {}
