//! The intermediate representation every pass after `lower` works on.
//!
//! A function body in A-normal form with structured control flow:
//!
//! - Every intermediate value of the primal is bound once, by a [`Stmt::Let`] of one
//!   operation on [`Atom`]s (SSA: a `let mut` variable that the user overwrites becomes a
//!   new [`Var`] at each write).
//! - Control flow stays structured: [`Stmt::If`] carries both branches, and the variables
//!   that differ after it (the phis) as its `outs`, each branch yielding one atom per out.
//! - Derivative code written by the transforms may nest expressions ([`Expr`] is a tree)
//!   and accumulate into adjoints with [`Stmt::Accumulate`]; primal code never does.
//!
//! Syntax that only passes through (literal tokens, constant paths, types) is kept as the
//! syn node it came from, so that `emit` prints it exactly as the user wrote it; every
//! statement carries the [`Span`] of the source it came from.

use proc_macro2::Span;

/// A variable of the IR: an index into [`Func::vars`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Var(pub usize);

/// What a value is, as far as differentiation is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A float scalar.
    Scalar,
    /// A fixed array, slice or `Vec` of floats, `depth` levels of indexing deep.
    Tensor { depth: usize },
    /// Anything else (integers, `bool`, structs): never active.
    Other,
}

impl Shape {
    /// The shape of `value[i]`.
    pub fn indexed(self) -> Shape {
        match self {
            Shape::Tensor { depth: 1 } => Shape::Scalar,
            Shape::Tensor { depth } => Shape::Tensor { depth: depth - 1 },
            other => other,
        }
    }

    /// Whether values of this shape can carry a derivative.
    pub fn is_float(self) -> bool {
        matches!(self, Shape::Scalar | Shape::Tensor { .. })
    }
}

/// Everything the passes know about one variable.
#[derive(Clone)]
pub struct VarInfo {
    /// A readable base name; `emit` makes it unique.
    pub name: String,
    pub shape: Shape,
    /// The type the user wrote on the binding, if any; printed on the primal `let`.
    pub ty: Option<syn::Type>,
    /// For a tangent or adjoint: the primal variable and the suffix (`_dot`, `_bar`)
    /// its printed name is made from.
    pub derived: Option<(Var, &'static str)>,
}

/// An operand: a variable, a place inside one, or a constant written by the user.
#[derive(Clone)]
pub enum Atom {
    Var(Var),
    /// `base[i][j]` or `base.field`: read in place, never copied out whole.
    Place(Var, Vec<Proj>),
    /// A literal or a path that is not a local (`2.0`, `f64::consts::PI`, a const `N`).
    Const(syn::Expr),
}

/// One step into a place.
#[derive(Clone)]
pub enum Proj {
    Index(Atom),
    Field(syn::Member),
    /// The element `y.push(..)` appends, at this index (the length before): only as the
    /// target of an `Assign`.
    Push(Atom),
}

impl Atom {
    /// Whether two atoms read the same value: the same variable, or the same place in it
    /// by the same indices (read in one statement, so at the same time).
    pub fn same(&self, other: &Atom) -> bool {
        match (self, other) {
            (Atom::Var(a), Atom::Var(b)) => a == b,
            (Atom::Place(a, pa), Atom::Place(b, pb)) => {
                a == b
                    && pa.len() == pb.len()
                    && pa.iter().zip(pb).all(|(x, y)| match (x, y) {
                        (Proj::Index(i), Proj::Index(j)) => i.same(j),
                        (Proj::Field(f), Proj::Field(g)) => f == g,
                        _ => false,
                    })
            }
            _ => false,
        }
    }

    /// The variable an atom reads, if any (the base, for a place).
    pub fn var(&self) -> Option<Var> {
        match self {
            Atom::Var(v) | Atom::Place(v, _) => Some(*v),
            Atom::Const(_) => None,
        }
    }

