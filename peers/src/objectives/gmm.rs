//! Gaussian mixture model, in the GradBench (ADBench, corrected) formulation:
//!
//! ```text
//! G = -n d/2 ln(2 pi) + sum_i lse_k(alpha_k + sum(q_k) - |Q_k (x_i - mu_k)|^2 / 2)
//!     - n lse(alpha) + W,
//! W = -sum_k (gamma^2/2 (|exp(q_k)|^2 + |l_k|^2) - m sum(q_k)) + k C
//! ```
//!
//! where `Q_k = diag(exp(q_k)) + L_k` is the lower-triangular inverse-covariance factor
//! of component `k`, kept in `icf[k] = [q_k (d log-diagonal entries), l_k (the
//! d(d-1)/2 entries below the diagonal, column by column)]`, and `C` is the Wishart
//! prior's normalising constant. GradBench's objective is the log-posterior `G`; the
//! function here is the negative log-likelihood `-G` (same cost, gradient negated).
//! Parameters, flattened in GradBench's order: `alpha` (k), `means` (k x d), `icf`
//! (k x (d + d(d-1)/2)).

use autodiff_core::differentiate;

use crate::rng::Rng;
use crate::{put, Contender, Model, Real, Shape};

/// The negative log-likelihood with the Wishart prior; `gamma`, `m` are the prior's
/// parameters and `c` its constant (see [`wishart_constant`]).
#[differentiate(wrt(alpha, means, icf))]
#[allow(clippy::too_many_arguments)]
pub fn gmm(
    alpha: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    gamma: f64,
    m: f64,
    c: f64,
) -> f64 {
    let k = alpha.len();
    let n = x.len() / d;
    let icf_sz = d + d * (d - 1) / 2;

    let mut qdiags = vec![0.0; k * d];
    let mut sum_qs = vec![0.0; k];
    for ik in 0..k {
        for j in 0..d {
            qdiags[ik * d + j] = icf[ik * icf_sz + j].exp();
            sum_qs[ik] += icf[ik * icf_sz + j];
        }
    }

    let mut xc = vec![0.0; d];
    let mut qxc = vec![0.0; d];
    let mut main_term = vec![0.0; k];
    let mut slse = 0.0;
    for ix in 0..n {
        for ik in 0..k {
            for j in 0..d {
                xc[j] = x[ix * d + j] - means[ik * d + j];
            }
            for j in 0..d {
                qxc[j] = qdiags[ik * d + j] * xc[j];
            }
            let mut lidx = ik * icf_sz + d;
            for i in 0..d {
                for j in i + 1..d {
                    qxc[j] += icf[lidx] * xc[i];
                    lidx += 1;
                }
            }
            let mut sq = 0.0;
            for j in 0..d {
                sq += qxc[j] * qxc[j];
            }
            main_term[ik] = alpha[ik] + sum_qs[ik] - 0.5 * sq;
        }
        let mut mx = main_term[0];
        for ik in 1..k {
            if main_term[ik] > mx {
                mx = main_term[ik];
            }
        }
        let mut se = 0.0;
        for ik in 0..k {
            se += (main_term[ik] - mx).exp();
        }
        slse += se.ln() + mx;
    }

    let mut amx = alpha[0];
    for ik in 1..k {
        if alpha[ik] > amx {
            amx = alpha[ik];
        }
    }
    let mut ase = 0.0;
    for ik in 0..k {
        ase += (alpha[ik] - amx).exp();
    }
    let lse_alpha = ase.ln() + amx;

    let mut prior = 0.0;
    for ik in 0..k {
        let mut frobenius = 0.0;
        for j in 0..d {
            frobenius += qdiags[ik * d + j] * qdiags[ik * d + j];
        }
        for j in d..icf_sz {
            frobenius += icf[ik * icf_sz + j] * icf[ik * icf_sz + j];
        }
        prior += 0.5 * gamma * gamma * frobenius - m * sum_qs[ik];
    }

    let constant = -(n as f64) * (d as f64) * 0.5 * (2.0 * std::f64::consts::PI).ln();
    let log_posterior = constant + slse - (n as f64) * lse_alpha - prior + (k as f64) * c;
    -log_posterior
}

