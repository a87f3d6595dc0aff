// Source: naatebarber/jeanjacket: manifold/src/arch/f/loss.rs, fn mean_squared_error
use autodiff_core::differentiate;

#[differentiate]
pub fn mean_squared_error(pred: &[f64], actual: &[f64]) -> f64 {
    let diff = actual
        .iter()
        .enumerate()
        .map(|(i, e)| (e - pred[i]).powi(2))
        .collect::<Vec<f64>>();

    let loss = diff.into_iter().fold(0. as f64, |a, e| a + e) / pred.len() as f64;
    // println!("LOSS {}", loss);
    loss
}