    /// Every variable the atom reads, index variables included.
    pub fn vars(&self, out: &mut Vec<Var>) {
        match self {
            Atom::Var(v) => out.push(*v),
            Atom::Place(v, proj) => {
                out.push(*v);
                for p in proj {
                    if let Proj::Index(i) | Proj::Push(i) = p {
                        i.vars(out);
                    }
                }
            }
            Atom::Const(_) => {}
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Not,
    /// `*x`: on a float this is the identity for derivatives.
    Deref,
    /// `&x`: only on constants.
    Ref,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
}

impl BinOp {
    /// Operators whose result has a derivative with respect to float operands.
    pub fn is_differentiable(self) -> bool {
        matches!(self, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem)
    }
}

/// A float operation with a rule in `autodiff_core::rules`, written as a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prim {
    /// The std method name (`sin`, `atan2`, ...); the rule is `d_<name>`.
    pub name: &'static str,
    pub kind: PrimKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimKind {
    /// `x.f()`, rule `d_f(x, y) -> T`.
    Unary,
    /// `a.f(b)`, rule `d_f(a, b, y) -> (T, T)`.
    Binary,
    /// `a.f(b, c)`, rule `d_f(a, b, c, y) -> (T, T, T)`.
    Ternary,
    /// `x.powi(n)`, rule `d_powi(x, n, y) -> T`; `n` is an integer.
    Powi,
    /// Piecewise constant (`floor`, `signum`, ...): derivative zero, result inactive.
    Constant,
}

impl Prim {
    /// Number of float operands, receiver included.
    pub fn float_args(self) -> usize {
        match self.kind {
            PrimKind::Unary | PrimKind::Powi | PrimKind::Constant => 1,
            PrimKind::Binary => 2,
            PrimKind::Ternary => 3,
        }
    }
}

/// A bilinear product of a matrix library's vectors and matrices, differentiated whole by
/// a rule of `autodiff_core::linalg` (`linalg::<name>(&a, &b)`). `Dot` and `MatVec` come
/// from the user's code; the others are their derivatives (and all five are closed under
/// differentiation: the derivative of a bilinear product is made of bilinear products).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinOp {
    /// `a · b` of two vectors: a float.
    Dot,
    /// `M v`: a vector.
    MatVec,
    /// `Mᵀ y`: a vector.
    MatTVec,
    /// `y vᵀ`: a matrix.
    Outer,
    /// `s x`, a float times a vector or matrix.
    Scale,
}

impl LinOp {
    /// The rule's name in `autodiff_core::linalg`.
    pub fn name(self) -> &'static str {
        match self {
            LinOp::Dot => "dot",
            LinOp::MatVec => "mat_vec",
            LinOp::MatTVec => "mat_t_vec",
            LinOp::Outer => "outer",
            LinOp::Scale => "scale",
        }
    }