/// The same objective written for the macro's reverse sweep: no local array is written
/// in the loop over points (the natural [`gmm`] writes `xc`, `qxc` and `main_term`, whose
/// reads the reverse sweep then saves), `Q_k (x_i - mu_k)` row by row with the
/// off-diagonal entries found by a closed-form index, and the log-sum-exp over components
/// in one streaming pass. The primal does `d` more `exp` per point and component.
#[differentiate(wrt(alpha, means, icf))]
#[allow(clippy::too_many_arguments)]
pub fn gmm_indexed(
    alpha: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    gamma: f64,
    m: f64,
    c: f64,
) -> f64 {
    let k = alpha.len();
    let n = x.len() / d;
    let icf_sz = d + d * (d - 1) / 2;
    let mut slse = 0.0;
    for ix in 0..n {
        let mut mx = f64::NEG_INFINITY;
        let mut se = 0.0;
        for ik in 0..k {
            let base = ik * icf_sz;
            let mut sq = 0.0;
            let mut sum_q = 0.0;
            for j in 0..d {
                sum_q += icf[base + j];
                let mut z = icf[base + j].exp() * (x[ix * d + j] - means[ik * d + j]);
                for i in 0..j {
                    // L[j][i], stored column by column below the diagonal.
                    let l = base + d + i * (2 * d - i - 1) / 2 + j - i - 1;
                    z += icf[l] * (x[ix * d + i] - means[ik * d + i]);
                }
                sq += z * z;
            }
            let v = alpha[ik] + sum_q - 0.5 * sq;
            if v > mx {
                se = se * (mx - v).exp() + 1.0;
                mx = v;
            } else {
                se += (v - mx).exp();
            }
        }
        slse += mx + se.ln();
    }

    let mut amx = alpha[0];
    for ik in 1..k {
        if alpha[ik] > amx {
            amx = alpha[ik];
        }
    }
    let mut ase = 0.0;
    for ik in 0..k {
        ase += (alpha[ik] - amx).exp();
    }
    let lse_alpha = ase.ln() + amx;

    let mut prior = 0.0;
    for ik in 0..k {
        let base = ik * icf_sz;
        let mut frobenius = 0.0;
        let mut sum_q = 0.0;
        for j in 0..d {
            frobenius += (2.0 * icf[base + j]).exp();
            sum_q += icf[base + j];
        }
        for j in d..icf_sz {
            frobenius += icf[base + j] * icf[base + j];
        }
        prior += 0.5 * gamma * gamma * frobenius - m * sum_q;
    }

    let constant = -(n as f64) * (d as f64) * 0.5 * (2.0 * std::f64::consts::PI).ln();
    let log_posterior = constant + slse - (n as f64) * lse_alpha - prior + (k as f64) * c;
    -log_posterior
}

/// The Wishart prior's constant `C = n_w d (ln gamma - ln 2 / 2) - ln Gamma_d(n_w / 2)`
/// with `n_w = d + m + 1` (GradBench's `log_wishart_prior`).
pub fn wishart_constant(d: usize, gamma: f64, m: f64) -> f64 {
    let nw = d as f64 + m + 1.0;
    let df = d as f64;
    // The multivariate log-gamma function ln Gamma_d(a).
    let a = 0.5 * nw;
    let mut lgd = 0.25 * df * (df - 1.0) * std::f64::consts::PI.ln();
    for j in 1..=d {
        lgd += ln_gamma(a + 0.5 * (1.0 - j as f64));
    }
    nw * df * (gamma.ln() - 0.5 * std::f64::consts::LN_2) - lgd
}

/// ln Gamma(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 digits).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut s = C[0];
    for (i, &ci) in C.iter().enumerate().skip(1) {
        s += ci / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + s.ln()
}

