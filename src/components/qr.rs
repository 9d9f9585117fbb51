//! A QR code drawn as SVG in the app (no image, no inline style: the CSP
//! allows neither), from the `qrcode` crate's module matrix.

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

/// The dark modules as one SVG path, with a 4-module quiet zone.
fn path_of(code: &QrCode) -> (usize, String) {
    const QUIET: usize = 4;
    let width = code.width();
    let mut d = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    (width + 2 * QUIET, d)
}

#[component]
pub fn QrSvg(text: String, #[prop(into)] label: String) -> impl IntoView {
    match QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) {
        Ok(code) => {
            let (size, d) = path_of(&code);
            view! {
                <svg class="qr" viewBox=format!("0 0 {size} {size}") role="img" aria-label=label shape-rendering="crispEdges">
                    <rect width=size.to_string() height=size.to_string() fill="#ffffff"/>
                    <path d=d fill="#000000"/>
                </svg>
            }
            .into_any()
        }
        Err(_) => view! { <p>"Lenken er for lang for en QR-kode."</p> }.into_any(),
    }
}
