// The one module that talks to the Rust side. Types come from bindings.ts (generated from Rust);
// each function is a thin typed wrapper over a #[tauri::command] in src-tauri/src/commands.
import { invoke } from "@tauri-apps/api/core";
import type {
  CollateralInput,
  Facility,
  FacilityInput,
  FacilityUseInput,
  GuarantorInput,
  Revaluation,
  SecuritySettings,
  CreditAnalysis,
  DocumentKind,
  DocumentSummary,
  FileType,
  FinancialYear,
  ImportReport,
  StatementImport,
  Thresholds,
  WcNeed,
  WcNeedAssumptions,
  WcNeedFromStatements,
  Board,
  BoardColumn,
  BoardQuery,
  Cadence,
  ChecklistItem,
  ChecklistTemplate,
  Funnel,
  JourneyMap,
  JourneyView,
  LostReason,
  LostReasonInput,
  OneOffItemInput,
  ProductType,
  StageMove,
  StatusInput,
  TemplateItemInput,
  Today,
  AppStatus,
  BackupStatus,
  SensitiveField,
  ClientDetail,
  ClientInput,
  ClientPage,
  ImportPreview,
  ImportResult,
  ClientQuery,
  ErrorPayload,
  ExportRequest,
  AmountScreen,
  AmountUnit,
  ExportResult,
  Language,
  Layout,
  LoanScenario,
  LoanTerms,
  ScenarioInput,
  Schedule,
  TouchpointInput,
  VaultChoice,
  VaultReport,
  BookingInput,
  DisbursementInput,
  Classification,
  LoanSummary,
  LoanView,
  PenaltyTerms,
  Portfolio,
  TodayReminders,
  ReminderMark,
  WorkingDays,
  LprRate,
  PrepaymentInput,
  RepricingDue,
  ScheduleChange,
} from "./bindings";
import type { CalendarDay, CalendarPreview, CalendarSummary } from "./bindings";
import type { BankProfile } from "./bindings";
import type {
  AcceptedField,
  LicenceReview,
  StatementRead,
  StatementYearInput,
} from "./bindings";
import type {
  CapitalMinimum,
  CapitalTable,
  ModelInput,
  ProjectModel,
} from "./bindings";
import type {
  ClientProfile,
  Feedback,
  FeedbackIds,
  FeedbackInput,
  FeedbackSettings,
  LifecycleSettings,
  LifecycleStatus,
  LifecycleSuggestion,
  Opportunity,
  OpportunitySource,
  Problem,
  Referral,
} from "./bindings";

/**
 * Every failed command rejects with this: `code` picks the message, `field` the form field;
 * for `validation`, `rule` + `params` say why, in words the UI translates.
 */
export class ApiError extends Error {
  constructor(
    public code: string,
    message: string,
    public field: string | null,
    public rule: string | null = null,
    public params: Record<string, string> = {},
    /** For `gate_refused`: keys of the required items still open. */
    public items: string[] = [],
  ) {
    super(message);
  }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const p = e as Partial<ErrorPayload>;
    if (p && typeof p === "object" && typeof p.code === "string") {
      throw new ApiError(p.code, p.message ?? p.code, p.field ?? null, p.rule ?? null, p.params ?? {}, p.items ?? []);
    }
    throw new ApiError("unexpected", String(e), null);
  }
}