/// By hand: responsibilities r_ik = softmax_k of the main terms; every parameter's
/// derivative follows from them and from z_ik = Q_k (x_i - mu_k). Returns the value and
/// the flat gradient (alpha, means, icf).
#[allow(clippy::too_many_arguments)]
pub fn gmm_hand(
    alpha: &[f64],
    means: &[f64],
    icf: &[f64],
    x: &[f64],
    d: usize,
    gamma: f64,
    m: f64,
    c: f64,
) -> (f64, Vec<f64>) {
    let k = alpha.len();
    let n = x.len() / d;
    let icf_sz = d + d * (d - 1) / 2;
    let mut g_alpha = vec![0.0; k];
    let mut g_means = vec![0.0; k * d];
    let mut g_icf = vec![0.0; k * icf_sz];

    let mut qdiags = vec![0.0; k * d];
    let mut sum_qs = vec![0.0; k];
    for ik in 0..k {
        for j in 0..d {
            qdiags[ik * d + j] = icf[ik * icf_sz + j].exp();
            sum_qs[ik] += icf[ik * icf_sz + j];
        }
    }

    // Per point: xc and z for every component, then the responsibilities.
    let mut xc = vec![0.0; k * d];
    let mut z = vec![0.0; k * d];
    let mut beta = vec![0.0; k];
    let mut resp_sum = vec![0.0; k]; // sum_i r_ik
    let mut slse = 0.0;
    for ix in 0..n {
        let xi = &x[ix * d..(ix + 1) * d];
        for ik in 0..k {
            let xck = &mut xc[ik * d..(ik + 1) * d];
            let zk = &mut z[ik * d..(ik + 1) * d];
            let qd = &qdiags[ik * d..(ik + 1) * d];
            let l = &icf[ik * icf_sz + d..(ik + 1) * icf_sz];
            for j in 0..d {
                xck[j] = xi[j] - means[ik * d + j];
                zk[j] = qd[j] * xck[j];
            }
            let mut li = 0;
            for i in 0..d {
                for j in i + 1..d {
                    zk[j] += l[li] * xck[i];
                    li += 1;
                }
            }
            let sq: f64 = zk.iter().map(|v| v * v).sum();
            beta[ik] = alpha[ik] + sum_qs[ik] - 0.5 * sq;
        }
        let mx = beta.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut se = 0.0;
        for b in beta.iter_mut() {
            *b = (*b - mx).exp();
            se += *b;
        }
        slse += se.ln() + mx;
        for ik in 0..k {
            let r = beta[ik] / se;
            resp_sum[ik] += r;
            // dG/dz = -r z; back through z = Q xc into q, l and mu.
            let xck = &xc[ik * d..(ik + 1) * d];
            let zk = &z[ik * d..(ik + 1) * d];
            let qd = &qdiags[ik * d..(ik + 1) * d];
            let l = &icf[ik * icf_sz + d..(ik + 1) * icf_sz];
            let gq = &mut g_icf[ik * icf_sz..(ik + 1) * icf_sz];
            let gm = &mut g_means[ik * d..(ik + 1) * d];
            // xc_bar = Q^T v with v = -r z; mu_bar = -xc_bar.
            for j in 0..d {
                let v = -r * zk[j];
                gq[j] += v * qd[j] * xck[j];
                gm[j] -= qd[j] * v;
            }
            let mut li = 0;
            for i in 0..d {
                let mut acc = 0.0;
                for j in i + 1..d {
                    let v = -r * zk[j];
                    gq[d + li] += v * xck[i];
                    acc += l[li] * v;
                    li += 1;
                }
                gm[i] -= acc;
            }
        }
    }

    let amx = alpha.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ase: f64 = alpha.iter().map(|a| (a - amx).exp()).sum();
    let lse_alpha = ase.ln() + amx;

    let mut prior = 0.0;
    for ik in 0..k {
        let mut frobenius = 0.0;
        for j in 0..d {
            frobenius += qdiags[ik * d + j] * qdiags[ik * d + j];
        }
        for j in d..icf_sz {
            frobenius += icf[ik * icf_sz + j] * icf[ik * icf_sz + j];
        }
        prior += 0.5 * gamma * gamma * frobenius - m * sum_qs[ik];
    }

    for ik in 0..k {
        g_alpha[ik] = resp_sum[ik] - n as f64 * (alpha[ik] - amx).exp() / ase;
        for j in 0..d {
            // From sum(q_k) in the main term and the prior, and from the prior's exp(q)^2.
            g_icf[ik * icf_sz + j] +=
                resp_sum[ik] + m - gamma * gamma * qdiags[ik * d + j] * qdiags[ik * d + j];
        }
        for j in d..icf_sz {
            g_icf[ik * icf_sz + j] -= gamma * gamma * icf[ik * icf_sz + j];
        }
    }

    let constant = -(n as f64) * (d as f64) * 0.5 * (2.0 * std::f64::consts::PI).ln();
    let log_posterior = constant + slse - (n as f64) * lse_alpha - prior + (k as f64) * c;
    let mut g = Vec::with_capacity(k + k * d + k * icf_sz);
    g.extend(g_alpha.iter().chain(&g_means).chain(&g_icf).map(|v| -v));
    (-log_posterior, g)
}

