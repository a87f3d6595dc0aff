// `&mut self` would be an output the function writes: refused like any `&mut`
// parameter that is not an out-parameter of floats.
use autodiff_core::differentiate;

struct Counter {
    calls: usize,
}

impl Counter {
    #[differentiate]
    fn scaled(&mut self, x: f64) -> f64 {
        2.0 * x
    }
}

fn main() {}
