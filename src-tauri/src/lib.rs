//! The desktop shell: window, state and thin commands over loandesk-core.
// Commands return the error payload straight to serde for the web view; its size on the
// stack for that one hop does not matter, and boxing would only add noise to every command.
#![allow(clippy::result_large_err)]
mod clipboard;
mod commands;
mod data_dir;
mod logging;
mod notify;
mod ocr;
mod platform;
mod state;

use tauri::{Emitter, Manager};

pub fn run() {
    platform::prepare_web_engine();
    let mut builder = tauri::Builder::default();
    // One instance per vault: a second launch on the officer's folder focuses the first window
    // (registered first, so it exits before any other setup). `LOANDESK_DATA_DIR` runs are
    // tests and support sessions, each on its own folder, which may run side by side.
    if std::env::var_os("LOANDESK_DATA_DIR").is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            platform::focus_main(app)
        }));
    }
    let result = builder
        // Used from Rust only (save dialog, open in viewer): no JS permission is granted.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        // Dropped files stay on the Rust side; the UI only hears how many and their names.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                let names: Vec<String> = paths
                    .iter()
                    .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .collect();
                if let Some(state) = window.try_state::<state::AppState>() {
                    state.set_dropped(paths.clone());
                }
                let _ = window.emit("files-dropped", names);
            }
        })
        .setup(|app| {
            let data_dir = data_dir::resolve();
            logging::init(&data_dir.path);
            data_dir.log();
            if let Err(why) = &data_dir.moved {
                platform::tell_move_failed(app.handle(), &data_dir.path, why);
            }
            if let Some(window) = app.get_webview_window("main") {
                platform::fit_to_screen(&window);
                platform::limit_web_caches(&window);
            }
            app.manage(state::AppState::new(data_dir.path));
            app.manage(ocr::OcrState::default());
            commands::backup::start_timer(app.handle().clone());
            app.manage(notify::Notified::default());
            notify::start_timer(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::vault::app_status,
            commands::vault::password_strength,
            commands::vault::vault_create,
            commands::vault::vault_open_demo,
            commands::vault::vault_unlock,
            commands::vault::vault_lock,
            commands::vault::vault_change_password,
            commands::vault::vault_verify,
            commands::vault::set_language,
            commands::vault::set_layout,
            commands::vault::set_amount_unit,
            commands::vault::amount_in_words,
            commands::vault::set_auto_lock_minutes,
            commands::backup::backup_status,
            commands::backup::backup_schedule_set,
            commands::backup::backup_folder_pick,
            commands::backup::backup_now,
            commands::backup::restore_pick,
            commands::backup::restore_run,
            commands::clipboard::copy_sensitive,
            commands::clients::clients_list,
            commands::clients::client_get,
            commands::clients::client_create,
            commands::clients::client_update,
            commands::clients::client_archive,
            commands::clients::touchpoint_add,
            commands::client_import::clients_import_pick,
            commands::client_import::clients_import_commit,
            commands::client_import::clients_import_template_save,
            commands::loans::schedule_preview,
            commands::loans::scenarios_list,
            commands::loans::scenario_save,
            commands::loans::scenario_delete,
            commands::pdf::export_pdf,
            commands::pdf::bank_profile,
            commands::pdf::set_bank_profile,
            commands::servicing::loans_of_client,
            commands::servicing::loan_get,
            commands::servicing::loan_book,
            commands::servicing::loan_default_disbursement,
            commands::servicing::loan_repay,
            commands::servicing::repayment_delete,
            commands::servicing::loan_classify,
            commands::servicing::today_reminders,
            commands::servicing::reminder_mark,
            commands::servicing::reminders_mark,
            commands::servicing::reminder_text_get,
            commands::servicing::reminder_text_save,
            commands::servicing::portfolio_get,
            commands::servicing::portfolio_export,
            commands::servicing::working_days_get,
            commands::servicing::working_days_set,
            commands::servicing::calendar_summary,
            commands::servicing::calendar_preview_import,
            commands::servicing::calendar_import,
            commands::penalty::penalty_owed,
            commands::penalty::penalty_terms_default,
            commands::penalty::penalty_terms_default_set,
            commands::penalty::penalty_waive,
            commands::penalty::technical_overdue_set,
            commands::reschedule::prepay_preview,
            commands::reschedule::loan_prepay,
            commands::reschedule::extend_preview,
            commands::reschedule::loan_extend,
            commands::reschedule::reprice_preview,
            commands::reschedule::loan_reprice,
            commands::reschedule::repricings_due,
            commands::reschedule::lpr_list,
            commands::reschedule::lpr_set,
            commands::reschedule::lpr_import,
            commands::pdf::export_loan_schedule,
            commands::security::facilities_list,
            commands::security::facility_add,
            commands::security::facility_use_add,
            commands::security::facility_use_close,
            commands::security::collateral_add,
            commands::security::collateral_revalue,
            commands::security::collateral_archive,
            commands::security::guarantor_add,
            commands::security::guarantor_archive,
            commands::security::security_settings_get,
            commands::security::security_settings_set,
            commands::documents::documents_list,
            commands::documents::documents_import_pick,
            commands::documents::documents_import_dropped,
            commands::documents::document_export_pick,
            commands::documents::document_archive,
            commands::documents::statement_import_pick,
            commands::documents::credit_analysis,
            commands::documents::wc_need_from_statements,
            commands::documents::wc_need_preview,
            commands::documents::wc_need_save,
            commands::documents::wc_need_saved,
            commands::documents::document_preview,
            commands::documents::document_set_kind,
            commands::documents::statement_template_save,
            commands::documents::credit_thresholds_get,
            commands::documents::credit_thresholds_set,
            commands::documents::financial_years,
            commands::documents::document_size_limit_get,
            commands::documents::document_size_limit_set,
            commands::ocr::ocr_licence_document,
            commands::ocr::ocr_licence_pick,
            commands::ocr::ocr_licence_keep,
            commands::ocr::licence_apply,
            commands::ocr::ocr_statement_document,
            commands::ocr::ocr_statement_pick,
            commands::ocr::statement_years_accept,
            commands::ocr::ocr_cancel,
            commands::ocr::ocr_page_image,
            commands::feedback::feedback_add,
            commands::feedback::touchpoint_add_with_feedback,
            commands::feedback::feedback_list,
            commands::feedback::problem_resolve,
            commands::feedback::feedback_settings_get,
            commands::feedback::feedback_settings_set,
            commands::feedback::lifecycle_suggestions,
            commands::feedback::lifecycle_apply,
            commands::feedback::lifecycle_settings_get,
            commands::feedback::lifecycle_settings_set,
            commands::feedback::client_profile,
            commands::feedback::referral_add,
            commands::feedback::referrals_list,
            commands::feedback::opportunity_start,
            commands::feedback::opportunities_list,
            commands::journey::journey_get,
            commands::journey::checklist_set_done,
            commands::journey::checklist_set_note,
            commands::journey::checklist_set_received,
            commands::journey::checklist_add_item,
            commands::journey::checklist_remove_item,
            commands::journey::journey_advance,
            commands::journey::journey_move_back,
            commands::journey::client_set_status,
            commands::journey::board_get,
            commands::journey::board_column,
            commands::journey::today_get,
            commands::journey::funnel_get,
            commands::journey::journey_map,
            commands::journey::journey_map_export,
            commands::journey::template_get,
            commands::journey::template_save,
            commands::journey::lost_reasons_get,
            commands::journey::lost_reasons_save,
            commands::journey::cadence_get,
            commands::journey::cadence_set,
            commands::journey::stuck_days_get,
            commands::journey::stuck_days_set,
            commands::project_model::project_model_preview,
            commands::project_model::project_model_get,
            commands::project_model::project_model_save,
            commands::project_model::project_model_delete,
            commands::project_model::project_model_import_pick,
            commands::project_model::project_model_template_save,
            commands::project_model::capital_table_get,
            commands::project_model::capital_table_set,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                platform::on_exit(app);
            }
        }),
        Err(e) => platform::startup_failed(&e.to_string()),
    }
}
