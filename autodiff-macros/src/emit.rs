//! `emit`: the only pass that builds tokens. Turns a [`Derived`] body into a function.
//!
//! - Every local of generated code is named after the user's variable (`y2`, `y2_bar`,
//!   `y2_dot`), made unique against every identifier of the user's function, and given
//!   `Span::mixed_site()` hygiene located at the user's expression: it can neither
//!   capture nor shadow a user's name, and a type error points at the user's code.
//! - Parameters keep the user's identifiers; the runtime is named by absolute path.
//! - `let mut` only for adjoints that are accumulated into.

use crate::forward::Derived;
use crate::ir::{
    Atom, BinOp, Block, CastTo, ConversionCall, Expr, Fallible, Func, Header, MacroArg, ParamKind,
    Proj, Stmt, TakeApart, UnOp, Var,
};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use std::collections::{HashMap, HashSet};

/// How `f_jacobian` sweeps: `#[differentiate(jacobian = forward)]` or `= reverse`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum JacobianMode {
    Forward,
    Reverse,
}

/// Which sibling a body is for; fixes its extra parameters, return type and doc.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Sibling {
    Grad,
    Jvp,
    Vjp,
    Jacobian,
    /// `f_hvp`: the Hessian-vector product.
    Hvp,
    /// `f_vjp_jvp`: forward mode over `f_vjp`, which callers' second derivatives call.
    VjpJvp,
    Hessian,
    /// `f_jvp_lanes::<K>`: the JVP with `K` tangents per float, for `f_jacobian`.
    JvpLanes,
    /// `f_hvp_lanes::<K>`: `K` Hessian-vector products in one sweep, for `f_hessian`.
    HvpLanes,
    /// `f_vjp_lanes::<L>`: reverse mode with `K` cotangents per output float, for the
    /// rows of `f_jacobian`.
    VjpLanes,
}

impl Sibling {
    /// Whether the sibling carries `K` tangents per float (a const parameter `K`).
    fn lanes(self) -> bool {
        matches!(self, Sibling::JvpLanes | Sibling::HvpLanes | Sibling::VjpLanes)
    }
}

impl Sibling {
    pub fn suffix(self) -> &'static str {
        match self {
            Sibling::Grad => "grad",
            Sibling::Jvp => "jvp",
            Sibling::Vjp => "vjp",
            Sibling::Jacobian => "jacobian",
            Sibling::Hvp => "hvp",
            Sibling::VjpJvp => "vjp_jvp",
            Sibling::Hessian => "hessian",
            Sibling::JvpLanes => "jvp_lanes",
            Sibling::HvpLanes => "hvp_lanes",
            Sibling::VjpLanes => "vjp_lanes",
        }
    }
}

/// The signature pieces shared by every sibling.
pub struct Shared<'a> {
    pub item: &'a syn::ItemFn,
    pub krate: TokenStream,
}

