//! One test per bug found, named after what broke, each the smallest function that
//! shows it. Bugs that keep code from compiling are `trybuild` pass cases in
//! `tests/tests/regressions/` (a case fails until its code compiles and its `main`
//! passes), so that the rest of the suite still builds.
// The casts to `f64` spelled otherwise are the point of one regression.
#![allow(clippy::unnecessary_cast)]

use autodiff_core::differentiate;

/// `x * x + x`: the reverse sweep let `x` take over the adjoint of the sum and then
/// accumulated `x`'s other contributions into it, read again as the adjoint of `x * x`.
/// It returned `1 + 2x + x²` instead of `2x + 1`.
#[differentiate]
fn square_plus_x(x: f64) -> f64 {
    x * x + x
}

#[test]
fn adjoint_of_an_addend_is_not_shared_with_the_sum() {
    for x in [1.0, 2.0, -0.5] {
        let want = 2.0 * x + 1.0;
        assert_eq!(square_plus_x_jvp(x, 1.0), (square_plus_x(x), want));
        assert_eq!(square_plus_x_grad(x), (square_plus_x(x), want), "f_grad at {x}");
        assert_eq!(square_plus_x_vjp(x, 1.0).1, want, "f_vjp at {x}");
    }
}

#[test]
fn supported_code_compiles() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/regressions/*.rs");
}

/// `&v` of an active value: the reference was given no derivative, so everything read
/// through it became a constant and the gradient silently lost those terms.
#[differentiate]
fn through_a_reference(x: f64, y: f64) -> f64 {
    let r = &x;
    *r * y
}

#[differentiate]
fn through_a_slice_reference(v: &[f64]) -> f64 {
    let r = &v;
    r[0] * r[1]
}

#[differentiate]
fn through_an_element_reference(a: [f64; 2]) -> f64 {
    let r = &a[1];
    *r * a[0]
}

#[test]
fn shared_reference_of_an_active_value_keeps_its_derivative() {
    assert_eq!(through_a_reference_grad(2.0, 3.0), (6.0, (3.0, 2.0)));
    assert_eq!(through_a_reference_jvp(2.0, 3.0, 1.0, 0.0), (6.0, 3.0));
    assert_eq!(through_a_slice_reference_grad(&[2.0, 3.0]), (6.0, vec![3.0, 2.0]));
    assert_eq!(through_an_element_reference_grad([2.0, 3.0]), (6.0, [3.0, 2.0]));
    assert_eq!(through_a_reference(2.0, 3.0), 6.0);
    assert_eq!(through_a_slice_reference(&[2.0, 3.0]), 6.0);
    assert_eq!(through_an_element_reference([2.0, 3.0]), 6.0);
}

type Real = f64;

/// `x as T` where `T` is a float the macro does not spell out (an alias, a path to the
/// primitive, `_`): the cast was taken for an integer cast and ended the derivative,
/// silently.
#[differentiate]
fn cast_to_an_alias(x: f64) -> f64 {
    (x as Real) * 2.0
}

#[differentiate]
fn cast_to_a_primitive_path(x: f64) -> f64 {
    (x as core::primitive::f64) * 2.0
}

#[differentiate]
fn cast_to_an_inferred_type(x: f64) -> f64 {
    let y = x as _;
    let z: f64 = y;
    z * 2.0
}

#[test]
fn cast_to_a_float_spelled_otherwise_keeps_its_derivative() {
    assert_eq!(cast_to_an_alias_grad(1.5), (cast_to_an_alias(1.5), 2.0));
    assert_eq!(cast_to_a_primitive_path_grad(1.5), (cast_to_a_primitive_path(1.5), 2.0));
    assert_eq!(cast_to_an_inferred_type_grad(1.5), (cast_to_an_inferred_type(1.5), 2.0));
    assert_eq!(cast_to_an_alias_jvp(1.5, 1.0), (3.0, 2.0));
}
