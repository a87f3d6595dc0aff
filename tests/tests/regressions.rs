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

/// A `let mut` array literal with an active element inside a loop: the reverse sweep
/// computed the loop body again to get its values, and in that copy created the array as
/// zeros without the stores lowering made of the literal, so `w[0]` read 0 (gradient
/// (6, 0) for (6, 1) at (0.5, 3)). Found by the differential fuzzer.
#[differentiate(order = 2)]
fn literal_array_in_a_loop(a: f64, b: f64) -> f64 {
    let mut s = 0.0;
    for _ in 0..2 {
        let mut w = [a, 1.0];
        w[1] += b;
        s += w[0] * b + w[1];
    }
    s
}

#[test]
fn array_literal_in_a_loop_is_rebuilt_with_its_elements() {
    // f = 2ab + 2(1 + b): gradient (2b, 2a + 2), Hessian [[0, 2], [2, 0]].
    let (a, b) = (0.5, 3.0);
    let (y, g) = literal_array_in_a_loop_grad(a, b);
    assert_eq!(y, literal_array_in_a_loop(a, b));
    assert_eq!(g, (2.0 * b, 2.0 * a + 2.0));
    assert_eq!(literal_array_in_a_loop_vjp(a, b, 2.0).1, (4.0 * b, 4.0 * a + 4.0));
    let (_, _, h) = literal_array_in_a_loop_hessian(a, b);
    assert_eq!(h, [[0.0, 2.0], [2.0, 0.0]]);
}

#[differentiate(order = 2)]
fn taken_then_written(v: &[f64], s: f64) -> f64 {
    v[1] * s
}

/// An array passed to a callee and written after the call: the reverse sweep called
/// the callee's `_vjp` with the array as it was at the end of the function, not as it
/// was at the call (gradient 1 of a function that is 0 everywhere).
#[differentiate(order = 2)]
fn array_written_after_a_call(y: f64) -> f64 {
    let mut w = [0.0, y];
    let r = taken_then_written(&w, y);
    w[1] = 1.0;
    r + w[1] * y
}

#[test]
fn a_callee_sees_the_array_as_it_was_at_the_call() {
    // f = y² + y: gradient 2y + 1, second derivative 2.
    for y in [0.5, -1.25] {
        let (v, g) = array_written_after_a_call_grad(y);
        assert_eq!((v, g), (y * y + y, 2.0 * y + 1.0), "at {y}");
        assert_eq!(v, array_written_after_a_call(y));
        assert_eq!(array_written_after_a_call_jvp(y, 1.0).1, 2.0 * y + 1.0);
        let (_, g2, h) = array_written_after_a_call_hessian(y);
        assert_eq!((g2, h), (2.0 * y + 1.0, [[2.0]]));
    }
}

/// `Vec::new()` and `push` after an `if` that returns: the reverse sweep of the branch
/// declared the `Vec` again, empty, and sized its adjoint from it (an index-out-of-bounds
/// panic in `f_grad`).
#[differentiate(order = 2)]
#[allow(clippy::vec_init_then_push)] // the pattern that broke
fn pushed_after_an_early_return(x: f64) -> f64 {
    if x < 0.0 {
        return 1.0;
    }
    let mut w: Vec<f64> = Vec::new();
    w.push(x);
    w.push(x * x);
    w[0] + w[1]
}

#[test]
fn a_vec_pushed_after_an_early_return_has_its_adjoint() {
    assert_eq!(pushed_after_an_early_return(0.5), 0.75);
    assert_eq!(pushed_after_an_early_return_grad(0.5), (0.75, 2.0));
    assert_eq!(pushed_after_an_early_return_grad(-0.5), (1.0, 0.0));
    assert_eq!(pushed_after_an_early_return_hessian(0.5).2, [[2.0]]);
}

#[differentiate(order = 2)]
fn weighted(v: &[f64], s: f64) -> f64 {
    v[0] * v[1] * s
}

