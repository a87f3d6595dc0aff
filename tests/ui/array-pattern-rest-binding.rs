// Binding the rest of an array to a name (`rest @ ..`) is refused at that binding.
use autodiff_core::differentiate;

#[differentiate]
fn f(v: [f64; 3]) -> f64 {
    let [first, rest @ ..] = v;
    first * rest[0]
}

fn main() {}
