// Source: kevindadi/RustPTA: example/thousands_code/src/machine_learning/logistic_regression.rs, fn derivative
use autodiff_core::differentiate;
use std::f64::consts::E;

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
