// A function written by a `macro_rules!` macro receives its types as `$t:ty` fragments,
// in invisible groups: the Jacobian's type was built as if the output were a float
// (`expected Vec<f64>, found Vec<Vec<f64>>`).
use autodiff_core::differentiate;

macro_rules! define {
    ($name:ident, $input:ty, $output:ty) => {
        #[differentiate]
        fn $name(x: $input) -> $output {
            let mut y = vec![0.0; x.len()];
            for i in 0..x.len() {
                y[i] = x[i] * x[i];
            }
            y
        }
    };
}

define!(squares, &[f64], Vec<f64>);

fn main() {
    let x = [1.5, -2.0];
    let (y, j) = squares_jacobian(&x);
    assert_eq!(y, vec![2.25, 4.0]);
    assert_eq!(j, vec![vec![3.0, 0.0], vec![0.0, -4.0]]);
}
