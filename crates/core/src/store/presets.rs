//! Branding checklist presets the analyst saved, kept as one JSON setting; the built-in preset
//! comes first and cannot be replaced or deleted.

use super::Store;
use crate::branding::{default_preset, say};
use crate::error::{Error, Invalid, Result};
use crate::i18n::Lang;
use crate::model::{BrandPreset, EventData, PresetItem};

/// The setting holding the presets the analyst saved (JSON).
const PRESETS_SETTING: &str = "brand_presets";

/// The saved presets; a setting that does not read is an error (never silently emptied, so
/// saving cannot wipe it).
fn saved_presets(conn: &rusqlite::Connection) -> Result<Vec<BrandPreset>> {
    match super::settings::get(conn, PRESETS_SETTING)? {
        None => Ok(Vec::new()),
        Some(v) => serde_json::from_str(&v).map_err(|e| {
            Error::invalid(
                "preset.name",
                say(
                    format!("the saved presets do not read ({e}); nothing was changed"),
                    format!("les modèles enregistrés sont illisibles ({e}) ; rien n’a changé"),
                ),
            )
        }),
    }
}

/// The built-in preset (titles in `lang`) then the saved ones, by name. Saved presets that do
/// not read are left out here (the built-in one still works); saving says why.
pub fn presets(store: &Store, lang: Lang) -> Vec<BrandPreset> {
    let mut v = vec![default_preset(lang)];
    v.extend(saved_presets(&store.conn).unwrap_or_default());
    v
}

/// Reads the saved presets, lets `change` edit the list, writes it back: in one write
/// transaction, so a preset another process saves meanwhile is not lost.
fn change_presets(
    store: &mut Store,
    change: impl FnOnce(&mut Vec<BrandPreset>) -> Result<()>,
) -> Result<()> {
    let tx = super::write_tx(&mut store.conn)?;
    let mut list = saved_presets(&tx)?;
    change(&mut list)?;
    list.sort_by_key(|p| p.name.to_lowercase());
    let json = serde_json::to_string(&list).expect("presets serialise");
    super::settings::set(&tx, PRESETS_SETTING, &json)?;
    tx.commit()?;
    Ok(())
}

/// Saves the checklist lines of `data` (kinds, titles, owners, specs) as a preset named `name`,
/// replacing a saved one of that name.
pub fn save_preset(
    store: &mut Store,
    name: &str,
    data: &EventData,
    lang: Lang,
) -> Result<Vec<BrandPreset>> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("preset.name", Invalid::Empty));
    }
    let built_in = default_preset(lang).name;
    if name.eq_ignore_ascii_case(&built_in) {
        return Err(Error::invalid(
            "preset.name",
            say(
                format!("“{name}” is the built-in preset: choose another name"),
                format!("« {name} » est le modèle intégré : choisissez un autre nom"),
            ),
        ));
    }
    let preset = BrandPreset {
        name: name.to_string(),
        built_in: false,
        items: data
            .brand_items
            .iter()
            .map(|i| PresetItem {
                kind: i.kind,
                title: i.title.clone(),
                owner: i.owner,
                required: i.required,
                spec: i.spec.clone(),
            })
            .collect(),
    };
    change_presets(store, |list| {
        list.retain(|p| p.name != name);
        list.push(preset);
        Ok(())
    })?;
    Ok(presets(store, lang))
}

/// Forgets a saved preset (the built-in one cannot be deleted).
pub fn delete_preset(store: &mut Store, name: &str, lang: Lang) -> Result<Vec<BrandPreset>> {
    change_presets(store, |list| {
        let before = list.len();
        list.retain(|p| p.name != name);
        if list.len() == before {
            return Err(Error::NotFound {
                kind: "preset",
                id: name.into(),
            });
        }
        Ok(())
    })?;
    Ok(presets(store, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AssetKind;

    #[test]
    fn presets_are_saved_replaced_and_deleted_by_name() {
        let mut store = Store::open_in_memory().unwrap();
        let mut d = crate::view::new_event("Gala", "UTC", "en");
        d.brand_items.retain(|i| i.kind != AssetKind::Video);
        d.brand_items[0].title = "Sponsor logo".into();
        let list = save_preset(&mut store, " Gala kit ", &d, Lang::En).unwrap();
        assert_eq!(
            list.iter()
                .map(|p| (p.name.as_str(), p.built_in))
                .collect::<Vec<_>>(),
            [("Standard", true), ("Gala kit", false)]
        );
        assert_eq!(list[1].items.len(), 6);
        assert_eq!(list[1].items[0].title, "Sponsor logo");
        // Saving again under the same name replaces it.
        d.brand_items.truncate(2);
        let list = save_preset(&mut store, "Gala kit", &d, Lang::En).unwrap();
        assert_eq!((list.len(), list[1].items.len()), (2, 2));
        let e = save_preset(&mut store, "standard", &d, Lang::FrCa).unwrap_err();
        assert!(
            e.message(Lang::FrCa).contains("modèle intégré"),
            "{}",
            e.message(Lang::FrCa)
        );
        assert_eq!(
            save_preset(&mut store, "  ", &d, Lang::En)
                .unwrap_err()
                .message(Lang::En),
            "Preset name: must not be empty"
        );
        assert_eq!(
            delete_preset(&mut store, "Gala kit", Lang::En)
                .unwrap()
                .len(),
            1
        );
        assert!(delete_preset(&mut store, "Gala kit", Lang::En).is_err());
    }
}
