//! `lower`: the only pass that reads syn. Turns the user's function into [`ir::Func`].
//!
//! The signature is classified here (which parameters are active, what their gradient
//! and tangent types are); the body is lowered by [`body`] into A-normal form. A
//! parameter written as a pattern (`[a, b]: [f64; 2]`) gets a name of its own in the
//! siblings, and the body binds the pattern to it first.
//!
//! Guarantees to the next passes:
//! - every parameter has a [`ParamKind`]; `active_order` lists the active ones in the
//!   order derivatives are reported, and is non-empty;
//! - the output type is a float scalar;
//! - the body is in SSA A-normal form (see [`crate::ir`]), with `return` removed by
//!   moving the code after a returning `if` into its other branch;
//! - every construct outside the supported subset has been reported to `errors` at its
//!   span. When `errors` is not empty the returned function must not be differentiated.

mod body;
mod desugar;

use crate::args::Args;
use crate::diagnostics::{self as diag, Errors};
use crate::ir::{Func, Lib, Param, ParamKind, Shape};
use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use std::collections::HashSet;

/// `Option<F>` or `Result<F, E>` (by any path ending so): what fails, and `F`.
fn fallible(ty: &syn::Type) -> Option<(crate::ir::Fallible, &syn::Type)> {
    let syn::Type::Path(p) = unparen(ty) else { return None };
    let last = p.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    let types: Vec<&syn::Type> = args
        .args
        .iter()
        .filter_map(|a| match a {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        })
        .collect();
    match (last.ident.to_string().as_str(), types.as_slice()) {
        ("Option", [inner]) => Some((crate::ir::Fallible::Option, inner)),
        ("Result", [inner, err]) => {
            Some((crate::ir::Fallible::Result(Box::new((*err).clone())), inner))
        }
        _ => None,
    }
}

