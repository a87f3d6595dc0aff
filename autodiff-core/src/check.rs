//! A finite-difference checker, so that any derivative can be verified independently.
//!
//! [`derivative`], [`gradient`] and [`jacobian`] approximate derivatives by central
//! differences, `(f(x + s) - f(x - s)) / 2s`, with a step `s = h · max(1, |x_i|)` that
//! scales with the coordinate. With `h =` [`DEFAULT_STEP`] the error is of order
//! `ε^(2/3) ≈ 4e-11` times the size of `f` and of its third derivative, so a tolerance
//! around `1e-6` separates a right derivative from a wrong one for well-scaled functions.
//!
//! [`check_gradient`] and [`check_jacobian`] compare a claimed derivative (from
//! `#[differentiate]`, or written by hand) with those differences, entry by entry, and
//! report the first entry that is not [`close`].
//!
//! ```
//! use autodiff_core::check::{check_gradient, gradient, DEFAULT_STEP};
//!
//! // f(x, y) = x² + y sin x, so ∇f = (2x + y cos x, sin x).
//! let f = |v: &[f64]| v[0] * v[0] + v[1] * v[0].sin();
//! let x = [0.5, 2.0];
//! let right = [2.0 * 0.5 + 2.0 * 0.5_f64.cos(), 0.5_f64.sin()];
//! assert!(check_gradient(f, &x, &right, 1e-6).is_ok());
//!
//! // Forgetting the y cos x term is caught, at column 0.
//! let wrong = [2.0 * 0.5, 0.5_f64.sin()];
//! let mismatch = check_gradient(f, &x, &wrong, 1e-6).unwrap_err();
//! assert_eq!((mismatch.row, mismatch.column), (0, 0));
//! assert!(mismatch.to_string().starts_with("derivative mismatch at row 0, column 0"));
//!
//! let approx = gradient(f, &x, DEFAULT_STEP);
//! assert!((approx[1] - 0.5_f64.sin()).abs() < 1e-9);
//! ```

use std::fmt;

/// The default step for central differences in f64: the cube root of machine epsilon,
/// about 6e-6, which balances truncation error (`∝ h²`) against rounding error (`∝ ε / h`).
///
/// ```
/// use autodiff_core::check::DEFAULT_STEP;
/// assert!((DEFAULT_STEP - f64::EPSILON.cbrt()).abs() < 1e-15);
/// ```
pub const DEFAULT_STEP: f64 = 6.055_454_452_393_343e-6;

/// Central difference of a scalar function of one scalar, with step `h · max(1, |x|)`.
///
/// ```
/// use autodiff_core::check::{derivative, DEFAULT_STEP};
/// let d = derivative(f64::sin, 1.0, DEFAULT_STEP);
/// assert!((d - 1.0_f64.cos()).abs() < 1e-9);
/// ```
pub fn derivative(mut f: impl FnMut(f64) -> f64, x: f64, h: f64) -> f64 {
    let (lo, hi) = step_around(x, h);
    (f(hi) - f(lo)) / (hi - lo)
}

/// Central finite differences of a scalar function of a flat vector: one entry per
/// coordinate, each with step `h · max(1, |x_i|)`. Calls `f` twice per coordinate.
///
/// ```
/// use autodiff_core::check::{gradient, DEFAULT_STEP};
/// let g = gradient(|v| v[0] * v[1], &[3.0, 4.0], DEFAULT_STEP);
/// assert!((g[0] - 4.0).abs() < 1e-9 && (g[1] - 3.0).abs() < 1e-9);
/// ```
pub fn gradient(mut f: impl FnMut(&[f64]) -> f64, x: &[f64], h: f64) -> Vec<f64> {
    let mut point = x.to_vec();
    (0..x.len())
        .map(|j| {
            let (lo, hi) = step_around(x[j], h);
            point[j] = hi;
            let f_hi = f(&point);
            point[j] = lo;
            let f_lo = f(&point);
            point[j] = x[j];
            (f_hi - f_lo) / (hi - lo)
        })
        .collect()
}

