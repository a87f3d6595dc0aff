//! Every contender's derivative (gradient, Jacobian, Hessian or Hessian-vector product)
//! agrees with the hand-written one and with num-dual's, on every objective, at small
//! sizes and at a few points; every value agrees with the primal. A benchmark of a wrong
//! derivative is worthless.

use autodiff_peers::objectives::{self, Gmm, Lstm};
use autodiff_peers::rng::Rng;
use autodiff_peers::{Contender, Objective};

/// The largest difference between `a` and `b`, relative to max(1, |b|) entry by entry.
fn max_rel_diff(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter().zip(b).map(|(x, y)| (x - y).abs() / y.abs().max(1.0)).fold(0.0, f64::max)
}

fn points(obj: &dyn Objective) -> Vec<Vec<f64>> {
    let p = obj.point();
    let mut rng = Rng::new(7);
    let mut out = vec![p.clone()];
    for _ in 0..2 {
        out.push(p.iter().map(|v| v + 0.1 * rng.normal()).collect());
    }
    out
}

fn check(obj: &dyn Objective) {
    for p in points(obj) {
        let n = obj.out_len(Contender::Hand);
        let primal = obj.run(Contender::Primal, &p, &mut []);
        let generic = obj.generic_f64(&p);
        assert!(
            (generic - primal).abs() <= 1e-12 * primal.abs().max(1.0),
            "{}: the generic version gives {generic}, the plain one {primal}",
            obj.label()
        );
        let mut hand = vec![f64::NAN; n];
        let y_hand = obj.run(Contender::Hand, &p, &mut hand);
        let mut dual = vec![f64::NAN; n];
        let y_dual = obj.run(Contender::NumDual, &p, &mut dual);
        // The two references agree first.
        let d = max_rel_diff(&hand, &dual);
        assert!(d < 1e-9, "{}: hand and num-dual differ by {d:e}", obj.label());
        for (name, y) in [("hand", y_hand), ("num-dual", y_dual)] {
            assert!(
                (y - primal).abs() <= 1e-12 * primal.abs().max(1.0),
                "{}: {name} value {y} vs primal {primal}",
                obj.label()
            );
        }
        for &c in obj.kind().contenders() {
            if c == Contender::Primal {
                continue;
            }
            let mut g = vec![f64::NAN; obj.out_len(c)];
            let y = obj.run(c, &p, &mut g);
            assert!(
                (y - primal).abs() <= 1e-12 * primal.abs().max(1.0),
                "{}: {} value {y} vs primal {primal}",
                obj.label(),
                c.name()
            );
            let tol = if c.is_exact() { 1e-9 } else { 1e-5 };
            let d = max_rel_diff(&g, &obj.expected(c, &hand));
            assert!(
                d < tol,
                "{}: {} differs from hand-written by {d:e} (tolerance {tol:e})\n{:?}\n{:?}",
                obj.label(),
                c.name(),
                g,
                hand
            );
        }
    }
}

#[test]
fn every_contender_agrees_at_small_sizes() {
    for obj in objectives::small() {
        check(obj.as_ref());
    }
}

/// The timed instances: ours against the hand-written gradient at full size (the peers
/// are checked at small sizes above; the same code runs at every size).
#[test]
fn ours_agrees_with_hand_at_benchmark_sizes() {
    for obj in objectives::benchmarked(true) {
        let p = obj.point();
        let mut ours = vec![f64::NAN; obj.out_len(Contender::Ours)];
        let mut hand = vec![f64::NAN; obj.out_len(Contender::Hand)];
        let y = obj.run(Contender::Ours, &p, &mut ours);
        let yh = obj.run(Contender::Hand, &p, &mut hand);
        assert!((y - yh).abs() <= 1e-10 * yh.abs().max(1.0), "{}", obj.label());
        let d = max_rel_diff(&ours, &hand);
        assert!(d < 1e-9, "{}: ours and hand differ by {d:e}", obj.label());
    }
}

/// The GMM's hand-written gradient includes the prior's m term, which the benchmark's
/// data (m = 0) leave out: checked here on its own against central differences too.
#[test]
fn gmm_with_prior_terms() {
    let obj = Gmm::with_prior(4, 3, 30, 0.8, 3.0);
    check(&obj);
}

#[test]
fn lstm_three_layers() {
    check(&Lstm::new(3, 3, 5));
}
