//! Straight-line code is differentiated without a tape: the generated `f_grad`, `f_vjp`,
//! `f_jvp` (and `f_hvp`) of a function without loops, whose parameters and output are
//! floats and fixed arrays, keep every intermediate and adjoint in a local and allocate
//! nothing on the heap. A counting global allocator checks it call by call, and checks itself on
//! functions that do allocate (a `vec!` in the body, a gradient returned in a `Vec`).
//!
//! The count is per thread and only between `allocations`' two points, so that the test
//! harness's own allocations (other threads, output capture) are not counted.
#![allow(unsafe_code)] // the counting allocator below

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use autodiff_core::differentiate;

/// Forwards to the system allocator and counts the allocations made on the current
/// thread while its flag is up.
struct Counting;

thread_local! {
    // `const` initialisers without destructors: reading them never allocates, so the
    // allocator itself may use them.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    let on = COUNTING.try_with(Cell::get).unwrap_or(false);
    if on {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
    }
}

// SAFETY: every call is forwarded unchanged to the system allocator; counting touches
// only two thread-local cells.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: the caller's contract is System's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns how many heap allocations it made on this thread. Its result is
/// passed through `black_box` (and dropped after counting stops), so that nothing it
/// allocated can be optimised away.
fn allocations<R>(f: impl FnOnce() -> R) -> usize {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|on| on.set(true));
    let r = black_box(f());
    COUNTING.with(|on| on.set(false));
    drop(r);
    ALLOCATIONS.with(Cell::get)
}

/// The seed example, with transcendental functions: scalars in, scalar out.
#[differentiate(order = 2)]
fn phi(w1: f64, a: f64, b1: f64) -> f64 {
    let y1 = a * w1;
    let y2 = (y1 + b1).tanh();
    y2 * y2 + a.exp() * b1.sin() / (1.0 + w1 * w1).sqrt()
}

/// A fixed array by value and a scalar in, scalar out.
#[differentiate(order = 2)]
fn energy(x: [f64; 4], k: f64) -> f64 {
    let d01 = x[1] - x[0];
    let d12 = x[2] - x[1];
    let d23 = x[3] - x[2];
    0.5 * k * (d01 * d01 + d12 * d12 + d23 * d23) + (x[0] * x[3]).cos()
}

/// A fixed array by reference, in f32.
#[differentiate]
fn norm3(x: &[f32; 3]) -> f32 {
    (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]).sqrt()
}

/// Scalars in, a fixed array out.
#[differentiate]
fn polar(r: f64, theta: f64) -> [f64; 2] {
    [r * theta.cos(), r * theta.sin()]
}

/// A fixed array and a scalar in, a fixed array out.
#[differentiate]
fn rotate_z(p: [f64; 3], angle: f64) -> [f64; 3] {
    let (s, c) = (angle.sin(), angle.cos());
    [c * p[0] - s * p[1], s * p[0] + c * p[1], p[2] * angle.exp()]
}

/// A nested fixed array in, a scalar out.
#[differentiate(order = 2)]
fn det2(m: [[f64; 2]; 2]) -> f64 {
    m[0][0] * m[1][1] - m[0][1] * m[1][0]
}

/// Allocates in its body: the counter must see it.
#[differentiate]
#[allow(clippy::useless_vec)] // the heap allocation is the point
fn through_a_vec(x: [f64; 3]) -> f64 {
    let mut v = vec![0.0; 3];
    v[0] = x[0] * x[1];
    v[1] = x[1] * x[2];
    v[2] = x[2] * x[0];
    v[0] + v[1] + v[2]
}

/// A slice parameter: the gradient comes back in a `Vec`.
#[differentiate]
fn sum_sq(x: &[f64]) -> f64 {
    x[0] * x[0] + x[1] * x[1]
}