    /// The shape of the result.
    pub fn shape(self) -> Shape {
        match self {
            LinOp::Dot => Shape::Scalar,
            _ => Shape::Tensor { depth: 1 },
        }
    }
}

/// An expression: one operation on atoms in primal code, a small tree in derivative code.
#[derive(Clone)]
pub enum Expr {
    Atom(Atom),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `args[0].name(args[1..])`.
    Prim(Prim, Vec<Expr>),
    /// `start..end` or `start..=end` (integers, never active).
    Range {
        start: Box<Expr>,
        end: Box<Expr>,
        inclusive: bool,
    },
    /// `[elem; len]`: a local array (`vec: false`) or `vec![elem; len]`.
    Repeat {
        elem: Box<Expr>,
        len: Box<Expr>,
        vec: bool,
    },
    /// The value popped from a tape.
    Pop(Var),
    /// An empty tape: `Tape::new()`, or with the float type of its values,
    /// `Tape::<f64>::pooled()` (its buffer reused from call to call on a thread).
    NewTape(Option<syn::Type>),
    /// How many items the iterator yields, read before it runs (`size_hint`).
    Trips(Box<Expr>),
    /// `::autodiff_core::rules::d_<name>(args)`: the local partial derivatives.
    Rule(Prim, Vec<Expr>),
    /// `::autodiff_core::rules::strong_mul(d, partial)`: a derivative times a partial that
    /// may be infinite where the primal is finite (`sqrt` at 0), zero when either is: a
    /// zero derivative carries nothing, even through an infinite slope.
    StrongMul(Vec<Expr>),
    /// `::autodiff_core::rules::dd_<name>(args)`: the second partials, which forward mode
    /// needs to differentiate code that multiplies by a `Rule`'s partials.
    Rule2(Prim, Vec<Expr>),
    /// A cast: `e as T`, or a conversion between float types written as a call
    /// (`x.into()`, `x.to_f64().unwrap()`, `T::from_f64(x).unwrap()`). Either way its
    /// derivative is the identity in the target's float type.
    Cast(Box<Expr>, CastTo),
    /// A product of vectors and matrices, `::autodiff_core::linalg::<op>(&a, &b)`
    /// (`Scale` takes its float by value).
    Linalg(LinOp, Vec<Expr>),
    /// A call `func(args)`. Through the arguments that are floats (`floats`), a derivative
    /// flows by the callee's siblings `jvp` and `vjp` (paths beside `func`), when the
    /// callee is a path; `stop_gradient` and calls without float arguments have none.
    Call {
        func: syn::Expr,
        args: Vec<Expr>,
        floats: Vec<bool>,
        siblings: Option<Box<Siblings>>,
        /// How the callee's `Option` or `Result` is taken apart (`g(x)?`,
        /// `g(x).unwrap()`): its siblings' results are taken apart the same way.
        unwrap: Option<TakeApart>,
    },
    /// The function fails here: `return None`, or `return Err(e)` with the error. Only
    /// in a statement that binds nothing, run in the primal code of every sibling.
    Fail(Option<Box<Expr>>),
    /// A method the macro does not differentiate: `recv.method::<turbofish>(args)`.
    Method {
        recv: Box<Expr>,
        method: syn::Ident,
        turbofish: Option<syn::AngleBracketedGenericArguments>,
        args: Vec<Expr>,
    },
    /// An owned copy of a tensor (`x.to_owned()`): `let mut y = x;` of an array.
    CopyOf(Atom),
    /// The zero of a scalar's type (`zero_of(&v)`).
    ZeroOf(Atom),
    /// The zero of a tensor's shape (`Shape::zero_like(&v)`).
    ZeroLike(Atom),
    /// The zero of a written float type (`<T as Zero>::zero()`).
    ZeroOfType(syn::Type),
    /// `value` converted to the float type of `like` (the adjoint of a float cast).
    CastLike(Box<Expr>, Atom),
    /// The tangent of an argument passed by reference, `tangent_arg(&t)`: the callee takes
    /// it by value (a `&[T; N]` or `&f64` parameter) or as a slice, as its signature says.
    TangentArg(Box<Expr>),
    /// The one of the named float type (the seed of a gradient).
    One(syn::Type),
    /// A zero tangent (one of the zeros above, made by `forward`): printed as it is, or
    /// in the JVP of several tangents at once as the zero of their lanes.
    Tangent(Box<Expr>),
    Tuple(Vec<Expr>),
    /// A macro that computes no derivative (`format!`, `assert_eq!`, `println!`), its
    /// value arguments lowered like any operand: never active.
    Macro(Box<MacroCall>),
}

/// A macro call that reads values and computes no derivative: `path!(args)`. As a
/// statement (`assert!`, `println!`) it is a `Stmt::Let` that binds no variable; as an
/// expression (`format!`) it yields a value that is never active.
#[derive(Clone)]
pub struct MacroCall {
    /// The macro's path as written (`assert_eq`, `std::println`).
    pub path: syn::Path,
    pub args: Vec<MacroArg>,
}

/// One argument of a [`MacroCall`].
#[derive(Clone)]
pub enum MacroArg {
    /// A format string or literal, printed as written.
    Verbatim(syn::Expr),
    /// A value the macro reads: a lowered operand.
    Value(Expr),
    /// `name = value`: a named argument of a format string (an inline capture `{x}` of a
    /// local becomes one, since generated code renames locals).
    Named(syn::Ident, Expr),
}

impl Expr {
    pub fn var(v: Var) -> Expr {
        Expr::Atom(Atom::Var(v))
    }
    pub fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
        Expr::Binary(op, Box::new(a), Box::new(b))
    }
    pub fn neg(e: Expr) -> Expr {
        Expr::Unary(UnOp::Neg, Box::new(e))
    }

