// A matrix library's product is differentiated whole: `m * v` is one call of
// `linalg::mat_vec` in every sibling, its tangent `Ṁ v + M v̇` two calls, and its adjoint
// one rank-one update `M̄ += ȳ vᵀ` (`outer`) and one transposed product `v̄ += Mᵀ ȳ`
// (`mat_t_vec`), not a loop over elements.
#[differentiate(order = 1)]
fn layer(m: &SMatrix<f64, 2, 3>, v: &SVector<f64, 3>) -> f64 {
    let y = m * v;
    y[0] * y[1]
}
