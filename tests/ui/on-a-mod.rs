// The attribute on a module is refused: it applies to functions only.
use autodiff_core::differentiate;

#[differentiate]
mod inner {
    pub fn f(x: f64) -> f64 {
        x * x
    }
}

fn main() {
    let _ = inner::f(1.0);
}
