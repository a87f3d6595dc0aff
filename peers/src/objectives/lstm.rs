//! A small LSTM in the ADBench/GradBench "lstm" formulation: `l` layers of `b` cells,
//! element-wise gates (forget and output gates read the layer's input, the input gate
//! and the change read the previous hidden state), an input and an output scaling, and
//! the loss `-sum_t sum_i y_{t+1,i} (pred_{t,i} - lse_t) / ((c - 1) b)` with ADBench's
//! `lse = ln(sum exp(pred) + 2)`, over a sequence of `c` one-hot-like vectors.
//!
//! Parameters, flattened: `main_params` (per layer: weights of the forget, input,
//! output gates and the change, then their biases, `b` each) and `extra_params` (input
//! weights, output weights, output biases, `b` each). The initial state and the
//! sequence are constants.

use autodiff_core::differentiate;

use crate::rng::Rng;
use crate::{put, Model, Real, Shape};

/// The logistic function, differentiated on its own and called from [`lstm`].
#[differentiate]
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The plain loss.
#[differentiate(wrt(main_params, extra_params))]
#[allow(clippy::manual_memcpy)] // the macro reads element-wise copies, not copy_from_slice
pub fn lstm(
    main_params: &[f64],
    extra_params: &[f64],
    state: &[f64],
    sequence: &[f64],
    l: usize,
    b: usize,
) -> f64 {
    let c = sequence.len() / b;
    let mut st = state.to_vec();
    let mut ypred = vec![0.0; b];
    let mut total = 0.0;
    for t in 0..c - 1 {
        for i in 0..b {
            ypred[i] = sequence[t * b + i] * extra_params[i];
        }
        for layer in 0..l {
            let w = layer * 8 * b;
            let s = layer * 2 * b;
            for i in 0..b {
                let input = ypred[i];
                let hidden = st[s + i];
                let forget = sigmoid(input * main_params[w + i] + main_params[w + 4 * b + i]);
                let ingate = sigmoid(hidden * main_params[w + b + i] + main_params[w + 5 * b + i]);
                let outgate =
                    sigmoid(input * main_params[w + 2 * b + i] + main_params[w + 6 * b + i]);
                let change =
                    (hidden * main_params[w + 3 * b + i] + main_params[w + 7 * b + i]).tanh();
                let cell = st[s + b + i] * forget + ingate * change;
                st[s + b + i] = cell;
                st[s + i] = outgate * cell.tanh();
            }
            for i in 0..b {
                ypred[i] = st[s + i];
            }
        }
        let mut sum = 0.0;
        for i in 0..b {
            ypred[i] = ypred[i] * extra_params[b + i] + extra_params[2 * b + i];
            sum += ypred[i].exp();
        }
        let lse = (sum + 2.0).ln();
        for i in 0..b {
            total += sequence[(t + 1) * b + i] * (ypred[i] - lse);
        }
    }
    -total / ((c - 1) * b) as f64
}

/// What the hand-written gradient keeps of one cell at one step.
#[derive(Debug, Clone, Copy, Default)]
struct CellRecord {
    input: f64,
    hidden: f64,
    cell: f64,
    forget: f64,
    ingate: f64,
    outgate: f64,
    change: f64,
    tanh_cell: f64,
}

