//! Rewrites, still in syn, of constructs that `lower` understands through simpler ones.
//!
//! - `match` on integers, `bool`s and integer ranges becomes an `if`/`else if` chain on
//!   a local holding the scrutinee:
//!   `match k { 0 => a, 1 | 2 => b, 3..=9 if g => c, n => d }` becomes
//!   `{ let m = k; if m == 0 { a } else if m == 1 || m == 2 { b }
//!      else if (m >= 3 && m <= 9) && g { c } else { let n = m; d } }`.
//! - An iterator chain ending in `sum`, `product` or `fold`, with `map`s between, becomes
//!   a `for` loop into an accumulator:
//!   `x.iter().zip(y).map(|(a, b)| a * b).sum::<f64>()` becomes
//!   `{ let mut acc = -0.0; for (a, b) in x.iter().zip(y) { acc += a * b; } acc }`
//!   (`-0.0` is where `Iterator::sum` of floats starts, too). A chain ending in
//!   `collect()` pushes its items onto a new `Vec` the same way:
//!   `x.iter().map(|v| v * v).collect()` becomes
//!   `{ let mut acc = Vec::new(); for v in x.iter() { acc.push(v * v); } acc }`.
//!   `max_by(f)` and `min_by(f)` taken apart by `unwrap()` or `expect(..)` are the fold
//!   Rust's iterators make (see [`extremum`]).
//!   A chain ending in `count()` or `for_each(f)` runs for the effects of its closures
//!   (`x.iter().zip(y.iter_mut()).map(|(a, o)| *o = 2.0 * a).count()`): a loop of
//!   them, counting the items for `count`.
//!
//! Guarantees: the rewritten expression computes what the original did, in the same
//! order; anything not recognised is returned as `Err` with the node to report.

use syn::spanned::Spanned;

/// A rewrite, or the span and message of what it cannot rewrite.
pub type Rewrite<T> = Result<T, (proc_macro2::Span, String)>;

