// Reassigning a whole local `Vec` (outside any loop) is refused at the name.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut v = vec![0.0; 2];
    v[0] = x;
    let a = v[0];
    v = vec![1.0; 2];
    (a + v[0]) * x
}

fn main() {}
