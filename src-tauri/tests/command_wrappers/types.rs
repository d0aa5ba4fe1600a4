//! Rust types as the window receives them, in TypeScript: which generated bindings declare a
//! name, what a source file's `use` items stand for, and the mapping itself.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use syn::{GenericArgument, Item, PathArguments, Type};

/// Where a generated TypeScript type comes from.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Module {
    Core,
    Agenda,
}

impl Module {
    pub fn import_path(self) -> &'static str {
        match self {
            Module::Core => "./bindings",
            Module::Agenda => "./features/agenda/bindings",
        }
    }
}

/// The type names the generated bindings declare.
pub struct Declared {
    pub core: BTreeSet<String>,
    pub agenda: BTreeSet<String>,
}

pub fn declared_in(ts: &str) -> BTreeSet<String> {
    ts.lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .filter_map(|rest| rest.split([' ', '<', '=']).next())
        .map(str::to_string)
        .collect()
}

/// What one source file's `use` items bring into scope: a name and the path it stands for.
pub fn uses_of(items: &[Item]) -> BTreeMap<String, String> {
    pub fn walk(tree: &syn::UseTree, prefix: &str, out: &mut BTreeMap<String, String>) {
        let join = |name: &str| {
            if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}::{name}")
            }
        };
        match tree {
            syn::UseTree::Path(p) => walk(&p.tree, &join(&p.ident.to_string()), out),
            syn::UseTree::Name(n) => {
                out.insert(n.ident.to_string(), join(&n.ident.to_string()));
            }
            syn::UseTree::Rename(r) => {
                out.insert(r.rename.to_string(), join(&r.ident.to_string()));
            }
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| walk(t, prefix, out)),
            syn::UseTree::Glob(_) => {}
        }
    }
    let mut out = BTreeMap::new();
    for item in items {
        if let Item::Use(u) = item {
            walk(&u.tree, "", &mut out);
        }
    }
    out
}

/// Maps Rust types to TypeScript for one source file, collecting the imports they need.
pub struct Mapper<'a> {
    pub declared: &'a Declared,
    pub uses: &'a BTreeMap<String, String>,
    pub imports: &'a mut BTreeMap<Module, BTreeSet<(String, String)>>,
}

impl Mapper<'_> {
    pub fn ty(&mut self, ty: &Type) -> Result<String, String> {
        match ty {
            Type::Reference(r) => self.ty(&r.elem),
            Type::Paren(p) => self.ty(&p.elem),
            Type::Group(g) => self.ty(&g.elem),
            Type::Tuple(t) if t.elems.is_empty() => Ok("null".into()),
            Type::Tuple(t) => {
                let elems: Result<Vec<_>, _> = t.elems.iter().map(|e| self.ty(e)).collect();
                Ok(format!("[{}]", elems?.join(", ")))
            }
            Type::Slice(s) => self.array(&s.elem),
            Type::Array(a) => self.array(&a.elem),
            Type::Path(p) if p.qself.is_none() => self.path(&p.path),
            other => Err(format!("`{}` has no TypeScript mapping", quote_type(other))),
        }
    }

    pub fn array(&mut self, elem: &Type) -> Result<String, String> {
        let t = self.ty(elem)?;
        Ok(if t.contains(' ') {
            format!("({t})[]")
        } else {
            format!("{t}[]")
        })
    }

    /// The type arguments of a path's last segment (lifetimes left out).
    pub fn args(seg: &syn::PathSegment) -> Vec<&Type> {
        match &seg.arguments {
            PathArguments::AngleBracketed(a) => a
                .args
                .iter()
                .filter_map(|a| match a {
                    GenericArgument::Type(t) => Some(t),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn path(&mut self, path: &syn::Path) -> Result<String, String> {
        let seg = path.segments.last().ok_or("an empty type path")?;
        let name = seg.ident.to_string();
        let args = Self::args(seg);
        let first = |what: &str| {
            args.first()
                .copied()
                .ok_or_else(|| format!("`{name}` without its {what}"))
        };
        Ok(match name.as_str() {
            "CmdResult" | "Result" => self.ty(first("value type")?)?,
            "Option" => format!("{} | null", self.ty(first("value type")?)?),
            "Vec" | "VecDeque" | "BTreeSet" | "HashSet" => self.array(first("element type")?)?,
            // `Ascii<T>`: the app's answer sent as ASCII JSON, read as a `T`.
            "Box" | "Arc" | "Rc" | "Cow" | "Ascii" => self.ty(first("inner type")?)?,
            "String" | "str" | "char" | "PathBuf" | "Path" => "string".into(),
            "bool" => "boolean".into(),
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64"
            | "i128" | "isize" | "f32" | "f64" => "number".into(),
            _ => {
                let ts = self.named(path, &name)?;
                if args.is_empty() {
                    ts
                } else {
                    let args: Result<Vec<_>, _> = args.iter().map(|a| self.ty(a)).collect();
                    format!("{ts}<{}>", args?.join(", "))
                }
            }
        })
    }

    /// A named type: imported from the generated file that declares it. When both declare the
    /// name (`ImportPlan`), the Rust path decides, and the agenda's is imported as `Agenda…`.
    pub fn named(&mut self, path: &syn::Path, written: &str) -> Result<String, String> {
        let full = if path.segments.len() > 1 {
            let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            segs.join("::")
        } else {
            self.uses.get(written).cloned().unwrap_or_default()
        };
        // `use x::Name as Alias;` → `Name`.
        let name = full
            .rsplit("::")
            .next()
            .filter(|n| !n.is_empty())
            .unwrap_or(written);
        let (in_core, in_agenda) = (
            self.declared.core.contains(name),
            self.declared.agenda.contains(name),
        );
        let module = match (in_core, in_agenda) {
            (true, false) => Module::Core,
            (false, true) => Module::Agenda,
            (true, true) if full.starts_with("showcall_agenda::") => Module::Agenda,
            (true, true) => Module::Core,
            (false, false) => {
                return Err(format!(
                    "`{name}` is declared in neither ui/src/bindings.ts nor \
                     ui/src/features/agenda/bindings.ts: derive `ts_rs::TS` on it and add it to \
                     the crate's tests/bindings.rs"
                ))
            }
        };
        let local = if module == Module::Agenda && in_core {
            format!("Agenda{name}")
        } else {
            name.to_string()
        };
        self.imports
            .entry(module)
            .or_default()
            .insert((name.to_string(), local.clone()));
        Ok(local)
    }
}

pub fn quote_type(ty: &Type) -> String {
    match ty {
        Type::ImplTrait(_) => "impl Trait".into(),
        Type::TraitObject(_) => "dyn Trait".into(),
        Type::Ptr(_) => "a raw pointer".into(),
        Type::BareFn(_) => "a fn pointer".into(),
        Type::Infer(_) => "_".into(),
        Type::Never(_) => "!".into(),
        Type::Path(_) => "a qualified path".into(),
        _ => "this type".into(),
    }
}

pub fn strip_refs(ty: &Type) -> &Type {
    match ty {
        Type::Reference(r) => strip_refs(&r.elem),
        Type::Paren(p) => strip_refs(&p.elem),
        Type::Group(g) => strip_refs(&g.elem),
        other => other,
    }
}
