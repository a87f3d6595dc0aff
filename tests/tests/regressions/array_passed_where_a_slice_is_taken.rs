// An array passed to a callee that takes a slice: the callee's adjoint of the slice is
// a `Vec`, which was added into the caller's array adjoint as if it had the array's type
// (E0308). Found by the differential fuzzer.
use autodiff_core::differentiate;

#[differentiate(order = 2)]
fn prod(v: &[f64]) -> f64 {
    v[0] * v[1]
}

#[differentiate(order = 2)]
fn by_ref_param(z: &[f64; 2]) -> f64 {
    prod(z)
}

#[differentiate(order = 2)]
fn by_value_param(z: [f64; 2]) -> f64 {
    prod(&z)
}

#[differentiate(order = 2)]
fn local_array(a: f64, b: f64) -> f64 {
    let w = [a, b * b];
    prod(&w)
}

#[differentiate(order = 2)]
fn nested_row(m: [[f64; 2]; 2]) -> f64 {
    prod(&m[1]) + prod(&m[0])
}

fn main() {
    let z = [1.5, -2.0];
    assert_eq!(by_ref_param_grad(&z), (-3.0, [-2.0, 1.5]));
    assert_eq!(by_value_param_grad(z), (-3.0, [-2.0, 1.5]));
    assert_eq!(by_value_param_jvp(z, [1.0, 1.0]), (-3.0, -0.5));
    assert_eq!(by_ref_param_hessian(&z).2, [[0.0, 1.0], [1.0, 0.0]]);
    // a b²: gradient (b², 2ab), Hessian [[0, 2b], [2b, 2a]].
    assert_eq!(local_array_grad(1.5, -2.0), (6.0, (4.0, -6.0)));
    assert_eq!(local_array_hessian(1.5, -2.0).2, [[0.0, -4.0], [-4.0, 3.0]]);
    let m = [[1.0, 2.0], [3.0, 4.0]];
    assert_eq!(nested_row_grad(m), (14.0, [[2.0, 1.0], [4.0, 3.0]]));
}