    /// Calls `f` on each direct sub-expression.
    fn each_child<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        match self {
            Expr::Unary(_, e)
            | Expr::Cast(e, _)
            | Expr::Tangent(e)
            | Expr::TangentArg(e)
            | Expr::Trips(e)
            | Expr::CastLike(e, _) => f(e),
            Expr::Range { start: a, end: b, .. }
            | Expr::Repeat { elem: a, len: b, .. }
            | Expr::Binary(_, a, b) => {
                f(a);
                f(b);
            }
            Expr::Prim(_, args)
            | Expr::Rule(_, args)
            | Expr::Rule2(_, args)
            | Expr::StrongMul(args)
            | Expr::Linalg(_, args)
            | Expr::Call { args, .. }
            | Expr::Tuple(args) => args.iter().for_each(f),
            Expr::Fail(e) => e.iter().for_each(|e| f(e)),
            Expr::Macro(m) => m.args.iter().for_each(|a| match a {
                MacroArg::Value(e) | MacroArg::Named(_, e) => f(e),
                MacroArg::Verbatim(_) => {}
            }),
            Expr::Method { recv, args, .. } => {
                f(recv);
                args.iter().for_each(f);
            }
            Expr::Atom(_)
            | Expr::ZeroOf(_)
            | Expr::ZeroLike(_)
            | Expr::CopyOf(_)
            | Expr::Pop(_)
            | Expr::NewTape(_)
            | Expr::One(_)
            | Expr::ZeroOfType(_) => {}
        }
    }

    /// The atom the expression itself reads, besides those of its sub-expressions.
    fn own_atom(&self) -> Option<&Atom> {
        match self {
            Expr::Atom(a) | Expr::ZeroOf(a) | Expr::ZeroLike(a) | Expr::CopyOf(a) => Some(a),
            Expr::CastLike(_, like) => Some(like),
            _ => None,
        }
    }

    /// Calls `f` on every atom the expression reads (not inside places' indices).
    pub fn atoms<'a>(&'a self, f: &mut dyn FnMut(&'a Atom)) {
        if let Some(a) = self.own_atom() {
            f(a);
        }
        self.each_child(&mut |e| e.atoms(f));
    }

    /// Every variable the expression reads (a popped tape included).
    pub fn vars(&self, out: &mut Vec<Var>) {
        if let Expr::Pop(t) = self {
            out.push(*t);
        }
        if let Some(a) = self.own_atom() {
            a.vars(out);
        }
        self.each_child(&mut |e| e.vars(out));
    }
}

/// Whether `ty` is written `f64` or `f32`.
pub fn is_primitive_float(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32"))
}

/// How the `Option` or `Result` of a call is taken apart.
#[derive(Clone)]
pub enum TakeApart {
    /// `g(x)?`.
    Try,
    /// `g(x).unwrap()`.
    Unwrap,
    /// `g(x).expect(message)`.
    Expect(Box<syn::Expr>),
}

/// A function whose output is an `Option` or a `Result` of what it differentiates.
#[derive(Clone)]
pub enum Fallible {
    Option,
    /// `Result<_, E>`: the error type.
    Result(Box<syn::Type>),
}

/// How a cast is written.
#[derive(Clone)]
pub enum CastTo {
    /// `e as T`.
    As(Box<syn::Type>),
    /// A conversion call, printed as the user wrote it around the operand.
    Call(Box<Conversion>),
}

/// A conversion between float types written as a call on its one operand:
/// `x.into()`, `x.to_f64().unwrap()`, `T::from_f64(x).expect("..")`.
#[derive(Clone)]
pub struct Conversion {
    pub call: ConversionCall,
    /// The `.unwrap()` or `.expect("..")` of a conversion that returns an `Option`.
    pub unwrap: Option<(syn::Ident, Vec<syn::Expr>)>,
    /// The float type converted to, where the call names it (`f64` for `to_f64`, `T`
    /// for `T::from`); `None` for `into` and `NumCast::from`, inferred by rustc.
    pub target: Option<syn::Type>,
}

