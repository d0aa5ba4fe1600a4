//! Spec checks on a branding asset file: its type by content (not by name), pixel size and
//! aspect from the file's header (no decoding), byte size, transparency for logos and overlays,
//! and whether the file is complete (PNG's IEND chunk, JPEG's end marker). Each failed check
//! says what was expected and what was found, in English or French. Video clips are probed with
//! `ffprobe` (Debian's ffmpeg) when it is installed; when it is not, the report says so plainly.
//! Specs come from `assets/branding-specs.json`.
//!
//! Submodules: `sniff` (a file's type by its first bytes), `report` (running a spec's checks on a
//! file: readable, type, byte size, then images or video), `image` (PNG/JPEG completeness,
//! transparency, pixel size from the header), `video` (what `ffprobe` reads of a clip), `checks`
//! (one check's row and wording, and the pixel size checks images and clips share), `tool`
//! (running ffprobe or ffmpeg on a `file:` URL with a time limit).

mod checks;
mod image;
mod report;
mod sniff;
mod tool;
mod video;

pub use crate::model::{
    check_label, AssetCheck as Check, AssetReport as Report, AssetSpec as Spec,
};
pub use report::{check_file, check_head};
pub use sniff::sniff;
pub(crate) use tool::{file_url, run as run_tool, time_limit};
pub use video::{ffprobe, PROBE_TIMEOUT_SECS};

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Presets {
    kinds: BTreeMap<String, Spec>,
}

/// The default spec of each kind (`logo`, `banner`, `background`, `overlay`, `video`).
pub fn presets() -> BTreeMap<String, Spec> {
    let p: Presets = serde_json::from_str(include_str!("../../../../assets/branding-specs.json"))
        .expect("assets/branding-specs.json is valid");
    p.kinds
}
