// A consumed receiver cannot be passed to the siblings' repeated calls.
use autodiff_core::differentiate;

#[derive(Clone, Copy)]
struct Scale(f64);

impl Scale {
    #[differentiate]
    fn apply(self, x: f64) -> f64 {
        self.0 * x
    }
}

fn main() {}
