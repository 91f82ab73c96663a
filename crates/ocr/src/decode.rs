//! Turning a file's bytes into page images, in memory only (the officer's pages never touch a
//! temporary file). Images: PNG, JPEG (with its EXIF orientation: phones store photos sideways),
//! TIFF (first page). PDF: a scanned page is an embedded image, so each page's largest image is
//! read out of the PDF (JPEG as is, Flate-compressed raw pixels decoded) instead of shipping a
//! PDF rasteriser; a PDF without one (a text PDF) has nothing to recognise.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};

use crate::OcrError;

/// Refused before decoding: an A4 page at 600 dpi is 35 million pixels.
pub const MAX_PIXELS: u64 = 60_000_000;
/// Pages read from one PDF.
pub const MAX_PAGES: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    Tiff,
    Pdf,
}

impl Kind {
    /// By the file's first bytes, never by its name.
    pub fn sniff(bytes: &[u8]) -> Option<Kind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Kind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Kind::Jpeg)
        } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
            Some(Kind::Tiff)
        } else if bytes.len() >= 5
            && bytes[..bytes.len().min(1024)]
                .windows(5)
                .any(|w| w == b"%PDF-")
        {
            // PDF readers accept the header anywhere in the first kilobyte.
            Some(Kind::Pdf)
        } else {
            None
        }
    }
}

/// The pages of an image (one) or of a scanned PDF (each page's largest image).
pub fn decode_document(bytes: &[u8]) -> Result<Vec<RgbImage>, OcrError> {
    match Kind::sniff(bytes) {
        None => Err(OcrError::NotAnImage),
        Some(Kind::Pdf) => guard(|| pdf_pages(bytes)),
        Some(kind) => Ok(vec![decode_image_as(bytes, kind)?]),
    }
}

/// One PNG, JPEG or TIFF image.
pub fn decode_image(bytes: &[u8]) -> Result<RgbImage, OcrError> {
    match Kind::sniff(bytes) {
        Some(Kind::Pdf) | None => Err(OcrError::NotAnImage),
        Some(kind) => decode_image_as(bytes, kind),
    }
}

fn decode_image_as(bytes: &[u8], kind: Kind) -> Result<RgbImage, OcrError> {
    let format = match kind {
        Kind::Png => image::ImageFormat::Png,
        Kind::Jpeg => image::ImageFormat::Jpeg,
        Kind::Tiff => image::ImageFormat::Tiff,
        Kind::Pdf => return Err(OcrError::NotAnImage),
    };
    guard(|| {
        let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(MAX_PIXELS * 4);
        reader.limits(limits);
        let mut decoder = reader.into_decoder().map_err(unreadable)?;
        let (w, h) = decoder.dimensions();
        if w as u64 * h as u64 > MAX_PIXELS {
            return Err(OcrError::TooLarge(w as u64 * h as u64));
        }
        // A photo's EXIF orientation; an image without one is as stored.
        let orientation = decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms);
        let mut img = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
        img.apply_orientation(orientation);
        Ok(img.into_rgb8())
    })
}

fn unreadable(e: image::ImageError) -> OcrError {
    match e {
        image::ImageError::Limits(_) => OcrError::TooLarge(MAX_PIXELS),
        other => OcrError::Unreadable(other.to_string()),
    }
}

fn pdf_pages(bytes: &[u8]) -> Result<Vec<RgbImage>, OcrError> {
    // Object and cross-reference streams are inflated while loading: bounded against bombs.
    let options = lopdf::LoadOptions::with_max_decompressed_size(64 << 20);
    let doc = lopdf::Document::load_mem_with_options(bytes, options)
        .map_err(|e| OcrError::Unreadable(format!("PDF: {e}")))?;
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages().into_iter().take(MAX_PAGES) {
        // A page whose resources do not parse has no image we can use; the others still count.
        let Ok(images) = doc.get_page_images(page_id) else {
            continue;
        };
        let Some(largest) = images
            .iter()
            .filter(|i| i.width > 0 && i.height > 0)
            .max_by_key(|i| i.width.saturating_mul(i.height))
        else {
            continue;
        };
        pages.push(pdf_image(&doc, largest)?);
    }
    if pages.is_empty() {
        return Err(OcrError::NoImage);
    }
    Ok(pages)
}

