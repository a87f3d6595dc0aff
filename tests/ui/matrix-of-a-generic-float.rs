// A matrix library's vector of a generic float type is refused at the element type:
// the rules of `autodiff_core::linalg` are written for `f32` and `f64`.
use autodiff_core::differentiate;
use nalgebra::DVector;
use num_traits::Float;

#[differentiate]
fn f<T: Float + nalgebra::Scalar>(x: &DVector<T>) -> T {
    x[0] * x[1]
}

fn main() {}