/// A call in a loop reading an array built in the loop body: the reversed body built
/// the array again from its `let` (zeros), without the stores, and called the callee's
/// `_vjp` on that.
#[differentiate(order = 2)]
fn call_on_a_local_array_in_a_loop(x: f64) -> f64 {
    let mut s = 0.0;
    for k in 0..3 {
        let mut w = [0.0; 2];
        w[0] = x;
        w[1] = x * k as f64;
        s += weighted(&w, x);
    }
    s
}

/// A call in a loop reading an array the loop writes after the call.
#[differentiate(order = 2)]
fn call_on_an_array_the_loop_writes(x: f64) -> f64 {
    let mut w = vec![1.0; 2];
    w[1] = x;
    let mut s = 0.0;
    for _ in 0..3 {
        s += weighted(&w, 1.0);
        w[0] = w[1] * x;
    }
    s
}

#[test]
fn calls_in_loops_see_arrays_as_they_were_at_the_call() {
    // Σ_k x · kx · x = 3x³: gradient 9x², second derivative 18x.
    for x in [0.5, -1.5] {
        let (v, g) = call_on_a_local_array_in_a_loop_grad(x);
        assert!((v - call_on_a_local_array_in_a_loop(x)).abs() < 1e-15);
        assert!((g - 9.0 * x * x).abs() < 1e-12, "{g} at {x}");
        let (_, _, h) = call_on_a_local_array_in_a_loop_hessian(x);
        assert!((h[0][0] - 18.0 * x).abs() < 1e-12, "{h:?} at {x}");
    }
    // w = (1, x), (x², x), (x², x): s = x + x³ + x³, gradient 1 + 6x², second 12x.
    for x in [0.5, -1.5] {
        let (v, g) = call_on_an_array_the_loop_writes_grad(x);
        assert!((v - call_on_an_array_the_loop_writes(x)).abs() < 1e-15);
        assert!((g - (1.0 + 6.0 * x * x)).abs() < 1e-12, "{g} at {x}");
        assert!((call_on_an_array_the_loop_writes_jvp(x, 1.0).1 - g).abs() < 1e-12);
        let (_, _, h) = call_on_an_array_the_loop_writes_hessian(x);
        assert!((h[0][0] - 12.0 * x).abs() < 1e-12, "{h:?} at {x}");
    }
}

/// A dead store of a value that is infinite: reverse mode carried the element's zero
/// adjoint through the partials of `1 / d` at `d = 0` and made the gradient NaN. Found
/// by the differential fuzzer.
#[differentiate(order = 2)]
fn dead_store_of_an_infinite_value(x: &[f64]) -> f64 {
    let mut w = x.to_vec();
    w[0] = 1.0 / (x[1] - w[1]);
    w[1] * w[1]
}

/// A store that looks dead but is read through an index computed at run time (and one
/// overwritten later) stays.
#[differentiate]
fn stores_read_later(x: &[f64], k: usize) -> f64 {
    let mut w = [0.0; 3];
    w[0] = x[0] * x[1];
    w[2] = x[1];
    let t = w[k];
    w[2] = x[0];
    t + w[2]
}

#[test]
fn dead_stores_do_not_poison_the_gradient() {
    let x = [0.5, 2.0];
    assert_eq!(dead_store_of_an_infinite_value(&x), 4.0);
    assert_eq!(dead_store_of_an_infinite_value_grad(&x), (4.0, vec![0.0, 4.0]));
    assert_eq!(dead_store_of_an_infinite_value_hessian(&x).2, vec![vec![0.0, 0.0], vec![0.0, 2.0]]);
    // k = 0: x0 x1 + x0; k = 2: x1 + x0.
    assert_eq!(stores_read_later_grad(&x, 0), (stores_read_later(&x, 0), vec![3.0, 0.5]));
    assert_eq!(stores_read_later_grad(&x, 2), (stores_read_later(&x, 2), vec![1.0, 1.0]));
}