fn pdf_image(doc: &lopdf::Document, img: &lopdf::xobject::PdfImage) -> Result<RgbImage, OcrError> {
    let (w, h) = (img.width as u64, img.height as u64);
    if w * h > MAX_PIXELS {
        return Err(OcrError::TooLarge(w * h));
    }
    let filters = img.filters.clone().unwrap_or_default();
    let filters: Vec<&str> = filters.iter().map(String::as_str).collect();
    match filters.as_slice() {
        ["DCTDecode"] => decode_image_as(img.content, Kind::Jpeg),
        [] | ["FlateDecode"] => {
            let stream = doc
                .get_object(img.id)
                .and_then(|o| o.as_stream())
                .map_err(|e| OcrError::Unreadable(format!("PDF image: {e}")))?;
            let raw = if filters.is_empty() {
                stream.content.clone()
            } else {
                stream
                    .decompressed_content_with_limit((w * h * 4 + 4096) as usize)
                    .map_err(|e| OcrError::Unreadable(format!("PDF image: {e}")))?
            };
            raw_pixels(doc, &raw, w as u32, h as u32, img)
        }
        other => Err(OcrError::Unreadable(format!(
            "PDF image encoding {} is not supported",
            other.join("+")
        ))),
    }
}

/// Raw samples: 8-bit grey or RGB (also when declared through an ICC profile with 1 or 3
/// components), or 1-bit black and white (the usual output of a document scanner).
fn raw_pixels(
    doc: &lopdf::Document,
    raw: &[u8],
    w: u32,
    h: u32,
    img: &lopdf::xobject::PdfImage,
) -> Result<RgbImage, OcrError> {
    let bpc = img.bits_per_component.unwrap_or(8);
    let components = match img.color_space.as_deref() {
        Some("DeviceGray") | Some("CalGray") => 1,
        Some("DeviceRGB") | Some("CalRGB") => 3,
        Some("ICCBased") => {
            // [/ICCBased <stream with /N>]: the component count is in the profile's dictionary.
            img.origin_dict
                .get(b"ColorSpace")
                .ok()
                .and_then(|cs| cs.as_array().ok())
                .and_then(|a| a.get(1))
                .and_then(|r| r.as_reference().ok())
                .and_then(|id| doc.get_object(id).ok())
                .and_then(|o| o.as_stream().ok())
                .and_then(|s| s.dict.get(b"N").ok())
                .and_then(|n| n.as_i64().ok())
                .unwrap_or(3)
        }
        None if img.origin_dict.get(b"ImageMask").is_ok() => 1,
        _ => 0,
    };
    let bad = || OcrError::Unreadable("PDF image: unsupported pixel layout".into());
    match (components, bpc) {
        (1, 8) => {
            let need = (w * h) as usize;
            let grey = raw.get(..need).ok_or_else(bad)?;
            let g = image::GrayImage::from_raw(w, h, grey.to_vec()).ok_or_else(bad)?;
            Ok(DynamicImage::ImageLuma8(g).into_rgb8())
        }
        (3, 8) => {
            let need = (w * h * 3) as usize;
            let rgb = raw.get(..need).ok_or_else(bad)?;
            RgbImage::from_raw(w, h, rgb.to_vec()).ok_or_else(bad)
        }
        (1, 1) => {
            let row = w.div_ceil(8) as usize;
            if raw.len() < row * h as usize {
                return Err(bad());
            }
            // /Decode [1 0] or an image mask inverts; DeviceGray's default is 0 = black.
            let invert = img.origin_dict.get(b"ImageMask").is_ok();
            Ok(RgbImage::from_fn(w, h, |x, y| {
                let byte = raw[y as usize * row + (x / 8) as usize];
                let bit = (byte >> (7 - (x % 8))) & 1 == 1;
                let white = bit != invert;
                let v = if white { 255 } else { 0 };
                image::Rgb([v, v, v])
            }))
        }
        _ => Err(bad()),
    }
}

fn guard<T>(f: impl FnOnce() -> Result<T, OcrError>) -> Result<T, OcrError> {
    // lopdf, image and its decoders parse what the officer was handed: their panics are bugs we
    // cannot fix, and become "unreadable", never a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err(OcrError::Unreadable("decoder failed".into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(Kind::sniff(b"\x89PNG\r\n\x1a\n...."), Some(Kind::Png));
        assert_eq!(Kind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Kind::Jpeg));
        assert_eq!(Kind::sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
        assert_eq!(Kind::sniff(b"PK\x03\x04"), None);
        assert!(matches!(
            decode_document(b"hello"),
            Err(OcrError::NotAnImage)
        ));
    }

    #[test]
    fn a_damaged_png_is_unreadable_not_a_panic() {
        let r = decode_document(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xff");
        assert!(matches!(r, Err(OcrError::Unreadable(_))), "{r:?}");
    }
}