/// Central finite-difference Jacobian, one row per output: `J[i][j] = ∂f_i / ∂x_j`, each
/// column with step `h · max(1, |x_j|)`. Calls `f` twice per coordinate (once if `x` is
/// empty, to learn the number of outputs).
///
/// ```
/// use autodiff_core::check::{jacobian, DEFAULT_STEP};
/// // f(x, y) = (x y, x + y)
/// let j = jacobian(|v| vec![v[0] * v[1], v[0] + v[1]], &[3.0, 4.0], DEFAULT_STEP);
/// assert_eq!(j.len(), 2);
/// assert!((j[0][0] - 4.0).abs() < 1e-9 && (j[0][1] - 3.0).abs() < 1e-9);
/// assert!((j[1][0] - 1.0).abs() < 1e-9 && (j[1][1] - 1.0).abs() < 1e-9);
/// ```
///
/// # Panics
///
/// If `f` returns vectors of different lengths at different points.
pub fn jacobian(mut f: impl FnMut(&[f64]) -> Vec<f64>, x: &[f64], h: f64) -> Vec<Vec<f64>> {
    if x.is_empty() {
        return vec![Vec::new(); f(x).len()];
    }
    let mut point = x.to_vec();
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for j in 0..x.len() {
        let (lo, hi) = step_around(x[j], h);
        point[j] = hi;
        let f_hi = f(&point);
        point[j] = lo;
        let f_lo = f(&point);
        point[j] = x[j];
        if j == 0 {
            rows = vec![Vec::with_capacity(x.len()); f_hi.len()];
        }
        assert!(
            f_hi.len() == rows.len() && f_lo.len() == rows.len(),
            "the function returned {} and {} outputs at two points after {} at the first",
            f_hi.len(),
            f_lo.len(),
            rows.len()
        );
        for (row, (a, b)) in rows.iter_mut().zip(f_hi.iter().zip(&f_lo)) {
            row.push((a - b) / (hi - lo));
        }
    }
    rows
}

/// Compares a claimed gradient with central finite differences at step [`DEFAULT_STEP`].
///
/// Returns `Ok(())` when every entry is [`close`] to its finite difference within `tol`,
/// and otherwise a [`Mismatch`] (with `row` 0) naming the first entry that is not.
///
/// If `claimed` and `x` have different lengths, the result is a `Mismatch` at the first
/// index that only one of them has, with `claimed` and `finite_difference` both NaN;
/// `f` is not called.
///
/// ```
/// use autodiff_core::check::check_gradient;
/// let f = |v: &[f64]| v[0].powi(3);
/// assert!(check_gradient(f, &[2.0], &[12.0], 1e-6).is_ok());
/// assert_eq!(check_gradient(f, &[2.0], &[], 1e-6).unwrap_err().column, 0);
/// ```
pub fn check_gradient(
    f: impl FnMut(&[f64]) -> f64,
    x: &[f64],
    claimed: &[f64],
    tol: f64,
) -> Result<(), Mismatch> {
    if claimed.len() != x.len() {
        return Err(Mismatch::missing(0, claimed.len().min(x.len()), tol));
    }
    let approx = gradient(f, x, DEFAULT_STEP);
    match claimed.iter().zip(&approx).position(|(&c, &a)| !close(c, a, tol)) {
        Some(j) => Err(Mismatch {
            row: 0,
            column: j,
            claimed: claimed[j],
            finite_difference: approx[j],
            tolerance: tol,
        }),
        None => Ok(()),
    }
}

/// Compares a claimed Jacobian (one row per output, `claimed[i][j] = ∂f_i / ∂x_j`) with
/// central finite differences at step [`DEFAULT_STEP`].
///
/// Returns `Ok(())` when every entry is [`close`] to its finite difference within `tol`,
/// and otherwise a [`Mismatch`] naming the first entry, in row-major order, that is not.
///
/// Shapes are checked in the same order: a row that only one side has gives a `Mismatch`
/// at that row and column 0, a row of the wrong length one at the first column that only
/// one side has; both with `claimed` and `finite_difference` NaN.
///
/// ```
/// use autodiff_core::check::check_jacobian;
/// let f = |v: &[f64]| vec![v[0] * v[1], v[1]];
/// let claimed = vec![vec![5.0, 2.0], vec![0.0, 1.0]];
/// assert!(check_jacobian(f, &[2.0, 5.0], &claimed, 1e-6).is_ok());
/// ```
///
/// # Panics
///
/// As [`jacobian`]: if `f` returns vectors of different lengths at different points.
pub fn check_jacobian(
    f: impl FnMut(&[f64]) -> Vec<f64>,
    x: &[f64],
    claimed: &[Vec<f64>],
    tol: f64,
) -> Result<(), Mismatch> {
    let approx = jacobian(f, x, DEFAULT_STEP);
    for i in 0..claimed.len().max(approx.len()) {
        let (Some(claimed_row), Some(approx_row)) = (claimed.get(i), approx.get(i)) else {
            return Err(Mismatch::missing(i, 0, tol));
        };
        if claimed_row.len() != x.len() {
            return Err(Mismatch::missing(i, claimed_row.len().min(x.len()), tol));
        }
        let first_bad = claimed_row.iter().zip(approx_row).position(|(&c, &a)| !close(c, a, tol));
        if let Some(j) = first_bad {
            return Err(Mismatch {
                row: i,
                column: j,
                claimed: claimed_row[j],
                finite_difference: approx_row[j],
                tolerance: tol,
            });
        }
    }
    Ok(())
}