fn sig(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// By hand: the forward pass keeps every gate, then back-propagation through time.
/// Returns the value and the flat gradient (main_params, extra_params).
pub fn lstm_hand(
    main_params: &[f64],
    extra_params: &[f64],
    state: &[f64],
    sequence: &[f64],
    l: usize,
    b: usize,
) -> (f64, Vec<f64>) {
    let c = sequence.len() / b;
    let steps = c - 1;
    let count = (steps * b) as f64;
    let mut st = state.to_vec();
    let mut rec = vec![CellRecord::default(); steps * l * b];
    let mut top = vec![0.0; steps * b]; // the top layer's hidden state
    let mut soft = vec![0.0; steps * b]; // exp(pred) / (sum exp(pred) + 2)
    let mut ypred = vec![0.0; b];
    let mut total = 0.0;
    for t in 0..steps {
        for i in 0..b {
            ypred[i] = sequence[t * b + i] * extra_params[i];
        }
        for layer in 0..l {
            let w = &main_params[layer * 8 * b..(layer + 1) * 8 * b];
            let (hs, cs) = st[layer * 2 * b..(layer + 1) * 2 * b].split_at_mut(b);
            for i in 0..b {
                let input = ypred[i];
                let hidden = hs[i];
                let forget = sig(input * w[i] + w[4 * b + i]);
                let ingate = sig(hidden * w[b + i] + w[5 * b + i]);
                let outgate = sig(input * w[2 * b + i] + w[6 * b + i]);
                let change = (hidden * w[3 * b + i] + w[7 * b + i]).tanh();
                let cell = cs[i] * forget + ingate * change;
                let tanh_cell = cell.tanh();
                rec[(t * l + layer) * b + i] = CellRecord {
                    input,
                    hidden,
                    cell: cs[i],
                    forget,
                    ingate,
                    outgate,
                    change,
                    tanh_cell,
                };
                cs[i] = cell;
                hs[i] = outgate * tanh_cell;
                ypred[i] = hs[i];
            }
        }
        let mut sum = 0.0;
        for i in 0..b {
            top[t * b + i] = ypred[i];
            ypred[i] = ypred[i] * extra_params[b + i] + extra_params[2 * b + i];
            soft[t * b + i] = ypred[i].exp();
            sum += soft[t * b + i];
        }
        let lse = (sum + 2.0).ln();
        for i in 0..b {
            soft[t * b + i] /= sum + 2.0;
            total += sequence[(t + 1) * b + i] * (ypred[i] - lse);
        }
    }

    let mut g_main = vec![0.0; main_params.len()];
    let mut g_extra = vec![0.0; extra_params.len()];
    // Adjoints of each layer's hidden and cell state, carried back in time.
    let mut h_bar = vec![0.0; l * b];
    let mut c_bar = vec![0.0; l * b];
    let scale = -1.0 / count;
    for t in (0..steps).rev() {
        let gold = &sequence[(t + 1) * b..(t + 2) * b];
        let gold_sum: f64 = gold.iter().sum();
        // The top layer's output.
        for i in 0..b {
            let y_bar = scale * (gold[i] - soft[t * b + i] * gold_sum);
            g_extra[b + i] += y_bar * top[t * b + i];
            g_extra[2 * b + i] += y_bar;
            h_bar[(l - 1) * b + i] += y_bar * extra_params[b + i];
        }
        for layer in (0..l).rev() {
            let w = &main_params[layer * 8 * b..(layer + 1) * 8 * b];
            let gw = &mut g_main[layer * 8 * b..(layer + 1) * 8 * b];
            for i in 0..b {
                let r = rec[(t * l + layer) * b + i];
                let hb = h_bar[layer * b + i];
                let outgate_bar = hb * r.tanh_cell;
                let cell_bar =
                    c_bar[layer * b + i] + hb * r.outgate * (1.0 - r.tanh_cell * r.tanh_cell);
                let forget_z = cell_bar * r.cell * r.forget * (1.0 - r.forget);
                let ingate_z = cell_bar * r.change * r.ingate * (1.0 - r.ingate);
                let change_z = cell_bar * r.ingate * (1.0 - r.change * r.change);
                let outgate_z = outgate_bar * r.outgate * (1.0 - r.outgate);
                gw[i] += forget_z * r.input;
                gw[4 * b + i] += forget_z;
                gw[b + i] += ingate_z * r.hidden;
                gw[5 * b + i] += ingate_z;
                gw[2 * b + i] += outgate_z * r.input;
                gw[6 * b + i] += outgate_z;
                gw[3 * b + i] += change_z * r.hidden;
                gw[7 * b + i] += change_z;
                let input_bar = forget_z * w[i] + outgate_z * w[2 * b + i];
                // To the previous step of this layer.
                h_bar[layer * b + i] = ingate_z * w[b + i] + change_z * w[3 * b + i];
                c_bar[layer * b + i] = cell_bar * r.forget;
                // To the layer below at this step, or to the input weights.
                if layer > 0 {
                    h_bar[(layer - 1) * b + i] += input_bar;
                } else {
                    g_extra[i] += input_bar * sequence[t * b + i];
                }
            }
        }
    }
    let mut g = g_main;
    g.extend_from_slice(&g_extra);
    (-total / count, g)
}

/// Generic, for the peers: the same computation as [`lstm`].
pub fn lstm_generic<T: Real>(
    main_params: &[T],
    extra_params: &[T],
    state: &[f64],
    sequence: &[f64],
    l: usize,
    b: usize,
) -> T {
    let c = sequence.len() / b;
    let mut st: Vec<T> = state.iter().map(|&v| T::cst(v)).collect();
    let mut ypred: Vec<T> = vec![T::cst(0.0); b];
    let mut total = T::cst(0.0);
    let two = T::cst(2.0);
    for t in 0..c - 1 {
        for i in 0..b {
            ypred[i] = T::cst(sequence[t * b + i]) * extra_params[i].clone();
        }
        for layer in 0..l {
            let w = &main_params[layer * 8 * b..(layer + 1) * 8 * b];
            let s = layer * 2 * b;
            for i in 0..b {
                let input = ypred[i].clone();
                let hidden = st[s + i].clone();
                let forget = (input.clone() * w[i].clone() + w[4 * b + i].clone()).sigmoid();
                let ingate = (hidden.clone() * w[b + i].clone() + w[5 * b + i].clone()).sigmoid();
                let outgate = (input * w[2 * b + i].clone() + w[6 * b + i].clone()).sigmoid();
                let change = (hidden * w[3 * b + i].clone() + w[7 * b + i].clone()).tanh();
                let cell = st[s + b + i].clone() * forget + ingate * change;
                st[s + i] = outgate * cell.tanh();
                st[s + b + i] = cell;
                ypred[i] = st[s + i].clone();
            }
        }
        let mut sum = T::cst(0.0);
        for i in 0..b {
            ypred[i] =
                ypred[i].clone() * extra_params[b + i].clone() + extra_params[2 * b + i].clone();
            sum = sum + ypred[i].exp();
        }
        let lse = (sum + two.clone()).ln();
        for i in 0..b {
            total = total + T::cst(sequence[(t + 1) * b + i]) * (ypred[i].clone() - lse.clone());
        }
    }
    -total / T::cst(((c - 1) * b) as f64)
}

/// An LSTM of `l` layers of `b` cells over a sequence of `c` steps.
#[derive(Debug)]
pub struct Lstm {
    /// Layers.
    pub l: usize,
    /// Cells per layer (and the width of each sequence element).
    pub b: usize,
    /// Sequence length.
    pub c: usize,
    p: Vec<f64>,
    state: Vec<f64>,
    sequence: Vec<f64>,
}

impl Lstm {
    /// Parameters and state uniform in [-1, 1), the sequence one-hot-like (ADBench's
    /// text data are one-hot characters), from a fixed seed.
    pub fn new(l: usize, b: usize, c: usize) -> Self {
        let mut rng = Rng::new(0x157 + (l * 100_000 + c * 100 + b) as u64);
        let p = rng.ranges(8 * b * l + 3 * b, -1.0, 1.0);
        let state = rng.ranges(2 * b * l, -1.0, 1.0);
        let mut sequence = vec![0.0; c * b];
        for t in 0..c {
            let hot = (rng.next_u64() % b as u64) as usize;
            sequence[t * b + hot] = 1.0;
        }
        Lstm { l, b, c, p, state, sequence }
    }

    fn split<'a, T>(&self, p: &'a [T]) -> (&'a [T], &'a [T]) {
        p.split_at(8 * self.b * self.l)
    }
}

