//! The scalar trait that the peers' versions of every objective are generic over.
//!
//! The peers are operator-overloading crates: each objective is written once, generic
//! over [`Real`], and run with `f64` (a check against the plain version), num-dual's
//! `DualDVec64` (gradients, Jacobians) and `Dual2DVec64` (Hessians), echidna's
//! `Reverse<f64>` (gradients), `Dual<f64>` (Jacobians) and `BReverse<f64>` (Hessians),
//! and ad_trait's `adr` (gradients), `adfn<N>` (Jacobians) and `HyperAD_ADFN<N>`
//! (Hessians). num-dual's dynamic dual
//! vectors are not `Copy`, so the generic code clones an operand that it uses twice; for
//! the `Copy` types a clone is a copy.

use std::ops::{Add, Div, Mul, Neg, Sub};

use ad_trait::forward_ad::adfn::adfn;
use ad_trait::hyper_ad::hyper::HyperAD_ADFN;
use ad_trait::hyper_ad::hyper_adr::HyperAD_ADR;
use ad_trait::nalgebra::ComplexField;
use ad_trait::reverse_ad::adr::adr;
use ad_trait::AD;
use echidna::{BReverse, Dual, Reverse, Scalar};
use num_dual::{Dual2DVec64, DualDVec64, DualNum};

/// A real number type: arithmetic between two values, a few functions, and constants.
pub trait Real:
    Clone
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// The constant `c`, through which no derivative flows.
    fn cst(c: f64) -> Self;
    /// The value, without its derivative.
    fn val(&self) -> f64;
    /// `e^self`.
    fn exp(&self) -> Self;
    /// The natural logarithm.
    fn ln(&self) -> Self;
    /// The hyperbolic tangent.
    fn tanh(&self) -> Self;
    /// `self * self`.
    fn sq(&self) -> Self {
        self.clone() * self.clone()
    }
    /// The logistic function `1 / (1 + e^-self)`.
    fn sigmoid(&self) -> Self {
        Self::cst(1.0) / (Self::cst(1.0) + (-self.clone()).exp())
    }
}

impl Real for f64 {
    fn cst(c: f64) -> Self {
        c
    }
    fn val(&self) -> f64 {
        *self
    }
    fn exp(&self) -> Self {
        f64::exp(*self)
    }
    fn ln(&self) -> Self {
        f64::ln(*self)
    }
    fn tanh(&self) -> Self {
        f64::tanh(*self)
    }
    fn sq(&self) -> Self {
        self * self
    }
}

impl Real for DualDVec64 {
    fn cst(c: f64) -> Self {
        DualDVec64::from_re(c)
    }
    fn val(&self) -> f64 {
        self.re
    }
    fn exp(&self) -> Self {
        DualNum::exp(self)
    }
    fn ln(&self) -> Self {
        DualNum::ln(self)
    }
    fn tanh(&self) -> Self {
        DualNum::tanh(self)
    }
    fn sq(&self) -> Self {
        DualNum::powi(self, 2)
    }
}

impl Real for Reverse<f64> {
    fn cst(c: f64) -> Self {
        Reverse::constant(c)
    }
    fn val(&self) -> f64 {
        Scalar::value(self)
    }
    fn exp(&self) -> Self {
        num_traits::Float::exp(*self)
    }
    fn ln(&self) -> Self {
        num_traits::Float::ln(*self)
    }
    fn tanh(&self) -> Self {
        num_traits::Float::tanh(*self)
    }
    fn sq(&self) -> Self {
        *self * *self
    }
}

impl Real for adr {
    fn cst(c: f64) -> Self {
        <adr as AD>::constant(c)
    }
    fn val(&self) -> f64 {
        self.value()
    }
    fn exp(&self) -> Self {
        ComplexField::exp(*self)
    }
    fn ln(&self) -> Self {
        ComplexField::ln(*self)
    }
    fn tanh(&self) -> Self {
        ComplexField::tanh(*self)
    }
    fn sq(&self) -> Self {
        *self * *self
    }
}

impl Real for Dual2DVec64 {
    fn cst(c: f64) -> Self {
        Dual2DVec64::from_re(c)
    }
    fn val(&self) -> f64 {
        self.re
    }
    fn exp(&self) -> Self {
        DualNum::exp(self)
    }
    fn ln(&self) -> Self {
        DualNum::ln(self)
    }
    fn tanh(&self) -> Self {
        DualNum::tanh(self)
    }
    fn sq(&self) -> Self {
        DualNum::powi(self, 2)
    }
}

/// echidna's other `Copy` scalars, through `num_traits::Float`.
macro_rules! echidna_real {
    ($($t:ty),*) => {$(
        impl Real for $t {
            fn cst(c: f64) -> Self {
                <$t>::constant(c)
            }
            fn val(&self) -> f64 {
                Scalar::value(self)
            }
            fn exp(&self) -> Self {
                num_traits::Float::exp(*self)
            }
            fn ln(&self) -> Self {
                num_traits::Float::ln(*self)
            }
            fn tanh(&self) -> Self {
                num_traits::Float::tanh(*self)
            }
            fn sq(&self) -> Self {
                *self * *self
            }
        }
    )*};
}

echidna_real!(Dual<f64>, BReverse<f64>);

/// ad_trait's forward-mode scalars, through its `AD` trait.
macro_rules! ad_trait_real {
    ($($t:ident),*) => {$(
        impl<const N: usize> Real for $t<N> {
            fn cst(c: f64) -> Self {
                <$t<N> as AD>::constant(c)
            }
            fn val(&self) -> f64 {
                AD::to_constant(self)
            }
            fn exp(&self) -> Self {
                ComplexField::exp(*self)
            }
            fn ln(&self) -> Self {
                ComplexField::ln(*self)
            }
            fn tanh(&self) -> Self {
                ComplexField::tanh(*self)
            }
            fn sq(&self) -> Self {
                *self * *self
            }
        }
    )*};
}

ad_trait_real!(adfn, HyperAD_ADFN, HyperAD_ADR);