/// The call of a conversion: a method of the operand or a function of it.
#[derive(Clone)]
pub enum ConversionCall {
    /// `x.into()`, `x.to_f64()`.
    Method(syn::Ident),
    /// `T::from(x)`, `T::from_f64(x)`, `NumCast::from(x)`, `num_traits::cast::<_, T>(x)`.
    Path(syn::Expr),
}

impl CastTo {
    /// The type cast to, where the source names it.
    pub fn target(&self) -> Option<&syn::Type> {
        match self {
            CastTo::As(ty) => Some(ty),
            CastTo::Call(c) => c.target.as_ref(),
        }
    }
}

/// The paths of a callee's `_jvp` and `_vjp` siblings.
#[derive(Clone)]
pub struct Siblings {
    pub jvp: syn::Expr,
    pub vjp: syn::Expr,
}

impl Siblings {
    /// The siblings of a callee at `func` (a path): `func_jvp` and `func_vjp`.
    pub fn of(func: &syn::Expr) -> Option<Siblings> {
        Some(Siblings { jvp: suffixed(func, "jvp")?, vjp: suffixed(func, "vjp")? })
    }
}

/// The path `func` with `_suffix` appended to its last segment (`physics::spring` ->
/// `physics::spring_vjp`), if `func` is a plain path.
pub fn suffixed(func: &syn::Expr, suffix: &str) -> Option<syn::Expr> {
    let syn::Expr::Path(p) = func else { return None };
    if p.qself.is_some() {
        return None;
    }
    let mut q = p.clone();
    let last = q.path.segments.last_mut()?;
    last.ident = syn::Ident::new(&format!("{}_{suffix}", last.ident), last.ident.span());
    Some(syn::Expr::Path(q))
}

/// A guess at a constant's shape from its tokens, `floats` the function's float type
/// parameters: used to pick the zero of a phi whose other side is active, where either
/// guess compiles to the same code, and to pass a tangent for a constant argument of a
/// differentiated callee (`g(x, T::one())`), where a wrong guess is a type or arity
/// error at the call, never a number.
pub fn const_shape(e: &syn::Expr, floats: &std::collections::HashSet<String>) -> Shape {
    match e {
        syn::Expr::Repeat(r) => {
            let depth = match const_shape(&r.expr, floats) {
                Shape::Tensor { depth } => depth + 1,
                _ => 1,
            };
            return Shape::Tensor { depth };
        }
        syn::Expr::Array(a) => {
            let depth = match a.elems.first().map(|e| const_shape(e, floats)) {
                Some(Shape::Tensor { depth }) => depth + 1,
                _ => 1,
            };
            return Shape::Tensor { depth };
        }
        syn::Expr::Paren(p) => return const_shape(&p.expr, floats),
        // `&[1.0, 2.0]` is a slice of the array.
        syn::Expr::Reference(r) => return const_shape(&r.expr, floats),
        _ => {}
    }
    // A float literal anywhere (`0.0`, `0e0`, `2f32`) or a path through a float type
    // (`f64::EPSILON`, `T::one()`, `T::from(n).unwrap()`).
    struct Floaty<'f>(bool, &'f std::collections::HashSet<String>);
    impl<'a> syn::visit::Visit<'a> for Floaty<'_> {
        fn visit_lit_float(&mut self, _: &'a syn::LitFloat) {
            self.0 = true;
        }
        fn visit_ident(&mut self, id: &'a proc_macro2::Ident) {
            self.0 |=
                id == "f64" || id == "f32" || id == "consts" || self.1.contains(&id.to_string());
        }
    }
    let mut f = Floaty(false, floats);
    syn::visit::Visit::visit_expr(&mut f, e);
    if f.0 {
        Shape::Scalar
    } else {
        Shape::Other
    }
}