impl Model for Lstm {
    fn family(&self) -> &'static str {
        "LSTM"
    }
    fn size(&self) -> String {
        format!("l={} b={} c={}", self.l, self.b, self.c)
    }
    fn shape(&self) -> Shape {
        Shape::Loops
    }
    fn point(&self) -> Vec<f64> {
        self.p.clone()
    }
    fn primal(&self, p: &[f64]) -> f64 {
        let (main, extra) = self.split(p);
        lstm(main, extra, &self.state, &self.sequence, self.l, self.b)
    }
    fn ours(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (main, extra) = self.split(p);
        let (y, (gm, ge)) = lstm_grad(main, extra, &self.state, &self.sequence, self.l, self.b);
        let mut at = 0;
        put(g, &mut at, &gm);
        put(g, &mut at, &ge);
        y
    }
    fn hand(&self, p: &[f64], g: &mut [f64]) -> f64 {
        let (main, extra) = self.split(p);
        let (y, grad) = lstm_hand(main, extra, &self.state, &self.sequence, self.l, self.b);
        g.copy_from_slice(&grad);
        y
    }
    fn generic<T: Real>(&self, p: &[T]) -> T {
        let (main, extra) = self.split(p);
        lstm_generic(main, extra, &self.state, &self.sequence, self.l, self.b)
    }
}
