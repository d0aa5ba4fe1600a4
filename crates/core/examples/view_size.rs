//! Prints the size of the opened event's JSON (what `load_event` sends the window) per part,
//! for the 2,000-session conference: `cargo run --release -p showcall-core --example view_size`.

fn main() {
    let mut d = showcall_core::testing::conference(40, 50);
    showcall_core::tasks::sync(&mut d);
    let v = showcall_core::view::build(
        d,
        showcall_core::i18n::Lang::En,
        showcall_core::Actor::Analyst,
        showcall_core::view::Steps::default(),
        chrono::Utc::now(),
    );
    // What keeping a copy of the view costs (the app remembers the view each window shows).
    let mut times: Vec<f64> = (0..20)
        .map(|_| {
            let t = std::time::Instant::now();
            let copy = v.clone();
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            drop(copy);
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("view clone p50: {:.2} ms", times[times.len() / 2]);
    let all = serde_json::to_value(&v).expect("json");
    let total = serde_json::to_string(&all).expect("json").len();
    println!("view JSON: {total} bytes");
    let mut parts: Vec<(String, usize)> = Vec::new();
    for (k, val) in all.as_object().expect("object") {
        if let Some(o) = val.as_object() {
            for (k2, v2) in o {
                parts.push((
                    format!("{k}.{k2}"),
                    serde_json::to_string(v2).unwrap().len(),
                ));
            }
        } else {
            parts.push((k.clone(), serde_json::to_string(val).unwrap().len()));
        }
    }
    for key in ["tasks", "sessions", "people", "segments"] {
        if let Some(x) = all["data"][key].get(0) {
            println!("a {key}: {x}");
        }
    }
    println!("a finding: {}", all["findings"][1]);
    println!("a scheduled session: {}", all["schedule"]["sessions"][0]);
    parts.sort_by_key(|p| std::cmp::Reverse(p.1));
    for (k, n) in parts.iter().take(15) {
        println!("  {k}: {n} bytes");
    }
}
