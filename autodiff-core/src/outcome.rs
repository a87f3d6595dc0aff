//! The results of fallible functions' siblings inside the Jacobian drivers.
//!
//! A function returning `Option<F>` or `Result<F, E>` has siblings that return theirs in
//! the same. `f_jacobian` evaluates the function first and returns its failure if it
//! fails; the sweeps that follow evaluate it again at the same point, where it succeeded,
//! and take the success value apart with [`succeeded`].

/// An `Option` or a `Result`: the value of a success.
pub trait Outcome {
    /// What a success holds.
    type Value;
    /// The success value, or `None` for a failure.
    fn success(self) -> Option<Self::Value>;
}

impl<T> Outcome for Option<T> {
    type Value = T;
    #[inline]
    fn success(self) -> Option<T> {
        self
    }
}

impl<T, E> Outcome for Result<T, E> {
    type Value = T;
    #[inline]
    fn success(self) -> Option<T> {
        self.ok()
    }
}

/// The success value of a sibling's result in a sweep of `f_jacobian`, at a point where
/// the function itself succeeded. Panics if it failed there, which a function that
/// computes the same value from the same arguments cannot do.
#[inline]
pub fn succeeded<O: Outcome>(outcome: O) -> O::Value {
    match outcome.success() {
        Some(v) => v,
        None => panic!("a sibling failed at a point where the function itself succeeded"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_success_value_of_options_and_results() {
        assert_eq!(succeeded(Some(2.5)), 2.5);
        assert_eq!(succeeded(Ok::<_, String>((1.0, 2.0))), (1.0, 2.0));
    }

    #[test]
    #[should_panic(expected = "failed at a point")]
    fn a_failure_panics() {
        succeeded(Err::<f64, _>("domain"));
    }
}