/// Mixed absolute/relative closeness: `|a - b| ≤ tol · max(1, |a|, |b|)`, an absolute
/// test for values below 1 and a relative one above.
///
/// Equal values are close (infinities of the same sign included); an infinity is close
/// to nothing else, and NaN to nothing at all.
///
/// ```
/// use autodiff_core::check::close;
/// assert!(close(1e6, 1e6 + 0.5, 1e-6));
/// assert!(close(1e-9, 0.0, 1e-6));
/// assert!(!close(1.0, 1.1, 1e-6));
/// assert!(!close(f64::NAN, f64::NAN, 1e-6));
/// ```
pub fn close(a: f64, b: f64, tol: f64) -> bool {
    // Unequal infinities would pass the relative test as `∞ ≤ tol · ∞`.
    a == b
        || (a.is_finite() && b.is_finite() && (a - b).abs() <= tol * a.abs().max(b.abs()).max(1.0))
}

/// Where a derivative check failed: the entry (`row` and `column` of a Jacobian; `row` 0
/// and the coordinate as `column` for a gradient), the claimed value, the
/// finite-difference value and the tolerance that was exceeded.
///
/// A shape mismatch (an entry that only one side has) carries NaN as both values.
///
/// ```
/// use autodiff_core::check::{check_jacobian, Mismatch};
/// // f(x, y) = (x y, y), with ∂(x y)/∂y written as y instead of x.
/// let f = |v: &[f64]| vec![v[0] * v[1], v[1]];
/// let claimed = vec![vec![5.0, 5.0], vec![0.0, 1.0]];
/// let m: Mismatch = check_jacobian(f, &[2.0, 5.0], &claimed, 1e-6).unwrap_err();
/// assert_eq!((m.row, m.column, m.claimed, m.tolerance), (0, 1, 5.0, 1e-6));
/// assert!((m.finite_difference - 2.0).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The output index: the row of a Jacobian, 0 for a gradient.
    pub row: usize,
    /// The input index: the column of a Jacobian, the coordinate of a gradient.
    pub column: usize,
    /// The claimed derivative at that entry (NaN if the claimed shape lacks it).
    pub claimed: f64,
    /// The central finite difference at that entry (NaN if the claimed shape has an
    /// entry too many).
    pub finite_difference: f64,
    /// The tolerance of the check, in the sense of [`close`].
    pub tolerance: f64,
}

impl Mismatch {
    /// A shape mismatch at `(row, column)`.
    fn missing(row: usize, column: usize, tolerance: f64) -> Self {
        Mismatch { row, column, claimed: f64::NAN, finite_difference: f64::NAN, tolerance }
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.claimed.is_nan() && self.finite_difference.is_nan() {
            write!(
                f,
                "derivative mismatch at row {}, column {}: the shapes differ, or both values are NaN",
                self.row, self.column
            )
        } else {
            write!(
                f,
                "derivative mismatch at row {}, column {}: claimed {:?}, finite difference {:?} (tolerance {:?})",
                self.row, self.column, self.claimed, self.finite_difference, self.tolerance
            )
        }
    }
}

impl std::error::Error for Mismatch {}

