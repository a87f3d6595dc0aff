//! How each peer turns a function generic over [`Real`](crate::Real) into a gradient, a
//! Jacobian or a Hessian: the way each crate's documentation shows it. Jacobians and
//! Hessians are written row-major into a flat buffer.

use ad_trait::differentiable_function::{
    DerivativeMethodTrait, DifferentiableFunctionTrait, ForwardADMulti, HessianAD,
    HessianMethodTrait,
};
use ad_trait::forward_ad::adfn::adfn;
use ad_trait::hyper_ad::hyper::HyperAD_ADFN;
use ad_trait::reverse_ad::adr::{adr, GlobalComputationGraph};
use ad_trait::AD;
use echidna::{BReverse, Dual, Reverse, Scalar};
use nalgebra::{DMatrix, DVector};
use num_dual::{Dual2DVec64, DualDVec64};

/// ad_trait's tangent lanes for Jacobians (`adfn<8>`: 8 columns per forward sweep). Of
/// 8, 16 and 32 lanes, and of its reverse mode (one sweep of the graph per output), 8
/// lanes was the fastest on the dense layer at n = 256 (35 ms against 64, 71 and 378).
pub const AD_TRAIT_JACOBIAN_LANES: usize = 8;
/// ad_trait's lanes for Hessians (`HessianAD<8>`: an 8 x 8 block of the Hessian per
/// forward-over-forward sweep). Its forward-over-reverse `HessianAD_FOR` and 4 or 16
/// lanes were no faster at n = 64.
pub const AD_TRAIT_HESSIAN_LANES: usize = 8;
/// echidna's tangent lanes for Hessians (`hessian_vec::<16>`, as many as our
/// `f_hessian` carries): 2-3x faster than its one-direction `hessian` at n = 64.
pub const ECHIDNA_HESSIAN_LANES: usize = 16;

/// num-dual's `gradient`: one forward sweep carrying a dual vector as long as `p`.
pub fn num_dual(p: &[f64], g: &mut [f64], f: impl Fn(&[DualDVec64]) -> DualDVec64) -> f64 {
    let x = DVector::from_column_slice(p);
    let (y, grad) = num_dual::gradient(|v: DVector<DualDVec64>| f(v.as_slice()), &x);
    g.copy_from_slice(grad.as_slice());
    y
}

/// echidna's `grad`: records the function on its thread-local tape, then sweeps it back.
pub fn echidna(p: &[f64], g: &mut [f64], f: impl FnOnce(&[Reverse<f64>]) -> Reverse<f64>) -> f64 {
    let mut y = 0.0;
    let grad = echidna::grad(
        |v| {
            let out = f(v);
            y = out.value();
            out
        },
        p,
    );
    g.copy_from_slice(&grad);
    y
}

/// ad_trait's reverse mode, as its `ReverseAD` engine drives it: resets the global
/// graph, makes the inputs variables, runs the function and sweeps back from the output.
pub fn ad_trait(p: &[f64], g: &mut [f64], f: impl FnOnce(&[adr]) -> adr) -> f64 {
    GlobalComputationGraph::get().reset();
    let v: Vec<adr> = p.iter().map(|&x| adr::new_variable(x, false)).collect();
    let out = f(&v);
    if out.is_constant() {
        g.fill(0.0);
    } else {
        let adjoints = out.get_backwards_mode_grad();
        for (gi, vi) in g.iter_mut().zip(&v) {
            *gi = adjoints.wrt(vi);
        }
    }
    out.value()
}

/// Central differences of `f`, one pair of evaluations per parameter, with the step
/// `cbrt(eps) * max(1, |p_i|)`. Returns `f(p)`.
pub fn central_differences(p: &[f64], g: &mut [f64], f: impl Fn(&[f64]) -> f64) -> f64 {
    let mut q = p.to_vec();
    let step = f64::EPSILON.cbrt();
    for i in 0..p.len() {
        let h = step * p[i].abs().max(1.0);
        q[i] = p[i] + h;
        let up = f(&q);
        q[i] = p[i] - h;
        let down = f(&q);
        q[i] = p[i];
        g[i] = (up - down) / (2.0 * h);
    }
    f(p)
}

/// Copies an nalgebra matrix into `out`, row-major.
fn put_rows(m: &DMatrix<f64>, out: &mut [f64]) {
    put_entries(m.nrows(), m.ncols(), |i, j| m[(i, j)], out);
}

/// Copies an ad_trait matrix (of its own nalgebra version) into `out`, row-major.
fn put_rows_ad_trait(m: &ad_trait::nalgebra::DMatrix<f64>, out: &mut [f64]) {
    put_entries(m.nrows(), m.ncols(), |i, j| m[(i, j)], out);
}

fn put_entries(rows: usize, cols: usize, at: impl Fn(usize, usize) -> f64, out: &mut [f64]) {
    for i in 0..rows {
        for j in 0..cols {
            out[i * cols + j] = at(i, j);
        }
    }
}

/// Copies rows into `out`, one after the other.
fn put_nested(rows: &[Vec<f64>], out: &mut [f64]) {
    let mut at = 0;
    for row in rows {
        crate::put(out, &mut at, row);
    }
}

/// num-dual's `jacobian`: one forward sweep carrying a dual vector as long as `p`.
pub fn num_dual_jacobian(
    p: &[f64],
    j: &mut [f64],
    f: impl FnOnce(&[DualDVec64]) -> Vec<DualDVec64>,
) -> Vec<f64> {
    let x = DVector::from_column_slice(p);
    let (y, jac) =
        num_dual::jacobian(|v: DVector<DualDVec64>| DVector::from_vec(f(v.as_slice())), &x);
    put_rows(&jac, j);
    y.as_slice().to_vec()
}

