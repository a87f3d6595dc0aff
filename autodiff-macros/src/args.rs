//! Parses the attribute's arguments: `wrt(a, b)`, `crate = path`, `jacobian = forward`
//! or `jacobian = reverse`, `order = 1` or `order = 2`, `dump` (and nothing else).
//!
//! Guarantees: every argument is recognised or reported at its span; `wrt` names are
//! returned as written, for `lower` to check against the parameters.

use crate::diagnostics::{self, Errors};
use syn::parse::Parser;

/// The arguments of one `#[differentiate(..)]`.
#[derive(Default)]
pub struct Args {
    /// `wrt(a, b)`: the parameters to differentiate, in this order.
    pub wrt: Option<Vec<syn::Ident>>,
    /// `crate = path`: where `autodiff_core` is, for users who renamed the dependency.
    pub krate: Option<syn::Path>,
    /// `jacobian = forward` or `jacobian = reverse`: how `f_jacobian` sweeps.
    pub jacobian: Option<crate::emit::JacobianMode>,
    /// `order = 2`: the second-order siblings too (`f_hvp`, `f_hessian`, `f_vjp_jvp`).
    /// Without it (or with `order = 1`) only the first-order ones are written: they are
    /// what most callers use, and a hand-written `g_jvp`/`g_vjp` pair is enough for them.
    pub second_order: bool,
    /// `dump`: print the generated siblings, pretty-printed, while compiling.
    pub dump: bool,
}

/// Reads the attribute tokens; problems go to `errors` and the rest is still parsed.
pub fn parse(tokens: proc_macro2::TokenStream, errors: &mut Errors) -> Args {
    let mut args = Args::default();
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("wrt") {
            let content;
            syn::parenthesized!(content in meta.input);
            let names =
                syn::punctuated::Punctuated::<syn::Ident, syn::Token![,]>::parse_terminated(
                    &content,
                )
                .map_err(|e| syn::Error::new(e.span(), diagnostics::WRT_NOT_A_NAME))?;
            if names.is_empty() {
                return Err(meta.error(diagnostics::WRT_EMPTY));
            }
            args.wrt = Some(names.into_iter().collect());
            Ok(())
        } else if meta.path.is_ident("jacobian") {
            let mode: syn::Ident = meta.value()?.parse()?;
            args.jacobian = Some(if mode == "forward" {
                crate::emit::JacobianMode::Forward
            } else if mode == "reverse" {
                crate::emit::JacobianMode::Reverse
            } else {
                return Err(syn::Error::new(mode.span(), diagnostics::JACOBIAN_MODE));
            });
            Ok(())
        } else if meta.path.is_ident("dump") {
            args.dump = true;
            Ok(())
        } else if meta.path.is_ident("order") {
            let n: syn::LitInt = meta.value()?.parse()?;
            match n.base10_parse::<u8>() {
                Ok(1) => args.second_order = false,
                Ok(2) => args.second_order = true,
                _ => return Err(syn::Error::new(n.span(), diagnostics::ORDER)),
            }
            Ok(())
        } else if meta.path.is_ident("crate") {
            args.krate = Some(meta.value()?.parse()?);
            Ok(())
        } else {
            Err(meta.error(diagnostics::unknown_argument(&meta.path)))
        }
    });
    if let Err(e) = parser.parse2(tokens) {
        errors.push(e);
    }
    args
}
