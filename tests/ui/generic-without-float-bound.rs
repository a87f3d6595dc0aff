// A type parameter is a float only through `num_traits::Float`: with other bounds it
// has no derivative rules, and its parameters are not differentiated.
use autodiff_core::differentiate;

#[differentiate]
fn square<T: Copy + std::ops::Mul<Output = T>>(x: T) -> T {
    x * x
}

fn main() {}
