// An array of `Vec`s is not an output (arrays hold floats or arrays; `Vec<Vec<T>>` and
// `Vec<[T; N]>` are): refused at the return type.
use autodiff_core::differentiate;

#[differentiate]
fn f(x: &[f64]) -> [Vec<f64>; 2] {
    [x.to_vec(), x.to_vec()]
}

fn main() {}