/// echidna's `jacobian`: forward mode, one sweep per input (and one for the value).
pub fn echidna_jacobian(
    p: &[f64],
    j: &mut [f64],
    f: impl Fn(&[Dual<f64>]) -> Vec<Dual<f64>>,
) -> Vec<f64> {
    let (y, jac) = echidna::jacobian(f, p);
    put_nested(&jac, j);
    y
}

/// A closure as ad_trait's `DifferentiableFunctionTrait`, for its derivative methods.
struct AdTraitFn<F> {
    f: F,
    inputs: usize,
    outputs: usize,
}

impl<T: AD, F: Fn(&[T]) -> Vec<T>> DifferentiableFunctionTrait<T> for AdTraitFn<F> {
    const NAME: &'static str = "objective";
    fn call(&self, inputs: &[T], _freeze: bool) -> Vec<T> {
        (self.f)(inputs)
    }
    fn num_inputs(&self) -> usize {
        self.inputs
    }
    fn num_outputs(&self) -> usize {
        self.outputs
    }
}

/// ad_trait's `ForwardADMulti` with `adfn<8>`: vector forward mode, 8 columns per sweep.
pub fn ad_trait_jacobian(
    p: &[f64],
    j: &mut [f64],
    outputs: usize,
    f: impl Fn(&[adfn<AD_TRAIT_JACOBIAN_LANES>]) -> Vec<adfn<AD_TRAIT_JACOBIAN_LANES>>,
) -> Vec<f64> {
    let function = AdTraitFn { f, inputs: p.len(), outputs };
    let (y, jac) = ForwardADMulti::<adfn<AD_TRAIT_JACOBIAN_LANES>>::new().derivative(p, &function);
    put_rows_ad_trait(&jac, j);
    y
}

/// Central differences of a vector function, one pair of evaluations per input, with the
/// step of [`central_differences`]. Returns `f(p)`.
pub fn central_jacobian(p: &[f64], j: &mut [f64], f: impl Fn(&[f64]) -> Vec<f64>) -> Vec<f64> {
    let n = p.len();
    let mut q = p.to_vec();
    let step = f64::EPSILON.cbrt();
    for k in 0..n {
        let h = step * p[k].abs().max(1.0);
        q[k] = p[k] + h;
        let up = f(&q);
        q[k] = p[k] - h;
        let down = f(&q);
        q[k] = p[k];
        for i in 0..up.len() {
            j[i * n + k] = (up[i] - down[i]) / (2.0 * h);
        }
    }
    f(p)
}

/// num-dual's `hessian`: one forward sweep of second-order dual numbers (`Dual2DVec64`)
/// carrying the gradient and the Hessian.
pub fn num_dual_hessian(
    p: &[f64],
    h: &mut [f64],
    f: impl Fn(&[Dual2DVec64]) -> Dual2DVec64,
) -> f64 {
    let x = DVector::from_column_slice(p);
    let (y, _, hess) = num_dual::hessian(|v: DVector<Dual2DVec64>| f(v.as_slice()), &x);
    put_rows(&hess, h);
    y
}

/// echidna's `hessian_vec::<16>`: records the function on its bytecode tape, then
/// forward over reverse, 16 tangents per sweep of the tape.
pub fn echidna_hessian(
    p: &[f64],
    h: &mut [f64],
    f: impl FnOnce(&[BReverse<f64>]) -> BReverse<f64>,
) -> f64 {
    let (y, _, hess) = echidna::hessian_vec::<f64, ECHIDNA_HESSIAN_LANES>(f, p);
    put_nested(&hess, h);
    y
}

/// ad_trait's `HessianAD<8>`: forward over forward, an 8 x 8 block per sweep.
pub fn ad_trait_hessian(
    p: &[f64],
    h: &mut [f64],
    f: impl Fn(&[HyperAD_ADFN<AD_TRAIT_HESSIAN_LANES>]) -> HyperAD_ADFN<AD_TRAIT_HESSIAN_LANES>,
) -> f64 {
    let function = AdTraitFn { f: |v: &[_]| vec![f(v)], inputs: p.len(), outputs: 1 };
    let (y, _, hess) = HessianAD::<AD_TRAIT_HESSIAN_LANES>::new().hessian(p, &function);
    put_rows_ad_trait(&hess[0], h);
    y[0]
}

/// Central differences of a gradient `grad` (which writes into its second argument),
/// one pair of gradients per input, with the step of [`central_differences`]; the
/// Hessian is not symmetrised. Returns `f(p)`.
pub fn central_hessian(
    p: &[f64],
    h: &mut [f64],
    grad: impl Fn(&[f64], &mut [f64]) -> f64,
    f: impl Fn(&[f64]) -> f64,
) -> f64 {
    let n = p.len();
    let mut q = p.to_vec();
    let (mut up, mut down) = (vec![0.0; n], vec![0.0; n]);
    let step = f64::EPSILON.cbrt();
    for k in 0..n {
        let d = step * p[k].abs().max(1.0);
        q[k] = p[k] + d;
        grad(&q, &mut up);
        q[k] = p[k] - d;
        grad(&q, &mut down);
        q[k] = p[k];
        for i in 0..n {
            h[k * n + i] = (up[i] - down[i]) / (2.0 * d);
        }
    }
    f(p)
}
