//! Telling a spreadsheet's format by its content, never by its name: a zip archive is an XLSX
//! workbook when it holds `xl/workbook.xml` (or declares SpreadsheetML content), an OpenDocument
//! spreadsheet when its `mimetype` entry says so, and else no spreadsheet at all; an OLE
//! compound file is an XLS workbook, or an XLSX encrypted with a password (Office stores those
//! as an `EncryptedPackage` inside a compound file); anything else is read as CSV.

use super::FileFormat;
use crate::error::ReadError;
use std::io::{Cursor, Read};

/// The first bytes of a zip archive's local file header.
const ZIP: &[u8] = b"PK\x03\x04";
/// The first bytes of an OLE compound file (the container of XLS workbooks).
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// What an OpenDocument spreadsheet's `mimetype` entry holds.
pub(super) const ODS_MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";
/// The most bytes of a small entry (`mimetype`, `[Content_Types].xml`) looked at.
const SMALL_ENTRY: u64 = 1 << 20;

/// The format `bytes` hold, or the refusal of an archive that holds no spreadsheet.
pub(super) fn sniff(bytes: &[u8]) -> Result<FileFormat, ReadError> {
    if bytes.starts_with(ZIP) {
        return zip_format(bytes);
    }
    if bytes.starts_with(OLE) {
        return ole_format(bytes);
    }
    Ok(FileFormat::Csv)
}

fn zip_format(bytes: &[u8]) -> Result<FileFormat, ReadError> {
    let mut zip = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(zip) => zip,
        // No readable directory: the first entry's name (right after the 30-byte local
        // header) still says what the archive was meant to be.
        Err(e) => {
            let first = bytes.get(30..38);
            let format = if first == Some(b"mimetype".as_slice()) {
                FileFormat::Ods
            } else {
                FileFormat::Xlsx
            };
            return Err(ReadError::Damaged {
                format,
                detail: e.to_string(),
            });
        }
    };
    if let Some(mimetype) = small_entry(&mut zip, "mimetype") {
        let mimetype = mimetype.trim();
        if mimetype == ODS_MIMETYPE {
            return Ok(FileFormat::Ods);
        }
        if zip.index_for_name("xl/workbook.xml").is_none() {
            let shown: String = mimetype.chars().take(100).collect();
            return Err(ReadError::ZipNotSpreadsheet {
                mimetype: (!shown.is_empty()).then_some(shown),
            });
        }
    }
    if zip.index_for_name("xl/workbook.xml").is_some()
        || small_entry(&mut zip, "[Content_Types].xml").is_some_and(|t| t.contains("spreadsheetml"))
    {
        return Ok(FileFormat::Xlsx);
    }
    Err(ReadError::ZipNotSpreadsheet { mimetype: None })
}

/// The text of a small entry of the archive, `None` when it is missing or unreadable.
fn small_entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let entry = zip.by_name(name).ok()?;
    let mut text = Vec::new();
    entry.take(SMALL_ENTRY).read_to_end(&mut text).ok()?;
    Some(String::from_utf8_lossy(&text).into_owned())
}

fn ole_format(bytes: &[u8]) -> Result<FileFormat, ReadError> {
    let file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| ReadError::Damaged {
        format: FileFormat::Xls,
        detail: e.to_string(),
    })?;
    if file.is_stream("EncryptedPackage") {
        return Err(ReadError::Encrypted {
            format: FileFormat::Xlsx,
        });
    }
    Ok(FileFormat::Xls)
}