#[test]
fn straight_line_first_derivatives_allocate_nothing() {
    let (w1, a, b1) = (black_box(1.5), black_box(0.3), black_box(-0.7));
    let x4 = black_box([0.1, -0.4, 0.9, 1.3]);
    let x3f = black_box([0.5f32, -1.0, 2.0]);
    let p3 = black_box([1.0, 2.0, -0.5]);
    let m = black_box([[1.0, 2.0], [3.0, -4.0]]);
    let cases: Vec<(&str, usize)> = vec![
        ("phi_grad", allocations(|| phi_grad(w1, a, b1))),
        ("phi_vjp", allocations(|| phi_vjp(w1, a, b1, 2.0))),
        ("phi_jvp", allocations(|| phi_jvp(w1, a, b1, 1.0, 0.5, -1.0))),
        ("energy_grad", allocations(|| energy_grad(x4, 2.0))),
        ("energy_vjp", allocations(|| energy_vjp(x4, 2.0, 1.0))),
        ("energy_jvp", allocations(|| energy_jvp(x4, 2.0, [1.0, 0.0, -1.0, 0.5], 0.3))),
        ("norm3_grad", allocations(|| norm3_grad(&x3f))),
        ("norm3_vjp", allocations(|| norm3_vjp(&x3f, 1.0))),
        ("norm3_jvp", allocations(|| norm3_jvp(&x3f, [1.0, 1.0, 0.0]))),
        ("polar_vjp", allocations(|| polar_vjp(2.0, a, [1.0, -1.0]))),
        ("polar_jvp", allocations(|| polar_jvp(2.0, a, 1.0, 0.5))),
        ("rotate_z_vjp", allocations(|| rotate_z_vjp(p3, a, [1.0, 0.5, -2.0]))),
        ("rotate_z_jvp", allocations(|| rotate_z_jvp(p3, a, [0.0, 1.0, 0.0], 1.0))),
        ("det2_grad", allocations(|| det2_grad(m))),
        ("det2_vjp", allocations(|| det2_vjp(m, 1.0))),
        ("det2_jvp", allocations(|| det2_jvp(m, [[1.0, 0.0], [0.0, 1.0]]))),
        // Second order: a Hessian-vector product of straight-line code needs no tape
        // either.
        ("phi_hvp", allocations(|| phi_hvp(w1, a, b1, 1.0, 0.0, -1.0))),
        ("energy_hvp", allocations(|| energy_hvp(x4, 2.0, [1.0, 0.0, 0.0, 0.5], 1.0))),
        ("det2_hvp", allocations(|| det2_hvp(m, [[0.0, 1.0], [1.0, 0.0]]))),
    ];
    let allocating: Vec<_> = cases.iter().filter(|(_, n)| *n != 0).collect();
    assert!(allocating.is_empty(), "straight-line derivatives that allocate: {allocating:?}");
    // The values are the primal's, and the derivatives the right ones (a sample; the
    // numeric tests check the rest).
    assert_eq!(phi_grad(w1, a, b1).0, phi(w1, a, b1));
    assert_eq!(energy_vjp(x4, 2.0, 1.0).0, energy(x4, 2.0));
    assert_eq!(norm3_jvp(&x3f, [1.0, 1.0, 0.0]).0, norm3(&x3f));
    assert_eq!(polar_vjp(2.0, a, [1.0, -1.0]).0, polar(2.0, a));
    assert_eq!(rotate_z_jvp(p3, a, [0.0, 1.0, 0.0], 1.0).0, rotate_z(p3, a));
    assert_eq!(det2_grad(m).0, det2(m));
    let (_, g) = det2_grad(m);
    assert_eq!(g, [[-4.0, -3.0], [-2.0, 1.0]]);
    let (xy, t) = polar_jvp(2.0, 0.0, 1.0, 1.0);
    assert_eq!((xy, t), ([2.0, 0.0], [1.0, 2.0]));
}

#[test]
fn the_counter_sees_allocations() {
    let x = black_box([0.5, -1.5, 2.0]);
    assert!(allocations(|| through_a_vec(x)) >= 1, "the primal builds a Vec");
    assert!(allocations(|| through_a_vec_grad(x)) >= 1, "its gradient builds one too");
    let v = black_box(vec![1.0, 2.0]);
    assert!(allocations(|| sum_sq_grad(&v)) >= 1, "a slice's gradient is a Vec");
    assert_eq!(allocations(|| sum_sq(&v)), 0);
    let (y, g) = through_a_vec_grad(x);
    assert_eq!(y, through_a_vec(x));
    assert_eq!(g, [x[1] + x[2], x[0] + x[2], x[1] + x[0]]);
}