/// The atom an argument of a call reads, and whether it is passed by reference (a
/// cotangent passed through `tangent_arg(&v)` counts as one).
pub fn argument_atom(e: &Expr) -> Option<(&Atom, bool)> {
    match e {
        Expr::Atom(a) => Some((a, false)),
        Expr::TangentArg(inner) => argument_atom(inner).map(|(a, _)| (a, true)),
        Expr::Unary(UnOp::Ref, inner) => match &**inner {
            Expr::Atom(a) => Some((a, true)),
            _ => None,
        },
        _ => None,
    }
}

/// A statement.
#[derive(Clone)]
pub enum Stmt {
    /// `let v = value;` or, with several vars, `let (v1, v2, ..) = value;`. With none,
    /// `value;`: a statement run for its effect (an `assert!` or `println!`), in the
    /// primal code of every sibling, never computed again in a reverse sweep.
    Let { vars: Vec<Var>, value: Expr, span: Span },
    /// `if cond { then } else { els }`, binding `outs` to the atoms each branch yields.
    If { cond: Atom, then: Block, els: Block, outs: Vec<Var>, span: Span },
    /// `target += value` (or `-=` when `subtract`): adjoint accumulation.
    Accumulate { target: Atom, value: Expr, subtract: bool, span: Span },
    /// `target = value`: a store into an element of a local array (primal), or the
    /// reset of an adjoint (derivative code).
    Assign { target: Atom, value: Expr, span: Span },
    /// A loop. Each `carried` cell starts at its init and takes, after every iteration,
    /// the value the body yields for it; after the loop it holds the final value, and
    /// inside the body it reads the value at the start of the iteration. When `exits`,
    /// the body yields one more atom, an exit code: `0` goes on, anything else ends the
    /// loop and is left in `code` if that is set (see `lower`).
    Loop {
        header: Header,
        carried: Vec<(Var, Atom)>,
        body: Block,
        code: Option<Var>,
        /// The body yields an exit code after the carried values (the loop has a
        /// `break`, `return` or `continue` of an outer loop). `code` keeps it when
        /// code after the loop needs it.
        exits: bool,
        /// A counter of the iterations run, kept where reverse mode needs it.
        trips: Option<Var>,
        label: Option<syn::Lifetime>,
        span: Span,
    },
    /// Push `value` on the tape `tape` (reverse mode's forward sweep); `reserved`: into
    /// room made before the loop.
    Push { tape: Var, value: Atom, reserved: bool, span: Span },
    /// `tape.reserve(count)`: room for a loop's pushes, made before it runs.
    Reserve { tape: Var, count: Expr, span: Span },
}

/// What a loop iterates over.
#[derive(Clone)]
pub enum Header {
    /// `for index in iter`, `iter` an integer range expression (`a..b`, `(a..=b).rev()`,
    /// `(a..b).step_by(k)`): reversible with `.rev()`.
    Range { index: Var, iter: Expr },
    /// `loop { .. }`: ends by an exit code only.
    Forever,
    /// `for _ in 0..count`: the reversed iterations of a loop whose trip count was
    /// recorded.
    Times { count: Atom },
}

impl Stmt {
    /// Every variable the statement reads, nested blocks included.
    pub fn reads(&self, out: &mut Vec<Var>) {
        match self {
            Stmt::Let { value, .. } => value.vars(out),
            Stmt::Accumulate { target, value, .. } | Stmt::Assign { target, value, .. } => {
                target.vars(out);
                value.vars(out);
            }
            Stmt::Push { tape, value, .. } => {
                out.push(*tape);
                value.vars(out);
            }
            Stmt::Reserve { tape, count, .. } => {
                out.push(*tape);
                count.vars(out);
            }
            Stmt::If { cond, then, els, .. } => {
                cond.vars(out);
                then.reads(out);
                els.reads(out);
            }
            Stmt::Loop { header, carried, body, .. } => {
                match header {
                    Header::Range { iter, .. } => iter.vars(out),
                    Header::Times { count } => count.vars(out),
                    Header::Forever => {}
                }
                carried.iter().for_each(|(_, init)| init.vars(out));
                body.reads(out);
            }
        }
    }
}