/// Lowers `item`. Problems are pushed to `errors`; the result is usable for stubs even
/// then (its parameters and output type are as written).
pub fn lower(item: &syn::ItemFn, args: &Args, errors: &mut Errors) -> Func {
    let sig = &item.sig;
    if let Some(t) = &sig.constness {
        errors.at(t, diag::fn_qualifier("const"));
    }
    if let Some(t) = &sig.asyncness {
        errors.at(t, diag::fn_qualifier("async"));
    }
    if let Some(t) = &sig.unsafety {
        errors.at(t, diag::fn_qualifier("unsafe"));
    }
    if let Some(v) = &sig.variadic {
        errors.at(v, diag::VARIADIC);
    }

    let floats = float_type_params(&sig.generics);
    let mut func = Func {
        vars: Vec::new(),
        params: Vec::new(),
        items: Vec::new(),
        body: Default::default(),
        outputs: Vec::new(),
        output_tuple: false,
        out_param: None,
        output_ty: syn::parse_quote!(()),
        fallible: None,
        active_order: Vec::new(),
        reserved: HashSet::new(),
        generic_floats: !floats.is_empty(),
        float_params: {
            let mut names: Vec<String> = floats.iter().cloned().collect();
            names.sort();
            names
        },
    };
    collect_idents(item.to_token_stream(), &mut func.reserved);

    let mut names = Vec::new();
    let mut patterns = Vec::new();
    for input in &sig.inputs {
        let (name, param, pattern) = lower_param(&mut func, input, &floats, errors);
        if let Some(pat) = pattern {
            patterns.push((pat, param.var));
        }
        names.push(name);
        func.params.push(param);
    }
    select_active(&mut func, &names, args, &sig.ident, &sig.generics, errors);

    // An out-parameter (`r: &mut [f64]`) is the output of a function that returns
    // nothing: the siblings write it as the function does and return derivatives.
    let outs: Vec<&Param> = func.params.iter().filter(|p| p.out).collect();
    if outs.len() > 1 {
        errors.at(&sig.inputs, diag::SEVERAL_OUT_PARAMS);
    }
    // (With several, the first stands for all, so that nothing else is reported.)
    if let Some(out) = outs.first() {
        let ty = match &out.ty {
            syn::Type::Reference(r) => (*r.elem).clone(),
            other => other.clone(),
        };
        let output =
            crate::ir::Output { atom: crate::ir::Atom::Var(out.var), kind: out.kind.clone(), ty };
        func.out_param = Some(out.var);
        func.outputs.push(output);
    }
    match &sig.output {
        syn::ReturnType::Default if func.out_param.is_some() => {}
        syn::ReturnType::Type(_, ty) if func.out_param.is_some() => {
            errors.at(ty, diag::OUT_PARAM_AND_RETURN);
        }
        syn::ReturnType::Default => errors.at(&sig.ident, diag::NO_OUTPUT),
        syn::ReturnType::Type(_, ty) => {
            // `Option<F>` and `Result<F, E>`: the siblings return theirs in the same.
            let ty: &syn::Type = match fallible(ty) {
                Some((f, inner)) => {
                    func.fallible = Some(f);
                    inner
                }
                None => ty,
            };
            // A float, an array or `Vec` of floats (whose derivative is a Jacobian), or a
            // tuple of these.
            let parts: Vec<&syn::Type> = match unparen(ty) {
                syn::Type::Tuple(t) if !t.elems.is_empty() => {
                    func.output_tuple = true;
                    t.elems.iter().collect()
                }
                _ => vec![ty],
            };
            for part in parts {
                let kind = match classify(part, &floats) {
                    Ok((
                        k @ (ParamKind::Scalar { by_ref: false, .. } | ParamKind::Array { .. }),
                        _,
                        false,
                    )) => k,
                    Ok((k @ ParamKind::Seq { .. }, _, false)) if vec_elem(part).is_some() => k,
                    _ => {
                        errors.at(ty, diag::output_not_float(ty));
                        // Stubs then declare `f_grad`, whose call sites are the likeliest.
                        func.outputs.clear();
                        func.output_tuple = false;
                        break;
                    }
                };
                let atom = crate::ir::Atom::Const(syn::parse_quote!(()));
                func.outputs.push(crate::ir::Output { atom, kind, ty: part.clone() });
            }
            func.output_ty = ty.clone();
        }
    }

    let bindings: Vec<(String, crate::ir::Var, bool)> = names
        .iter()
        .zip(&func.params)
        .filter_map(|(name, p)| name.clone().map(|n| (n, p.var, is_mut_pat(&p.pat))))
        .collect();
    body::lower_body(&mut func, &floats, bindings, patterns, &item.block, errors);
    // The user's locals are all renamed, so their names are free again; parameters and
    // every other identifier (constants, functions, types) stay reserved.
    let locals = local_names(&item.block);
    let params: HashSet<String> = names.iter().flatten().cloned().collect();
    func.reserved.retain(|n| !locals.contains(n) || params.contains(n));
    func
}

/// Type parameters bounded by `Float` (inline or in the where-clause): float types.
fn float_type_params(generics: &syn::Generics) -> HashSet<String> {
    let is_float_bound = |b: &syn::TypeParamBound| match b {
        syn::TypeParamBound::Trait(t) => t.path.segments.last().is_some_and(|s| s.ident == "Float"),
        _ => false,
    };
    let mut out: HashSet<String> = generics
        .type_params()
        .filter(|p| p.bounds.iter().any(is_float_bound))
        .map(|p| p.ident.to_string())
        .collect();
    if let Some(wc) = &generics.where_clause {
        for pred in &wc.predicates {
            if let syn::WherePredicate::Type(pt) = pred {
                if let syn::Type::Path(tp) = &pt.bounded_ty {
                    if let Some(id) = tp.path.get_ident() {
                        if pt.bounds.iter().any(is_float_bound) {
                            out.insert(id.to_string());
                        }
                    }
                }
            }
        }
    }
    out
}

fn unparen(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Paren(p) => unparen(&p.elem),
        syn::Type::Group(g) => unparen(&g.elem),
        other => other,
    }
}

/// `f32`, `f64` or a `Float` type parameter.
pub(crate) fn is_float(ty: &syn::Type, floats: &HashSet<String>) -> bool {
    match unparen(ty) {
        syn::Type::Path(p) if p.qself.is_none() => {
            let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            match segs.as_slice() {
                [one] => one == "f64" || one == "f32" || floats.contains(one),
                // `std::primitive::f64`, `core::primitive::f32`
                [.., prim, last] => prim == "primitive" && (last == "f64" || last == "f32"),
                [] => false,
            }
        }
        _ => false,
    }
}

