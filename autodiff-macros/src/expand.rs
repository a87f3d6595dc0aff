//! `expand`: runs the pipeline on one attributed item and assembles the output.
//!
//! Output: the user's function unchanged, then `f_grad`, `f_jvp` and `f_vjp`. On any
//! error: the user's function, every error, and stubs of the siblings with the
//! contract's names, so that call sites do not add "cannot find function" errors.

use crate::diagnostics::{self as diag, Errors};
use crate::emit::{self, Shared, Sibling};
use crate::{activity, args, forward, lower, prune, reverse};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let args = args::parse(attr, &mut errors);
    let item_fn: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            let e = syn::Error::new_spanned(&item, diag::NOT_A_FUNCTION).to_compile_error();
            return quote!(#e #item);
        }
    };
    let func = lower::lower(&item_fn, &args, &mut errors);
    let act = activity::analyse(&func, &mut errors);
    let krate = match &args.krate {
        Some(path) => quote!(#path),
        None => quote!(::autodiff_core),
    };
    let shared = Shared { item: &item_fn, krate };
    if !errors.is_empty() {
        let errs = errors.to_compile_errors();
        let stubs = stubs(&shared, &func);
        return quote!(#item_fn #errs #stubs);
    }
    let mut grad = reverse::vjp(&func, &act, reverse::Seed::One);
    let mut jvp = forward::jvp(&func, &act);
    let mut vjp = reverse::vjp(&func, &act, reverse::Seed::Param);
    for d in [&mut grad, &mut jvp, &mut vjp] {
        prune::prune(d);
    }
    let grad = emit::sibling(&shared, &func, &grad, Sibling::Grad);
    let jvp = emit::sibling(&shared, &func, &jvp, Sibling::Jvp);
    let vjp = emit::sibling(&shared, &func, &vjp, Sibling::Vjp);
    quote!(#item_fn #grad #jvp #vjp)
}

/// Siblings that take the contract's arguments (extra ones generic) and never return.
fn stubs(shared: &Shared, func: &crate::ir::Func) -> TokenStream {
    let item = shared.item;
    let vis = &item.vis;
    let params = emit::user_params(func);
    let g = &item.sig.generics;
    let lifetimes_and_types = &g.params;
    let where_clause = &g.where_clause;
    let n_tangents = func.active_order.len().max(1);
    [(Sibling::Grad, 0), (Sibling::Jvp, n_tangents), (Sibling::Vjp, 1)]
        .into_iter()
        .map(|(kind, extra)| {
            let name = emit::sibling_name(&item.sig.ident, kind);
            let tys: Vec<syn::Ident> = (0..extra).map(|i| format_ident!("AutodiffArg{}", i)).collect();
            let ids: Vec<syn::Ident> = (0..extra).map(|i| format_ident!("autodiff_arg{}", i)).collect();
            let msg = diag::stub_body(&name);
            let sep = if lifetimes_and_types.is_empty() || tys.is_empty() { quote!() } else { quote!(,) };
            quote! {
                #[allow(unused_variables, clippy::all)]
                #vis fn #name<#lifetimes_and_types #sep #(#tys),*>(#(#params,)* #(#ids: #tys),*) -> ! #where_clause {
                    ::core::panic!(#msg)
                }
            }
        })
        .collect()
}
