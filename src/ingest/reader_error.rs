//! calamine's errors told without the cell contents some of them quote (an unrecognised
//! boolean, an unknown error value, XML around a cell), so a broken workbook's message names
//! the file and what is wrong, never what a cell holds.

use calamine::{OdsError, XlsbError, XlsxError};

/// A workbook reader error as Steward prints it.
pub fn describe(e: &calamine::Error) -> String {
    match e {
        calamine::Error::Xlsx(e) => xlsx(e),
        calamine::Error::Xlsb(e) => xlsb(e),
        calamine::Error::Ods(e) => ods(e),
        other => other.to_string(),
    }
}

/// An .xlsx/.xlsm reader error.
pub fn xlsx(e: &XlsxError) -> String {
    match e {
        XlsxError::Unrecognized { typ, .. } => format!("a cell holds an unrecognised {typ}"),
        XlsxError::CellError(_) => "a cell holds an unknown spreadsheet error value".into(),
        XlsxError::CellTAttribute(_) => "a cell has an unknown type attribute".into(),
        XlsxError::Xml(_) | XlsxError::XmlAttr(_) | XlsxError::Encoding(_) => {
            "the sheet's XML is malformed".into()
        }
        XlsxError::Parse(_) | XlsxError::ParseInt(_) | XlsxError::ParseFloat(_) => {
            "a cell's value does not read as its declared type".into()
        }
        other => other.to_string(),
    }
}

/// An .xlsb reader error.
pub fn xlsb(e: &XlsbError) -> String {
    match e {
        XlsbError::Unrecognized { typ, .. } => format!("a record holds an unrecognised {typ}"),
        XlsbError::Xml(_) | XlsbError::XmlAttr(_) => "the workbook's XML is malformed".into(),
        other => other.to_string(),
    }
}

/// An .ods reader error.
fn ods(e: &OdsError) -> String {
    match e {
        OdsError::Mismatch { expected, .. } => {
            format!("expected {expected} and found something else")
        }
        OdsError::Xml(_)
        | OdsError::XmlAttr(_)
        | OdsError::AttrError(_)
        | OdsError::EncodingError(_) => "the sheet's XML is malformed".into(),
        OdsError::Parse(_)
        | OdsError::ParseInt(_)
        | OdsError::ParseFloat(_)
        | OdsError::ParseBool(_) => "a cell's value does not read as its declared type".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_contents_in_reader_errors_are_not_repeated() {
        let bad_bool = XlsxError::Unrecognized {
            typ: "boolean cell value",
            val: "Olena Koval".into(),
        };
        let bad_error = XlsxError::CellError("olena@example.org".into());
        for (e, said) in [
            (xlsx(&bad_bool), "unrecognised boolean cell value"),
            (xlsx(&bad_error), "unknown spreadsheet error value"),
        ] {
            assert!(e.contains(said), "{e}");
            assert!(!e.contains("Olena") && !e.contains("olena@"), "{e}");
        }
    }
}
