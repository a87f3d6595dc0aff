//! The `#[differentiate]` attribute of autodiff. Use it through `autodiff-core`, which
//! re-exports it and supplies the runtime the generated code calls.
//!
//! The pipeline, one module a phase:
//! `args` + `lower` (the only readers of syn) -> `ir` (rewritten in place by `dead_stores`,
//! `snapshot`, `hoist`) -> `activity` -> `forward` / `reverse` (IR -> IR; `second` runs
//! `forward` over `reverse`'s output after `anf`) -> `prune` -> `emit` (the only builder
//! of tokens); `expand` runs it and `diagnostics` words every message.
#![forbid(unsafe_code)]

mod activity;
mod anf;
mod args;
mod dead_stores;
mod diagnostics;
mod emit;
mod expand;
mod forward;
#[cfg(test)]
mod fuzz;
mod hoist;
mod ir;
mod lower;
mod partials;
mod prune;
mod reverse;
mod second;
mod snapshot;
#[cfg(test)]
mod snapshots;
mod ungroup;

/// Writes the derivative siblings of a function: `f_grad` (float output) or
/// `f_jacobian` (array, `Vec`, tuple or out-parameter output), `f_jvp` (forward mode),
/// `f_vjp` (reverse mode), and with `order = 2` the second-order `f_hvp` and `f_hessian`
/// (float output) and `f_vjp_jvp`.
///
/// Arguments: `wrt(a, b)` differentiates with respect to these parameters only, in this
/// order; `crate = path` names a renamed `autodiff-core`; `jacobian = forward` or
/// `jacobian = reverse` fixes how `f_jacobian` sweeps; `order = 2` adds the second-order
/// siblings (`order = 1`, the default, writes first-order ones only); `dump` prints the
/// generated siblings, pretty-printed, while compiling.
///
/// See the crate `autodiff-core` for the contract, examples, and the guide "From
/// derivatives to Jacobians" (its module `guide`).
#[proc_macro_attribute]
pub fn differentiate(
    attr: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    expand::expand(attr.into(), item.into()).into()
}