/// Log-sum-exp of values, the shift chosen on values.
fn lse_generic<T: Real>(v: &[T]) -> T {
    let mut mx = v[0].clone();
    for vi in &v[1..] {
        if vi.val() > mx.val() {
            mx = vi.clone();
        }
    }
    let mut s = T::cst(0.0);
    for vi in v {
        s = s + (vi.clone() - mx.clone()).exp();
    }
    s.ln() + mx
}

/// Generic, for the peers: the same computation as [`gmm`].
#[allow(clippy::too_many_arguments)]
pub fn gmm_generic<T: Real>(
    alpha: &[T],
    means: &[T],
    icf: &[T],
    x: &[f64],
    d: usize,
    gamma: f64,
    m: f64,
    c: f64,
) -> T {
    let k = alpha.len();
    let n = x.len() / d;
    let icf_sz = d + d * (d - 1) / 2;
    let mut qdiags = Vec::with_capacity(k * d);
    let mut sum_qs = Vec::with_capacity(k);
    for ik in 0..k {
        let mut s = T::cst(0.0);
        for j in 0..d {
            qdiags.push(icf[ik * icf_sz + j].exp());
            s = s + icf[ik * icf_sz + j].clone();
        }
        sum_qs.push(s);
    }
    let half = T::cst(0.5);
    let mut xc: Vec<T> = vec![T::cst(0.0); d];
    let mut qxc: Vec<T> = vec![T::cst(0.0); d];
    let mut main_term: Vec<T> = vec![T::cst(0.0); k];
    let mut slse = T::cst(0.0);
    for ix in 0..n {
        for ik in 0..k {
            for j in 0..d {
                xc[j] = T::cst(x[ix * d + j]) - means[ik * d + j].clone();
            }
            for j in 0..d {
                qxc[j] = qdiags[ik * d + j].clone() * xc[j].clone();
            }
            let mut lidx = ik * icf_sz + d;
            for i in 0..d {
                for j in i + 1..d {
                    qxc[j] = qxc[j].clone() + icf[lidx].clone() * xc[i].clone();
                    lidx += 1;
                }
            }
            let mut sq = T::cst(0.0);
            for q in &qxc {
                sq = sq + q.sq();
            }
            main_term[ik] = alpha[ik].clone() + sum_qs[ik].clone() - half.clone() * sq;
        }
        slse = slse + lse_generic(&main_term);
    }
    let lse_alpha = lse_generic(alpha);
    let mut prior = T::cst(0.0);
    let g2 = T::cst(0.5 * gamma * gamma);
    for ik in 0..k {
        let mut frobenius = T::cst(0.0);
        for j in 0..d {
            frobenius = frobenius + qdiags[ik * d + j].sq();
        }
        for j in d..icf_sz {
            frobenius = frobenius + icf[ik * icf_sz + j].sq();
        }
        prior = prior + g2.clone() * frobenius - T::cst(m) * sum_qs[ik].clone();
    }
    let constant = -(n as f64) * (d as f64) * 0.5 * (2.0 * std::f64::consts::PI).ln();
    let log_posterior =
        T::cst(constant) + slse - T::cst(n as f64) * lse_alpha - prior + T::cst(k as f64 * c);
    -log_posterior
}

/// A mixture of `k` components in `d` dimensions fitted to `n` points.
#[derive(Debug)]
pub struct Gmm {
    /// Dimensions.
    pub d: usize,
    /// Components.
    pub k: usize,
    /// Points.
    pub n: usize,
    x: Vec<f64>,
    p: Vec<f64>,
    gamma: f64,
    m: f64,
    c: f64,
}

impl Gmm {
    /// Data drawn as ADBench's generator does (alpha, icf and x normal, means uniform in
    /// [0, 1)), from a fixed seed; the prior of GradBench's data (gamma = 1, m = 0).
    pub fn new(d: usize, k: usize, n: usize) -> Self {
        Self::with_prior(d, k, n, 1.0, 0.0)
    }

