// A method of the user's own trait, called on an active value, has no derivative: it is
// reported at the method name.
use autodiff_core::differentiate;

trait Double {
    fn double(self) -> f64;
}

impl Double for f64 {
    fn double(self) -> f64 {
        2.0 * self
    }
}

#[differentiate]
fn f(x: f64) -> f64 {
    x.double() + 1.0
}

fn main() {}
