// Reassigning a whole array inside a loop is refused; its elements must be written.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> f64 {
    let mut y = [0.0; 2];
    let z = [1.0; 2];
    for i in 0..2 {
        if y[i] > 1.0 {
            y = z;
        }
        y[i] = x * (i as f64) + y[i];
    }
    y[0] + y[1]
}

fn main() {}
