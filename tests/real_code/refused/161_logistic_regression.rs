// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/logistic_regression.rs, fn logistic_regression (with the helpers it calls: derivative, and gradient_descent from optimization/gradient_descent.rs, as a module as written)
use autodiff_core::differentiate;
// The crate's `super::optimization::gradient_descent`, as written in
// optimization/gradient_descent.rs:
mod optimization {
    pub fn gradient_descent(
        derivative_fn: impl Fn(&[f64]) -> Vec<f64>,
        x: &mut Vec<f64>,
        learning_rate: f64,
        num_iterations: i32,
    ) -> &mut Vec<f64> {
        for _ in 0..num_iterations {
            let gradient = derivative_fn(x);
            for (x_k, grad) in x.iter_mut().zip(gradient.iter()) {
                *x_k -= learning_rate * grad;
            }
        }

        x
    }
}
use optimization::gradient_descent;
use std::f64::consts::E;

#[differentiate]
pub fn logistic_regression(
    data_points: Vec<(Vec<f64>, f64)>,
    iterations: usize,
    learning_rate: f64,
) -> Option<Vec<f64>> {
    if data_points.is_empty() {
        return None;
    }

    let num_features = data_points[0].0.len() + 1;
    let mut params = vec![0.0; num_features];

    let derivative_fn = |params: &[f64]| derivative(params, &data_points);

    gradient_descent(derivative_fn, &mut params, learning_rate, iterations as i32);

    Some(params)
}

#[differentiate]
fn derivative(params: &[f64], data_points: &[(Vec<f64>, f64)]) -> Vec<f64> {
    let num_features = params.len();
    let mut gradients = vec![0.0; num_features];

    for (features, y_i) in data_points {
        let z = params[0]
            + params[1..]
                .iter()
                .zip(features)
                .map(|(p, x)| p * x)
                .sum::<f64>();
        let prediction = 1.0 / (1.0 + E.powf(-z));

        gradients[0] += prediction - y_i;
        for (i, x_i) in features.iter().enumerate() {
            gradients[i + 1] += (prediction - y_i) * x_i;
        }
    }

    gradients
}
