// A trait method without a body has nothing to differentiate.
use autodiff_core::differentiate;

trait Model {
    #[differentiate]
    fn f(x: f64) -> f64;
}

fn main() {}
