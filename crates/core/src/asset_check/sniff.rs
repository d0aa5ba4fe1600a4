//! A file's type told by its content, not its name: the signatures of PNG, JPEG, GIF, WebP,
//! MP4/MOV, SVG and PDF in its first bytes.

/// The type by the file's first bytes.
pub fn sniff(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("png");
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("jpeg");
    }
    if head.starts_with(b"GIF8") {
        return Some("gif");
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some("webp");
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some(if &head[8..10] == b"qt" { "mov" } else { "mp4" });
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(512)]).to_lowercase();
    if text.contains("<svg") {
        return Some("svg");
    }
    if head.starts_with(b"%PDF") {
        return Some("pdf");
    }
    None
}
