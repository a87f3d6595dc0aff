//! `expand`: runs the pipeline on one attributed item and assembles the output.
//!
//! Output: the user's function unchanged, then `f_grad` (or `f_jacobian`), `f_jvp` and
//! `f_vjp`, then (with `order = 2`, and not for out-parameters) `f_vjp_jvp`, and for a
//! float output `f_hvp` and `f_hessian`. On any
//! error: the user's function, every error, and stubs of the siblings with the
//! contract's names, so that call sites do not add "cannot find function" errors.

use crate::diagnostics::{self as diag, Errors};
use crate::emit::{self, Shared, Sibling};
use crate::second::{self, Kind};
use crate::{activity, args, dead_stores, forward, hoist, lower, prune, reverse, snapshot};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let args = args::parse(attr, &mut errors);
    let mut item_fn: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            let e = match syn::parse2::<syn::TraitItemFn>(item.clone()) {
                Ok(f) => syn::Error::new_spanned(&f.sig, diag::NO_BODY),
                Err(_) => syn::Error::new_spanned(&item, diag::NOT_A_FUNCTION),
            };
            let e = e.to_compile_error();
            return quote!(#e #item);
        }
    };
    crate::ungroup::ungroup(&mut item_fn);
    let mut func = lower::lower(&item_fn, &args, &mut errors);
    dead_stores::drop_dead_stores(&mut func);
    snapshot::snapshot(&mut func);
    hoist::hoist(&mut func);
    let act = activity::analyse(&func, &mut errors);
    // An active value that is not an array is a float, whatever `lower` could tell from
    // a constant it started at (`0e0`, a `const`, `T::zero()`).
    for (i, info) in func.vars.iter_mut().enumerate() {
        if act.is_active(crate::ir::Var(i)) && info.shape == crate::ir::Shape::Other {
            info.shape = crate::ir::Shape::Scalar;
        }
    }
    let krate = match &args.krate {
        Some(path) => quote!(#path),
        None => quote!(::autodiff_core),
    };
    let shared = Shared { item: &item_fn, krate };
    // Second-order siblings: with `order = 2`, for functions returning their value (not
    // through an out-parameter).
    let second_order = args.second_order && func.out_param.is_none();
    if !errors.is_empty() {
        let errs = errors.to_compile_errors();
        let stubs = stubs(&shared, &func, second_order);
        return quote!(#item_fn #errs #stubs);
    }
    let mut jvp = forward::jvp(&func, &act);
    let mut vjp = reverse::vjp(&func, &act, reverse::Seed::Param);
    prune::prune(&mut jvp);
    prune::prune(&mut vjp);
    // A scalar output has a gradient; an array or `Vec` output a Jacobian.
    let first = if func.scalar_output() {
        emit::grad_through_vjp(&shared, &func)
    } else {
        let lanes = lanes_apply(&func, &jvp);
        let mut j = emit::jacobian(&shared, &func, args.jacobian, lanes);
        if lanes {
            j.extend(emit::sibling(&shared, &func, &jvp, Sibling::JvpLanes));
            j.extend(emit::sibling(&shared, &func, &vjp, Sibling::VjpLanes));
        }
        j
    };
    let jvp = emit::sibling(&shared, &func, &jvp, Sibling::Jvp);
    let vjp = emit::sibling(&shared, &func, &vjp, Sibling::Vjp);
    let mut out = quote!(#first #jvp #vjp);
    if second_order {
        let mut vjp_jvp = second::second(&func, &act, Kind::VjpJvp);
        prune::prune(&mut vjp_jvp);
        out.extend(emit::sibling(&shared, &func, &vjp_jvp, Sibling::VjpJvp));
        if func.scalar_output() {
            let mut hvp = second::second(&func, &act, Kind::Hvp);
            prune::prune(&mut hvp);
            out.extend(emit::sibling(&shared, &func, &hvp, Sibling::Hvp));
            // One matrix needs one element type.
            if emit::one_float_type(&func) {
                let lanes = !func.generic_floats
                    && !func.has_matrix_params()
                    && emit::one_float_type_through(&func)
                    && plain(&hvp.body);
                out.extend(emit::hessian(&shared, &func, lanes));
                if lanes {
                    out.extend(emit::sibling(&shared, &func, &hvp, Sibling::HvpLanes));
                }
            }
        }
    }
    if args.dump {
        eprintln!("{}", dump(&item_fn.sig.ident, &out));
    }
    quote!(#item_fn #out)
}

/// Whether `f_jacobian` can sweep with several tangents at once (`f_jvp_lanes`): the
/// JVP is written with operators that lanes have (no call of a callee's JVP, no
/// conversion between float types), the floats are `f32` or `f64` (not inside a matrix
/// library's vectors), and the output is returned, one array or `Vec`.
fn lanes_apply(func: &crate::ir::Func, jvp: &forward::Derived) -> bool {
    !func.generic_floats
        && !func.has_matrix_params()
        && func.out_param.is_none()
        && !func.output_tuple
        && !func.scalar_output()
        && emit::one_float_type_through(func)
        && plain(&jvp.body)
}

/// Whether tangent code uses only what lanes have: no call of a callee's sibling (which
/// takes one tangent), no conversion between float types.
fn plain(b: &crate::ir::Block) -> bool {
    fn has_cast_like(e: &crate::ir::Expr) -> bool {
        use crate::ir::Expr as E;
        match e {
            E::CastLike(..) => true,
            E::Unary(_, x) | E::Tangent(x) => has_cast_like(x),
            E::Binary(_, a, b) => has_cast_like(a) || has_cast_like(b),
            E::Tuple(xs) => xs.iter().any(has_cast_like),
            _ => false,
        }
    }
    b.stmts.iter().all(|s| match s {
        crate::ir::Stmt::Let { vars, value, .. } => {
            let sibling_call = vars.len() > 1 && matches!(value, crate::ir::Expr::Call { .. });
            !sibling_call && !has_cast_like(value)
        }
        crate::ir::Stmt::If { then, els, .. } => plain(then) && plain(els),
        crate::ir::Stmt::Loop { body, .. } => plain(body),
        crate::ir::Stmt::Assign { value, .. } | crate::ir::Stmt::Accumulate { value, .. } => {
            !has_cast_like(value)
        }
        _ => true,
    })
}

/// The generated siblings as a reader wants them: pretty-printed, under a header.
pub fn dump(name: &syn::Ident, siblings: &TokenStream) -> String {
    let code = match syn::parse2::<syn::File>(siblings.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => siblings.to_string(),
    };
    format!("// The derivatives of `{name}`, written by #[differentiate]:\n{code}")
}

/// Siblings with the contract's signatures whose bodies only panic: call sites of a
/// function the macro refused type-check, so only the macro's errors are reported.
fn stubs(shared: &Shared, func: &crate::ir::Func, second_order: bool) -> TokenStream {
    let item = shared.item;
    let vis = &item.vis;
    let params = emit::user_params(func);
    let g = &item.sig.generics;
    let generics = &g.params;
    let where_clause = &g.where_clause;
    let first = if func.scalar_output() || func.outputs.is_empty() {
        Sibling::Grad
    } else {
        Sibling::Jacobian
    };
    let mut kinds = vec![first, Sibling::Jvp, Sibling::Vjp];
    if second_order && !func.outputs.is_empty() {
        kinds.push(Sibling::VjpJvp);
        if func.scalar_output() {
            kinds.push(Sibling::Hvp);
        }
        if func.scalar_output() && emit::one_float_type(func) {
            kinds.push(Sibling::Hessian);
        }
    }
    kinds
        .into_iter()
        .map(|kind| {
            let name = emit::sibling_name(&item.sig.ident, kind);
            let extra: Vec<TokenStream> = emit::extra_types(func, kind)
                .into_iter()
                .enumerate()
                .map(|(i, ty)| {
                    let id = format_ident!("_autodiff_arg{}", i);
                    quote!(#id: #ty)
                })
                .collect();
            let ret = emit::return_type(func, kind);
            let msg = diag::stub_body(&name);
            quote! {
                #[allow(unused_variables, clippy::all)]
                #vis fn #name<#generics>(#(#params,)* #(#extra),*) -> #ret #where_clause {
                    ::core::panic!(#msg)
                }
            }
        })
        .collect()
}