impl Block {
    /// Every variable the block reads, its yields and nested blocks included.
    pub fn reads(&self, out: &mut Vec<Var>) {
        self.stmts.iter().for_each(|s| s.reads(out));
        self.yields.iter().for_each(|y| y.vars(out));
    }

    /// Whether the value of some `let` in the block, nested blocks included, satisfies `f`.
    pub fn any_let(&self, f: &mut dyn FnMut(&Expr) -> bool) -> bool {
        self.stmts.iter().any(|stmt| match stmt {
            Stmt::Let { value, .. } => f(value),
            Stmt::If { then, els, .. } => then.any_let(f) || els.any_let(f),
            Stmt::Loop { body, .. } => body.any_let(f),
            _ => false,
        })
    }

    /// The variables the block defines (`let`s, the outs of branches, the index, carried
    /// cells and exit codes of loops) into `defined`, and every variable it reads into
    /// `read`, nested blocks included.
    pub fn walk(&self, defined: &mut std::collections::HashSet<Var>, read: &mut Vec<Var>) {
        for stmt in &self.stmts {
            match stmt {
                Stmt::Let { vars, value, .. } => {
                    value.vars(read);
                    defined.extend(vars.iter().copied());
                }
                Stmt::If { cond, then, els, outs, .. } => {
                    cond.vars(read);
                    then.walk(defined, read);
                    els.walk(defined, read);
                    defined.extend(outs.iter().copied());
                }
                Stmt::Loop { header, carried, body, code, .. } => {
                    stmt.reads(read);
                    if let Header::Range { index, .. } = header {
                        defined.insert(*index);
                    }
                    body.walk(defined, read);
                    defined.extend(carried.iter().map(|(c, _)| *c));
                    defined.extend(code.iter().copied());
                }
                other => other.reads(read),
            }
        }
        for y in &self.yields {
            y.vars(read);
        }
    }

    /// Arrays written element by element (`y[i] = ..`, `y.push(..)`) anywhere in the block.
    pub fn written(&self, out: &mut std::collections::HashSet<Var>) {
        for stmt in &self.stmts {
            match stmt {
                Stmt::Assign { target, .. } => out.extend(target.var()),
                Stmt::If { then, els, .. } => {
                    then.written(out);
                    els.written(out);
                }
                Stmt::Loop { body, .. } => body.written(out),
                _ => {}
            }
        }
    }
}

/// A sequence of statements and the atoms it yields to its `If` (none at top level).
#[derive(Clone, Default)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub yields: Vec<Atom>,
}

/// How an active parameter is passed, which fixes its gradient and tangent types.
#[derive(Clone)]
pub enum ParamKind {
    /// `x: F` or `x: &F` with `F` a float type; gradient and tangent `F`.
    Scalar { float: syn::Type, by_ref: bool },
    /// `x: [..; N]` or `x: &[..; N]`, any nesting; gradient and tangent the array type.
    Array { array: syn::Type },
    /// `&[E]`, `Vec<E>`, `&Vec<E>`; gradient `Vec<E>`, tangent `&[E]`.
    Seq { elem: syn::Type },
    /// A vector or matrix of a matrix library (`SVector<f64, N>`, `&DVector<f64>`,
    /// `Array2<f64>`, `ArrayView1<'_, f64>`), of `float`s; gradient and tangent `owned`, the
    /// owned type (`ArrayView1` gives `Array1`).
    Matrix { owned: Box<syn::Type>, float: syn::Type, lib: Lib, dims: usize },
    /// Not differentiated: passes through unchanged.
    Constant,
}

/// The matrix library a vector or matrix comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lib {
    Nalgebra,
    Ndarray,
}

impl Lib {
    pub fn name(self) -> &'static str {
        match self {
            Lib::Nalgebra => "nalgebra",
            Lib::Ndarray => "ndarray",
        }
    }
}

/// A parameter of the user's function.
#[derive(Clone)]
pub struct Param {
    /// The variable standing for it in the body.
    pub var: Var,
    /// The pattern and type exactly as written (`mut` dropped for generated code).
    pub pat: syn::Pat,
    pub ty: syn::Type,
    pub kind: ParamKind,
    /// Differentiated (a float parameter selected by `wrt`, or every float one).
    pub active: bool,
    /// A `&mut` array or slice the function writes its output into.
    pub out: bool,
}

