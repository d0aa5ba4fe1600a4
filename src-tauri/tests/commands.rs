//! The window's typed `invoke` wrappers are generated from the commands themselves and committed
//! as `ui/src/commands.ts`: this test reads every `#[tauri::command]` function under
//! `src/commands/` (their source, so it follows any change of signature), writes one TypeScript
//! function per command, and fails when the committed file is stale (`UPDATE_BINDINGS=1`
//! rewrites it) or when a command registered in `src/lib.rs`'s `generate_handler![…]` has no
//! wrapper.
//!
//! Each wrapper is named in camelCase and takes one `args` object keyed by the camelCase
//! parameter names, as Tauri expects (none when only Tauri-injected parameters — `State`,
//! `AppHandle`, windows — are left). Types map as serde sends them: `CmdResult<T>` and
//! `Result<T, _>` answer `T`; `()` is `null`; strings and `char` are `string`; `bool` is
//! `boolean`; every integer and float is `number`; `Option<T>` is `T | null`; `Vec<T>` is `T[]`;
//! tuples are `[A, B]`; any other type is its name, imported from the generated bindings that
//! declare it (`ui/src/bindings.ts` for the core's, `ui/src/features/agenda/bindings.ts` for
//! the agenda import's); a type declared in neither fails the test, naming the command.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{FnArg, GenericArgument, Item, Pat, PathArguments, ReturnType, Token, Type};

const COMMANDS_TS: &str = "../ui/src/commands.ts";
const CORE_TS: &str = "../ui/src/bindings.ts";
const AGENDA_TS: &str = "../ui/src/features/agenda/bindings.ts";

/// Parameters Tauri fills in itself: the window never sends them.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `snake_case` → `camelCase`, as Tauri renames command arguments (and as the window calls them).
fn camel(snake: &str) -> String {
    let mut out = String::new();
    for (i, word) in snake.split('_').filter(|w| !w.is_empty()).enumerate() {
        let mut chars = word.chars();
        if i == 0 {
            out.push_str(word);
        } else if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// Where a generated TypeScript type comes from.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Module {
    Core,
    Agenda,
}

impl Module {
    fn import_path(self) -> &'static str {
        match self {
            Module::Core => "./bindings",
            Module::Agenda => "./features/agenda/bindings",
        }
    }
}

/// The type names the generated bindings declare.
struct Declared {
    core: BTreeSet<String>,
    agenda: BTreeSet<String>,
}

fn declared_in(ts: &str) -> BTreeSet<String> {
    ts.lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .filter_map(|rest| rest.split([' ', '<', '=']).next())
        .map(str::to_string)
        .collect()
}