/// `match` as an `if` chain; `name` is the fresh local for the scrutinee.
pub fn match_to_if(
    m: &syn::ExprMatch,
    name: &syn::Ident,
) -> Result<syn::Expr, (proc_macro2::Span, String)> {
    let scrutinee = &m.expr;
    let mut arms: Vec<(Option<syn::Expr>, Vec<syn::Stmt>, syn::Expr)> = Vec::new();
    for arm in &m.arms {
        let mut binds = Vec::new();
        let cond = pattern_test(&arm.pat, name, &mut binds)?;
        // A guard sees the arm's bindings (`n if n > 9`).
        let guard: Option<syn::Expr> =
            arm.guard.as_ref().map(|(_, g)| syn::parse_quote!({ #(#binds)* #g }));
        let cond = match (&cond, guard) {
            (None, None) => None,
            (Some(c), None) => Some(c.clone()),
            (None, Some(g)) => Some(g),
            (Some(c), Some(g)) => Some(syn::parse_quote!((#c) && #g)),
        };
        arms.push((cond, binds, (*arm.body).clone()));
    }
    // The arms from the last one up: `if c { body } else { rest }`; an arm without a
    // test ends the chain (rustc has checked that the match is exhaustive).
    let mut chain: Option<syn::Expr> = None;
    for (cond, binds, body) in arms.into_iter().rev() {
        let block: syn::Expr = syn::parse_quote!({ #(#binds)* #body });
        chain = Some(match (cond, chain) {
            (None, _) => block,
            (Some(c), Some(rest)) => syn::parse_quote!(if #c #block else { #rest }),
            // The last arm has a test: exhaustive only through the tests before it
            // (`true`/`false`), so it is the `else`.
            (Some(_), None) => block,
        });
    }
    let chain = chain.ok_or_else(|| (m.span(), "a `match` without arms".to_string()))?;
    Ok(syn::parse_quote!({ let #name = #scrutinee; #chain }))
}

/// The test a pattern makes of `name`, `None` for one that always matches; bindings
/// the arm sees go to `binds`.
fn pattern_test(
    pat: &syn::Pat,
    name: &syn::Ident,
    binds: &mut Vec<syn::Stmt>,
) -> Result<Option<syn::Expr>, (proc_macro2::Span, String)> {
    let unsupported = |p: &dyn Spanned| {
        (p.span(), "this `match` pattern is not supported in a differentiated function; match integers, `bool`s and ranges of them, or use `if`/`else`".to_string())
    };
    match pat {
        syn::Pat::Wild(_) => Ok(None),
        syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => {
            let id = &p.ident;
            binds.push(syn::parse_quote!(let #id = #name;));
            Ok(None)
        }
        syn::Pat::Lit(l) => Ok(Some(syn::parse_quote!(#name == #l))),
        syn::Pat::Paren(p) => pattern_test(&p.pat, name, binds),
        syn::Pat::Range(r) => {
            let lo = r.start.as_ref().map(|s| -> syn::Expr { syn::parse_quote!(#name >= #s) });
            let hi = r.end.as_ref().map(|e| -> syn::Expr {
                match r.limits {
                    syn::RangeLimits::Closed(_) => syn::parse_quote!(#name <= #e),
                    syn::RangeLimits::HalfOpen(_) => syn::parse_quote!(#name < #e),
                }
            });
            Ok(match (lo, hi) {
                (Some(a), Some(b)) => Some(syn::parse_quote!((#a && #b))),
                (Some(a), None) | (None, Some(a)) => Some(a),
                (None, None) => None,
            })
        }
        syn::Pat::Or(o) => {
            let mut tests = Vec::new();
            for case in &o.cases {
                let mut inner = Vec::new();
                match pattern_test(case, name, &mut inner)? {
                    Some(t) if inner.is_empty() => tests.push(t),
                    _ => return Err(unsupported(case)),
                }
            }
            Ok(Some(syn::parse_quote!((#(#tests)||*))))
        }
        other => Err(unsupported(other)),
    }
}

/// An iterator chain ending in `sum`, `product` or `fold` as a loop; `None` if `m` is
/// not such a chain.
///
/// `float` is the function's float type parameter when it has exactly one (`T` of
/// `fn f<T: Float>`): a sum or product of a generic float starts at `-T::zero()` or
/// `T::one()` (through `T`'s `Float` bound), not at a float literal. `written` is the
/// function's one float type, a parameter or `f64`/`f32` (for `max_by`'s accumulator).
pub fn chain_to_loop(
    m: &syn::ExprMethodCall,
    acc: &syn::Ident,
    float: Option<&syn::Ident>,
    written: Option<&syn::Ident>,
) -> Option<Result<syn::Expr, (proc_macro2::Span, String)>> {
    // `sum::<f64>()`: the accumulator has the written type, which the items (literals
    // perhaps) may not give it.
    let ty = m.turbofish.as_ref().and_then(|t| match t.args.first() {
        Some(syn::GenericArgument::Type(ty)) => Some(ty.clone()),
        _ => None,
    });
    let generic: Option<syn::Type> = match (&ty, float) {
        (Some(t), _) if crate::ir::is_primitive_float(t) => None,
        (Some(t), _) => Some(t.clone()),
        (None, Some(t)) => Some(syn::parse_quote!(#t)),
        (None, None) => None,
    };
    if let Some(r) = extremum(m, acc, written) {
        return Some(r);
    }
    let (init, combine): (syn::Expr, Combine) = match (m.method.to_string().as_str(), generic) {
        ("sum", None) if m.args.is_empty() => (syn::parse_quote!(-0.0), Combine::Add),
        ("sum", Some(t)) if m.args.is_empty() => (syn::parse_quote!(-<#t>::zero()), Combine::Add),
        ("product", None) if m.args.is_empty() => (syn::parse_quote!(1.0), Combine::Mul),
        ("product", Some(t)) if m.args.is_empty() => (syn::parse_quote!(<#t>::one()), Combine::Mul),
        ("fold", _) if m.args.len() == 2 => (m.args[0].clone(), Combine::Fold(m.args[1].clone())),
        // `collect()` into a `Vec`: the items pushed onto a new one.
        ("collect", _) if m.args.is_empty() => {
            (syn::parse_quote!(::std::vec::Vec::new()), Combine::Push)
        }
        // Run for the effects of the closures (`.map(|(x, o)| *o = ..).count()`).
        ("count", _) if m.args.is_empty() => (syn::parse_quote!(0usize), Combine::Count),
        ("for_each", _) if m.args.len() == 1 => (syn::parse_quote!(()), Combine::Effect),
        _ => return None,
    };
    // The `map`s between the source and the end, innermost first.
    let (source, mut maps) = peel_maps(&m.receiver);
    if let Combine::Effect = combine {
        maps.push(m.args[0].clone());
    }
    Some(build_loop(source, maps, init, combine, acc, ty))
}

/// `for pat in src.map(f).map(g) { body }` as
/// `for item in src { let item = f(item); let pat = g(item); body }`: the loop over the
/// source, with the maps applied first in the body. `None` if `expr` ends in no `map`.
pub fn maps_in_for(
    pat: &syn::Pat,
    expr: &syn::Expr,
    item: impl FnOnce() -> syn::Ident,
) -> Option<Rewrite<(syn::Pat, syn::Expr, Vec<syn::Stmt>)>> {
    let (source, maps) = peel_maps(expr);
    if maps.is_empty() {
        return None;
    }
    let item = item();
    let (first, mut stmts) = match loop_body(maps, &item) {
        Ok(b) => b,
        Err(e) => return Some(Err(e)),
    };
    stmts.push(syn::parse_quote!(let #pat = #item;));
    Some(Ok((first, source.clone(), stmts)))
}

/// `src.max_by(f).unwrap()` and `src.min_by(f).unwrap()` (or `.expect(m)`), `map`s
/// between, as the fold Rust's `Iterator::max_by` is:
/// `{ let mut first = true; let mut acc = 0; for v in src { if first { acc = v; first =
/// false } else if f(&acc, &v) != Greater { acc = v } } assert!(!first, ..); acc }` (for
/// `min_by`, `acc` is replaced when `f(&acc, &v) == Greater`: of equal items `max_by`
/// keeps the last and `min_by` the first, as Rust's do; the `assert!` panics on an empty
/// source with `unwrap`'s or `expect`'s message).
fn extremum(
    m: &syn::ExprMethodCall,
    acc: &syn::Ident,
    float: Option<&syn::Ident>,
) -> Option<Rewrite<syn::Expr>> {
    let message: syn::Expr = match (m.method.to_string().as_str(), m.args.len()) {
        ("unwrap", 0) => syn::parse_quote!("called `Option::unwrap()` on a `None` value"),
        ("expect", 1) => m.args[0].clone(),
        _ => return None,
    };
    let syn::Expr::MethodCall(ext) = &*m.receiver else { return None };
    let max = match (ext.method.to_string().as_str(), ext.args.len()) {
        ("max_by", 1) => true,
        ("min_by", 1) => false,
        _ => return None,
    };
    let (source, maps) = peel_maps(&ext.receiver);
    let item = syn::Ident::new(&format!("{acc}_item"), acc.span());
    let first = syn::Ident::new(&format!("{acc}_first"), acc.span());
    let compare: syn::Expr = match &ext.args[0] {
        syn::Expr::Closure(c) => {
            let ps: Vec<&syn::Pat> = c.inputs.iter().collect();
            let [pa, pb] = ps[..] else {
                return Some(Err((
                    c.span(),
                    "a comparison closure takes two parameters".to_string(),
                )));
            };
            let b = &c.body;
            syn::parse_quote!({ let #pa = &#acc; let #pb = &#item; #b })
        }
        path => syn::parse_quote!(#path(&#acc, &#item)),
    };
    let replace: syn::Expr = if max {
        syn::parse_quote!(#compare != ::core::cmp::Ordering::Greater)
    } else {
        syn::parse_quote!(#compare == ::core::cmp::Ordering::Greater)
    };
    // Typed where the function's float type is known: a comparison's method
    // (`p.total_cmp(q)`) needs it at once.
    let zero: syn::Expr = match float {
        Some(t) if crate::ir::is_primitive_float(&syn::parse_quote!(#t)) => {
            syn::parse_quote!(0.0 as #t)
        }
        Some(t) => syn::parse_quote!(<#t>::zero()),
        None => syn::parse_quote!(0.0),
    };
    let step: syn::Stmt = syn::parse_quote! {
        if #first {
            #acc = #item;
            #first = false;
        } else if #replace {
            #acc = #item;
        }
    };
    let body = match loop_body(maps, &item) {
        Ok(b) => b,
        Err(e) => return Some(Err(e)),
    };
    let (pat, stmts) = body;
    Some(Ok(syn::parse_quote!({
        let mut #first = true;
        let mut #acc = #zero;
        for #pat in #source {
            #(#stmts)*
            #step
        }
        assert!(!#first, #message);
        #acc
    })))
}

/// The pattern a loop over the source binds and the statements that apply the `map`s to
/// it, leaving the item in `item` (the loop binds the first closure's parameter directly
/// when there is one).
fn loop_body(maps: Vec<syn::Expr>, item: &syn::Ident) -> Rewrite<(syn::Pat, Vec<syn::Stmt>)> {
    let mut body: Vec<syn::Stmt> = Vec::new();
    let (pat, rest): (syn::Pat, &[syn::Expr]) = match maps.first() {
        Some(first) if !matches!(first, syn::Expr::Closure(_)) => (syn::parse_quote!(#item), &maps),
        Some(first) => {
            let c = closure_of(first)?;
            let [p] = c.inputs.iter().collect::<Vec<_>>()[..] else {
                return Err((c.span(), "a `map` closure takes one parameter".to_string()));
            };
            let b = &c.body;
            body.push(syn::parse_quote!(let #item = #b;));
            (p.clone(), &maps[1..])
        }
        None => (syn::parse_quote!(#item), &[]),
    };
    for m in rest {
        // `map(f64::sqrt)`, `map(sq)` of a local closure: a call of it.
        if !matches!(m, syn::Expr::Closure(_)) {
            body.push(syn::parse_quote!(let #item = #m(#item);));
            continue;
        }
        let c = closure_of(m)?;
        let [p] = c.inputs.iter().collect::<Vec<_>>()[..] else {
            return Err((c.span(), "a `map` closure takes one parameter".to_string()));
        };
        let b = &c.body;
        body.push(syn::parse_quote!(let #item = { let #p = #item; #b };));
    }
    Ok((pat, body))
}

/// The `map`s at the end of an iterator expression, innermost first, and what they map.
fn peel_maps(e: &syn::Expr) -> (&syn::Expr, Vec<syn::Expr>) {
    let mut maps = Vec::new();
    let mut source = e;
    while let syn::Expr::MethodCall(call) = source {
        if call.method == "map" && call.args.len() == 1 {
            maps.push(call.args[0].clone());
            source = &call.receiver;
        } else {
            break;
        }
    }
    maps.reverse();
    (source, maps)
}

enum Combine {
    Add,
    Mul,
    Push,
    Fold(syn::Expr),
    /// `count()`: how many items there were.
    Count,
    /// `for_each(f)`: nothing but the closures' effects (the last one is `f`).
    Effect,
}

fn closure_of(e: &syn::Expr) -> Result<&syn::ExprClosure, (proc_macro2::Span, String)> {
    match e {
        syn::Expr::Closure(c) => Ok(c),
        other => Err((
            other.span(),
            "an iterator adapter is given something other than a closure here; write the closure inline (`|v| ..`)".to_string(),
        )),
    }
}

fn build_loop(
    source: &syn::Expr,
    maps: Vec<syn::Expr>,
    init: syn::Expr,
    combine: Combine,
    acc: &syn::Ident,
    ty: Option<syn::Type>,
) -> Result<syn::Expr, (proc_macro2::Span, String)> {
    let item = syn::Ident::new(&format!("{acc}_item"), acc.span());
    let (pat, body) = loop_body(maps, &item)?;
    let step: syn::Stmt = match combine {
        Combine::Add => syn::parse_quote!(#acc += #item;),
        Combine::Mul => syn::parse_quote!(#acc *= #item;),
        Combine::Push => syn::parse_quote!(#acc.push(#item);),
        Combine::Count => syn::parse_quote!(#acc += 1;),
        Combine::Effect => {
            return Ok(syn::parse_quote!({
                for #pat in #source {
                    #(#body)*
                }
            }))
        }
        Combine::Fold(f) => match &f {
            syn::Expr::Closure(c) => {
                let ps: Vec<&syn::Pat> = c.inputs.iter().collect();
                let [pa, pv] = ps[..] else {
                    return Err((c.span(), "a `fold` closure takes two parameters".to_string()));
                };
                let b = &c.body;
                syn::parse_quote!(#acc = { let #pa = #acc; let #pv = #item; #b };)
            }
            // `fold(init, f64::max)` and the like: a function of two arguments.
            path => syn::parse_quote!(#acc = #path(#acc, #item);),
        },
    };
    let ty = ty.map(|t| quote::quote!(: #t));
    Ok(syn::parse_quote!({
        let mut #acc #ty = #init;
        for #pat in #source {
            #(#body)*
            #step
        }
        #acc
    }))
}
