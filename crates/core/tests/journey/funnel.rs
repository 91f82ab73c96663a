//! Funnel arithmetic on a small data set worked out by hand.
use super::*;
use loandesk_core::journey::{Funnel, StatusInput};

fn lost(v: &mut Vault, id: i64, reason: &str, on: &str) {
    let input = StatusInput {
        status: LifecycleStatus::Lost,
        lost_reason: Some(reason.into()),
        note: String::new(),
    };
    v.set_status(id, &input, day(on)).unwrap();
}

fn go(v: &mut Vault, id: i64, on: &str) {
    v.advance(id, day(on), Some("测试数据")).unwrap();
}

/// Period 2026-01-01..=2026-03-31.
/// c1: 1 on 01-05, 2 on 01-15, 3 on 02-04.
/// c2: 1 on 01-10, 2 on 01-30, lost in 2 on 02-10 (pricing).
/// c3: 1 on 02-01, lost in 1 on 03-01 (no-response).
/// c4: 1 on 2025-12-20 (before the period), 2 on 01-05.
/// c5: 1 on 03-20, 2 on 04-02 (after the period).
/// c6: created in 2 on 01-20, 3 on 01-25, back to 2 on 02-01, 3 again on 02-11.
fn data_set() -> (tempfile::TempDir, Vault) {
    let (d, mut v) = vault();
    let c1 = new_client(&mut v, "c1", 1, None, Tier::A, "2026-01-05");
    go(&mut v, c1, "2026-01-15");
    go(&mut v, c1, "2026-02-04");
    let c2 = new_client(&mut v, "c2", 1, None, Tier::B, "2026-01-10");
    go(&mut v, c2, "2026-01-30");
    lost(&mut v, c2, "pricing", "2026-02-10");
    let c3 = new_client(&mut v, "c3", 1, None, Tier::C, "2026-02-01");
    lost(&mut v, c3, "no-response", "2026-03-01");
    let c4 = new_client(&mut v, "c4", 1, None, Tier::C, "2025-12-20");
    go(&mut v, c4, "2026-01-05");
    let c5 = new_client(&mut v, "c5", 1, None, Tier::C, "2026-03-20");
    go(&mut v, c5, "2026-04-02");
    let c6 = new_client(&mut v, "c6", 2, None, Tier::B, "2026-01-20");
    go(&mut v, c6, "2026-01-25");
    v.move_back(c6, 2, day("2026-02-01"), None).unwrap();
    go(&mut v, c6, "2026-02-11");
    (d, v)
}

type Row = (u32, u32, Option<f64>, Option<f64>, u32);

fn rows(f: &Funnel) -> Vec<Row> {
    f.stages
        .iter()
        .map(|s| (s.entered, s.advanced, s.conversion, s.median_days, s.lost))
        .collect()
}

#[test]
fn funnel_counts_entries_conversion_median_days_and_lost_reasons() {
    let (_d, mut v) = data_set();
    let f = v.funnel(day("2026-01-01"), day("2026-03-31")).unwrap();
    assert_eq!(
        rows(&f),
        [
            // c1 c2 c3 c5 entered; c1 c2 advanced; stays ended: c1 10, c4 16, c2 20.
            (4, 2, Some(0.5), Some(16.0), 1),
            // c4 c1 c6 c2 entered (c6 coming back is no new entry); c6 c1 advanced;
            // stays ended: c6 5 and 10, c1 20.
            (4, 2, Some(0.5), Some(10.0), 1),
            // c6 c1 entered, nobody went on; c6's 7 days ended.
            (2, 0, Some(0.0), Some(7.0), 0),
            (0, 0, None, None, 0),
            (0, 0, None, None, 0),
        ]
    );
    let reasons: Vec<(u8, String, String, u32)> = f
        .stages
        .iter()
        .flat_map(|s| {
            s.lost_reasons
                .iter()
                .map(move |l| (s.stage, l.key.clone(), l.label_zh.clone(), l.count))
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (1, "no-response".into(), "客户失联或无回应".into(), 1),
            (2, "pricing".into(), "利率或费用缺乏竞争力".into(), 1),
        ]
    );

    // Both ends of the period are included.
    let one_day = v.funnel(day("2026-01-05"), day("2026-01-05")).unwrap();
    assert_eq!(one_day.stages[0].entered, 1, "c1");
    assert_eq!(one_day.stages[1].entered, 1, "c4");
    assert_eq!(
        one_day.stages[0].median_days,
        Some(16.0),
        "c4 left stage 1 that day"
    );
    // Conversion counts only advances up to the end of the period: c5 moved on 04-02.
    let april = v.funnel(day("2026-03-01"), day("2026-04-30")).unwrap();
    assert_eq!((april.stages[0].entered, april.stages[0].advanced), (1, 1));
    assert_eq!(
        april.stages[0].lost, 1,
        "c3 lost on 03-01, having entered in February"
    );

    // Renaming a reason relabels the funnel; retiring it keeps the label.
    let list: Vec<_> = v
        .lost_reasons(false)
        .unwrap()
        .into_iter()
        .filter(|r| r.key != "no-response")
        .map(|r| loandesk_core::journey::LostReasonInput {
            label_zh: if r.key == "pricing" {
                "价格因素".into()
            } else {
                r.label_zh
            },
            label_en: r.label_en,
            key: Some(r.key),
        })
        .collect();
    v.save_lost_reasons(&list).unwrap();
    let f = v.funnel(day("2026-01-01"), day("2026-03-31")).unwrap();
    assert_eq!(f.stages[1].lost_reasons[0].label_zh, "价格因素");
    assert_eq!(f.stages[0].lost_reasons[0].label_zh, "客户失联或无回应");

    let e = v.funnel(day("2026-03-31"), day("2026-01-01")).unwrap_err();
    assert_eq!(validation_field(e), "to");
}
