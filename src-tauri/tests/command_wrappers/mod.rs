//! The generator behind `tests/commands.rs`: reads the commands with syn, maps their Rust
//! types to the generated TypeScript names, and writes the wrappers.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{FnArg, Item, Pat, ReturnType, Token, Type};

mod types;
pub use types::*;

pub const COMMANDS_TS: &str = "../ui/src/commands.ts";
pub const CORE_TS: &str = "../ui/src/bindings.ts";
pub const AGENDA_TS: &str = "../ui/src/features/agenda/bindings.ts";

/// Parameters Tauri fills in itself: the window never sends them.
pub const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

pub fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `snake_case` → `camelCase`, as Tauri renames command arguments (and as the window calls them).
pub fn camel(snake: &str) -> String {
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

/// One `#[tauri::command]` as the window calls it.
pub struct Command {
    /// The file it is in, relative to `src/commands/`.
    pub file: String,
    pub name: String,
    pub docs: Vec<String>,
    /// `(camelCase name, TypeScript type)` of the arguments the window sends.
    pub params: Vec<(String, String)>,
    pub ret: String,
}

/// `Some(keep_snake_case)` for a `#[tauri::command]` (or `#[command]`) attribute.
pub fn command_attr(attrs: &[syn::Attribute]) -> Option<bool> {
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

pub fn docs_of(attrs: &[syn::Attribute]) -> Vec<String> {
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

pub fn command(
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

/// Every `.rs` file under `dir`, in path order.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
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
pub fn collect(
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
pub const RESERVED: &[&str] = &[
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

pub fn jsdoc(docs: &[String], out: &mut String) {
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

pub fn trim_blank(lines: &[String]) -> &[String] {
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
pub fn generate() -> (Vec<Command>, String) {
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
pub fn registered() -> BTreeSet<String> {
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