export const api = {
  appStatus: () => call<AppStatus>("app_status"),
  passwordStrength: (password: string) => call<number>("password_strength", { password }),
  vaultCreate: (password: string) => call<void>("vault_create", { password }),
  vaultOpenDemo: () => call<void>("vault_open_demo"),
  vaultUnlock: (which: VaultChoice, password: string) => call<void>("vault_unlock", { which, password }),
  vaultLock: () => call<void>("vault_lock"),
  vaultChangePassword: (oldPassword: string, newPassword: string) =>
    call<void>("vault_change_password", { oldPassword, newPassword }),
  vaultVerify: () => call<VaultReport>("vault_verify"),
  setLanguage: (language: Language) => call<void>("set_language", { language }),
  setAmountUnit: (screen: AmountScreen, unit: AmountUnit) => call<void>("set_amount_unit", { screen, unit }),
  amountInWords: (amount: string) => call<string>("amount_in_words", { amount }),
  setAutoLockMinutes: (minutes: number) => call<void>("set_auto_lock_minutes", { minutes }),
  /** The sidebar's fold and Today's opened sections, kept in the prefs beside the vault. */
  setLayout: (layout: Layout) => call<void>("set_layout", { layout }),
  backupStatus: () => call<BackupStatus>("backup_status"),
  backupScheduleSet: (enabled: boolean, intervalDays: number, keep: number) =>
    call<BackupStatus>("backup_schedule_set", { enabled, intervalDays, keep }),
  /** Rust shows the folder picker (or, with `useDefault`, goes back to the default folder). */
  backupFolderPick: (useDefault: boolean) => call<BackupStatus>("backup_folder_pick", { default: useDefault }),
  /** Rust asks where to save; resolves to the written path, or null if cancelled. */
  backupNow: (password: string | null) => call<string | null>("backup_now", { password }),
  /** Rust shows the file picker and keeps the path; resolves to the file name, or null. */
  restorePick: () => call<string | null>("restore_pick"),
  /** Restores the picked backup as the vault and opens it; resolves to where the old vault was kept. */
  restoreRun: (password: string) => call<string | null>("restore_run", { password }),
  /** Copies a client's field from Rust; the clipboard is cleared after 30 s if it still holds it. */
  copySensitive: (clientId: number, field: SensitiveField) => call<void>("copy_sensitive", { clientId, field }),

  clientsList: (query: ClientQuery) => call<ClientPage>("clients_list", { query }),
  clientGet: (id: number) => call<ClientDetail>("client_get", { id }),
  clientCreate: (input: ClientInput) => call<number>("client_create", { input }),
  /** Picks the officer's client list (Rust dialog and read) and checks every row; stores nothing. Null if cancelled. */
  clientsImportPick: () => call<ImportPreview | null>("clients_import_pick"),
  /** Stores the confirmed rows as new clients in one transaction (all or none). */
  clientsImportCommit: (rows: ClientInput[]) => call<ImportResult>("clients_import_commit", { rows }),
  clientsImportTemplateSave: (fileType: FileType) => call<string | null>("clients_import_template_save", { fileType }),
  clientUpdate: (id: number, input: ClientInput) => call<void>("client_update", { id, input }),
  clientArchive: (id: number, archived: boolean) => call<void>("client_archive", { id, archived }),
  touchpointAdd: (clientId: number, input: TouchpointInput) => call<number>("touchpoint_add", { clientId, input }),

  schedulePreview: (terms: LoanTerms) => call<Schedule>("schedule_preview", { terms }),
  scenariosList: (clientId: number) => call<LoanScenario[]>("scenarios_list", { clientId }),
  scenarioSave: (clientId: number, input: ScenarioInput) => call<number>("scenario_save", { clientId, input }),
  scenarioDelete: (clientId: number, id: number) => call<void>("scenario_delete", { clientId, id }),
  /** The bank, branch and officer printed on exports (Settings). */
  bankProfile: () => call<BankProfile>("bank_profile"),
  /** Saves all four; resolves to them as stored (trimmed). */
  setBankProfile: (profile: BankProfile) => call<BankProfile>("set_bank_profile", { profile }),
  /** Renders the PDF, asks where to save it (native dialog), optionally opens it. */
  exportPdf: (clientId: number, request: ExportRequest, openAfter: boolean) =>
    call<ExportResult>("export_pdf", { clientId, request, openAfter }),
  /** A booked loan's current schedule as a PDF; Rust asks where to save it. */
  exportLoanSchedule: (loanId: number, lang: "zh" | "en", unit: AmountUnit, openAfter: boolean) =>
    call<ExportResult>("export_loan_schedule", { loanId, lang, unit, openAfter }),

  journeyGet: (clientId: number) => call<JourneyView>("journey_get", { clientId }),
  checklistSetDone: (clientId: number, itemId: number, done: boolean) =>
    call<ChecklistItem>("checklist_set_done", { clientId, itemId, done }),
  checklistSetNote: (clientId: number, itemId: number, note: string) =>
    call<ChecklistItem>("checklist_set_note", { clientId, itemId, note }),
  checklistSetReceived: (clientId: number, itemId: number, received: boolean) =>
    call<ChecklistItem>("checklist_set_received", { clientId, itemId, received }),
  checklistAddItem: (clientId: number, input: OneOffItemInput) =>
    call<ChecklistItem>("checklist_add_item", { clientId, input }),
  checklistRemoveItem: (clientId: number, itemId: number) =>
    call<void>("checklist_remove_item", { clientId, itemId }),
  /** Rejects with code `gate_refused` and `items` (open required keys) unless overridden. */
  journeyAdvance: (clientId: number, overrideReason: string | null) =>
    call<StageMove>("journey_advance", { clientId, overrideReason }),
  journeyMoveBack: (clientId: number, toStage: number, note: string | null) =>
    call<StageMove>("journey_move_back", { clientId, toStage, note }),
  clientSetStatus: (clientId: number, input: StatusInput) => call<void>("client_set_status", { clientId, input }),
  boardGet: (query: BoardQuery) => call<Board>("board_get", { query }),
  boardColumn: (query: BoardQuery, stage: number, offset: number) =>
    call<BoardColumn>("board_column", { query, stage, offset }),
  todayGet: (dueWithinDays: number | null, limit: number | null) =>
    call<Today>("today_get", { dueWithinDays, limit }),
  funnelGet: (from: string, to: string) => call<Funnel>("funnel_get", { from, to }),
  journeyMap: (from: string, to: string) => call<JourneyMap>("journey_map", { from, to }),
  /** Writes the map where the officer chooses; the path, or null when cancelled. */
  journeyMapExport: (from: string, to: string, format: "csv" | "xlsx") =>
    call<string | null>("journey_map_export", { from, to, format }),
  templateGet: (product: ProductType | null, stage: number) =>
    call<ChecklistTemplate>("template_get", { product, stage }),
  templateSave: (product: ProductType | null, stage: number, items: TemplateItemInput[]) =>
    call<ChecklistTemplate>("template_save", { product, stage, items }),
  lostReasonsGet: (includeRetired: boolean) => call<LostReason[]>("lost_reasons_get", { includeRetired }),
  lostReasonsSave: (reasons: LostReasonInput[]) => call<LostReason[]>("lost_reasons_save", { reasons }),
  cadenceGet: () => call<Cadence>("cadence_get"),
  cadenceSet: (cadence: Cadence) => call<void>("cadence_set", { cadence }),
  stuckDaysGet: () => call<number>("stuck_days_get"),
  stuckDaysSet: (days: number) => call<void>("stuck_days_set", { days }),

  documentsList: (clientId: number, includeArchived: boolean) =>
    call<DocumentSummary[]>("documents_list", { clientId, includeArchived }),
  /** Rust shows the file picker (several files) and imports; progress as `import-progress` events. */
  documentsImportPick: (clientId: number, kind: DocumentKind | null) =>
    call<ImportReport>("documents_import_pick", { clientId, kind }),
  /** Imports the files announced by the last `files-dropped` event (paths stay in Rust). */
  documentsImportDropped: (clientId: number, kind: DocumentKind | null) =>
    call<ImportReport>("documents_import_dropped", { clientId, kind }),
  documentExportPick: (id: number) => call<string | null>("document_export_pick", { id }),
  documentArchive: (id: number, archived: boolean) => call<void>("document_archive", { id, archived }),
  statementImportPick: (clientId: number) => call<StatementImport | null>("statement_import_pick", { clientId }),
  creditAnalysis: (clientId: number) => call<CreditAnalysis>("credit_analysis", { clientId }),
  /** A PDF's or image's bytes for the in-app preview (a raw binary response, not JSON). */
  documentPreview: (id: number) => call<ArrayBuffer>("document_preview", { id }),
  documentSetKind: (id: number, kind: DocumentKind) => call<DocumentSummary>("document_set_kind", { id, kind }),
  /** Saves the statement template where the officer chooses (Rust save dialog); null if cancelled. */
  statementTemplateSave: (fileType: FileType) => call<string | null>("statement_template_save", { fileType }),
  creditThresholdsGet: () => call<Thresholds>("credit_thresholds_get"),
  creditThresholdsSet: (thresholds: Thresholds) => call<void>("credit_thresholds_set", { thresholds }),
  financialYears: (clientId: number) => call<FinancialYear[]>("financial_years", { clientId }),
  /** The working-capital need's figures from the latest statements; null without a statement. */
  wcNeedFromStatements: (clientId: number) => call<WcNeedFromStatements | null>("wc_need_from_statements", { clientId }),
  /** The need on the statements and these assumptions; nothing is stored. */
  wcNeedPreview: (clientId: number, assumptions: WcNeedAssumptions) => call<WcNeed>("wc_need_preview", { clientId, assumptions }),
  /** Stores the assumptions (refused ones store nothing); the proposal PDF computes from them. */
  wcNeedSave: (clientId: number, assumptions: WcNeedAssumptions) => call<WcNeed>("wc_need_save", { clientId, assumptions }),
  wcNeedSaved: (clientId: number) => call<WcNeedAssumptions | null>("wc_need_saved", { clientId }),
  /** Largest file an import accepts, in bytes (Settings; default 50 MB). */
  documentSizeLimitGet: () => call<number>("document_size_limit_get"),
  documentSizeLimitSet: (bytes: number) => call<void>("document_size_limit_set", { bytes }),

  // Post-disbursement (src-tauri/src/commands/servicing.rs); "today" is the laptop's date in Rust.
  loansOfClient: (clientId: number) => call<LoanSummary[]>("loans_of_client", { clientId }),
  loanGet: (loanId: number) => call<LoanView>("loan_get", { loanId }),
  /** Books the loan (terms null: the client's proposed scenario); resolves to its id. */
  /** Penalty terms and repricing left out take the core's contract defaults (serde default). */
  loanBook: (input: Omit<BookingInput, "penalty" | "reprice"> & Partial<Pick<BookingInput, "penalty" | "reprice">>) =>
    call<number>("loan_book", { input }),
  /** The disbursement a booking of the client's proposal starts from; its date is the signing date too. */
  loanDefaultDisbursement: (clientId: number) => call<DisbursementInput>("loan_default_disbursement", { clientId }),
  loanRepay: (loanId: number, paidOn: string, amount: string, note: string) =>
    call<LoanView>("loan_repay", { loanId, paidOn, amount, note }),
  repaymentDelete: (loanId: number, repaymentId: number) => call<LoanView>("repayment_delete", { loanId, repaymentId }),
  /** `cls` null goes back to following the suggestion; a reason is required either way. */
  loanClassify: (loanId: number, cls: Classification | null, reason: string) =>
    call<LoanView>("loan_classify", { loanId, class: cls, reason }),
  /** Today's reminders, the covenant breaches grouped per client (ratio_alerts). */
  todayReminders: (days: number) => call<TodayReminders>("today_reminders", { days }),
  reminderMark: (key: string, mark: ReminderMark) => call<void>("reminder_mark", { key, mark }),
  /** Several reminders at once (a client's ratio alerts): all or none. */
  remindersMark: (keys: string[], mark: ReminderMark) => call<void>("reminders_mark", { keys, mark }),
  /** The repayment reminder for the client in `lang` (the language shown); null when nothing is owed. */
  reminderTextGet: (loanId: number, lang: Language) => call<string | null>("reminder_text_get", { loanId, lang }),
  /** Rust asks where to save; resolves to the written path, or null if cancelled. */
  reminderTextSave: (loanId: number, lang: Language) => call<string | null>("reminder_text_save", { loanId, lang }),
  portfolioGet: (currency: string) => call<Portfolio>("portfolio_get", { currency }),
  /** Rust asks where to save; resolves to the written path, or null if cancelled. */
  portfolioExport: (currency: string, format: "csv" | "xlsx") =>
    call<string | null>("portfolio_export", { currency, format }),
  facilitiesList: (clientId: number) => call<Facility[]>("facilities_list", { clientId }),
  /** Adds a credit line; resolves to the client's lines. */
  facilityAdd: (input: FacilityInput) => call<Facility[]>("facility_add", { input }),
  facilityUseAdd: (input: FacilityUseInput) => call<Facility>("facility_use_add", { input }),
  facilityUseClose: (facilityId: number, useId: number, on: string) => call<Facility>("facility_use_close", { facilityId, useId, on }),
  collateralAdd: (loanId: number, input: CollateralInput) => call<LoanView>("collateral_add", { loanId, input }),
  collateralRevalue: (loanId: number, collateralId: number, revaluation: Revaluation) =>
    call<LoanView>("collateral_revalue", { loanId, collateralId, revaluation }),
  collateralArchive: (loanId: number, collateralId: number) => call<LoanView>("collateral_archive", { loanId, collateralId }),
  guarantorAdd: (loanId: number, input: GuarantorInput) => call<LoanView>("guarantor_add", { loanId, input }),
  guarantorArchive: (loanId: number, guarantorId: number) => call<LoanView>("guarantor_archive", { loanId, guarantorId }),
  securitySettingsGet: () => call<SecuritySettings>("security_settings_get"),
  securitySettingsSet: (settings: SecuritySettings) => call<SecuritySettings>("security_settings_set", { settings }),
  /** The bank's template a booking starts from (Settings). */
  penaltyTermsDefault: () => call<PenaltyTerms>("penalty_terms_default"),
  penaltyTermsDefaultSet: (terms: PenaltyTerms) => call<PenaltyTerms>("penalty_terms_default_set", { terms }),
  penaltyOwed: (loanId: number, on: string) => call<string>("penalty_owed", { loanId, on }),
  penaltyWaive: (loanId: number, on: string, amount: string, reason: string) =>
    call<LoanView>("penalty_waive", { loanId, on, amount, reason }),
  technicalOverdueSet: (loanId: number, reason: string | null) => call<LoanView>("technical_overdue_set", { loanId, reason }),
  /** What a prepayment would do (nothing is saved). */
  prepayPreview: (loanId: number, input: PrepaymentInput) => call<ScheduleChange>("prepay_preview", { loanId, input }),
  loanPrepay: (loanId: number, input: PrepaymentInput) => call<LoanView>("loan_prepay", { loanId, input }),
  extendPreview: (loanId: number, months: number, reason: string) =>
    call<ScheduleChange>("extend_preview", { loanId, months, reason }),
  loanExtend: (loanId: number, months: number, reason: string) => call<LoanView>("loan_extend", { loanId, months, reason }),
  repricePreview: (loanId: number, on: string) => call<ScheduleChange>("reprice_preview", { loanId, on }),
  loanReprice: (loanId: number, on: string) => call<LoanView>("loan_reprice", { loanId, on }),
  repricingsDue: () => call<RepricingDue[]>("repricings_due"),
  lprList: () => call<LprRate[]>("lpr_list"),
  lprSet: (rate: LprRate) => call<LprRate[]>("lpr_set", { rate }),
  /** Rust asks for the CSV and reads it: [figures in the file, the table after]; null when cancelled. */
  lprImport: () => call<[number, LprRate[]] | null>("lpr_import"),
  workingDaysGet: () => call<WorkingDays>("working_days_get"),
  workingDaysSet: (days: WorkingDays) => call<void>("working_days_set", { days }),
  /** The years the official holiday calendar covers, built in and imported. */
  calendarSummary: () => call<CalendarSummary>("calendar_summary"),
  /** Rust asks for a calendar CSV and reads it: what it would add and change; null when cancelled. */
  calendarPreviewImport: () => call<CalendarPreview | null>("calendar_preview_import"),
  calendarImport: (days: CalendarDay[]) => call<CalendarPreview>("calendar_import", { days }),

  // The client's voice and the lifecycle loop (issue 16).
  feedbackAdd: (clientId: number, input: FeedbackInput) => call<FeedbackIds>("feedback_add", { clientId, input }),
  /** The touchpoint and the feedback given at it, both or neither: [touchpoint id, ids]. */
  touchpointAddWithFeedback: (clientId: number, touchpoint: TouchpointInput, feedback: FeedbackInput) =>
    call<[number, FeedbackIds]>("touchpoint_add_with_feedback", { clientId, touchpoint, feedback }),
  feedbackList: (clientId: number) => call<Feedback[]>("feedback_list", { clientId }),
  problemResolve: (id: number, note: string, touchpointId: number | null) =>
    call<Problem>("problem_resolve", { id, note, touchpointId }),
  feedbackSettingsGet: () => call<FeedbackSettings>("feedback_settings_get"),
  feedbackSettingsSet: (settings: FeedbackSettings) => call<FeedbackSettings>("feedback_settings_set", { settings }),
  lifecycleSuggestions: () => call<LifecycleSuggestion[]>("lifecycle_suggestions"),
  lifecycleApply: (clientId: number, to: LifecycleStatus) => call<LifecycleSuggestion>("lifecycle_apply", { clientId, to }),
  lifecycleSettingsGet: () => call<LifecycleSettings>("lifecycle_settings_get"),
  lifecycleSettingsSet: (settings: LifecycleSettings) => call<LifecycleSettings>("lifecycle_settings_set", { settings }),
  clientProfile: (clientId: number) => call<ClientProfile>("client_profile", { clientId }),
  /** Resolves to the companies the client referred. */
  referralAdd: (clientId: number, referredId: number) => call<Referral[]>("referral_add", { clientId, referredId }),
  referralsList: (clientId: number) => call<Referral[]>("referrals_list", { clientId }),
  opportunityStart: (source: OpportunitySource, stage: 1 | 3) => call<Opportunity>("opportunity_start", { source, stage }),
  opportunitiesList: (clientId: number) => call<Opportunity[]>("opportunities_list", { clientId }),

  // The project-finance model (issue 17); `lang` names the language the warnings' messages are in.
  /** The model of these inputs against the vault's 资本金 table; nothing is stored. */
  projectModelPreview: (input: ModelInput, lang: Language) => call<ProjectModel>("project_model_preview", { input, lang }),
  /** The client's saved inputs and the model they give today; null when none is saved. */
  projectModelGet: (clientId: number, lang: Language) =>
    call<[ModelInput, ProjectModel] | null>("project_model_get", { clientId, lang }),
  /** Saves the inputs once they compute (refused ones store nothing). */
  projectModelSave: (clientId: number, input: ModelInput, lang: Language) =>
    call<ProjectModel>("project_model_save", { clientId, input, lang }),
  projectModelDelete: (clientId: number) => call<void>("project_model_delete", { clientId }),
  /** Rust shows the file picker and reads the workbook: its inputs (not saved), or null if cancelled. */
  projectModelImportPick: () => call<ModelInput | null>("project_model_import_pick"),
  /** Saves the XLSX template where the officer chooses (Rust save dialog); null if cancelled. */
  projectModelTemplateSave: () => call<string | null>("project_model_template_save"),
  capitalTableGet: () => call<CapitalMinimum[]>("capital_table_get"),
  capitalTableSet: (table: CapitalTable) => call<void>("capital_table_set", { table }),
  // OCR (src-tauri/src/commands/ocr.rs): progress as `ocr-progress` events; nothing is stored on
  // the client until the officer accepts (licenceApply + clientUpdate, statementYearsAccept).
  ocrLicenceDocument: (documentId: number, current: ClientInput) =>
    call<LicenceScan>("ocr_licence_document", { documentId, current }),
  /** Rust shows the picker; with a client the file is imported as its licence first. */
  ocrLicencePick: (clientId: number | null, current: ClientInput) =>
    call<LicenceScan | null>("ocr_licence_pick", { clientId, current }),
  /** After the new-client form is saved: its licence photo becomes the client's document. */
  ocrLicenceKeep: (clientId: number) => call<DocumentSummary | null>("ocr_licence_keep", { clientId }),
  licenceApply: (client: ClientInput, accepted: AcceptedField[]) => call<ClientInput>("licence_apply", { client, accepted }),
  ocrStatementDocument: (documentId: number) => call<StatementScan>("ocr_statement_document", { documentId }),
  ocrStatementPick: (clientId: number) => call<StatementScan | null>("ocr_statement_pick", { clientId }),
  statementYearsAccept: (clientId: number, documentId: number | null, years: StatementYearInput[]) =>
    call<FinancialYear[]>("statement_years_accept", { clientId, documentId, years }),
  ocrCancel: () => call<void>("ocr_cancel"),
  /** The page last read, as JPEG bytes. */
  ocrPageImage: () => call<ArrayBuffer>("ocr_page_image"),
};

/** A licence read and the document it came from (src-tauri `LicenceScan`). */
export interface LicenceScan {
  document: DocumentSummary | null;
  review: LicenceReview;
}

/** A statement page read into a preview (src-tauri `StatementScan`). */
export interface StatementScan {
  document: DocumentSummary | null;
  read: StatementRead;
}
