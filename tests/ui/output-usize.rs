// An integer output has no float in it: refused at the return type.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: f64) -> usize {
    x as usize
}

fn main() {}
