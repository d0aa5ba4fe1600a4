//! Read + map + plan of a 5,000-row agenda, as CSV (French Excel: Windows-1252, `;`) and as
//! XLSX (date and time cells, written here with rust_xlsxwriter). Also prints one timed run of
//! a 100,000-row CSV to show the work stays linear.

use criterion::{criterion_group, criterion_main, Criterion};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use showcall_agenda::{prepare, ImportOptions};
use std::hint::black_box;
use std::time::Instant;

const STAGES: u32 = 20;

/// (title, day of April 2027, start minutes, stage, speakers) for row `i`.
fn row(i: u32) -> (String, u32, u32, u32, String) {
    let slot = i / STAGES;
    let day = 1 + (slot / 40) % 28;
    let minutes = 8 * 60 + (slot % 40) * 15;
    (
        format!("Séance {i}"),
        day,
        minutes,
        i % STAGES,
        format!("Conférencière {}; Invité {}", i % 300, i % 17),
    )
}

fn csv(rows: u32) -> Vec<u8> {
    let mut text = String::from("Titre;Date;Début;Fin;Salle;Conférenciers\r\n");
    for i in 0..rows {
        let (title, day, start, stage, speakers) = row(i);
        text.push_str(&format!(
            "{title};{day:02}/04/2027;{} h {:02};{} h {:02};Salle {stage};\"{speakers}\"\r\n",
            start / 60,
            start % 60,
            (start + 10) / 60,
            (start + 10) % 60
        ));
    }
    encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
}

fn xlsx(rows: u32) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let time = Format::new().set_num_format("hh:mm");
    for (c, h) in ["Titre", "Date", "Début", "Fin", "Salle", "Conférenciers"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let (title, day, start, stage, speakers) = row(i);
        let r = i + 1;
        let hm = |m: u32| ExcelDateTime::from_hms((m / 60) as u16, (m % 60) as u8, 0).unwrap();
        ws.write_string(r, 0, title).unwrap();
        ws.write_datetime_with_format(
            r,
            1,
            ExcelDateTime::from_ymd(2027, 4, day as u8).unwrap(),
            &date,
        )
        .unwrap();
        ws.write_datetime_with_format(r, 2, hm(start), &time)
            .unwrap();
        ws.write_datetime_with_format(r, 3, hm(start + 10), &time)
            .unwrap();
        ws.write_string(r, 4, format!("Salle {stage}")).unwrap();
        ws.write_string(r, 5, speakers).unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn bench(c: &mut Criterion) {
    let event = showcall_agenda::new_event("Bench", "America/Toronto", "fr-CA").unwrap();
    let opts = ImportOptions::default();
    let csv5 = csv(5_000);
    let xlsx5 = xlsx(5_000);
    let p = prepare(&csv5, &event, &opts).unwrap();
    assert_eq!(p.plan.counts.to_add, 5_000);
    assert_eq!(
        prepare(&xlsx5, &event, &opts).unwrap().plan.counts.to_add,
        5_000
    );
    println!(
        "5,000 rows: CSV {} KiB, XLSX {} KiB; {} stages and {} speakers to create",
        csv5.len() / 1024,
        xlsx5.len() / 1024,
        p.plan.stages_to_create.len(),
        p.plan.people_to_create.len()
    );

    let csv100 = csv(100_000);
    let t = Instant::now();
    let big = prepare(&csv100, &event, &opts).unwrap();
    println!(
        "100,000-row CSV ({} KiB): read + map + plan in {:.0} ms ({} sessions)",
        csv100.len() / 1024,
        t.elapsed().as_secs_f64() * 1e3,
        big.plan.counts.to_add
    );

    c.bench_function("read_map_plan_csv_5000_rows", |b| {
        b.iter(|| prepare(black_box(&csv5), &event, &opts).unwrap())
    });
    c.bench_function("read_map_plan_xlsx_5000_rows", |b| {
        b.iter(|| prepare(black_box(&xlsx5), &event, &opts).unwrap())
    });
    c.bench_function("apply_5000_sessions", |b| {
        b.iter(|| showcall_agenda::apply(black_box(&event), &p.plan))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