/// One component of the output: a float, or an array or `Vec` of floats.
#[derive(Clone)]
pub struct Output {
    /// Its value at the end of the body.
    pub atom: Atom,
    /// Its kind (as for parameters: the cotangent and Jacobian block follow from it).
    pub kind: ParamKind,
    /// Its written type.
    pub ty: syn::Type,
}

impl Func {
    /// Whether the output is one float (so there is a gradient).
    pub fn scalar_output(&self) -> bool {
        !self.output_tuple
            && matches!(self.outputs.first().map(|o| &o.kind), Some(ParamKind::Scalar { .. }))
    }
}

/// A lowered function: the body and what the signature says about it.
#[derive(Clone)]
pub struct Func {
    pub vars: Vec<VarInfo>,
    pub params: Vec<Param>,
    /// Items (`use`, `const`) declared in the body, copied into every sibling.
    pub items: Vec<syn::Item>,
    pub body: Block,
    /// What the body computes: one component, or the parts of a tuple output.
    pub outputs: Vec<Output>,
    /// Whether the output is a tuple (of `outputs`).
    pub output_tuple: bool,
    /// The `&mut` parameter the function writes its output into (`outputs` is then that
    /// buffer, and the siblings return derivatives only).
    pub out_param: Option<Var>,
    /// The written output type (of a fallible function, the type inside its `Option` or
    /// `Result`).
    pub output_ty: syn::Type,
    /// An `Option` or `Result` output: the siblings return theirs inside the same.
    pub fallible: Option<Fallible>,
    /// Whether the function has `Float` type parameters (its values may have no
    /// `Default`).
    pub generic_floats: bool,
    /// The names of those type parameters, sorted.
    pub float_params: Vec<String>,
    /// Indices into `params` of the active ones, in the order their derivatives are
    /// reported (the `wrt` order when given, else the parameter order).
    pub active_order: Vec<usize>,
    /// Every identifier in the user's function: printed names avoid them.
    pub reserved: std::collections::HashSet<String>,
}

impl Func {
    pub fn new_var(&mut self, name: impl Into<String>, shape: Shape) -> Var {
        self.vars.push(VarInfo { name: name.into(), shape, ty: None, derived: None });
        Var(self.vars.len() - 1)
    }

    pub fn info(&self, v: Var) -> &VarInfo {
        &self.vars[v.0]
    }

    /// Whether the body builds arrays of floats (local arrays, copies, rows), returns one,
    /// writes an out-parameter or passes an array to a callee: generated code then needs
    /// zeros of array shapes of the float type, or adds a callee's array of adjoints into
    /// its own.
    pub fn has_float_arrays(&self) -> bool {
        let params: Vec<Var> = self.params.iter().map(|p| p.var).collect();
        let tensor = |v: Var| matches!(self.vars[v.0].shape, Shape::Tensor { .. });
        self.out_param.is_some()
            || self.outputs.iter().any(|o| !matches!(o.kind, ParamKind::Scalar { .. }))
            || self.vars.iter().enumerate().any(|(i, v)| {
                matches!(v.shape, Shape::Tensor { .. })
                    && v.derived.is_none()
                    && !params.contains(&Var(i))
            })
            || self.body.any_let(&mut |value| match value {
                Expr::Call { args, siblings: Some(_), .. } => args
                    .iter()
                    .any(|a| argument_atom(a).and_then(|(atom, _)| atom.var()).is_some_and(tensor)),
                _ => false,
            })
    }

    /// The active parameters in the order their derivatives are reported.
    pub fn active_params(&self) -> impl Iterator<Item = &Param> {
        self.active_order.iter().map(|&i| &self.params[i])
    }

    /// Whether a parameter is a vector or matrix of a matrix library (whose derivatives
    /// have no lanes, and whose Jacobian blocks are assembled from rows).
    pub fn has_matrix_params(&self) -> bool {
        self.params.iter().any(|p| matches!(p.kind, ParamKind::Matrix { .. }))
    }
}
