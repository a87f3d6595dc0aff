// A function generic over `T: num_traits::Float` that reads an active value twice, or
// branches on one: its reverse mode accumulates adjoints with `+=`/`-=`, which
// `T: Float` does not provide (it has no `AddAssign` bound).
use autodiff_core::differentiate;
use num_traits::Float;

#[differentiate]
fn square<T: Float>(x: T) -> T {
    x * x
}

#[differentiate]
fn abs_by_hand<T: Float>(x: T) -> T {
    if x < T::zero() {
        -x
    } else {
        x
    }
}

fn main() {
    assert_eq!(square_grad(3.0_f64), (9.0, 6.0));
    assert_eq!(square_grad(3.0_f32), (9.0, 6.0));
    assert_eq!(abs_by_hand_grad(-2.0_f64), (2.0, -1.0));
}