/// The two points `x ∓ h · max(1, |x|)`.
fn step_around(x: f64, h: f64) -> (f64, f64) {
    let step = h * x.abs().max(1.0);
    // Dividing by `hi - lo` rather than `2 · step` uses the step the floats actually took.
    (x - step, x + step)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOL: f64 = 1e-6;

    #[test]
    fn default_step_is_the_cube_root_of_epsilon() {
        assert!((DEFAULT_STEP - f64::EPSILON.cbrt()).abs() <= 1e-15 * DEFAULT_STEP);
    }

    #[test]
    fn derivative_of_a_square() {
        for x in [-3.0, 0.0, 0.5, 1e4] {
            let d = derivative(|x| x * x, x, DEFAULT_STEP);
            assert!(close(d, 2.0 * x, 1e-9), "at {x}: {d}");
        }
    }

    #[test]
    fn derivative_of_sin() {
        for x in [-2.0, 0.0, 1.0, 10.0] {
            let d = derivative(f64::sin, x, DEFAULT_STEP);
            assert!(close(d, x.cos(), 1e-9), "at {x}: {d}");
        }
    }

    #[test]
    fn gradient_of_a_sum_of_squares_and_a_sine() {
        let f = |v: &[f64]| v[0] * v[0] + v[1].sin() * v[2];
        let x = [1.5, -0.7, 3.0];
        let g = gradient(f, &x, DEFAULT_STEP);
        let want = [3.0, (-0.7_f64).cos() * 3.0, (-0.7_f64).sin()];
        assert_eq!(g.len(), 3);
        for (got, want) in g.iter().zip(want) {
            assert!(close(*got, want, 1e-9), "{got} vs {want}");
        }
    }

    #[test]
    fn gradient_restores_each_coordinate() {
        // Each coordinate sees x itself except the one being stepped.
        let x = [1.0, 2.0, 3.0];
        let mut seen = Vec::new();
        gradient(
            |v| {
                seen.push(v.to_vec());
                0.0
            },
            &x,
            0.5,
        );
        assert_eq!(seen.len(), 6);
        for (k, point) in seen.iter().enumerate() {
            for (j, (&got, &orig)) in point.iter().zip(&x).enumerate() {
                if j != k / 2 {
                    assert_eq!(got, orig, "call {k}, coordinate {j}");
                }
            }
        }
    }

    #[test]
    fn gradient_of_no_inputs_is_empty() {
        assert!(gradient(|_| 1.0, &[], DEFAULT_STEP).is_empty());
    }

    /// f(x, y, z) = (x y z, sin x + z²): a 2x3 Jacobian.
    fn two_by_three(v: &[f64]) -> Vec<f64> {
        vec![v[0] * v[1] * v[2], v[0].sin() + v[2] * v[2]]
    }

    fn two_by_three_jacobian(v: &[f64]) -> Vec<Vec<f64>> {
        vec![vec![v[1] * v[2], v[0] * v[2], v[0] * v[1]], vec![v[0].cos(), 0.0, 2.0 * v[2]]]
    }

    const POINT: [f64; 3] = [0.5, -2.0, 1.5];

    #[test]
    fn jacobian_of_a_two_by_three_function() {
        let j = jacobian(two_by_three, &POINT, DEFAULT_STEP);
        let want = two_by_three_jacobian(&POINT);
        assert_eq!(j.len(), 2);
        for (row, want_row) in j.iter().zip(&want) {
            assert_eq!(row.len(), 3);
            for (got, want) in row.iter().zip(want_row) {
                assert!(close(*got, *want, 1e-9), "{got} vs {want}");
            }
        }
    }

    #[test]
    fn jacobian_of_no_inputs_has_one_empty_row_per_output() {
        let j = jacobian(|_| vec![1.0, 2.0], &[], DEFAULT_STEP);
        assert_eq!(j, vec![Vec::<f64>::new(), Vec::new()]);
    }

    #[test]
    #[should_panic(expected = "outputs")]
    fn jacobian_of_a_function_of_varying_length_panics() {
        jacobian(|v| vec![0.0; if v[0] > 0.0 { 1 } else { 2 }], &[0.0], 0.1);
    }

    #[test]
    fn check_gradient_accepts_the_right_gradient() {
        let f = |v: &[f64]| v[0] * v[0] + v[1].sin();
        let x = [3.0, 0.25];
        assert_eq!(check_gradient(f, &x, &[6.0, 0.25_f64.cos()], TOL), Ok(()));
    }

    #[test]
    fn check_gradient_rejects_a_wrong_gradient() {
        let f = |v: &[f64]| v[0] * v[0] + v[1].sin();
        let x = [3.0, 0.25];
        // d/dy sin y written as -cos y.
        let err = check_gradient(f, &x, &[6.0, -(0.25_f64.cos())], TOL).unwrap_err();
        assert_eq!((err.row, err.column), (0, 1));
        assert_eq!(err.claimed, -(0.25_f64.cos()));
        assert!(close(err.finite_difference, 0.25_f64.cos(), 1e-9));
        assert_eq!(err.tolerance, TOL);
    }

    #[test]
    fn check_gradient_reports_the_first_bad_entry() {
        let f = |v: &[f64]| v[0] + v[1] + v[2];
        let err = check_gradient(f, &[0.0; 3], &[1.0, 2.0, 3.0], TOL).unwrap_err();
        assert_eq!(err.column, 1);
    }

    #[test]
    fn check_gradient_rejects_nan() {
        let f = |v: &[f64]| v[0];
        let err = check_gradient(f, &[1.0], &[f64::NAN], TOL).unwrap_err();
        assert_eq!(err.column, 0);
        assert!(err.claimed.is_nan());
        assert!(close(err.finite_difference, 1.0, 1e-9));
    }

    #[test]
    fn check_gradient_reports_a_length_mismatch_without_calling_f() {
        let never = |_: &[f64]| -> f64 { unreachable!("f is not called on a length mismatch") };
        for (claimed, column) in [(&[1.0][..], 1), (&[1.0, 2.0, 3.0][..], 2)] {
            let err = check_gradient(never, &[0.0, 0.0], claimed, TOL).unwrap_err();
            assert_eq!((err.row, err.column), (0, column));
            assert!(err.claimed.is_nan() && err.finite_difference.is_nan());
            assert!(err.to_string().contains("shapes differ"), "{err}");
        }
    }

    #[test]
    fn check_jacobian_accepts_the_right_jacobian() {
        let claimed = two_by_three_jacobian(&POINT);
        assert_eq!(check_jacobian(two_by_three, &POINT, &claimed, TOL), Ok(()));
    }

    #[test]
    fn check_jacobian_rejects_a_wrong_entry() {
        let mut claimed = two_by_three_jacobian(&POINT);
        claimed[1][2] = POINT[2]; // d(z²)/dz written as z
        let err = check_jacobian(two_by_three, &POINT, &claimed, TOL).unwrap_err();
        assert_eq!((err.row, err.column), (1, 2));
        assert_eq!(err.claimed, POINT[2]);
        assert!(close(err.finite_difference, 2.0 * POINT[2], 1e-9));
    }

    #[test]
    fn check_jacobian_rejects_a_transposed_jacobian() {
        let claimed = two_by_three_jacobian(&POINT);
        let transposed: Vec<Vec<f64>> =
            (0..3).map(|j| claimed.iter().map(|row| row[j]).collect()).collect();
        let err = check_jacobian(two_by_three, &POINT, &transposed, TOL).unwrap_err();
        assert_eq!((err.row, err.column), (0, 2));
        assert!(err.claimed.is_nan() && err.finite_difference.is_nan());
    }

    #[test]
    fn check_jacobian_reports_missing_and_extra_rows() {
        let mut claimed = two_by_three_jacobian(&POINT);
        claimed.pop();
        let err = check_jacobian(two_by_three, &POINT, &claimed, TOL).unwrap_err();
        assert_eq!((err.row, err.column), (1, 0));
        assert!(err.claimed.is_nan() && err.finite_difference.is_nan());

        let mut claimed = two_by_three_jacobian(&POINT);
        claimed.push(vec![0.0; 3]);
        let err = check_jacobian(two_by_three, &POINT, &claimed, TOL).unwrap_err();
        assert_eq!((err.row, err.column), (2, 0));
    }

    #[test]
    fn check_jacobian_reports_a_short_row() {
        let mut claimed = two_by_three_jacobian(&POINT);
        claimed[1].truncate(1);
        let err = check_jacobian(two_by_three, &POINT, &claimed, TOL).unwrap_err();
        assert_eq!((err.row, err.column), (1, 1));
        assert!(err.claimed.is_nan() && err.finite_difference.is_nan());
    }

    #[test]
    fn close_is_absolute_below_one_and_relative_above() {
        assert!(close(0.0, 1e-7, 1e-6));
        assert!(!close(0.0, 1e-5, 1e-6));
        assert!(close(1e8, 1e8 + 10.0, 1e-6));
        assert!(!close(1e8, 1e8 + 1e3, 1e-6));
        assert!(close(-2.0, -2.0, 0.0));
        assert!(close(f64::INFINITY, f64::INFINITY, 1e-6));
        assert!(!close(f64::INFINITY, f64::NEG_INFINITY, 1e-6));
        assert!(!close(f64::NAN, 1.0, 1e-6));
    }

    #[test]
    fn mismatch_displays_a_lowercase_message() {
        let m =
            Mismatch { row: 1, column: 2, claimed: 1.5, finite_difference: 2.0, tolerance: 1e-6 };
        assert_eq!(
            m.to_string(),
            "derivative mismatch at row 1, column 2: claimed 1.5, finite difference 2.0 (tolerance 1e-6)"
        );
        let as_error: Box<dyn std::error::Error> = Box::new(m.clone());
        assert_eq!(as_error.to_string(), m.to_string());
    }
}
