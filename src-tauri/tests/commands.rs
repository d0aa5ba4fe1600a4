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

mod command_wrappers;
use command_wrappers::*;
use std::collections::{BTreeMap, BTreeSet};

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
    assert_eq!(ts("CmdResult<Ascii<Vec<u32>>>").unwrap(), "number[]");
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
