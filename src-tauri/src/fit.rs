//! The main window fits the screen it opens on: its configured size (1440×900) is for a
//! desktop monitor; on a 1280×720 or 1366×768 display (a projector, a small laptop) it is made
//! to fit the monitor's work area (the screen less panels and docks) and centred, so its right
//! edge — the "Add destination" button, the support clock, the live view's Done key — is never
//! off screen.

use tauri::{LogicalSize, Manager, Runtime};

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

/// Shrinks the main window to its monitor's work area when its configured size does not fit
/// there, and centres it. (At start-up the window is not shown yet: its own size reads 0×0, so
/// the size configured in tauri.conf.json is the one compared.)
pub fn main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
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
    let area = monitor
        .work_area()
        .size
        .to_logical::<f64>(monitor.scale_factor());
    let least = (
        conf.min_width.unwrap_or(0.0),
        conf.min_height.unwrap_or(0.0),
    );
    if let Some((w, h)) = fitted((conf.width, conf.height), (area.width, area.height), least) {
        let _ = window.set_size(LogicalSize::new(w, h));
        let _ = window.center();
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
