//! `ungroup`: removes the invisible groups around types that reach the macro through a
//! `macro_rules!` fragment (`$t:ty` arrives as `Type::Group`), before any pass reads a
//! type by its form: after it, `Vec<[f64; 2]>` from a fragment is the same type to the
//! macro as one written in place. A group around a trait object or `impl Trait` stays,
//! since it may be what keeps a `+` bound to it.

use syn::visit_mut::VisitMut;

struct Ungroup;

impl VisitMut for Ungroup {
    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        while let syn::Type::Group(g) = ty {
            if matches!(*g.elem, syn::Type::TraitObject(_) | syn::Type::ImplTrait(_)) {
                break;
            }
            let inner = (*g.elem).clone();
            *ty = inner;
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }
}

/// `item` with the groups around its types removed.
pub fn ungroup(item: &mut syn::ItemFn) {
    Ungroup.visit_item_fn_mut(item);
}
