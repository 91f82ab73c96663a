//! OCR of a business licence or a scanned statement page (issue 18): from a document already in
//! the vault, or from a file the officer picks (Rust shows the dialog and reads the file, which
//! is imported into the client's documents first). Progress arrives as `ocr-progress` events;
//! `ocr_cancel` stops a reading. Nothing read is written to the client until the officer
//! accepts it: the licence through `licence_apply` and the ordinary client save, the statement
//! through `statement_years_accept`.
use std::path::Path;

use loandesk_core::clients::ClientInput;
use loandesk_core::documents::{DocumentKind, DocumentSummary, FinancialYear, StatementYearInput};
use loandesk_core::ocr::review::{
    apply_licence, read_statement_pages, review_licence, AcceptedField, LicenceReview,
};
use loandesk_core::ocr::{read_licence, StatementRead};
use loandesk_core::rule::Rule;
use loandesk_core::Error;
use serde::Serialize;
use tauri::{AppHandle, State};

use super::dialogs;
use super::{payload, CmdResult};
use crate::ocr::{read_file, OcrState, Pages};
use crate::state::AppState;

/// A licence read, and the document it was read from (None: a photo for a client not yet
/// saved, imported when the client is).
#[derive(Serialize)]
pub struct LicenceScan {
    pub document: Option<DocumentSummary>,
    pub review: LicenceReview,
}

#[derive(Serialize)]
pub struct StatementScan {
    pub document: Option<DocumentSummary>,
    pub read: StatementRead,
}

fn licence_review(pages: &Pages, current: &ClientInput) -> LicenceReview {
    // A licence is one page: the first with text.
    let boxes = pages.boxes.first().map(Vec::as_slice).unwrap_or_default();
    review_licence(&read_licence(boxes), current, pages.width, pages.height)
}

/// Imports `path` into the client's documents as `kind`; the same file already there is reused.
fn import(
    state: &AppState,
    client_id: i64,
    path: &Path,
    kind: DocumentKind,
) -> Result<DocumentSummary, Error> {
    state.with_vault(
        |v| match v.import_document_file(client_id, path, Some(kind)) {
            Err(Error::Validation {
                rule: Rule::DuplicateDocument(id),
                ..
            }) => v.document(id),
            other => other,
        },
    )
}

fn document_bytes(state: &AppState, id: i64) -> Result<Vec<u8>, Error> {
    state.with_vault(|v| v.document_bytes(id))
}

/// Reads the licence of a document already in the vault (an image or a scanned PDF).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn ocr_licence_document(
    app: AppHandle,
    state: State<'_, AppState>,
    ocr: State<'_, OcrState>,
    document_id: i64,
    current: ClientInput,
) -> CmdResult<LicenceScan> {
    let document = state
        .with_vault(|v| v.document(document_id))
        .map_err(payload)?;
    // The vault is not held while the engine works: a lock meanwhile is not kept waiting.
    let bytes = document_bytes(&state, document_id).map_err(payload)?;
    let pages = ocr.read(&app, bytes).map_err(payload)?;
    Ok(LicenceScan {
        document: Some(document),
        review: licence_review(&pages, &current),
    })
}

/// Picks a licence photo or scan and reads it. With a client, the file is first imported as
/// the client's business-licence document; without (the new-client form), it is held until
/// `ocr_licence_keep` imports it into the client just saved. Ok(None) when cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn ocr_licence_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    ocr: State<'_, OcrState>,
    client_id: Option<i64>,
    current: ClientInput,
) -> CmdResult<Option<LicenceScan>> {
    let Some(path) = dialogs::pick_scan(&app) else {
        return Ok(None);
    };
    let document = match client_id {
        Some(id) => {
            Some(import(&state, id, &path, DocumentKind::BusinessLicence).map_err(payload)?)
        }
        None => {
            if !state.is_unlocked() {
                return Err(payload(Error::Locked));
            }
            None
        }
    };
    let bytes = read_file(&path).map_err(payload)?;
    let pages = ocr.read(&app, bytes).map_err(payload)?;
    if client_id.is_none() {
        if let Ok(mut p) = ocr.pending_licence.lock() {
            *p = Some(path);
        }
    }
    Ok(Some(LicenceScan {
        document,
        review: licence_review(&pages, &current),
    }))
}

/// After the new-client form was saved: the licence photo it was filled from becomes the
/// client's business-licence document. None when there was none.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn ocr_licence_keep(
    state: State<'_, AppState>,
    ocr: State<'_, OcrState>,
    client_id: i64,
) -> CmdResult<Option<DocumentSummary>> {
    let path = ocr.pending_licence.lock().ok().and_then(|mut p| p.take());
    match path {
        Some(path) => import(&state, client_id, &path, DocumentKind::BusinessLicence)
            .map(Some)
            .map_err(payload),
        None => Ok(None),
    }
}

/// The client with the accepted licence values written in (nothing is stored: the caller saves
/// it through the client update, or puts it in the new-client form).
#[tauri::command]
pub fn licence_apply(client: ClientInput, accepted: Vec<AcceptedField>) -> ClientInput {
    apply_licence(client, &accepted)
}

/// Reads a scanned statement already in the vault into a preview.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn ocr_statement_document(
    app: AppHandle,
    state: State<'_, AppState>,
    ocr: State<'_, OcrState>,
    document_id: i64,
) -> CmdResult<StatementScan> {
    let document = state
        .with_vault(|v| v.document(document_id))
        .map_err(payload)?;
    let bytes = document_bytes(&state, document_id).map_err(payload)?;
    let pages = ocr.read(&app, bytes).map_err(payload)?;
    let read = read_statement_pages(&pages.boxes).map_err(payload)?;
    Ok(StatementScan {
        document: Some(document),
        read,
    })
}

/// Picks a scanned statement page, imports it as the client's financial-statements document and
/// reads it into a preview. Ok(None) when cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn ocr_statement_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    ocr: State<'_, OcrState>,
    client_id: i64,
) -> CmdResult<Option<StatementScan>> {
    let Some(path) = dialogs::pick_scan(&app) else {
        return Ok(None);
    };
    let document =
        import(&state, client_id, &path, DocumentKind::FinancialStatements).map_err(payload)?;
    let bytes = read_file(&path).map_err(payload)?;
    let pages = ocr.read(&app, bytes).map_err(payload)?;
    let read = read_statement_pages(&pages.boxes).map_err(payload)?;
    Ok(Some(StatementScan {
        document: Some(document),
        read,
    }))
}

/// Stores the figures the officer accepted in the statement preview.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn statement_years_accept(
    state: State<'_, AppState>,
    client_id: i64,
    document_id: Option<i64>,
    years: Vec<StatementYearInput>,
) -> CmdResult<Vec<FinancialYear>> {
    state
        .with_vault(|v| v.store_statement_years(client_id, document_id, &years))
        .map_err(payload)
}

/// Stops the reading under way (it ends with the `cancelled` error).
#[tauri::command]
pub fn ocr_cancel(ocr: State<'_, OcrState>) {
    ocr.cancel();
}

/// The page last read, as a JPEG, for the review dialog (raw bytes, shown as a blob URL).
#[tauri::command(async)]
pub fn ocr_page_image(ocr: State<'_, OcrState>) -> CmdResult<tauri::ipc::Response> {
    match ocr.page_image() {
        Some(bytes) => Ok(tauri::ipc::Response::new(bytes)),
        None => Err(payload(Error::NotFound("page image".into()))),
    }
}
