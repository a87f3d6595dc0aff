// Source: statrs-dev/statrs: src/function/logistic.rs, fn logit (with the helpers it calls: checked_logit)
use autodiff_core::differentiate;
use num_traits::Float as _;

#[differentiate]
pub fn logit(p: f64) -> f64 {
    checked_logit(p).unwrap()
}

#[differentiate]
pub fn checked_logit(p: f64) -> Option<f64> {
    if (0.0..=1.0).contains(&p) {
        Some((p / (1.0 - p)).ln())
    } else {
        None
    }
}
