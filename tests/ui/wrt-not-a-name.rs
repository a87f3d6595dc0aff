// `wrt` takes plain parameter names, not paths.
use autodiff_core::differentiate;

#[differentiate(wrt(self::x))]
fn f(x: f64) -> f64 {
    x * x
}

fn main() {}