/// Levels of fixed-array nesting around a float, if `ty` is such a tensor.
fn array_depth(ty: &syn::Type, floats: &HashSet<String>) -> Option<usize> {
    match unparen(ty) {
        syn::Type::Array(a) => array_depth(&a.elem, floats).map(|d| d + 1),
        t if is_float(t, floats) => Some(0),
        _ => None,
    }
}

/// Levels of indexing around a float, if `ty` is an element a slice or `Vec` may hold:
/// a float, a fixed array of floats at any nesting, or a `Vec` of such elements (the
/// rows of `&[Vec<T>]` and `Vec<Vec<T>>`).
fn elem_depth(ty: &syn::Type, floats: &HashSet<String>) -> Option<usize> {
    array_depth(ty, floats).or_else(|| elem_depth(vec_elem(ty)?, floats).map(|d| d + 1))
}

/// The element type of `Vec<E>`.
pub(crate) fn vec_elem(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = unparen(ty) else {
        return None;
    };
    let last = p.path.segments.last()?;
    if last.ident != "Vec" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(t) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}

/// The vectors and matrices of the matrix libraries, by the last segment of their path:
/// the library and the number of indices (1 for vectors, 2 for matrices), and for a view
/// the name of its owned type.
const MATRIX_TYPES: &[(&str, Lib, usize, Option<&str>)] = &[
    ("SVector", Lib::Nalgebra, 1, None),
    ("DVector", Lib::Nalgebra, 1, None),
    ("SMatrix", Lib::Nalgebra, 2, None),
    ("DMatrix", Lib::Nalgebra, 2, None),
    ("Array1", Lib::Ndarray, 1, None),
    ("Array2", Lib::Ndarray, 2, None),
    ("ArrayView1", Lib::Ndarray, 1, Some("Array1")),
    ("ArrayView2", Lib::Ndarray, 2, Some("Array2")),
];

/// A matrix library's vector or matrix type (`SVector<f64, 3>`, `ArrayView1<'_, f32>`)
/// and its element type, whatever the element is.
fn matrix_type(ty: &syn::Type) -> Option<(&syn::TypePath, Lib, usize, Option<&str>, &syn::Type)> {
    let syn::Type::Path(p) = unparen(ty) else { return None };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    let &(_, lib, dims, owned) = MATRIX_TYPES.iter().find(|(name, ..)| last.ident == name)?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    let elem = args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    })?;
    Some((p, lib, dims, owned, elem))
}

/// A matrix library's vector or matrix of `f32` or `f64`: its kind (with the owned type,
/// a view's lifetime dropped) and shape.
fn matrix_kind(ty: &syn::Type) -> Option<(ParamKind, Shape)> {
    let (p, lib, dims, owned_name, elem) = matrix_type(ty)?;
    if !is_float(elem, &HashSet::new()) {
        return None;
    }
    let owned = match owned_name {
        None => syn::Type::Path(p.clone()),
        Some(name) => {
            let mut q = p.clone();
            let last = q.path.segments.last_mut()?;
            last.ident = syn::Ident::new(name, last.ident.span());
            if let syn::PathArguments::AngleBracketed(args) = &mut last.arguments {
                args.args = std::mem::take(&mut args.args)
                    .into_iter()
                    .filter(|a| !matches!(a, syn::GenericArgument::Lifetime(_)))
                    .collect();
            }
            syn::Type::Path(q)
        }
    };
    let kind = ParamKind::Matrix { owned: Box::new(owned), float: elem.clone(), lib, dims };
    Some((kind, Shape::Tensor { depth: 1 }))
}

