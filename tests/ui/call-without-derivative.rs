// A call with an active argument goes through the callee's `_jvp`/`_vjp` siblings; when
// they do not exist, rustc reports the missing sibling at the call, naming it.
use autodiff_core::differentiate;

fn square(x: f64) -> f64 {
    x * x
}

#[differentiate]
fn f(x: f64) -> f64 {
    let y = 2.0 * x;
    square(y) + 1.0
}

fn main() {
    let _ = square(1.0);
}
