// When the output type is the problem, `f_grad` is still stubbed, so its call site adds
// no error of its own.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> (f64, usize) {
    (x, 1)
}

fn main() {
    let (y, g) = f_grad(1.0);
    let _ = (y, g);
}
