//! The main window fits the screen it opens on: its configured size (1440×900) is for a
//! desktop monitor; on a 1280×720 or 1366×768 display (a projector, a small laptop) it is made
//! to fit the monitor's work area (the screen less panels and docks) and centred, so its right
//! edge — the "Add destination" button, the support clock, the live view's Done key — is never
//! off screen.

use tauri::{LogicalPosition, LogicalSize, Manager, Runtime};

/// Room left around a window that had to shrink (logical pixels), for the window manager's
/// frame and shadow.
const MARGIN: f64 = 16.0;

/// The size a window of `wanted` (logical pixels) should take in a work area of `area`, never
/// under `min`: `None` when it already fits.
pub fn fitted(wanted: (f64, f64), area: (f64, f64), min: (f64, f64)) -> Option<(f64, f64)> {
    if wanted.0 <= area.0 && wanted.1 <= area.1 {
        return None;
    }
    let fit = |want: f64, room: f64, least: f64| {
        if want <= room {
            want
        } else {
            (room - MARGIN).max(least).min(want)
        }
    };
    Some((fit(wanted.0, area.0, min.0), fit(wanted.1, area.1, min.1)))
}

/// Shrinks the main window to its monitor's work area when its size does not fit there, and
/// centres it in that area. The size compared is the one restored from the last run (`saved`,
/// in physical pixels, see [`crate::windows`]) or else the one configured in tauri.conf.json
/// (at start-up the window is not shown yet: its own size reads 0×0).
pub fn main_window<R: Runtime>(app: &tauri::AppHandle<R>, saved: Option<(u32, u32)>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let Some(conf) = app.config().app.windows.iter().find(|w| w.label == "main") else {
        return;
    };
    let monitor = window
        .current_monitor()
        .ok()
        .flatten()
        .or_else(|| window.primary_monitor().ok().flatten());
    let Some(monitor) = monitor else {
        return;
    };
    let scale = monitor.scale_factor();
    let work = monitor.work_area();
    let area = work.size.to_logical::<f64>(scale);
    let least = (
        conf.min_width.unwrap_or(0.0),
        conf.min_height.unwrap_or(0.0),
    );
    let wanted = saved
        .filter(|(w, h)| *w > 0 && *h > 0)
        .map(|(w, h)| (f64::from(w) / scale, f64::from(h) / scale))
        .unwrap_or((conf.width, conf.height));
    if let Some((w, h)) = fitted(wanted, (area.width, area.height), least) {
        let _ = window.set_size(LogicalSize::new(w, h));
        // Centred in the work area by hand: the window manager may not know the new size yet.
        let origin = work.position.to_logical::<f64>(scale);
        let _ = window.set_position(LogicalPosition::new(
            origin.x + ((area.width - w) / 2.0).max(0.0),
            origin.y + ((area.height - h) / 2.0).max(0.0),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::fitted;

    #[test]
    fn a_window_that_fits_is_left_as_it_is() {
        assert_eq!(
            fitted((1440.0, 900.0), (1920.0, 1050.0), (1024.0, 640.0)),
            None
        );
        assert_eq!(
            fitted((1440.0, 900.0), (1440.0, 900.0), (1024.0, 640.0)),
            None
        );
    }

    #[test]
    fn on_a_small_screen_the_window_takes_the_work_area_less_a_margin() {
        assert_eq!(
            fitted((1440.0, 900.0), (1280.0, 720.0), (1024.0, 640.0)),
            Some((1264.0, 704.0))
        );
        assert_eq!(
            fitted((1440.0, 900.0), (1366.0, 740.0), (1024.0, 640.0)),
            Some((1350.0, 724.0))
        );
        // Only the side that does not fit shrinks.
        assert_eq!(
            fitted((1440.0, 900.0), (1600.0, 768.0), (1024.0, 640.0)),
            Some((1440.0, 752.0))
        );
    }

    #[test]
    fn never_under_the_least_size() {
        assert_eq!(
            fitted((1440.0, 900.0), (800.0, 600.0), (1024.0, 640.0)),
            Some((1024.0, 640.0))
        );
    }
}