/// Reads of an array after its last write are computed again in the reversed loop (the
/// array still holds those values); reads followed by a later write are saved. Both
/// kinds in one function: `w` is filled, read in a loop, then written again and read.
#[differentiate]
#[allow(clippy::needless_range_loop, clippy::assign_op_pattern)] // index loops are the point
fn reads_before_and_after_the_last_write(x: &[f64]) -> f64 {
    let mut w = [0.0; 3];
    for i in 0..3 {
        w[i] = x[i] * x[i];
    }
    let mut s = 0.0;
    for i in 0..3 {
        s += w[i] * x[(i + 1) % 3];
    }
    for i in 0..3 {
        w[i] = w[i] * x[i];
    }
    let mut t = 0.0;
    for i in 0..3 {
        t += w[i].sin();
    }
    s + t
}

#[test]
fn reads_of_an_array_rewritten_later_are_saved() {
    let x = [0.3, -0.8, 1.1];
    // s = Σ x_i² x_{i+1}, t = Σ sin(x_i³).
    let f = |x: &[f64]| {
        (0..3).map(|i| x[i] * x[i] * x[(i + 1) % 3]).sum::<f64>()
            + (0..3).map(|i| (x[i] * x[i] * x[i]).sin()).sum::<f64>()
    };
    let (v, g) = reads_before_and_after_the_last_write_grad(&x);
    assert!((v - f(&x)).abs() < 1e-14 && v == reads_before_and_after_the_last_write(&x));
    for j in 0..3 {
        let p = (j + 2) % 3; // the i with i + 1 = j
        let want = 2.0 * x[j] * x[(j + 1) % 3]
            + x[p] * x[p]
            + 3.0 * x[j] * x[j] * (x[j] * x[j] * x[j]).cos();
        assert!((g[j] - want).abs() < 1e-12, "entry {j}: {} vs {want}", g[j]);
    }
}

/// An array defined inside a branch or a loop body is built anew by the reversed block
/// (without its writes), so reads of it are saved even after its last write: computing
/// them again read zeros (found by the differential fuzzer when reads after an array's
/// last write began to be computed again).
#[differentiate]
#[allow(clippy::needless_range_loop)] // index loops are the point
fn arrays_local_to_a_branch_and_a_loop(x: f64, y: f64) -> f64 {
    let mut s = 0.0;
    if x > 0.0 {
        let mut w = [y, 1.0];
        w[1] = x;
        s += w[0] * w[1];
    }
    for k in 0..2 {
        let mut v = [0.0; 2];
        v[0] = x * y;
        v[1] = y + k as f64;
        for j in 0..2 {
            s += v[j] * x;
        }
    }
    s
}

#[test]
fn arrays_local_to_a_block_are_read_as_written() {
    // x > 0: s = x y + Σ_k (x² y + x (y + k)) = x y + 2 x² y + 2 x y + x.
    let (x, y) = (0.5, -1.5);
    let (v, g) = arrays_local_to_a_branch_and_a_loop_grad(x, y);
    assert_eq!(v, arrays_local_to_a_branch_and_a_loop(x, y));
    let want = (3.0 * y + 4.0 * x * y + 1.0, 3.0 * x + 2.0 * x * x);
    assert!((g.0 - want.0).abs() < 1e-12 && (g.1 - want.1).abs() < 1e-12, "{g:?} vs {want:?}");
}

/// A block that shadows a local and holds a loop with an early `return`: after the block,
/// the outer local is read again. The scopes of the block's loop were left one too many,
/// so the inner `v0` was read instead (the value and derivative of the fuzzer's seed 29,
/// program 130, were those of the inner local).
#[differentiate(order = 2)]
fn shadowed_through_a_returning_loop(x: &[f64; 2], y: f64) -> f64 {
    let v0 = y * 3.0;
    if x[1] <= 1.0 {
        let mut v0 = y;
        for i in 0..3 {
            v0 = v0 * 2.0 + x[0];
            if i as f64 > x[0] + 5.0 {
                return v0;
            }
        }
    }
    v0 * y
}