    /// The same data with another Wishart prior.
    pub fn with_prior(d: usize, k: usize, n: usize, gamma: f64, m: f64) -> Self {
        let mut rng = Rng::new(0x6A11 + (d * 1000 + k) as u64);
        let icf_sz = d + d * (d - 1) / 2;
        let mut p = rng.normals(k);
        p.extend(rng.ranges(k * d, 0.0, 1.0));
        p.extend(rng.normals(k * icf_sz));
        let x = rng.normals(n * d);
        Gmm { d, k, n, x, p, gamma, m, c: wishart_constant(d, gamma, m) }
    }

    /// The number of parameters.
    pub fn params(&self) -> usize {
        self.p.len()
    }

    fn split<'a, T>(&self, p: &'a [T]) -> (&'a [T], &'a [T], &'a [T]) {
        let (alpha, rest) = p.split_at(self.k);
        let (means, icf) = rest.split_at(self.k * self.d);
        (alpha, means, icf)
    }
}

impl Model for Gmm {
    fn family(&self) -> &'static str {
        "GMM"
    }
    fn size(&self) -> String {
        format!("d={} k={} n={}", self.d, self.k, self.n)
    }
    fn shape(&self) -> Shape {
        Shape::Loops
    }
    fn point(&self) -> Vec<f64> {
        self.p.clone()
    }
    fn primal(&self, p: &[f64]) -> f64 {
        let (alpha, means, icf) = self.split(p);
        gmm(alpha, means, icf, &self.x, self.d, self.gamma, self.m, self.c)
    }
    fn ours(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (alpha, means, icf) = self.split(p);
        let (y, (ga, gm, gi)) =
            gmm_grad(alpha, means, icf, &self.x, self.d, self.gamma, self.m, self.c);
        let mut at = 0;
        put(g, &mut at, &ga);
        put(g, &mut at, &gm);
        put(g, &mut at, &gi);
        y
    }
    fn hand(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (alpha, means, icf) = self.split(p);
        let (y, grad) = gmm_hand(alpha, means, icf, &self.x, self.d, self.gamma, self.m, self.c);
        g.copy_from_slice(&grad);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        let (alpha, means, icf) = self.split(p);
        gmm_generic(alpha, means, icf, &self.x, self.d, self.gamma, self.m, self.c)
    }
    fn skip(&self, c: Contender) -> Option<&'static str> {
        // One sweep (num-dual: a dual vector as long as the parameters) or two primals
        // per parameter: at d = 20, k = 25 that is 5775 of them, a minute per gradient.
        match c {
            Contender::NumDual | Contender::FiniteDiff if self.params() > 2000 => {
                Some("too slow: O(params) primals")
            }
            _ => None,
        }
    }
}

/// [`Gmm`] with ours and the primal taken from [`gmm_indexed`]: how much the way the
/// objective is written matters to the generated gradient. The peers compute the same
/// function with the same code as in the [`Gmm`] row, so they are not timed again.
#[derive(Debug)]
pub struct GmmIndexed(pub Gmm);

impl Model for GmmIndexed {
    fn family(&self) -> &'static str {
        "GMM, index style"
    }
    fn size(&self) -> String {
        self.0.size()
    }
    fn shape(&self) -> Shape {
        Shape::Loops
    }
    fn point(&self) -> Vec<f64> {
        self.0.point()
    }
    fn primal(&self, p: &[f64]) -> f64 {
        let g = &self.0;
        let (alpha, means, icf) = g.split(p);
        gmm_indexed(alpha, means, icf, &g.x, g.d, g.gamma, g.m, g.c)
    }
    fn ours(&self, p: &[f64], out: &mut [f64]) -> f64 {
        let g = &self.0;
        let (alpha, means, icf) = g.split(p);
        let (y, (ga, gm, gi)) = gmm_indexed_grad(alpha, means, icf, &g.x, g.d, g.gamma, g.m, g.c);
        let mut at = 0;
        put(out, &mut at, &ga);
        put(out, &mut at, &gm);
        put(out, &mut at, &gi);
        y
    }
    fn hand(&self, p: &[f64], out: &mut [f64]) -> f64 {
        self.0.hand(p, out)
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        self.0.generic(p)
    }
    fn skip(&self, c: Contender) -> Option<&'static str> {
        match c {
            Contender::NumDual
            | Contender::Echidna
            | Contender::AdTrait
            | Contender::FiniteDiff => Some("same function and code as the GMM row"),
            _ => None,
        }
    }
}