/// The sibling `kind` of `func` with body `d`.
pub fn sibling(shared: &Shared, func: &Func, d: &Derived, kind: Sibling) -> TokenStream {
    let names = Names::new(func, d);
    let cx = Cx {
        names,
        generic_floats: func.generic_floats,
        param_types: func.params.iter().map(|p| (p.var, (p.kind.clone(), p.ty.clone()))).collect(),
        vars: &d.vars,
        krate: &shared.krate,
        mutable: accumulated(&d.body),
        lanes: kind.lanes().then(|| quote!(L)),
        adjoint_lanes: kind == Sibling::VjpLanes,
    };
    let item = shared.item;
    let vis = &item.vis;
    let name = sibling_name(&item.sig.ident, kind);
    let (impl_generics, _, where_clause) = split(&item.sig.generics, func, &shared.krate, &[]);
    // The lanes JVP takes the type of a float's tangent as a parameter: `K` lanes of
    // floats, or a sparsity pattern.
    let impl_generics = if kind.lanes() {
        let params = item.sig.generics.params.iter();
        let krate = &shared.krate;
        let leaf = func.active_params().next().map(param_leaf);
        quote!(<#(#params,)* L: #krate::__private::Lane<#leaf>>)
    } else {
        impl_generics
    };
    let params = user_params(func);
    let extra: Vec<TokenStream> = d
        .extra_params
        .iter()
        .zip(extra_types(func, kind))
        .map(|(v, ty)| {
            let id = cx.ident(*v, Span::call_site());
            quote!(#id: #ty)
        })
        .collect();
    let krate = &shared.krate;
    let lanes_of = |ty: &TokenStream| quote!(<#ty as #krate::__private::Shape>::Map<L>);
    let (ret_ty, extra) = match kind {
        Sibling::JvpLanes | Sibling::HvpLanes => {
            let out_ty = &func.output_ty;
            let ret = if kind == Sibling::JvpLanes {
                let lanes = lanes_of(&quote!(#out_ty));
                quote!((#out_ty, #lanes))
            } else {
                let g = gradient_type(func);
                let lanes = lanes_of(&g);
                quote!((#out_ty, #g, #lanes))
            };
            let types = func.active_params().map(|p| match &p.kind {
                ParamKind::Scalar { float, .. } => lanes_of(&quote!(#float)),
                ParamKind::Array { array } => lanes_of(&quote!(#array)),
                ParamKind::Seq { elem } => {
                    let e = lanes_of(&quote!(#elem));
                    quote!(&[#e])
                }
                // (No lanes sibling is written for a matrix library's parameters.)
                ParamKind::Matrix { owned, .. } => quote!(#owned),
                ParamKind::Constant => quote!(()),
            });
            let extra = d
                .extra_params
                .iter()
                .zip(types)
                .map(|(v, ty)| {
                    let id = cx.ident(*v, Span::call_site());
                    quote!(#id: #ty)
                })
                .collect();
            (ret, extra)
        }
        Sibling::VjpLanes => {
            let out_ty = &func.output_ty;
            let g = gradient_type(func);
            let lanes = lanes_of(&g);
            // The cotangent has the output's shape with lanes; a `Vec`'s by reference.
            let cot = match func.outputs.first().map(|o| &o.kind) {
                Some(ParamKind::Seq { elem }) => {
                    let e = lanes_of(&quote!(#elem));
                    quote!(&[#e])
                }
                _ => lanes_of(&quote!(#out_ty)),
            };
            let extra = d
                .extra_params
                .iter()
                .map(|v| {
                    let id = cx.ident(*v, Span::call_site());
                    quote!(#id: #cot)
                })
                .collect();
            (quote!((#out_ty, #lanes)), extra)
        }
        _ => (return_type(func, kind), extra),
    };
    let ret_ty = match kind {
        Sibling::JvpLanes | Sibling::HvpLanes | Sibling::VjpLanes => outcome_type(func, ret_ty),
        _ => ret_ty,
    };
    let attrs = attributes(&doc(&item.sig.ident, func, kind), kind.lanes());
    let items = &func.items;
    let checks = length_checks(&cx, func, d, kind);
    let body = cx.stmts(&d.body.stmts);
    let ret = outcome_value(func, cx.expr(&d.ret, Span::call_site()));
    quote! {
        #attrs
        #vis fn #name #impl_generics (#(#params,)* #(#extra),*) -> #ret_ty #where_clause {
            #(#items)*
            #checks
            #body
            #ret
        }
    }
}

/// `same_len(x_dot.len(), x.len(), ..)` for the tangent of every slice or `Vec`
/// parameter, and of each of its rows that is a `Vec` (`&[Vec<T>]`): a tangent of the
/// wrong length panics at once, and the tangent's reads need no bounds checks once its
/// length is known.
fn length_checks(cx: &Cx, func: &Func, d: &Derived, kind: Sibling) -> TokenStream {
    // The tangents among the extra parameters: after the cotangent in `f_vjp_jvp`.
    let tangents = match kind {
        Sibling::Jvp | Sibling::Hvp | Sibling::JvpLanes | Sibling::HvpLanes => &d.extra_params[..],
        Sibling::VjpJvp => d.extra_params.get(1..).unwrap_or(&[]),
        _ => &[],
    };
    let krate = cx.krate;
    func.active_params()
        .zip(tangents)
        .filter_map(|(p, v)| match (&p.kind, &p.pat) {
            (ParamKind::Seq { elem }, syn::Pat::Ident(pi)) => {
                let x = &pi.ident;
                let t = cx.ident(*v, Span::call_site());
                let name = x.to_string();
                let rows = row_length_checks(elem, &t, &x.to_token_stream(), &name, krate);
                Some(quote!(#krate::__private::same_len(#t.len(), #x.len(), #name); #rows))
            }
            _ => None,
        })
        .collect()
}

/// The length checks of the rows of a tangent `t` of `x` whose elements `elem` are `Vec`s,
/// at any depth (a row named `x[..]`).
fn row_length_checks(
    elem: &syn::Type,
    t: &TokenStream,
    x: &TokenStream,
    name: &str,
    krate: &TokenStream,
) -> TokenStream {
    let Some(inner) = crate::lower::vec_elem(elem) else { return TokenStream::new() };
    let local = |n: &str| syn::Ident::new(n, Span::mixed_site()).into_token_stream();
    let (tr, xr) = (local("t_row"), local("x_row"));
    let name = format!("{name}[..]");
    let deeper = row_length_checks(inner, &tr, &xr, &name, krate);
    quote! {
        for (#tr, #xr) in #t.iter().zip(#x.iter()) {
            #krate::__private::same_len(#tr.len(), #xr.len(), #name);
            #deeper
        }
    }
}

/// The return type of sibling `kind`: of a fallible function, in its `Option` or `Result`.
pub fn return_type(func: &Func, kind: Sibling) -> TokenStream {
    outcome_type(func, plain_return_type(func, kind))
}

/// `ty` as a fallible function's siblings return it: `Option<ty>` or `Result<ty, E>`.
fn outcome_type(func: &Func, ty: TokenStream) -> TokenStream {
    match &func.fallible {
        None => ty,
        Some(Fallible::Option) => quote!(::core::option::Option<#ty>),
        Some(Fallible::Result(e)) => quote!(::core::result::Result<#ty, #e>),
    }
}

/// A sibling's returned value `v`: of a fallible function, its success.
fn outcome_value(func: &Func, v: TokenStream) -> TokenStream {
    match &func.fallible {
        None => v,
        Some(Fallible::Option) => quote!(::core::option::Option::Some(#v)),
        Some(Fallible::Result(_)) => quote!(::core::result::Result::Ok(#v)),
    }
}

/// The return type of sibling `kind` of a function that cannot fail.
fn plain_return_type(func: &Func, kind: Sibling) -> TokenStream {
    let out_ty = &func.output_ty;
    let g = gradient_type(func);
    match kind {
        // With an out-parameter, the value is in the buffer: derivatives only.
        Sibling::Jvp if func.out_param.is_some() => out_tangent_type(func),
        Sibling::Grad | Sibling::Vjp if func.out_param.is_some() => g,
        Sibling::Jacobian if func.out_param.is_some() => jacobian_type(func),
        Sibling::Jvp => quote!((#out_ty, #out_ty)),
        Sibling::Grad | Sibling::Vjp => quote!((#out_ty, #g)),
        Sibling::Jacobian => {
            let j = jacobian_type(func);
            quote!((#out_ty, #j))
        }
        Sibling::Hvp => quote!((#out_ty, #g, #g)),
        // (Written by `sibling`, which knows the runtime's path.)
        Sibling::JvpLanes | Sibling::HvpLanes | Sibling::VjpLanes => quote!(()),
        Sibling::VjpJvp => quote!(((#out_ty, #g), (#out_ty, #g))),
        Sibling::Hessian => {
            let h = hessian_type(func);
            quote!((#out_ty, #g, #h))
        }
    }
}

/// The float type inside a written type: `f64` in `[[f64; 3]; 2]`, `&[f64]`, `Vec<T>`.
pub fn leaf_type(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Array(a) => leaf_type(&a.elem),
        syn::Type::Slice(s) => leaf_type(&s.elem),
        syn::Type::Reference(r) => leaf_type(&r.elem),
        syn::Type::Paren(p) => leaf_type(&p.elem),
        // A type passed through a `macro_rules!` fragment arrives in an invisible group.
        syn::Type::Group(g) => leaf_type(&g.elem),
        syn::Type::Path(p) => match p.path.segments.last() {
            Some(s) if s.ident == "Vec" => match &s.arguments {
                syn::PathArguments::AngleBracketed(a) => match a.args.first() {
                    Some(syn::GenericArgument::Type(t)) => leaf_type(t),
                    _ => ty,
                },
                _ => ty,
            },
            _ => ty,
        },
        _ => ty,
    }
}

/// The float type of a parameter's derivatives.
fn param_leaf(p: &crate::ir::Param) -> &syn::Type {
    match &p.kind {
        ParamKind::Scalar { float, .. } => float,
        ParamKind::Array { array } => leaf_type(array),
        ParamKind::Seq { elem } => leaf_type(elem),
        ParamKind::Matrix { float, .. } => float,
        ParamKind::Constant => &p.ty,
    }
}

/// Whether the active inputs share one float type (as written), so that a Hessian over
/// them has one element type.
pub fn one_float_type(func: &Func) -> bool {
    let mut leaves = func.active_params().map(|p| param_leaf(p).to_token_stream().to_string());
    let first = leaves.next();
    leaves.all(|l| Some(l) == first)
}

/// Whether the active inputs and the output share one float type (as written): lanes
/// siblings carry one type of tangent for every float.
pub fn one_float_type_through(func: &Func) -> bool {
    let out = leaf_type(&func.output_ty).to_token_stream().to_string();
    one_float_type(func)
        && func.active_params().all(|p| param_leaf(p).to_token_stream().to_string() == out)
}

/// The Hessian type `H` of the contract: `[[T; n]; n]` over the active inputs when all
/// are scalars (`n` of them) or there is a single one-dimensional array, `Vec<Vec<T>>`
/// otherwise.
pub fn hessian_type(func: &Func) -> TokenStream {
    let active: Vec<&crate::ir::Param> = func.active_params().collect();
    let Some(first) = active.first() else { return quote!(()) };
    let leaf = param_leaf(first);
    let scalars = active.iter().all(|p| matches!(p.kind, ParamKind::Scalar { .. }));
    if scalars {
        let n = proc_macro2::Literal::usize_unsuffixed(active.len());
        return quote!([[#leaf; #n]; #n]);
    }
    if let [p] = active.as_slice() {
        if let ParamKind::Array { array } = &p.kind {
            let mut inner = array;
            loop {
                match inner {
                    syn::Type::Paren(p) => inner = &p.elem,
                    syn::Type::Group(g) => inner = &g.elem,
                    _ => break,
                }
            }
            if let syn::Type::Array(a) = inner {
                if !matches!(&*a.elem, syn::Type::Array(_)) {
                    let n = &a.len;
                    return quote!([[#leaf; #n]; #n]);
                }
            }
        }
    }
    quote!(::std::vec::Vec<::std::vec::Vec<#leaf>>)
}

pub fn sibling_name(fn_name: &syn::Ident, kind: Sibling) -> syn::Ident {
    format_ident!("{}_{}", fn_name, kind.suffix())
}

/// A sibling's generic parameters (the function's) and where clause: the function's own
/// predicates, `extra`, and, when the function has local arrays or an array output,
/// `T: FloatLeaf` for each float type parameter `T` (zeros of their shape, adjoints added
/// to them: what `f32` and `f64` have).
fn split(
    g: &syn::Generics,
    func: &Func,
    krate: &TokenStream,
    extra: &[TokenStream],
) -> (TokenStream, (), TokenStream) {
    let params = &g.params;
    let generics = if params.is_empty() { quote!() } else { quote!(<#params>) };
    let mut preds: Vec<TokenStream> =
        g.where_clause.iter().flat_map(|w| w.predicates.iter().map(|p| quote!(#p))).collect();
    if func.has_float_arrays() {
        for t in &func.float_params {
            let t = syn::Ident::new(t, Span::call_site());
            preds.push(quote!(#t: #krate::FloatLeaf));
        }
    }
    preds.extend(extra.iter().cloned());
    let where_clause = if preds.is_empty() { quote!() } else { quote!(where #(#preds,)*) };
    (generics, (), where_clause)
}

/// The user's parameters as the siblings declare them (`mut` dropped: generated code
/// never writes to a parameter).
pub fn user_params(func: &Func) -> Vec<TokenStream> {
    func.params
        .iter()
        .map(|p| match &p.pat {
            syn::Pat::Ident(pi) if pi.ident == "self" => {
                // A receiver keeps its written form (`&self`, `self: Box<Self>`).
                receiver_tokens(&p.ty, pi)
            }
            syn::Pat::Ident(pi) => {
                let id = &pi.ident;
                let ty = &p.ty;
                quote!(#id: #ty)
            }
            pat => {
                let ty = &p.ty;
                quote!(#pat: #ty)
            }
        })
        .collect()
}

fn receiver_tokens(ty: &syn::Type, pi: &syn::PatIdent) -> TokenStream {
    let id = &pi.ident;
    match ty {
        syn::Type::Reference(r) if matches!(&*r.elem, syn::Type::Path(p) if p.path.is_ident("Self")) =>
        {
            let and = &r.and_token;
            let lt = &r.lifetime;
            let m = &r.mutability;
            quote!(#and #lt #m #id)
        }
        syn::Type::Path(p) if p.path.is_ident("Self") => quote!(#id),
        other => quote!(#id: #other),
    }
}

/// The types of the parameters after the user's.
pub fn extra_types(func: &Func, kind: Sibling) -> Vec<TokenStream> {
    match kind {
        Sibling::Grad | Sibling::Hessian => Vec::new(),
        // (The lanes JVP's are written by `sibling`, which knows the runtime's path.)
        Sibling::Hvp | Sibling::JvpLanes | Sibling::HvpLanes => extra_types(func, Sibling::Jvp),
        Sibling::VjpLanes => extra_types(func, Sibling::Vjp),
        Sibling::VjpJvp => {
            // `(args.., dout, args_dot.., dout_dot)`.
            let cot = extra_types(func, Sibling::Vjp);
            let mut all = cot.clone();
            all.extend(extra_types(func, Sibling::Jvp));
            all.extend(cot);
            all
        }
        Sibling::Vjp => {
            // The cotangent has the output's type, a `Vec` taken as `&[T]`.
            let parts: Vec<TokenStream> = func
                .outputs
                .iter()
                .map(|o| match &o.kind {
                    ParamKind::Seq { elem } => quote!(&[#elem]),
                    _ => {
                        let t = &o.ty;
                        quote!(#t)
                    }
                })
                .collect();
            let o = &func.output_ty;
            vec![match (func.output_tuple, parts.len()) {
                (true, _) => quote!((#(#parts,)*)),
                (false, 1) => parts.into_iter().collect(),
                // The output was refused: a stub still takes the written type.
                _ => quote!(#o),
            }]
        }
        Sibling::Jacobian => Vec::new(),
        Sibling::Jvp => func
            .active_params()
            .map(|p| match &p.kind {
                ParamKind::Scalar { float, .. } => quote!(#float),
                ParamKind::Array { array, .. } => quote!(#array),
                ParamKind::Seq { elem, .. } => quote!(&[#elem]),
                ParamKind::Matrix { owned, .. } => quote!(#owned),
                ParamKind::Constant => quote!(()),
            })
            .collect(),
    }
}

/// The gradient type `G` of the contract.
pub fn gradient_type(func: &Func) -> TokenStream {
    let entries: Vec<TokenStream> = func
        .active_params()
        .map(|p| match &p.kind {
            ParamKind::Scalar { float, .. } => quote!(#float),
            ParamKind::Array { array, .. } => quote!(#array),
            ParamKind::Seq { elem, .. } => quote!(::std::vec::Vec<#elem>),
            ParamKind::Matrix { owned, .. } => quote!(#owned),
            ParamKind::Constant => quote!(()),
        })
        .collect();
    if entries.len() == 1 {
        entries.into_iter().collect()
    } else {
        quote!((#(#entries),*))
    }
}

/// The owned type of an out-parameter's tangent: the array, or `Vec<E>` for a slice.
pub fn out_tangent_type(func: &Func) -> TokenStream {
    match func.outputs.first().map(|o| &o.kind) {
        Some(ParamKind::Seq { elem }) => quote!(::std::vec::Vec<#elem>),
        Some(ParamKind::Array { array }) => quote!(#array),
        _ => quote!(()),
    }
}

/// The Jacobian type: per active parameter, the output's type with each float replaced
/// by that parameter's gradient type; bare for one parameter, a tuple for several.
pub fn jacobian_type(func: &Func) -> TokenStream {
    fn outer(out: &syn::Type, inner: &TokenStream) -> TokenStream {
        match out {
            syn::Type::Array(a) => {
                let e = outer(&a.elem, inner);
                let n = &a.len;
                quote!([#e; #n])
            }
            syn::Type::Paren(p) => outer(&p.elem, inner),
            syn::Type::Group(g) => outer(&g.elem, inner),
            // An out-parameter `&mut [E]`: one row per element, as for `Vec<E>`.
            syn::Type::Slice(sl) => {
                let e = outer(&sl.elem, inner);
                quote!(::std::vec::Vec<#e>)
            }
            syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Vec") => {
                let elem = match p.path.segments.last().map(|s| &s.arguments) {
                    Some(syn::PathArguments::AngleBracketed(a)) => match a.args.first() {
                        Some(syn::GenericArgument::Type(t)) => outer(t, inner),
                        _ => inner.clone(),
                    },
                    _ => inner.clone(),
                };
                quote!(::std::vec::Vec<#elem>)
            }
            _ => inner.clone(),
        }
    }
    // One entry per output component, each that component's Jacobian: one block per
    // active parameter (bare for one, a tuple for several).
    let component = |ty: &syn::Type| -> TokenStream {
        let blocks: Vec<TokenStream> =
            func.active_params().map(|p| outer(ty, &param_gradient_type(p))).collect();
        if blocks.len() == 1 {
            blocks.into_iter().collect()
        } else {
            quote!((#(#blocks),*))
        }
    };
    match (func.output_tuple, func.outputs.first()) {
        (true, _) => {
            let parts = func.outputs.iter().map(|o| component(&o.ty));
            quote!((#(#parts,)*))
        }
        // One part: its type (an out-parameter's is the buffer's, not the written `()`).
        (false, Some(o)) => component(&o.ty),
        (false, None) => component(&func.output_ty),
    }
}

fn param_gradient_type(p: &crate::ir::Param) -> TokenStream {
    match &p.kind {
        ParamKind::Scalar { float, .. } => quote!(#float),
        ParamKind::Array { array } => quote!(#array),
        ParamKind::Seq { elem } => quote!(::std::vec::Vec<#elem>),
        ParamKind::Matrix { owned, .. } => quote!(#owned),
        ParamKind::Constant => quote!(()),
    }
}

/// Arguments passed on from a wrapper (`f_jacobian`, `f_hessian`) to `f` and its
/// siblings, called once per component: owned non-`Copy` values are cloned, and an
/// out-parameter gets a scratch buffer of its own in each sweep.
struct CallArgs {
    has_self: bool,
    out_ident: Option<syn::Ident>,
    /// For `f` itself.
    args_f: Vec<TokenStream>,
    /// For the siblings.
    args: Vec<TokenStream>,
}

fn call_args(func: &Func, scratch: &syn::Ident) -> CallArgs {
    let mut ca =
        CallArgs { has_self: false, out_ident: None, args_f: Vec::new(), args: Vec::new() };
    for p in &func.params {
        match &p.pat {
            pat if is_self(pat) => ca.has_self = true,
            syn::Pat::Ident(pi) if p.out => {
                let id = &pi.ident;
                ca.out_ident = Some(id.clone());
                ca.args_f.push(quote!(#id));
                ca.args.push(quote!(&mut #scratch));
            }
            _ => {
                let id = forwarded_name(func, p);
                let by_ref = matches!(p.ty, syn::Type::Reference(_));
                let copy = matches!(p.kind, ParamKind::Scalar { .. } | ParamKind::Array { .. });
                let a = if by_ref || copy {
                    quote!(#id)
                } else {
                    quote!(::core::clone::Clone::clone(&#id))
                };
                ca.args_f.push(a.clone());
                ca.args.push(a);
            }
        }
    }
    ca
}

/// `f_grad` of a float output: `f_vjp` seeded with one. It is a separate function only
/// so that the contract's name exists; once `f_vjp` (itself `#[inline]`) is inlined, the
/// seed is a constant and the code is what a gradient written on its own would be.
pub fn grad_through_vjp(shared: &Shared, func: &Func) -> TokenStream {
    let item = shared.item;
    let krate = &shared.krate;
    let f = &item.sig.ident;
    let (name, vjp) = (sibling_name(f, Sibling::Grad), sibling_name(f, Sibling::Vjp));
    let (impl_generics, _, where_clause) = split(&item.sig.generics, func, krate, &[]);
    let (params, args) = forwarded_params(func);
    let turbofish = named_generics(&item.sig.generics);
    let attrs = attributes(&doc(f, func, Sibling::Grad), false);
    let ret = return_type(func, Sibling::Grad);
    let vis = &item.vis;
    let out_ty = &func.output_ty;
    let seed = if crate::ir::is_primitive_float(out_ty) {
        quote!(1.0)
    } else {
        quote!(<#out_ty as #krate::__private::num_traits::One>::one())
    };
    let body = if func.params.first().is_some_and(|p| is_self(&p.pat)) {
        let rest = &args[1..];
        quote!(self.#vjp #turbofish(#(#rest,)* #seed))
    } else {
        quote!(#vjp #turbofish(#(#args,)* #seed))
    };
    quote! {
        #attrs
        #vis fn #name #impl_generics (#(#params),*) -> #ret #where_clause {
            #body
        }
    }
}

/// The name a sibling that forwards its parameters gives parameter `p`: its own, or for
/// a parameter bound to a pattern (`_`), `arg<k>` after its position.
fn forwarded_name(func: &Func, p: &crate::ir::Param) -> syn::Ident {
    match &p.pat {
        syn::Pat::Ident(pi) => pi.ident.clone(),
        _ => {
            let k = func.params.iter().position(|q| std::ptr::eq(q, p)).unwrap_or(0);
            syn::Ident::new(&format!("arg{k}"), Span::mixed_site())
        }
    }
}

fn is_self(pat: &syn::Pat) -> bool {
    matches!(pat, syn::Pat::Ident(pi) if pi.ident == "self")
}

/// The user's parameters as a sibling that forwards them declares them, and the arguments
/// that forward them: a parameter bound to a pattern (`_`, `(a, b)`) is taken whole under
/// a name of its own (`arg1`), invisible to the user's code.
fn forwarded_params(func: &Func) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let declared = user_params(func);
    let mut params = Vec::new();
    let mut args = Vec::new();
    for (p, d) in func.params.iter().zip(declared) {
        let id = forwarded_name(func, p);
        if let syn::Pat::Ident(_) = &p.pat {
            params.push(d);
        } else {
            let ty = &p.ty;
            params.push(quote!(#id: #ty));
        }
        args.push(quote!(#id));
    }
    (params, args)
}

/// Unit directions over the active parameters: an owned copy `p<k>` of each and a
/// zero `z<k>` of its shape (the `setup` statements), and the tangent arguments of a
/// sweep along a unit `t` of parameter `k`, zeros elsewhere.
struct Directions {
    setup: TokenStream,
    owned: Vec<syn::Ident>,
    zeros: Vec<syn::Ident>,
    seq: Vec<bool>,
    /// Directions that are not `Copy` (a matrix library's), cloned for each sweep.
    cloned: Vec<bool>,
}

impl Directions {
    fn new(func: &Func, krate: &TokenStream) -> Directions {
        let local = |n: &str| syn::Ident::new(n, Span::mixed_site());
        let active: Vec<&crate::ir::Param> = func.active_params().collect();
        let n = active.len();
        let owned: Vec<syn::Ident> = (0..n).map(|k| local(&format!("p{k}"))).collect();
        let zeros: Vec<syn::Ident> = (0..n).map(|k| local(&format!("z{k}"))).collect();
        let mut setup = TokenStream::new();
        for (k, p) in active.iter().enumerate() {
            let id = forwarded_name(func, p);
            let value = match &p.kind {
                ParamKind::Seq { .. } => quote!(#id.to_vec()),
                ParamKind::Matrix { .. } => quote!(#krate::__private::owned(&#id)),
                _ if matches!(p.ty, syn::Type::Reference(_)) => quote!(*#id),
                _ => quote!(#id),
            };
            let (o, z) = (&owned[k], &zeros[k]);
            setup.extend(quote! {
                let #o = #value;
                let #z = #krate::__private::Shape::zero_like(&#o);
            });
        }
        let seq = active.iter().map(|p| matches!(p.kind, ParamKind::Seq { .. })).collect();
        let cloned = active.iter().map(|p| matches!(p.kind, ParamKind::Matrix { .. })).collect();
        Directions { setup, owned, zeros, seq, cloned }
    }

    /// The tangents of a sweep along `t` in parameter `k`.
    fn tangents(&self, k: usize, t: &syn::Ident) -> Vec<TokenStream> {
        self.tangents_with(k, t, &self.zeros)
    }

    /// The tangents of a sweep along `t` in parameter `k`, `zeros` elsewhere.
    fn tangents_with(&self, k: usize, t: &syn::Ident, zeros: &[syn::Ident]) -> Vec<TokenStream> {
        (0..self.owned.len())
            .map(|i| {
                let v = if i == k {
                    quote!(#t)
                } else {
                    let z = &zeros[i];
                    quote!(#z)
                };
                if self.seq[i] {
                    quote!(&#v)
                } else if self.cloned[i] && i != k {
                    quote!(::core::clone::Clone::clone(&#v))
                } else {
                    v
                }
            })
            .collect()
    }
}

/// `_` for each type and const parameter of the user's function: the lanes siblings are
/// called with their chunk width given and the rest inferred.
/// `::<T, N>`: the user's generics named, for a call of a sibling from another one (a
/// type or const parameter may appear in the output only, where nothing infers it).
fn named_generics(g: &syn::Generics) -> TokenStream {
    let named: Vec<TokenStream> = g
        .params
        .iter()
        .filter_map(|p| match p {
            syn::GenericParam::Type(t) => Some(t.ident.to_token_stream()),
            syn::GenericParam::Const(c) => Some(c.ident.to_token_stream()),
            syn::GenericParam::Lifetime(_) => None,
        })
        .collect();
    if named.is_empty() {
        quote!()
    } else {
        quote!(::<#(#named),*>)
    }
}

fn inferred_generics(g: &syn::Generics) -> Vec<TokenStream> {
    g.params
        .iter()
        .filter(|p| !matches!(p, syn::GenericParam::Lifetime(_)))
        .map(|_| quote!(_))
        .collect()
}

/// `f_hessian`: the gradient, then one Hessian-vector product per input component
/// (`f_hvp` along each unit direction gives a column of `H`).
pub fn hessian(shared: &Shared, func: &Func, lanes: bool) -> TokenStream {
    let item = shared.item;
    let krate = &shared.krate;
    let vis = &item.vis;
    let f = &item.sig.ident;
    let name = sibling_name(f, Sibling::Hessian);
    let (params, _) = forwarded_params(func);
    let ret = return_type(func, Sibling::Hessian);
    let doc = doc(f, func, Sibling::Hessian);
    let local = |n: &str| syn::Ident::new(n, Span::mixed_site());
    let (y, g, cols, t) = (local("y"), local("g"), local("cols"), local("unit_tan"));
    let CallArgs { has_self, args, .. } = call_args(func, &local("scratch"));
    let named = named_generics(&item.sig.generics);
    let path = |kind: Sibling| {
        let name = sibling_name(f, kind);
        if has_self {
            quote!(self.#name #named)
        } else {
            quote!(#name #named)
        }
    };
    let (grad, hvp) = (path(Sibling::Grad), path(Sibling::Hvp));
    let dirs = Directions::new(func, krate);
    let mut setup = dirs.setup.clone();
    // With lanes, `LANES` columns per sweep of `f_hvp_lanes`, or fewer sweeps through the
    // sparsity it finds with patterns as tangents (`sparse_columns`, as for Jacobians:
    // the Hessian is the Jacobian of the gradient).
    let (width, words) = widths(krate);
    let (lane_zeros, pattern_zeros) = other_zeros(func, krate, &dirs.owned, lanes, &mut setup);
    // (The lanes sibling takes the generics and `L`, inferred: `::<_, .., _>` below.)
    let hvp_lanes = {
        let name = sibling_name(f, Sibling::HvpLanes);
        if has_self {
            quote!(self.#name)
        } else {
            quote!(#name)
        }
    };
    let infer = inferred_generics(&item.sig.generics);
    let g_ty = gradient_type(func);
    // A fallible function's sibling, in a sweep at a point where the function succeeded:
    // its success.
    let success = |call: TokenStream| match &func.fallible {
        None => call,
        Some(_) => quote!(#krate::__private::succeeded(#call)),
    };
    let columns = dirs.owned.iter().enumerate().map(|(k, o)| {
        if lanes {
            let tangents = dirs.tangents_with(k, &t, &lane_zeros);
            let traced = dirs.tangents_with(k, &t, &pattern_zeros);
            let column = success(quote!(#hvp_lanes::<#(#infer,)* _>(#(#args,)* #(#tangents),*)));
            let pattern = success(quote!(#hvp_lanes::<#(#infer,)* _>(#(#args,)* #(#traced),*)));
            quote! {
                #cols.extend(#krate::__private::block_columns(
                    #krate::__private::sparse_columns::<_, #g_ty, #width, #words>(
                        &#o,
                        |#t| #column.2,
                        |#t| #pattern.2,
                    ),
                    #krate::__private::size(&#o),
                ));
            }
        } else {
            let tangents = dirs.tangents(k, &t);
            let column = success(quote!(#hvp(#(#args,)* #(#tangents),*)));
            quote! {
                #cols.extend(#krate::__private::jacobian_columns(&#o, |#t| {
                    #krate::__private::flat(&#column.2)
                }));
            }
        }
    });
    // A failure of the function is the Hessian's.
    let fail = func.fallible.is_some().then(|| quote!(?));
    let value =
        outcome_value(func, quote!((#y, #g, #krate::__private::hessian_from_columns(#cols))));
    // A generic float type must enumerate its units (`f32` and `f64` do), and cross
    // threads when the columns run in parallel.
    let generic: Vec<&syn::Ident> = item.sig.generics.type_params().map(|p| &p.ident).collect();
    let mut floats: Vec<&syn::Ident> = Vec::new();
    for p in func.active_params() {
        if let syn::Type::Path(tp) = param_leaf(p) {
            match tp.path.get_ident() {
                Some(id) if generic.contains(&id) && !floats.contains(&id) => floats.push(id),
                _ => {}
            }
        }
    }
    let bounds: Vec<TokenStream> = floats
        .iter()
        .map(|id| {
            quote!(#id: #krate::__private::Shape<Leaf = #id, Owned = #id> + ::core::marker::Send + ::core::marker::Sync)
        })
        .collect();
    let (impl_generics, _, where_all) = split(&item.sig.generics, func, krate, &bounds);
    let attrs = attributes(&doc, false);
    quote! {
        #attrs
        #vis fn #name #impl_generics (#(#params),*) -> #ret #where_all {
            let (#y, #g) = #grad(#(#args),*) #fail;
            #setup
            let mut #cols = ::std::vec::Vec::new();
            #(#columns)*
            #value
        }
    }
}

/// The chunk width of a lanes sweep and the words of a pattern, as paths of the runtime.
fn widths(krate: &TokenStream) -> (TokenStream, TokenStream) {
    (quote!({ #krate::__private::LANES }), quote!({ #krate::__private::PATTERN_WORDS }))
}

/// The zero lanes and zero patterns of each active parameter (`owned`), bound in `setup`:
/// the tangents of the parameters a lanes sweep does not seed. With one active parameter
/// none is read, so none is built.
fn other_zeros(
    func: &Func,
    krate: &TokenStream,
    owned: &[syn::Ident],
    lanes: bool,
    setup: &mut TokenStream,
) -> (Vec<syn::Ident>, Vec<syn::Ident>) {
    let local = |n: &str| syn::Ident::new(n, Span::mixed_site());
    let lane_zeros: Vec<syn::Ident> = (0..owned.len()).map(|k| local(&format!("zl{k}"))).collect();
    let pattern_zeros: Vec<syn::Ident> =
        (0..owned.len()).map(|k| local(&format!("zp{k}"))).collect();
    if lanes && owned.len() > 1 {
        let (width, words) = widths(krate);
        let leaf = func.active_params().next().map(param_leaf);
        let lane = quote!(#krate::__private::Lanes<#leaf, #width>);
        let pattern = quote!(#krate::__private::Pattern<#words>);
        for ((o, z), zp) in owned.iter().zip(&lane_zeros).zip(&pattern_zeros) {
            setup.extend(quote! {
                let #z = #krate::__private::Shape::lanes_zero::<#lane>(&#o);
                let #zp = #krate::__private::Shape::lanes_zero::<#pattern>(&#o);
            });
        }
    }
    (lane_zeros, pattern_zeros)
}

/// `f_jacobian`: the value, then one reverse sweep per output component (rows) or one
/// forward sweep per input component (columns), whichever are fewer, unless `mode`
/// forces one.
pub fn jacobian(
    shared: &Shared,
    func: &Func,
    mode: Option<JacobianMode>,
    lanes: bool,
) -> TokenStream {
    // With lanes, rows come `LANES` at a time too (`f_vjp_lanes`).
    let rows_lanes = lanes;
    let item = shared.item;
    let krate = &shared.krate;
    let vis = &item.vis;
    let name = sibling_name(&item.sig.ident, Sibling::Jacobian);
    // A generic float type maps each parameter's block to itself, as `f32` and `f64` do:
    // what names the Jacobian's type for every such type.
    let blocks: Vec<TokenStream> = func.active_params().map(param_gradient_type).collect();
    let bounds: Vec<TokenStream> = func
        .float_params
        .iter()
        .map(|t| {
            let t = syn::Ident::new(t, Span::call_site());
            quote!(#t: #krate::FloatLeaf + #krate::__private::Shape<Leaf = #t, Map<#t> = #t #(, Map<#blocks> = #blocks)*>)
        })
        .collect();
    let (impl_generics, _, where_clause) = split(&item.sig.generics, func, krate, &bounds);
    let (params, _) = forwarded_params(func);
    let out_ty = &func.output_ty;
    let j = jacobian_type(func);
    let doc = doc(&item.sig.ident, func, Sibling::Jacobian);
    // Locals of this function: mixed-site hygiene keeps them apart from the parameters.
    let local = |n: &str| syn::Ident::new(n, Span::mixed_site());
    let (y, rows, jac, c, g, t) =
        (local("y"), local("rows"), local("jac"), local("unit_cot"), local("g"), local("unit_tan"));
    let scratch = local("scratch");
    let CallArgs { has_self, out_ident, args_f, args } = call_args(func, &scratch);
    // A sibling's derivative part: `.1` of `(value, derivative)`, or all of it when the
    // value went into an out-parameter (then into a scratch buffer made per call).
    // A fallible function's sibling, in a sweep at a point where the function succeeded:
    // its success.
    let success = |call: TokenStream| match &func.fallible {
        None => call,
        Some(_) => quote!(#krate::__private::succeeded(#call)),
    };
    let wrap = |call: TokenStream| match &out_ident {
        Some(_) => quote!({
            let mut #scratch = ::core::clone::Clone::clone(&#y);
            #call
        }),
        None => {
            let call = success(call);
            quote!(#call.1)
        }
    };
    let finish = match &out_ident {
        Some(_) => quote!(#jac),
        None => outcome_value(func, quote!((#y, #jac))),
    };
    let f = &item.sig.ident;
    let vjp = sibling_name(f, Sibling::Vjp);
    let jvp = sibling_name(f, Sibling::Jvp);
    let named = named_generics(&item.sig.generics);
    // (A lanes sibling takes the generics and `L`, inferred: `::<_, .., _>` where called.)
    let path = |name: &syn::Ident| if has_self { quote!(self.#name) } else { quote!(#name) };
    let named_path = |name: &syn::Ident| {
        let p = path(name);
        quote!(#p #named)
    };
    let (call_f, call_vjp, call_jvp) = (named_path(f), named_path(&vjp), named_path(&jvp));
    // The unit cotangent as `f_vjp` takes it: `Vec` parts by reference.
    let by_ref = |kind: &ParamKind, v: TokenStream| match kind {
        ParamKind::Seq { .. } => quote!(&#v),
        _ => v,
    };
    let cot = if func.output_tuple {
        let parts = func.outputs.iter().enumerate().map(|(k, o)| {
            let k = syn::Index::from(k);
            by_ref(&o.kind, quote!(#c.#k))
        });
        quote!((#(#parts,)*))
    } else {
        by_ref(&func.outputs[0].kind, quote!(#c))
    };
    let n = func.active_order.len();

    let row = wrap(quote!(#call_vjp(#(#args,)* #cot)));
    // Reverse: one row per output component.
    let reverse = if n > 1 && func.output_tuple {
        // Each output part's rows follow the parts before it.
        let parts = func.outputs.iter().enumerate().map(|(m, _)| {
            let m = syn::Index::from(m);
            let picks = (0..n).map(|k| {
                let k = syn::Index::from(k);
                quote!(#krate::__private::jacobian_pick(&#y.#m, part, |#g| ::core::clone::Clone::clone(&#g.#k)))
            });
            quote!({
                let part = &#rows[at..];
                at += #krate::__private::size(&#y.#m);
                (#(#picks),*)
            })
        });
        quote! {
            let #rows = #krate::__private::jacobian_flat(&#y, |#c| #row);
            let mut at = 0;
            let #jac = (#(#parts,)*);
            #finish
        }
    } else if rows_lanes {
        let vjp_lanes = path(&sibling_name(f, Sibling::VjpLanes));
        let infer = inferred_generics(&item.sig.generics);
        let g_ty = gradient_type(func);
        let (width, words) = widths(krate);
        let owned = &Directions::new(func, krate).owned;
        let total = local("total");
        // Each row holds every parameter's entries in order: each block takes its own
        // columns.
        let blocks = owned.iter().enumerate().map(|(k, o)| {
            let before = &owned[..k];
            quote! {
                #krate::__private::jacobian_from_rows(
                    &#y,
                    &#o,
                    &#krate::__private::columns_of(
                        &#rows,
                        #total,
                        0 #(+ #krate::__private::size(&#before))*,
                        #krate::__private::size(&#o),
                    ),
                )
            }
        });
        let row = success(quote!(#vjp_lanes::<#(#infer,)* _>(#(#args,)* #cot)));
        quote! {
            let #rows = #krate::__private::sparse_rows::<_, #g_ty, #width, #words>(
                &#y,
                |#c| #row.1,
                |#c| #row.1,
            );
            let #total = 0 #(+ #krate::__private::size(&#owned))*;
            let #jac = (#(#blocks),*);
            #finish
        }
    } else if n == 1 {
        quote! {
            let #jac = #krate::__private::jacobian_rows(&#y, |#c| #row);
            #finish
        }
    } else {
        let picks = (0..n).map(|k| {
            let k = syn::Index::from(k);
            quote!(#krate::__private::jacobian_pick(&#y, &#rows, |#g| ::core::clone::Clone::clone(&#g.#k)))
        });
        quote! {
            let #rows = #krate::__private::jacobian_flat(&#y, |#c| #row);
            let #jac = (#(#picks),*);
            #finish
        }
    };

    // Forward: one column per component of each active parameter.
    let dirs = Directions::new(func, krate);
    let (owned, mut setup) = (&dirs.owned, dirs.setup.clone());
    // With lanes, `LANES` columns per sweep of `f_jvp_lanes` (other parameters' tangents
    // zero lanes), or fewer sweeps through the sparsity it finds with patterns as tangents
    // (`sparse_columns`).
    let (width, words) = widths(krate);
    let (lane_zeros, pattern_zeros) = other_zeros(func, krate, owned, lanes, &mut setup);
    let jvp_lanes = path(&sibling_name(f, Sibling::JvpLanes));
    let infer = inferred_generics(&item.sig.generics);
    let blocks: Vec<TokenStream> = (0..n)
        .map(|k| {
            let o = &owned[k];
            let cols = if lanes {
                let tangents = dirs.tangents_with(k, &t, &lane_zeros);
                let traced = dirs.tangents_with(k, &t, &pattern_zeros);
                let column =
                    success(quote!(#jvp_lanes::<#(#infer,)* _>(#(#args,)* #(#tangents),*)));
                let pattern = success(quote!(#jvp_lanes::<#(#infer,)* _>(#(#args,)* #(#traced),*)));
                quote! {
                    #krate::__private::sparse_columns::<_, #out_ty, #width, #words>(
                        &#o,
                        |#t| #column.1,
                        |#t| #pattern.1,
                    )
                }
            } else {
                let tangents = dirs.tangents(k, &t);
                let column = wrap(quote!(#call_jvp(#(#args,)* #(#tangents),*)));
                quote! {
                    #krate::__private::jacobian_columns(&#o, |#t| {
                        #krate::__private::flat(&#column)
                    })
                }
            };
            let block = local("block");
            let assemble = if lanes {
                quote!(#krate::__private::jacobian_from_block(&#y, &#o, &#block))
            } else {
                quote!(#krate::__private::jacobian_from_columns(&#y, &#o, &#block))
            };
            quote! {{
                let #block = #cols;
                #assemble
            }}
        })
        .collect();
    let forward = quote! {
        let #jac = (#(#blocks),*);
        #finish
    };
    let body = match mode {
        // Tuple outputs are assembled from rows only, and so are the blocks of a matrix
        // library's parameters (whose units are enumerated, but not arranged in shape).
        _ if func.output_tuple || func.has_matrix_params() => reverse,
        Some(JacobianMode::Forward) => quote!(#setup #forward),
        Some(JacobianMode::Reverse) if rows_lanes => quote!(#setup #reverse),
        Some(JacobianMode::Reverse) => reverse,
        None => quote! {
            #setup
            let inputs = 0 #(+ #krate::__private::size(&#owned))*;
            if inputs <= #krate::__private::size(&#y) { #forward } else { #reverse }
        },
    };
    // The value: returned, or written into the out-parameter (and copied for its shape).
    let (value, ret) = match (&out_ident, func.outputs.first().map(|o| &o.kind)) {
        (Some(r), Some(ParamKind::Seq { .. })) => {
            (quote!(#call_f(#(#args_f),*); let #y = #r.to_vec();), quote!(#j))
        }
        (Some(r), _) => (quote!(#call_f(#(#args_f),*); let #y = *#r;), quote!(#j)),
        (None, _) => {
            // A failure of the function is the Jacobian's.
            let fail = func.fallible.is_some().then(|| quote!(?));
            (
                quote!(let #y = #call_f(#(#args_f),*) #fail;),
                outcome_type(func, quote!((#out_ty, #j))),
            )
        }
    };
    let attrs = attributes(&doc, false);
    quote! {
        #attrs
        #vis fn #name #impl_generics (#(#params),*) -> #ret #where_clause {
            #value
            #body
        }
    }
}

/// The attributes of every generated sibling: its doc line (hidden from the docs for the
/// lanes siblings only generated code calls), `#[inline]`, and the lints that generated
/// code is allowed to trip.
///
/// `#[inline]` makes a sibling cost nothing until it is called: rustc generates code for
/// an inline function in the crates that call it, not in the crate that defines it, so a
/// library whose functions carry the attribute compiles about as fast as without it.
pub fn attributes(doc: &str, hidden: bool) -> TokenStream {
    let hidden = hidden.then(|| quote!(#[doc(hidden)]));
    quote! {
        #[doc = #doc]
        #hidden
        #[inline]
        #[allow(
            unused_parens,
            unused_variables,
            unused_comparisons,
            clippy::all,
            clippy::pedantic,
            clippy::nursery,
            clippy::restriction
        )]
    }
}

fn doc(fn_name: &syn::Ident, func: &Func, kind: Sibling) -> String {
    let wrt: Vec<String> =
        func.active_params().map(|p| format!("`{}`", p.pat.to_token_stream())).collect();
    let wrt = wrt.join(", ");
    match kind {
        Sibling::Grad => format!(
            " Gradient of `{fn_name}`: returns `({fn_name}(..), derivatives)`, the derivatives with respect to {wrt} (generated by `#[differentiate]`)."
        ),
        Sibling::Jvp => format!(
            " Forward mode of `{fn_name}`: returns `({fn_name}(..), directional derivative)` along the tangents given for {wrt} (generated by `#[differentiate]`)."
        ),
        Sibling::Vjp => format!(
            " Reverse mode of `{fn_name}`: returns `({fn_name}(..), dout times the derivatives)` with respect to {wrt} (generated by `#[differentiate]`)."
        ),
        Sibling::Hvp => format!(
            " Hessian-vector product of `{fn_name}`: returns `({fn_name}(..), gradient, H v)` for the direction `v` given for {wrt} (forward mode over reverse mode; generated by `#[differentiate]`)."
        ),
        Sibling::VjpJvp => format!(
            " Forward mode over `{fn_name}_vjp`: returns `(({fn_name}(..), dout times the derivatives), their directional derivatives)` along the tangents given for {wrt} and for `dout`; the second-order sibling that callers' Hessians use (generated by `#[differentiate]`)."
        ),
        Sibling::HvpLanes => format!(
            " Hessian-vector products of `{fn_name}` along several directions at once (a tangent `L` of lanes per float); used by `{fn_name}_hessian` (generated by `#[differentiate]`)."
        ),
        Sibling::VjpLanes => format!(
            " Reverse mode of `{fn_name}` with a cotangent `L` of lanes per output float (several rows at once); used by `{fn_name}_jacobian` (generated by `#[differentiate]`)."
        ),
        Sibling::JvpLanes => format!(
            " Forward mode of `{fn_name}` with a tangent `L` per float: lanes of several directions, or the set of inputs it depends on; used by `{fn_name}_jacobian` (generated by `#[differentiate]`)."
        ),
        Sibling::Hessian => format!(
            " Hessian of `{fn_name}`: returns `({fn_name}(..), gradient, H)`, `H` over {wrt} flattened in order (one Hessian-vector product per input; generated by `#[differentiate]`)."
        ),
        Sibling::Jacobian => format!(
            " Jacobian of `{fn_name}`: returns `({fn_name}(..), J)` with one block per parameter ({wrt}), each of the output's shape outside and the parameter's inside (generated by `#[differentiate]`)."
        ),
    }
}

/// Variables written after their declaration (accumulated, stored into, pushed to or
/// popped from): the ones declared `let mut`.
fn accumulated(block: &Block) -> HashSet<Var> {
    fn expr(e: &Expr, out: &mut HashSet<Var>) {
        let mut pops = Vec::new();
        collect_pops(e, &mut pops);
        out.extend(pops);
    }
    fn collect_pops(e: &Expr, out: &mut Vec<Var>) {
        if let Expr::Pop(t) = e {
            out.push(*t);
        }
    }
    fn go(b: &Block, out: &mut HashSet<Var>) {
        for s in &b.stmts {
            match s {
                Stmt::Accumulate { target, .. } | Stmt::Assign { target, .. } => {
                    if let Some(v) = target.var() {
                        out.insert(v);
                    }
                }
                Stmt::Push { tape, .. } | Stmt::Reserve { tape, .. } => {
                    out.insert(*tape);
                }
                Stmt::Let { value, .. } => expr(value, out),
                Stmt::If { then, els, .. } => {
                    go(then, out);
                    go(els, out);
                }
                Stmt::Loop { body, .. } => go(body, out),
            }
        }
    }
    let mut out = HashSet::new();
    go(block, &mut out);
    out
}

/// Printed names: unique, readable, never one of the user's identifiers.
struct Names {
    names: Vec<String>,
    /// The user's own identifier, for parameters (call-site hygiene kept).
    params: HashMap<Var, syn::Ident>,
}

impl Names {
    fn new(func: &Func, d: &Derived) -> Names {
        let mut taken: HashSet<String> = func.reserved.clone();
        let mut params = HashMap::new();
        for p in &func.params {
            if let syn::Pat::Ident(pi) = &p.pat {
                params.insert(p.var, pi.ident.clone());
            }
        }
        let mut names: Vec<String> = Vec::with_capacity(d.vars.len());
        for (i, info) in d.vars.iter().enumerate() {
            let name = {
                if params.contains_key(&Var(i)) || info.name == "_" {
                    // A raw parameter (`r#in`) lends its plain name to its derivatives.
                    names.push(info.name.trim_start_matches("r#").to_string());
                    continue;
                }
                // A tangent or adjoint is named after its primal's printed name, which
                // comes first in the arena.
                let base = match info.derived {
                    Some((of, suffix)) if of.0 < names.len() => format!("{}{suffix}", names[of.0]),
                    _ => info.name.trim_start_matches("r#").to_string(),
                };
                let mut name = base.clone();
                let mut k = 1;
                while taken.contains(&name) || is_keyword(&name) {
                    name = format!("{base}_{k}");
                    k += 1;
                }
                taken.insert(name.clone());
                name
            };
            names.push(name);
        }
        Names { names, params }
    }
}

fn is_keyword(s: &str) -> bool {
    syn::parse_str::<syn::Ident>(s).is_err()
}

struct Cx<'a> {
    names: Names,
    /// The kind and written type of each parameter's variable.
    param_types: HashMap<Var, (ParamKind, syn::Type)>,
    /// The function has `Float` type parameters.
    generic_floats: bool,
    vars: &'a [crate::ir::VarInfo],
    krate: &'a TokenStream,
    mutable: HashSet<Var>,
    /// In the lanes JVP, the chunk width: zero tangents are zeros of its lanes.
    lanes: Option<TokenStream>,
    /// In the lanes VJP: adjoints (the variables derived from others) are lanes, so their
    /// zeros are zeros of lanes.
    adjoint_lanes: bool,
}

impl Cx<'_> {
    fn ident(&self, v: Var, span: Span) -> TokenStream {
        if let Some(id) = self.names.params.get(&v) {
            let mut id = id.clone();
            id.set_span(id.span().located_at(span));
            return id.into_token_stream();
        }
        let name = &self.names.names[v.0];
        if name == "_" {
            return quote!(_);
        }
        let span = Span::mixed_site().located_at(span);
        match syn::parse_str::<syn::Ident>(name) {
            Ok(_) => syn::Ident::new(name, span).into_token_stream(),
            // Names are made from identifiers and suffixes; a keyword that slipped
            // through is still printed, raw.
            Err(_) => syn::Ident::new_raw(name, span).into_token_stream(),
        }
    }

    /// `value` stored into `target`; in the lanes VJP, a zero stored into an adjoint is a
    /// zero of lanes (of the adjoint's own shape when it is the zero of an adjoint).
    fn stored(&self, target: Var, value: &Expr, span: Span) -> TokenStream {
        let zero = matches!(value, Expr::ZeroOf(_) | Expr::ZeroLike(_) | Expr::ZeroOfType(_));
        let adjoint = |v: Var| self.vars[v.0].derived.is_some();
        if !(self.adjoint_lanes && zero && adjoint(target)) {
            return self.expr(value, span);
        }
        match value {
            Expr::ZeroLike(a) if a.var().is_some_and(adjoint) => {
                let krate = self.krate;
                let a = self.atom(a, span);
                quote_spanned!(span=> #krate::__private::Shape::zero_like(&#a))
            }
            _ => self.expr(&Expr::Tangent(Box::new(value.clone())), span),
        }
    }

    fn stmts(&self, stmts: &[Stmt]) -> TokenStream {
        stmts.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&self, stmt: &Stmt) -> TokenStream {
        match stmt {
            Stmt::Let { vars, value, span } => {
                let value = match vars.as_slice() {
                    [v] => self.stored(*v, value, *span),
                    _ => self.expr(value, *span),
                };
                match vars.as_slice() {
                    [v] => {
                        let m = self.mutable.contains(v).then(|| quote!(mut));
                        let id = self.ident(*v, *span);
                        let ty = self.ty_of(*v).map(|t| quote_spanned!(*span=> : #t));
                        quote_spanned!(*span=> let #m #id #ty = #value;)
                    }
                    // A statement run for its effect (`assert!`, `println!`).
                    [] => quote_spanned!(*span=> #value;),
                    vs => {
                        let ids = vs.iter().map(|v| {
                            let m = self.mutable.contains(v).then(|| quote!(mut));
                            let id = self.ident(*v, *span);
                            quote!(#m #id)
                        });
                        quote_spanned!(*span=> let (#(#ids),*) = #value;)
                    }
                }
            }
            Stmt::If { cond, then, els, outs, span } => {
                let c = self.atom(cond, *span);
                let t = self.block(then, *span);
                let e = self.block(els, *span);
                match outs.as_slice() {
                    [] if els.stmts.is_empty() => quote_spanned!(*span=> if #c { #t }),
                    [] => quote_spanned!(*span=> if #c { #t } else { #e }),
                    // (`mut` for an out written later: an array chosen whole, then
                    // written element by element.)
                    [v] => {
                        let m = self.mutable.contains(v).then(|| quote!(mut));
                        let id = self.ident(*v, *span);
                        quote_spanned!(*span=> let #m #id = if #c { #t } else { #e };)
                    }
                    vs => {
                        let ids = vs.iter().map(|v| {
                            let m = self.mutable.contains(v).then(|| quote!(mut));
                            let id = self.ident(*v, *span);
                            quote!(#m #id)
                        });
                        quote_spanned!(*span=> let (#(#ids),*) = if #c { #t } else { #e };)
                    }
                }
            }
            Stmt::Accumulate { target, value, subtract: false, span }
                if matches!(self.shape_of(target), crate::ir::Shape::Tensor { .. }) =>
            {
                // A whole array's (or row's) adjoint is added to element by element.
                let krate = self.krate;
                let t = self.atom(target, *span);
                let v = self.expr(value, *span);
                quote_spanned!(*span=> #krate::__private::add_to(&mut #t, &#v);)
            }
            Stmt::Accumulate { target, value, subtract, span } if self.generic_floats => {
                // `Float` has no `+=`: the long form works for every float type.
                let t = self.atom(target, *span);
                let v = self.operand(value, *span);
                if *subtract {
                    quote_spanned!(*span=> #t = #t - #v;)
                } else {
                    quote_spanned!(*span=> #t = #t + #v;)
                }
            }
            Stmt::Accumulate { target, value, subtract, span } => {
                let t = self.atom(target, *span);
                let v = self.expr(value, *span);
                if *subtract {
                    quote_spanned!(*span=> #t -= #v;)
                } else {
                    quote_spanned!(*span=> #t += #v;)
                }
            }
            Stmt::Assign { target: Atom::Place(y, proj), value, span }
                if matches!(proj.last(), Some(Proj::Push(_))) =>
            {
                let base = Atom::Place(*y, proj[..proj.len() - 1].to_vec());
                let b = self.atom(&base, *span);
                let v = self.row_copy(value, self.expr(value, *span), *span);
                quote_spanned!(*span=> #b.push(#v);)
            }
            Stmt::Assign { target, value, span } => {
                let t = self.atom(target, *span);
                let v = match target.var() {
                    Some(base) => self.stored(base, value, *span),
                    None => self.expr(value, *span),
                };
                let v = self.row_copy(value, v, *span);
                quote_spanned!(*span=> #t = #v;)
            }
            Stmt::Push { tape, value, reserved, span } => {
                let t = self.ident(*tape, *span);
                let mut v = self.atom(value, *span);
                // A saved array is copied; a saved `Vec` is cloned, still read after.
                if matches!(self.shape_of(value), crate::ir::Shape::Tensor { .. }) {
                    v = quote_spanned!(*span=> ::core::clone::Clone::clone(&#v));
                }
                if *reserved {
                    quote_spanned!(*span=> #t.put(#v);)
                } else {
                    quote_spanned!(*span=> #t.push(#v);)
                }
            }
            Stmt::Reserve { tape, count, span } => {
                let t = self.ident(*tape, *span);
                let n = self.expr(count, *span);
                quote_spanned!(*span=> #t.reserve(#n);)
            }
            Stmt::Loop { header, carried, body, code, exits, trips, span, .. } => {
                self.emit_loop(header, carried, body, (*code, *exits), *trips, *span)
            }
        }
    }

    fn emit_loop(
        &self,
        header: &Header,
        carried: &[(Var, Atom)],
        body: &Block,
        (code, exits): (Option<Var>, bool),
        trips: Option<Var>,
        span: Span,
    ) -> TokenStream {
        let mut pre = TokenStream::new();
        for (cell, init) in carried {
            let c = self.ident(*cell, span);
            let ty = self.ty_of(*cell).map(|t| quote_spanned!(span=> : #t));
            let i = self.atom(init, span);
            pre.extend(quote_spanned!(span=> let mut #c #ty = #i;));
        }
        if let Some(code) = code {
            let c = self.ident(code, span);
            // `loop` ends only through its exit code, which is then always set.
            if matches!(header, Header::Forever) {
                pre.extend(quote_spanned!(span=> let #c;));
            } else {
                pre.extend(quote_spanned!(span=> let mut #c = 0;));
            }
        }
        let count = trips.map(|t| self.ident(t, span));
        if let Some(t) = &count {
            pre.extend(quote_spanned!(span=> let mut #t: usize = 0;));
        }
        let head = match header {
            Header::Range { index, iter } => {
                let i = self.ident(*index, span);
                let it = self.expr(iter, span);
                quote_spanned!(span=> for #i in #it)
            }
            Header::Forever => quote_spanned!(span=> loop),
            Header::Times { count } => {
                let n = self.atom(count, span);
                quote_spanned!(span=> for _ in 0..#n)
            }
        };
        let count_up = count.map(|t| quote_spanned!(span=> #t += 1;));
        let stmts = self.stmts(&body.stmts);
        let pairs: Vec<(TokenStream, TokenStream)> = carried
            .iter()
            .zip(&body.yields)
            .filter(|((cell, _), y)| !matches!(y, Atom::Var(v) if v == cell))
            .map(|((cell, _), y)| (self.ident(*cell, span), self.atom(y, span)))
            .collect();
        let update = match pairs.len() {
            0 => TokenStream::new(),
            1 => {
                let (c, y) = &pairs[0];
                quote_spanned!(span=> #c = #y;)
            }
            _ => {
                let cs = pairs.iter().map(|p| &p.0);
                let ys = pairs.iter().map(|p| &p.1);
                quote_spanned!(span=> (#(#cs),*) = (#(#ys),*);)
            }
        };
        let exit = match (exits, code, body.yields.get(carried.len())) {
            (true, Some(code), Some(y)) => {
                let c = self.ident(code, span);
                let y = self.atom(y, span);
                quote_spanned!(span=> if #y != 0 { #c = #y; break; })
            }
            (true, None, Some(y)) => {
                let y = self.atom(y, span);
                quote_spanned!(span=> if #y != 0 { break; })
            }
            _ => TokenStream::new(),
        };
        quote_spanned!(span=> #pre #head { #count_up #stmts #update #exit })
    }

    /// A whole row stored into an array or pushed onto a `Vec` (`y[i] = row`,
    /// `y.push(row)`), cloned: the row's local is still read after (by its derivatives,
    /// or by the reverse sweep), and a `Vec` row would be moved.
    fn row_copy(&self, value: &Expr, v: TokenStream, span: Span) -> TokenStream {
        match value {
            Expr::Atom(a @ (Atom::Var(_) | Atom::Place(..)))
                if matches!(self.shape_of(a), crate::ir::Shape::Tensor { .. }) =>
            {
                quote_spanned!(span=> ::core::clone::Clone::clone(&#v))
            }
            _ => v,
        }
    }

    fn shape_of(&self, a: &Atom) -> crate::ir::Shape {
        match a {
            Atom::Var(v) => self.vars[v.0].shape,
            Atom::Place(v, proj) => proj.iter().fold(self.vars[v.0].shape, |s, p| match p {
                Proj::Field(_) => crate::ir::Shape::Other,
                _ => s.indexed(),
            }),
            Atom::Const(_) => crate::ir::Shape::Other,
        }
    }

    /// The type the user wrote on this variable's `let`.
    fn ty_of(&self, v: Var) -> Option<&syn::Type> {
        self.vars.get(v.0).and_then(|i| i.ty.as_ref())
    }

    fn block(&self, b: &Block, span: Span) -> TokenStream {
        let stmts = self.stmts(&b.stmts);
        let ys: Vec<TokenStream> = b.yields.iter().map(|a| self.atom(a, span)).collect();
        match ys.len() {
            0 => stmts,
            1 => {
                let y = &ys[0];
                quote_spanned!(span=> #stmts #y)
            }
            _ => quote_spanned!(span=> #stmts (#(#ys),*)),
        }
    }

    fn atom(&self, a: &Atom, span: Span) -> TokenStream {
        match a {
            Atom::Var(v) => self.ident(*v, span),
            Atom::Place(v, proj) => {
                let mut t = self.ident(*v, span);
                for p in proj {
                    match p {
                        Proj::Index(i) => {
                            let i = self.atom(i, span);
                            t = quote_spanned!(span=> #t[#i]);
                        }
                        Proj::Field(m) => t = quote_spanned!(span=> #t.#m),
                        Proj::Push(i) => {
                            let i = self.atom(i, span);
                            t = quote_spanned!(span=> #t[#i]);
                        }
                    }
                }
                t
            }
            Atom::Const(e) => match e {
                syn::Expr::Lit(_) | syn::Expr::Path(_) | syn::Expr::Paren(_) => e.to_token_stream(),
                other => quote_spanned!(span=> (#other)),
            },
        }
    }

    /// An operand: parenthesized unless it is an atom or a call.
    fn operand(&self, e: &Expr, span: Span) -> TokenStream {
        let t = self.expr(e, span);
        match e {
            Expr::Atom(_)
            | Expr::Prim(..)
            | Expr::Rule(..)
            | Expr::Rule2(..)
            | Expr::StrongMul(_)
            | Expr::Linalg(..)
            | Expr::Call { .. }
            | Expr::Method { .. }
            | Expr::ZeroOf(_)
            | Expr::CopyOf(_)
            | Expr::ZeroLike(_)
            | Expr::ZeroOfType(_)
            | Expr::CastLike(..)
            | Expr::TangentArg(_)
            | Expr::One(_)
            | Expr::Tangent(_)
            | Expr::Pop(_)
            | Expr::NewTape(_)
            | Expr::Trips(_)
            | Expr::Repeat { .. }
            | Expr::Macro(_)
            | Expr::Tuple(_) => t,
            _ => quote_spanned!(span=> (#t)),
        }
    }

    fn expr(&self, e: &Expr, span: Span) -> TokenStream {
        let krate = self.krate;
        match e {
            Expr::Atom(a) => self.atom(a, span),
            Expr::Unary(op, x) => {
                let x = self.operand(x, span);
                match op {
                    UnOp::Neg => quote_spanned!(span=> -#x),
                    UnOp::Not => quote_spanned!(span=> !#x),
                    UnOp::Deref => quote_spanned!(span=> *#x),
                    UnOp::Ref => quote_spanned!(span=> &#x),
                }
            }
            Expr::Binary(op, a, b) => {
                let a = self.operand(a, span);
                let b = self.operand(b, span);
                let op = bin_op(*op, span);
                quote_spanned!(span=> #a #op #b)
            }
            Expr::Prim(p, args) => {
                let recv = args.first().map(|r| self.operand(r, span)).unwrap_or_default();
                let rest = args.iter().skip(1).map(|a| self.expr(a, span));
                let m = syn::Ident::new(p.name, span);
                quote_spanned!(span=> #recv.#m(#(#rest),*))
            }
            Expr::Rule(p, args) => {
                let args = args.iter().map(|a| self.expr(a, span));
                let f = format_ident!("d_{}", p.name, span = span);
                quote_spanned!(span=> #krate::rules::#f(#(#args),*))
            }
            Expr::Rule2(p, args) => {
                let args = args.iter().map(|a| self.expr(a, span));
                let f = format_ident!("dd_{}", p.name, span = span);
                quote_spanned!(span=> #krate::rules::#f(#(#args),*))
            }
            Expr::StrongMul(args) => {
                let args = args.iter().map(|a| self.expr(a, span));
                quote_spanned!(span=> #krate::rules::strong_mul(#(#args),*))
            }
            Expr::Cast(x, CastTo::As(ty)) => {
                let x = self.operand(x, span);
                quote_spanned!(span=> #x as #ty)
            }
            Expr::Cast(x, CastTo::Call(c)) => {
                let call = match &c.call {
                    ConversionCall::Method(m) => {
                        let x = self.operand(x, span);
                        quote_spanned!(span=> #x.#m())
                    }
                    ConversionCall::Path(f) => {
                        let x = self.expr(x, span);
                        quote_spanned!(span=> #f(#x))
                    }
                };
                match &c.unwrap {
                    Some((m, args)) => quote_spanned!(span=> #call.#m(#(#args),*)),
                    None => call,
                }
            }
            Expr::Linalg(op, args) => {
                let f = syn::Ident::new(op.name(), span);
                let args = args.iter().enumerate().map(|(k, a)| {
                    let a = self.operand(a, span);
                    // `scale(s, &x)`: the float by value, vectors and matrices by reference.
                    if *op == crate::ir::LinOp::Scale && k == 0 {
                        a
                    } else {
                        quote_spanned!(span=> &#a)
                    }
                });
                quote_spanned!(span=> #krate::linalg::#f(#(#args),*))
            }
            Expr::Call { func, args, unwrap, .. } => {
                let args = args.iter().map(|a| self.expr(a, span));
                let unwrap = match unwrap {
                    None => quote!(),
                    Some(TakeApart::Try) => quote_spanned!(span=> ?),
                    Some(TakeApart::Unwrap) => quote_spanned!(span=> .unwrap()),
                    Some(TakeApart::Expect(m)) => quote_spanned!(span=> .expect(#m)),
                };
                quote_spanned!(span=> #func(#(#args),*) #unwrap)
            }
            Expr::Fail(None) => quote_spanned!(span=> return ::core::option::Option::None),
            Expr::Fail(Some(e)) => {
                let e = self.expr(e, span);
                quote_spanned!(span=> return ::core::result::Result::Err(#e))
            }
            Expr::Method { recv, method, turbofish, args } => {
                let recv = self.operand(recv, span);
                let args = args.iter().map(|a| self.expr(a, span));
                quote_spanned!(span=> #recv.#method #turbofish (#(#args),*))
            }
            Expr::CopyOf(a) => {
                let a = self.atom(a, span);
                quote_spanned!(span=> #a.to_owned())
            }
            Expr::ZeroOf(a) => {
                let a = self.atom(a, span);
                quote_spanned!(span=> #krate::__private::zero_of(&#a))
            }
            // In a function generic over its float type, `Shape` (f32/f64 leaves only)
            // does not apply: a parameter's zero is built from its written type.
            Expr::ZeroLike(Atom::Var(v))
                if self.generic_floats && self.param_types.contains_key(v) =>
            {
                let (kind, _) = &self.param_types[v];
                let a = self.ident(*v, span);
                match kind {
                    ParamKind::Array { array } => zero_of_type(array, krate),
                    ParamKind::Seq { elem } => zero_of_rows(elem, &a, krate, span),
                    _ => quote_spanned!(span=> #krate::__private::Shape::zero_like(&#a)),
                }
            }
            Expr::ZeroLike(a) => {
                let a = self.atom(a, span);
                quote_spanned!(span=> #krate::__private::Shape::zero_like(&#a))
            }
            Expr::ZeroOfType(ty) => {
                quote_spanned!(span=> <#ty as #krate::__private::num_traits::Zero>::zero())
            }
            Expr::CastLike(x, like) => {
                let x = self.expr(x, span);
                let like = self.atom(like, span);
                quote_spanned!(span=> #krate::__private::cast_like(#x, &#like))
            }
            Expr::TangentArg(t) => {
                let t = self.expr(t, span);
                quote_spanned!(span=> #krate::__private::tangent_arg(#t))
            }
            Expr::One(ty) => {
                quote_spanned!(span=> <#ty as #krate::__private::num_traits::One>::one())
            }
            Expr::Tangent(zero) => match (&self.lanes, &**zero) {
                (None, z) => self.expr(z, span),
                // A scalar's: typed by the scalar, which may be a literal whose float type
                // is inferred later.
                (Some(k), Expr::ZeroOf(a)) => {
                    let a = self.atom(a, span);
                    quote_spanned!(span=> #krate::__private::lanes_zero_of::<_, #k>(&#a))
                }
                (Some(k), Expr::ZeroLike(a)) => {
                    let a = self.atom(a, span);
                    quote_spanned!(span=> #krate::__private::Shape::lanes_zero::<#k>(&#a))
                }
                (Some(k), Expr::ZeroOfType(ty)) => {
                    let z = zero_of_type(ty, krate);
                    quote_spanned!(span=> #krate::__private::Shape::lanes_zero::<#k>(&#z))
                }
                (Some(_), z) => self.expr(z, span),
            },
            Expr::Tuple(xs) => {
                let xs = xs.iter().map(|x| self.expr(x, span));
                quote_spanned!(span=> (#(#xs),*))
            }
            Expr::Macro(m) => {
                let path = &m.path;
                let args = m.args.iter().map(|a| match a {
                    MacroArg::Verbatim(e) => quote!(#e),
                    MacroArg::Value(e) => self.expr(e, span),
                    MacroArg::Named(name, e) => {
                        let e = self.expr(e, span);
                        quote_spanned!(span=> #name = #e)
                    }
                });
                quote_spanned!(span=> #path!(#(#args),*))
            }
            Expr::Range { start, end, inclusive } => {
                let a = self.operand(start, span);
                let b = self.operand(end, span);
                if *inclusive {
                    quote_spanned!(span=> #a..=#b)
                } else {
                    quote_spanned!(span=> #a..#b)
                }
            }
            Expr::Repeat { elem, len, vec } => {
                let e = self.expr(elem, span);
                let n = self.expr(len, span);
                if *vec {
                    quote_spanned!(span=> ::std::vec![#e; #n])
                } else {
                    quote_spanned!(span=> [#e; #n])
                }
            }
            Expr::Pop(t) => {
                let t = self.ident(*t, span);
                quote_spanned!(span=> #t.pop())
            }
            Expr::NewTape(None) => quote_spanned!(span=> #krate::__private::Tape::new()),
            Expr::NewTape(Some(ty)) => {
                quote_spanned!(span=> #krate::__private::Tape::<#ty>::pooled())
            }
            Expr::Trips(iter) => {
                let it = self.expr(iter, span);
                quote_spanned!(span=> #krate::__private::trips(&(#it)))
            }
        }
    }
}

/// The zero of a written array type: `[[<T as Zero>::zero(); N]; M]`.
fn zero_of_type(ty: &syn::Type, krate: &TokenStream) -> TokenStream {
    match ty {
        syn::Type::Array(a) => {
            let inner = zero_of_type(&a.elem, krate);
            let n = &a.len;
            quote!([#inner; #n])
        }
        syn::Type::Paren(p) => zero_of_type(&p.elem, krate),
        syn::Type::Group(g) => zero_of_type(&g.elem, krate),
        leaf => quote!(<#leaf as #krate::__private::num_traits::Zero>::zero()),
    }
}

/// The zero of a slice or `Vec` `value` of elements `elem`, from its written type: a
/// `vec!` of the element's zero, or for rows that are `Vec`s themselves (whose lengths
/// may differ), the zero of each row.
fn zero_of_rows(
    elem: &syn::Type,
    value: &TokenStream,
    krate: &TokenStream,
    span: Span,
) -> TokenStream {
    match crate::lower::vec_elem(elem) {
        Some(inner) => {
            let row = syn::Ident::new("row", Span::mixed_site());
            let z = zero_of_rows(inner, &row.to_token_stream(), krate, span);
            quote_spanned!(span=> #value.iter().map(|#row| #z).collect::<::std::vec::Vec<_>>())
        }
        None => {
            let z = zero_of_type(elem, krate);
            quote_spanned!(span=> ::std::vec![#z; #value.len()])
        }
    }
}

fn bin_op(op: BinOp, span: Span) -> TokenStream {
    match op {
        BinOp::Add => quote_spanned!(span=> +),
        BinOp::Sub => quote_spanned!(span=> -),
        BinOp::Mul => quote_spanned!(span=> *),
        BinOp::Div => quote_spanned!(span=> /),
        BinOp::Rem => quote_spanned!(span=> %),
        BinOp::Eq => quote_spanned!(span=> ==),
        BinOp::Ne => quote_spanned!(span=> !=),
        BinOp::Lt => quote_spanned!(span=> <),
        BinOp::Le => quote_spanned!(span=> <=),
        BinOp::Gt => quote_spanned!(span=> >),
        BinOp::Ge => quote_spanned!(span=> >=),
        BinOp::BitAnd => quote_spanned!(span=> &),
        BinOp::BitOr => quote_spanned!(span=> |),
        BinOp::BitXor => quote_spanned!(span=> ^),
        BinOp::Shl => quote_spanned!(span=> <<),
        BinOp::Shr => quote_spanned!(span=> >>),
    }
}