#[test]
fn a_shadowed_local_after_a_block_whose_loop_returns() {
    // The loop runs to its end (no return): f = 3 y^2.
    let (x, y) = ([0.5, -0.5], 1.5);
    let v = shadowed_through_a_returning_loop(&x, y);
    assert_eq!(v, 3.0 * y * y);
    let (gv, (gx, gy)) = shadowed_through_a_returning_loop_grad(&x, y);
    assert_eq!((gv, gx, gy), (v, [0.0, 0.0], 6.0 * y));
    assert_eq!(shadowed_through_a_returning_loop_jvp(&x, y, [1.0, 1.0], 1.0), (v, 6.0 * y));
    let (_, _, h) = shadowed_through_a_returning_loop_hessian(&x, y);
    assert_eq!(h, vec![vec![0.0, 0.0, 0.0], vec![0.0, 0.0, 0.0], vec![0.0, 0.0, 6.0]]);
    // The loop returns at its first iteration: f = 2 y + x0.
    let x = [-5.5, -0.5];
    let (v, (gx, gy)) = shadowed_through_a_returning_loop_grad(&x, y);
    assert_eq!(v, shadowed_through_a_returning_loop(&x, y));
    assert_eq!((v, gx, gy), (2.0 * y + x[0], [1.0, 0.0], 2.0));
}

/// `let a = [0.0; 2]; let mut b = a;`: `b` was taken for a fresh local of its own `let`
/// (the fill was the statement just lowered) and not copied, so `b[0] = x` wrote into `a`
/// too. Value and gradient were `3x` and 3 where the function computes `2x`.
#[differentiate]
fn copy_of_a_named_fill(x: f64) -> f64 {
    let a = [0.0; 2];
    let mut b = a;
    b[0] = x;
    a[0] + b[0] * 2.0
}

#[test]
fn writes_to_a_copy_do_not_reach_the_array_copied() {
    let x = 3.0;
    assert_eq!(copy_of_a_named_fill(x), 2.0 * x);
    assert_eq!(copy_of_a_named_fill_grad(x), (2.0 * x, 2.0));
    assert_eq!(copy_of_a_named_fill_jvp(x, 1.0), (2.0 * x, 2.0));
}

/// `let mut m = vec![a, b]; m.push(c);`: the literal was copied into `m` (it was not the
/// statement just lowered: its elements' stores were), and the copy's adjoint, one element
/// longer after the push, was added into the literal's, which panicked.
#[differentiate]
fn push_onto_a_vec_literal(x: &[f64]) -> Vec<f64> {
    let mut m = vec![x[0], x[1] * x[1]];
    m.push(x[2]);
    m
}

#[test]
fn a_vec_literal_pushed_onto() {
    let x = [0.5, -1.5, 2.0];
    let (y, j) = push_onto_a_vec_literal_jacobian(&x);
    assert_eq!(y, push_onto_a_vec_literal(&x));
    assert_eq!(j, vec![vec![1.0, 0.0, 0.0], vec![0.0, -3.0, 0.0], vec![0.0, 0.0, 1.0]]);
    let (_, g) = push_onto_a_vec_literal_vjp(&x, &[1.0, 2.0, 3.0]);
    assert_eq!(g, vec![1.0, -6.0, 3.0]);
}

/// A callee returning a `Vec`: its `_vjp` takes the cotangent as `&[T]`, and the caller
/// passed its adjoint, a `Vec<T>`, by value (a type error in generated code). The
/// cotangent now goes through `tangent_arg`, which rustc resolves from the callee's
/// signature.
#[differentiate]
fn squares(x: &[f64]) -> Vec<f64> {
    let mut y = vec![0.0; x.len()];
    for i in 0..x.len() {
        y[i] = x[i] * x[i];
    }
    y
}

#[differentiate]
fn sum_of_two_squares(x: &[f64]) -> f64 {
    let y = squares(x);
    y[0] + 3.0 * y[1]
}

#[test]
fn a_callee_returning_a_vec() {
    let x = [1.5, -2.0];
    assert_eq!(sum_of_two_squares_grad(&x), (sum_of_two_squares(&x), vec![3.0, -12.0]));
    assert_eq!(sum_of_two_squares_jvp(&x, &[1.0, 1.0]).1, 3.0 - 12.0);
}
