//! The TypeScript types of everything that crosses IPC are generated from the Rust types and
//! committed as `ui/src/bindings.ts`. This test fails when that file is stale; run it with
//! `UPDATE_BINDINGS=1` to rewrite it.

use showcall_core::cues::{Actual, Cue, CueKind, CueState, Delay};
use showcall_core::edit::{
    CustomCueFields, DestinationFields, Edit, EventFields, PersonFields, SegmentFields,
    SessionFields,
};
use showcall_core::error::ErrorPayload;
use showcall_core::i18n::Lang;
use showcall_core::live::{
    LiveSegment, LiveSession, LiveSnapshot, LiveStage, SpeakerTimer, SupportClock,
};
use showcall_core::model::*;
use showcall_core::report::{Report, ReportRow};
use showcall_core::rtmp::{ConnectionTest, Preset, TestStage};
use showcall_core::rules::{CustomerHint, Finding, Severity, Subject};
use showcall_core::schedule::{Schedule, SegmentTimes, SessionTimes, SupportWindow};
use showcall_core::view::{AppInfo, EventView, TestedView};
use showcall_core::view_changes::{EditResult, ViewChanges};
use ts_rs::TS;

fn generate() -> String {
    let cfg = ts_rs::Config::new();
    let decls = [
        Lang::decl(&cfg),
        Event::decl(&cfg),
        Stage::decl(&cfg),
        Session::decl(&cfg),
        SegmentKind::decl(&cfg),
        Segment::decl(&cfg),
        Role::decl(&cfg),
        Person::decl(&cfg),
        Owner::decl(&cfg),
        TaskKind::decl(&cfg),
        TaskStatus::decl(&cfg),
        Task::decl(&cfg),
        CueAnchor::decl(&cfg),
        CustomCue::decl(&cfg),
        CueSetting::decl(&cfg),
        DestinationStatus::decl(&cfg),
        DestinationTest::decl(&cfg),
        Destination::decl(&cfg),
        EventData::decl(&cfg),
        EventSummary::decl(&cfg),
        SupportWindow::decl(&cfg),
        SegmentTimes::decl(&cfg),
        SessionTimes::decl(&cfg),
        Schedule::decl(&cfg),
        Severity::decl(&cfg),
        Subject::decl(&cfg),
        Finding::decl(&cfg),
        CustomerHint::decl(&cfg),
        EventView::decl(&cfg),
        showcall_core::view::BrandView::decl(&cfg),
        showcall_core::model::ItemActions::decl(&cfg),
        showcall_core::model::PaletteContrast::decl(&cfg),
        showcall_core::model::Permissions::decl(&cfg),
        EditResult::decl(&cfg),
        showcall_core::job::Progress::decl(&cfg),
        showcall_core::job::Unit::decl(&cfg),
        ViewChanges::decl(&cfg),
        showcall_core::view_changes::Splice::<()>::decl(&cfg),
        TestedView::decl(&cfg),
        AppInfo::decl(&cfg),
        showcall_core::view::Component::decl(&cfg),
        showcall_core::view::ComponentKind::decl(&cfg),
        EventFields::decl(&cfg),
        SessionFields::decl(&cfg),
        SegmentFields::decl(&cfg),
        PersonFields::decl(&cfg),
        CustomCueFields::decl(&cfg),
        DestinationFields::decl(&cfg),
        Preset::decl(&cfg),
        ConnectionTest::decl(&cfg),
        TestStage::decl(&cfg),
        Edit::decl(&cfg),
        showcall_core::edit::BrandItemFields::decl(&cfg),
        showcall_core::asset_check::Spec::decl(&cfg),
        showcall_core::asset_check::Check::decl(&cfg),
        showcall_core::asset_check::Report::decl(&cfg),
        showcall_core::branding::AssetKind::decl(&cfg),
        showcall_core::branding::AssetStatus::decl(&cfg),
        showcall_core::branding::AssetFile::decl(&cfg),
        showcall_core::branding::StatusChange::decl(&cfg),
        showcall_core::branding::BrandItem::decl(&cfg),
        showcall_core::branding::Palette::decl(&cfg),
        showcall_core::branding::ChatAudience::decl(&cfg),
        showcall_core::branding::ChatRequirements::decl(&cfg),
        showcall_core::branding::Branding::decl(&cfg),
        showcall_core::branding::PresetItem::decl(&cfg),
        showcall_core::branding::BrandPreset::decl(&cfg),
        showcall_core::branding::Readiness::decl(&cfg),
        ErrorPayload::decl(&cfg),
        showcall_core::merge::Pick::decl(&cfg),
        showcall_core::merge::Change::decl(&cfg),
        showcall_core::merge::FieldDiff::decl(&cfg),
        showcall_core::merge::MergeItem::decl(&cfg),
        showcall_core::merge::MergePreview::decl(&cfg),
        showcall_core::merge::Resolution::decl(&cfg),
        showcall_core::handoff::MadeBy::decl(&cfg),
        showcall_core::handoff::ImportPlan::decl(&cfg),
        showcall_core::handoff::ImportAction::decl(&cfg),
        showcall_core::handoff::Imported::decl(&cfg),
        showcall_core::handoff::Exported::decl(&cfg),
        CueKind::decl(&cfg),
        CueState::decl(&cfg),
        Cue::decl(&cfg),
        Delay::decl(&cfg),
        Actual::decl(&cfg),
        LiveSegment::decl(&cfg),
        LiveSession::decl(&cfg),
        LiveStage::decl(&cfg),
        SupportClock::decl(&cfg),
        LiveSnapshot::decl(&cfg),
        SpeakerTimer::decl(&cfg),
        ShareView::decl(&cfg),
        ShareLink::decl(&cfg),
        Feedback::decl(&cfg),
        ShareSettings::decl(&cfg),
        ShareStatus::decl(&cfg),
        SharedLink::decl(&cfg),
        ReportRow::decl(&cfg),
        Report::decl(&cfg),
        showcall_core::store::backups::BackupKind::decl(&cfg),
        showcall_core::store::backups::Backup::decl(&cfg),
        showcall_core::store::backups::Restored::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/core by `UPDATE_BINDINGS=1 cargo test -p showcall-core --test bindings`.\n// Do not edit by hand.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.trim_end().to_string() + "\n"
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings.ts");
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p showcall-core --test bindings`"
    );
}
