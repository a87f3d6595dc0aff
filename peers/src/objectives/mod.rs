//! The objectives, each in every style, and the instances that are timed and tested.

pub mod dense;
pub mod gmm;
pub mod layer;
pub mod lse;
pub mod lstm;
pub mod ode;
pub mod product;
pub mod quad_tanh;
pub mod rosenbrock;
pub mod seed;

use crate::{Hessian, Jacobian, Objective};

pub use dense::Dense;
pub use gmm::{Gmm, GmmIndexed};
pub use layer::Layer;
pub use lse::LogSumExp;
pub use lstm::Lstm;
pub use ode::Ode;
pub use product::RunningProduct;
pub use quad_tanh::QuadTanh;
pub use rosenbrock::{Rosenbrock, RosenbrockHessian};
pub use seed::Seed;

/// The GMM sizes timed: d in {2, 10, 20}, k in {5, 25}, n = 1000.
pub const GMM_SIZES: [(usize, usize); 6] = [(2, 5), (2, 25), (10, 5), (10, 25), (20, 5), (20, 25)];

/// The instances that are timed, in table order (gradients, then Jacobians, then
/// Hessians). `quick` keeps one or two of each family, at sizes that time in a few
/// seconds in all.
pub fn benchmarked(quick: bool) -> Vec<Box<dyn Objective>> {
    let mut v: Vec<Box<dyn Objective>> = vec![Box::new(Seed)];
    let rosen: &[usize] = if quick { &[16, 1024] } else { &[16, 128, 1024] };
    for &n in rosen {
        v.push(Box::new(Rosenbrock { n }));
    }
    v.push(Box::new(LogSumExp { n: 1024 }));
    v.push(Box::new(RunningProduct { n: 1024 }));
    let dense: &[usize] = if quick { &[32] } else { &[32, 1024] };
    for &n in dense {
        v.push(Box::new(Dense::new(n)));
    }
    let gmm: &[(usize, usize)] = if quick { &[(2, 5), (10, 5)] } else { &GMM_SIZES };
    for &(d, k) in gmm {
        v.push(Box::new(Gmm::new(d, k, 1000)));
    }
    for &(d, k) in gmm {
        v.push(Box::new(GmmIndexed(Gmm::new(d, k, 1000))));
    }
    let lstm: &[usize] = if quick { &[20] } else { &[20, 1024] };
    for &c in lstm {
        v.push(Box::new(Lstm::new(2, 14, c)));
    }
    v.push(Box::new(Ode { n: 16, s: 1000 }));
    let layer: &[usize] = if quick { &[64] } else { &[256, 1024] };
    for &n in layer {
        v.push(Box::new(Jacobian(Layer::new(n))));
    }
    v.push(Box::new(Hessian::new(RosenbrockHessian { n: 64 })));
    v.push(Box::new(Hessian::new(QuadTanh::new(64))));
    v
}

/// Small instances of every family for the agreement test: every contender runs.
pub fn small() -> Vec<Box<dyn Objective>> {
    vec![
        Box::new(Seed),
        Box::new(Rosenbrock { n: 2 }),
        Box::new(Rosenbrock { n: 16 }),
        Box::new(LogSumExp { n: 1 }),
        Box::new(LogSumExp { n: 33 }),
        Box::new(Dense::new(7)),
        Box::new(Gmm::new(1, 1, 7)),
        Box::new(Gmm::new(2, 3, 20)),
        Box::new(Gmm::with_prior(3, 4, 25, 1.7, 2.0)),
        Box::new(Gmm::new(5, 3, 10)),
        Box::new(GmmIndexed(Gmm::with_prior(4, 3, 12, 0.7, 1.5))),
        Box::new(Lstm::new(1, 3, 3)),
        Box::new(Lstm::new(2, 4, 6)),
        Box::new(Ode { n: 1, s: 3 }),
        Box::new(Ode { n: 5, s: 40 }),
        Box::new(RunningProduct { n: 1 }),
        Box::new(RunningProduct { n: 40 }),
        Box::new(Jacobian(Layer::new(1))),
        Box::new(Jacobian(Layer::new(19))),
        Box::new(Hessian::new(RosenbrockHessian { n: 2 })),
        Box::new(Hessian::new(RosenbrockHessian { n: 21 })),
        Box::new(Hessian::new(QuadTanh::new(1))),
        Box::new(Hessian::new(QuadTanh::new(18))),
    ]
}