/// What one source file's `use` items bring into scope: a name and the path it stands for.
fn uses_of(items: &[Item]) -> BTreeMap<String, String> {
    fn walk(tree: &syn::UseTree, prefix: &str, out: &mut BTreeMap<String, String>) {
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
struct Mapper<'a> {
    declared: &'a Declared,
    uses: &'a BTreeMap<String, String>,
    imports: &'a mut BTreeMap<Module, BTreeSet<(String, String)>>,
}

impl Mapper<'_> {
    fn ty(&mut self, ty: &Type) -> Result<String, String> {
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

    fn array(&mut self, elem: &Type) -> Result<String, String> {
        let t = self.ty(elem)?;
        Ok(if t.contains(' ') {
            format!("({t})[]")
        } else {
            format!("{t}[]")
        })
    }

    /// The type arguments of a path's last segment (lifetimes left out).
    fn args(seg: &syn::PathSegment) -> Vec<&Type> {
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

    fn path(&mut self, path: &syn::Path) -> Result<String, String> {
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
            "Box" | "Arc" | "Rc" | "Cow" => self.ty(first("inner type")?)?,
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
    fn named(&mut self, path: &syn::Path, written: &str) -> Result<String, String> {
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

fn quote_type(ty: &Type) -> String {
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

/// One `#[tauri::command]` as the window calls it.
struct Command {
    /// The file it is in, relative to `src/commands/`.
    file: String,
    name: String,
    docs: Vec<String>,
    /// `(camelCase name, TypeScript type)` of the arguments the window sends.
    params: Vec<(String, String)>,
    ret: String,
}

/// `Some(keep_snake_case)` for a `#[tauri::command]` (or `#[command]`) attribute.
fn command_attr(attrs: &[syn::Attribute]) -> Option<bool> {
    let attr = attrs.iter().find(|a| {
        let segs: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        segs == ["tauri", "command"] || segs == ["command"]
    })?;
    let mut snake = false;
    if let syn::Meta::List(_) = &attr.meta {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                let value: syn::LitStr = meta.value()?.parse()?;
                snake = value.value() == "snake_case";
            } else if meta.input.peek(Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        })
        .expect("a #[tauri::command(…)] attribute");
    }
    Some(snake)
}

fn docs_of(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .flat_map(|d| {
            d.lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn command(
    file: &str,
    f: &syn::ItemFn,
    snake: bool,
    mapper: &mut Mapper,
) -> Result<Command, String> {
    let name = f.sig.ident.to_string();
    let fail = |what: String| format!("command `{name}` (src/commands/{file}): {what}");
    let mut params = Vec::new();
    for input in &f.sig.inputs {
        let FnArg::Typed(arg) = input else {
            return Err(fail("takes `self`".into()));
        };
        let injected = match strip_refs(&arg.ty) {
            Type::Path(p) => p
                .path
                .segments
                .last()
                .is_some_and(|s| INJECTED.contains(&s.ident.to_string().as_str())),
            _ => false,
        };
        if injected {
            continue;
        }
        let Pat::Ident(id) = &*arg.pat else {
            return Err(fail("a parameter that is not a plain name".into()));
        };
        let rust = id.ident.to_string();
        let key = if snake {
            rust.trim_start_matches('_').to_string()
        } else {
            camel(&rust)
        };
        let ts = mapper
            .ty(&arg.ty)
            .map_err(|e| fail(format!("parameter `{rust}`: {e}")))?;
        params.push((key, ts));
    }
    let ret = match &f.sig.output {
        ReturnType::Default => "null".to_string(),
        ReturnType::Type(_, ty) => mapper
            .ty(ty)
            .map_err(|e| fail(format!("return type: {e}")))?,
    };
    Ok(Command {
        file: file.to_string(),
        name,
        docs: docs_of(&f.attrs),
        params,
        ret,
    })
}

fn strip_refs(ty: &Type) -> &Type {
    match ty {
        Type::Reference(r) => strip_refs(&r.elem),
        Type::Paren(p) => strip_refs(&p.elem),
        Type::Group(g) => strip_refs(&g.elem),
        other => other,
    }
}

/// Every `.rs` file under `dir`, in path order.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The commands of `items` (and of inline modules among them), in source order.
fn collect(
    file: &str,
    items: &[Item],
    mapper: &mut Mapper,
    out: &mut Vec<Command>,
    errors: &mut Vec<String>,
) {
    for item in items {
        match item {
            Item::Fn(f) => {
                if let Some(snake) = command_attr(&f.attrs) {
                    match command(file, f, snake, mapper) {
                        Ok(c) => out.push(c),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    collect(file, inner, mapper, out, errors);
                }
            }
            _ => {}
        }
    }
}

/// Names TypeScript does not allow as a function's name.
const RESERVED: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    "let",
    "static",
    "implements",
    "interface",
    "package",
    "private",
    "protected",
    "public",
    "await",
];

fn jsdoc(docs: &[String], out: &mut String) {
    let lines: Vec<String> = docs.iter().map(|l| l.replace("*/", "*\\/")).collect();
    let lines = trim_blank(&lines);
    match lines {
        [] => {}
        [one] => out.push_str(&format!("/** {one} */\n")),
        many => {
            out.push_str("/**\n");
            for l in many {
                if l.is_empty() {
                    out.push_str(" *\n");
                } else {
                    out.push_str(&format!(" * {l}\n"));
                }
            }
            out.push_str(" */\n");
        }
    }
}

fn trim_blank(lines: &[String]) -> &[String] {
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |i| i + 1);
    &lines[start..end]
}

/// The commands under `src/commands/` and the TypeScript that calls them.
fn generate() -> (Vec<Command>, String) {
    let declared = Declared {
        core: declared_in(&read(&manifest(CORE_TS))),
        agenda: declared_in(&read(&manifest(AGENDA_TS))),
    };
    let dir = manifest("src/commands");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let mut imports = BTreeMap::new();
    let (mut commands, mut errors) = (Vec::new(), Vec::new());
    for path in &files {
        let file = path
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let ast = syn::parse_file(&read(path)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let uses = uses_of(&ast.items);
        let mut mapper = Mapper {
            declared: &declared,
            uses: &uses,
            imports: &mut imports,
        };
        collect(&file, &ast.items, &mut mapper, &mut commands, &mut errors);
    }
    let mut seen = BTreeSet::new();
    for c in &commands {
        let f = camel(&c.name);
        if !seen.insert(f.clone()) {
            errors.push(format!("two commands are called `{}` in TypeScript", f));
        }
        if RESERVED.contains(&f.as_str()) {
            errors.push(format!(
                "command `{}` (src/commands/{}): `{f}` cannot name a TypeScript function",
                c.name, c.file
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    let mut out = String::from(
        "// Generated from the #[tauri::command] functions in src-tauri/src/commands by\n\
         // `UPDATE_BINDINGS=1 cargo test -p showcall-app --test commands`. Do not edit by hand.\n\
         //\n\
         // One typed function per command. Arguments are one camelCase object; every command\n\
         // rejects with an `ErrorPayload` whose message is already translated.\n\
         import { invoke } from \"@tauri-apps/api/core\";\n",
    );
    for (module, names) in &imports {
        let names: Vec<String> = names
            .iter()
            .map(|(name, local)| {
                if name == local {
                    name.clone()
                } else {
                    format!("{name} as {local}")
                }
            })
            .collect();
        let one = format!(
            "import type {{ {} }} from \"{}\";\n",
            names.join(", "),
            module.import_path()
        );
        if one.len() <= 101 {
            out.push_str(&one);
        } else {
            out.push_str("import type {\n");
            for n in &names {
                out.push_str(&format!("  {n},\n"));
            }
            out.push_str(&format!("}} from \"{}\";\n", module.import_path()));
        }
    }
    let mut file = "";
    for c in &commands {
        if c.file != file {
            file = &c.file;
            out.push_str(&format!("\n// ---- {file} ----\n"));
        }
        out.push('\n');
        jsdoc(&c.docs, &mut out);
        let f = camel(&c.name);
        let ret = format!("Promise<{}>", c.ret);
        if c.params.is_empty() {
            out.push_str(&format!(
                "export function {f}(): {ret} {{\n  return invoke(\"{}\");\n}}\n",
                c.name
            ));
            continue;
        }
        let fields: Vec<String> = c.params.iter().map(|(k, t)| format!("{k}: {t}")).collect();
        let one = format!(
            "export function {f}(args: {{ {} }}): {ret} {{",
            fields.join("; ")
        );
        if one.len() <= 100 {
            out.push_str(&one);
            out.push('\n');
        } else {
            out.push_str(&format!("export function {f}(args: {{\n"));
            for field in &fields {
                out.push_str(&format!("  {field};\n"));
            }
            out.push_str(&format!("}}): {ret} {{\n"));
        }
        out.push_str(&format!("  return invoke(\"{}\", args);\n}}\n", c.name));
    }
    (commands, out)
}

/// The commands `src/lib.rs` registers with `generate_handler![…]`.
fn registered() -> BTreeSet<String> {
    struct Handlers(Vec<syn::Path>);
    impl<'ast> Visit<'ast> for Handlers {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "generate_handler")
            {
                let paths = mac
                    .parse_body_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                    .expect("generate_handler![…] lists command paths");
                self.0.extend(paths);
            }
            syn::visit::visit_macro(self, mac);
        }
    }
    let lib = syn::parse_file(&read(&manifest("src/lib.rs"))).expect("src/lib.rs parses");
    let mut found = Handlers(Vec::new());
    found.visit_file(&lib);
    assert!(!found.0.is_empty(), "no generate_handler![…] in src/lib.rs");
    found
        .0
        .iter()
        .filter_map(|p| p.segments.last().map(|s| s.ident.to_string()))
        .collect()
}

#[test]
fn every_registered_command_has_a_wrapper() {
    let (commands, _) = generate();
    let generated: BTreeSet<String> = commands.into_iter().map(|c| c.name).collect();
    let missing: Vec<String> = registered().difference(&generated).cloned().collect();
    assert!(
        missing.is_empty(),
        "registered in src/lib.rs but no #[tauri::command] fn found under src/commands/ \
         (so no wrapper in ui/src/commands.ts): {missing:?}"
    );
}

#[test]
fn typescript_commands_are_up_to_date() {
    let path = manifest(COMMANDS_TS);
    let (_, fresh) = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/commands.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p showcall-app --test commands`"
    );
}

#[test]
fn types_map_as_serde_sends_them() {
    let declared = Declared {
        core: ["Lang", "ImportPlan"].map(String::from).into(),
        agenda: ["Prepared", "ImportPlan"].map(String::from).into(),
    };
    let uses = BTreeMap::from([(
        "Plan".to_string(),
        "showcall_agenda::ImportPlan".to_string(),
    )]);
    let mut imports = BTreeMap::new();
    let mut m = Mapper {
        declared: &declared,
        uses: &uses,
        imports: &mut imports,
    };
    let mut ts = |rust: &str| m.ty(&syn::parse_str(rust).unwrap());
    assert_eq!(ts("CmdResult<()>").unwrap(), "null");
    assert_eq!(ts("Result<&'static str, String>").unwrap(), "string");
    assert_eq!(
        ts("Option<(String, u64)>").unwrap(),
        "[string, number] | null"
    );
    assert_eq!(ts("Vec<Option<f64>>").unwrap(), "(number | null)[]");
    assert_eq!(ts("Vec<Vec<bool>>").unwrap(), "boolean[][]");
    assert_eq!(ts("showcall_core::i18n::Lang").unwrap(), "Lang");
    assert_eq!(ts("Prepared").unwrap(), "Prepared");
    assert_eq!(ts("ImportPlan").unwrap(), "ImportPlan");
    assert_eq!(
        ts("showcall_agenda::ImportPlan").unwrap(),
        "AgendaImportPlan"
    );
    assert_eq!(ts("Plan").unwrap(), "AgendaImportPlan");
    assert!(ts("Unknown")
        .unwrap_err()
        .contains("`Unknown` is declared in neither"));
    assert!(ts("impl Serialize").is_err());
    let core: Vec<_> = imports[&Module::Core]
        .iter()
        .map(|(_, l)| l.as_str())
        .collect();
    assert_eq!(core, ["ImportPlan", "Lang"]);
    assert_eq!(camel("cues_tag"), "cuesTag");
    assert_eq!(camel("h264_profile"), "h264Profile");
}

#[test]
fn injected_parameters_are_left_out_and_unknown_types_name_the_command() {
    let declared = Declared {
        core: ["EventView"].map(String::from).into(),
        agenda: BTreeSet::new(),
    };
    let (uses, mut imports) = (BTreeMap::new(), BTreeMap::new());
    let mut m = Mapper {
        declared: &declared,
        uses: &uses,
        imports: &mut imports,
    };
    let f: syn::ItemFn = syn::parse_quote! {
        /// Says hello.
        #[tauri::command]
        pub async fn say_hello(
            app: AppHandle,
            state: State<'_, AppState>,
            event_id: String,
            cues_tag: Option<String>,
        ) -> CmdResult<EventView> {}
    };
    let snake = command_attr(&f.attrs).unwrap();
    let c = command("x.rs", &f, snake, &mut m).unwrap();
    assert_eq!(c.docs, ["Says hello."]);
    assert_eq!(
        c.params,
        [
            ("eventId".to_string(), "string".to_string()),
            ("cuesTag".to_string(), "string | null".to_string())
        ]
    );
    assert_eq!(c.ret, "EventView");

    let f: syn::ItemFn = syn::parse_quote! {
        #[tauri::command(rename_all = "snake_case")]
        pub fn odd(window: tauri::Window, stage_id: String, what: Mystery) {}
    };
    let snake = command_attr(&f.attrs).unwrap();
    let e = command("x.rs", &f, snake, &mut m).err().unwrap();
    assert!(
        e.starts_with("command `odd` (src/commands/x.rs): parameter `what`: `Mystery`"),
        "{e}"
    );
    let f: syn::ItemFn = syn::parse_quote! {
        #[tauri::command(rename_all = "snake_case")]
        pub fn odd(window: tauri::Window, stage_id: String) {}
    };
    let c = command("x.rs", &f, command_attr(&f.attrs).unwrap(), &mut m).unwrap();
    assert_eq!(c.params, [("stage_id".to_string(), "string".to_string())]);
    assert_eq!(c.ret, "null");
}
