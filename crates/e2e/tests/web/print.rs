//! Printing, or saving as PDF: a director's Plekken and a teacher-facing page come out on A4
//! without the menu, the filters or buttons, and the table is not cut off on the right.

use crate::common::{Visit, shot, visit_as, wait_for};
use testkit::on_both_backends;

const DESKTOP: (u32, u32) = (1280, 900);

/// The width and height of every page of `pdf` in points, read from the page dictionaries'
/// `/MediaBox`.
fn page_sizes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox [")
        .filter_map(|(at, _)| {
            let rest = &text[at + "/MediaBox [".len()..];
            let numbers: Vec<f64> = rest
                .split(']')
                .next()?
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            match numbers[..] {
                [x0, y0, x1, y1] => Some((x1 - x0, y1 - y0)),
                _ => None,
            }
        })
        .collect()
}

on_both_backends! {
    async fn plekken_prints_on_a4_without_menu_filters_or_buttons(db) {
        let Visit { server: _server, browser, driver: _driver } =
            visit_as(&db, DESKTOP, "directeur@zeester.example", "Anouk Visser").await;
        browser.click(&browser.find("#menu-placements").await).await;
        wait_for(&browser, "table").await;

        browser.emulate_print().await;
        let hidden = browser
            .script(
                "const gone = sel => [...document.querySelectorAll(sel)].every(el => getComputedStyle(el).display === 'none');\
                 return gone('.site-header') && gone('.filters') && gone('main button');",
            )
            .await;
        assert_eq!(hidden, true, "menu, filters and buttons are hidden in print");
        let table_fits = browser
            .script("const t = document.querySelector('main table'); return t.getBoundingClientRect().right <= document.documentElement.clientWidth + 1;")
            .await;
        assert_eq!(table_fits, true, "the table is not cut off on the right");

        let pdf = browser.print_pdf(&shot(&db, "plekken-afdruk").with_extension("pdf")).await;
        assert!(pdf.starts_with(b"%PDF-"));
        let sizes = page_sizes(&pdf);
        assert!(!sizes.is_empty(), "no pages in the PDF");
        for (width, height) in sizes {
            // A4 is 595 × 842 points.
            assert!((width - 595.3).abs() < 2.0 && (height - 841.9).abs() < 2.0, "{width} × {height} is not A4");
        }
        browser.close().await;
    }
}
