// `dot` of a matrix library's vector with something the macro does not know as one of
// its vectors (here a view made by a method) is refused at the argument.
use autodiff_core::differentiate;
use nalgebra::SVector;

#[differentiate]
fn f(x: SVector<f64, 2>) -> f64 {
    x.dot(&x.column(0))
}

fn main() {}