/// Classifies a parameter type; `Err` for a `&mut` (out-parameter).
fn classify(ty: &syn::Type, floats: &HashSet<String>) -> Result<(ParamKind, Shape, bool), ()> {
    let seq = |elem: &syn::Type| {
        elem_depth(elem, floats)
            .map(|d| (ParamKind::Seq { elem: elem.clone() }, Shape::Tensor { depth: d + 1 }))
    };
    let owned = |t: &syn::Type, by_ref: bool| -> Option<(ParamKind, Shape)> {
        if is_float(t, floats) {
            return Some((ParamKind::Scalar { float: t.clone(), by_ref }, Shape::Scalar));
        }
        if let Some(depth) = array_depth(t, floats) {
            return Some((ParamKind::Array { array: t.clone() }, Shape::Tensor { depth }));
        }
        if let Some(found) = matrix_kind(t) {
            return Some(found);
        }
        vec_elem(t).and_then(seq)
    };
    let found = match unparen(ty) {
        syn::Type::Reference(r) => {
            let inner = unparen(&r.elem);
            let kind = match inner {
                syn::Type::Slice(s) => seq(&s.elem),
                t => owned(t, true),
            };
            match (&kind, r.mutability.is_some()) {
                (Some((ParamKind::Scalar { .. } | ParamKind::Matrix { .. }, _)), true) => {
                    return Err(())
                }
                // `&mut [T]`, `&mut [T; M]`: an out-parameter (see `lower_param`).
                (Some((k, shape)), true) => return Ok((k.clone(), *shape, true)),
                _ => {}
            }
            kind
        }
        t => owned(t, false),
    };
    let (kind, shape) = found.unwrap_or((ParamKind::Constant, Shape::Other));
    Ok((kind, shape, false))
}

fn is_mut_pat(pat: &syn::Pat) -> bool {
    matches!(pat, syn::Pat::Ident(p) if p.mutability.is_some())
}

/// One parameter: its name (if it binds one), its IR description, and the pattern it
/// is written with when that is not a name (`[a, b]: [f64; 2]`), which the body binds.
fn lower_param(
    func: &mut Func,
    input: &syn::FnArg,
    floats: &HashSet<String>,
    errors: &mut Errors,
) -> (Option<String>, Param, Option<syn::Pat>) {
    match input {
        syn::FnArg::Receiver(r) => {
            // The siblings call the method again (`f_jacobian` and `f_hessian` once per
            // component), which a consumed or mutably borrowed receiver does not allow.
            if r.mutability.is_some() || r.reference.is_none() && r.colon_token.is_none() {
                errors.at(r, diag::RECEIVER);
            }
            let var = func.new_var("self", Shape::Other);
            let pat: syn::Pat = syn::parse_quote!(self);
            (
                Some("self".into()),
                Param {
                    var,
                    pat,
                    ty: (*r.ty).clone(),
                    kind: ParamKind::Constant,
                    active: false,
                    out: false,
                },
                None,
            )
        }
        syn::FnArg::Typed(pt) => {
            let (kind, shape, out) = classify(&pt.ty, floats).unwrap_or_else(|()| {
                let inner = match unparen(&pt.ty) {
                    syn::Type::Reference(r) => &*r.elem,
                    t => t,
                };
                let msg = match matrix_type(inner) {
                    Some((.., lib, _, _, _)) => diag::matrix_out_param(lib.name()),
                    None => diag::MUT_REF_PARAM.to_string(),
                };
                errors.at(&pt.ty, msg);
                (ParamKind::Constant, Shape::Other, false)
            });
            // A matrix library's vector or matrix of a generic float type: its rules are
            // written for `f32` and `f64` only.
            if let (ParamKind::Constant, Some((.., elem))) = (
                &kind,
                matrix_type(match unparen(&pt.ty) {
                    syn::Type::Reference(r) => &r.elem,
                    t => t,
                }),
            ) {
                let mutable =
                    matches!(unparen(&pt.ty), syn::Type::Reference(r) if r.mutability.is_some());
                if is_float(elem, floats) && !is_float(elem, &HashSet::new()) && !mutable {
                    errors.at(elem, diag::MATRIX_GENERIC_FLOAT);
                }
            }
            let mut pat = (*pt.pat).clone();
            let mut pattern = None;
            let name = match &*pt.pat {
                syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
                    Some(p.ident.to_string())
                }
                syn::Pat::Wild(_) => None,
                // `[a, b]: [f64; 2]`, `&[a, b]: &[f64; 2]`, `(lo, hi): (usize, usize)`:
                // the siblings take the parameter under a name of its own, and the body
                // starts by binding the pattern to it, as `let [a, b] = x;` would.
                p @ (syn::Pat::Slice(_) | syn::Pat::Tuple(_) | syn::Pat::Reference(_)) if !out => {
                    let id = param_name(func, p);
                    pat = syn::parse_quote!(#id);
                    pattern = Some(p.clone());
                    Some(id.to_string())
                }
                other => {
                    errors.at(other, diag::PARAM_PATTERN);
                    None
                }
            };
            let var = func.new_var(name.clone().unwrap_or_else(|| "_".into()), shape);
            let param = Param { var, pat, ty: (*pt.ty).clone(), kind, active: false, out };
            (name, param, pattern)
        }
    }
}

