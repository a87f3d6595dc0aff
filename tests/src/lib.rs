//! Tests, examples and benchmarks of autodiff; nothing here is published.