/// A name for a parameter written as a pattern: its names joined (`[a, b]` gives `a_b`),
/// which reads well in the siblings' signatures and docs, made unlike every identifier of
/// the function.
fn param_name(func: &mut Func, pat: &syn::Pat) -> syn::Ident {
    struct Names(Vec<String>);
    impl<'a> syn::visit::Visit<'a> for Names {
        fn visit_pat_ident(&mut self, p: &'a syn::PatIdent) {
            self.0.push(p.ident.to_string().trim_start_matches("r#").to_string());
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut names = Names(Vec::new());
    syn::visit::Visit::visit_pat(&mut names, pat);
    let base = if names.0.is_empty() { "param".to_string() } else { names.0.join("_") };
    let mut name = base.clone();
    let mut k = 1;
    while func.reserved.contains(&name) {
        name = format!("{base}_{k}");
        k += 1;
    }
    func.reserved.insert(name.clone());
    syn::Ident::new(&name, syn::spanned::Spanned::span(pat))
}

/// Marks the active parameters: the `wrt` list, or every float parameter.
fn select_active(
    func: &mut Func,
    names: &[Option<String>],
    args: &Args,
    fn_name: &syn::Ident,
    generics: &syn::Generics,
    errors: &mut Errors,
) {
    let floaty = |p: &Param| !p.out && !matches!(p.kind, ParamKind::Constant);
    match &args.wrt {
        Some(wrt) => {
            for ident in wrt {
                let want = ident.to_string();
                match names.iter().position(|n| n.as_deref() == Some(&*want)) {
                    None => errors.at(ident, diag::wrt_unknown(ident)),
                    Some(i) if !floaty(&func.params[i]) => {
                        errors.at(ident, diag::wrt_not_float(ident))
                    }
                    Some(i) if func.active_order.contains(&i) => {
                        errors.at(ident, diag::wrt_twice(ident))
                    }
                    Some(i) => func.active_order.push(i),
                }
            }
        }
        None => {
            func.active_order =
                (0..func.params.len()).filter(|&i| floaty(&func.params[i])).collect();
            if func.active_order.is_empty() && errors.is_empty() {
                // A parameter of a type parameter that is not bounded by `Float`.
                let unbounded = func.params.iter().find_map(|p| match &p.ty {
                    syn::Type::Path(tp) => {
                        let id = tp.path.get_ident()?;
                        generics.type_params().any(|g| g.ident == *id).then_some((p, id))
                    }
                    _ => None,
                });
                match unbounded {
                    Some((p, id)) => errors.at(&p.ty, diag::no_float_bound(id)),
                    None => errors.at(fn_name, diag::NO_ACTIVE_PARAM),
                }
            }
        }
    }
    for &i in &func.active_order {
        func.params[i].active = true;
    }
}

fn collect_idents(tokens: TokenStream, out: &mut HashSet<String>) {
    for tt in tokens {
        match tt {
            TokenTree::Ident(id) => {
                out.insert(id.to_string());
            }
            TokenTree::Group(g) => collect_idents(g.stream(), out),
            _ => {}
        }
    }
}

/// Names bound by patterns (`let`, `for`) in the body.
fn local_names(block: &syn::Block) -> HashSet<String> {
    struct Locals(HashSet<String>);
    impl<'a> syn::visit::Visit<'a> for Locals {
        fn visit_pat_ident(&mut self, p: &'a syn::PatIdent) {
            self.0.insert(p.ident.to_string());
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut v = Locals(HashSet::new());
    syn::visit::Visit::visit_block(&mut v, block);
    v.0
}
