// Generated from the Rust types by loandesk-core (src/bindings.rs). Do not edit.

/**
 * What the UI receives for every failed command.
 */
export type ErrorPayload = { code: string, message: string, field: string | null, 
/**
 * For `validation`: why, as a key the UI translates (`validation.<rule>`) with `params`.
 */
rule: string | null, params: { [key in string]: string }, 
/**
 * For `gate_refused`: the keys of the required items still open (empty otherwise).
 */
items: Array<string>, };

/**
 * Counts printed by `loandesk vault verify` and shown in Settings.
 */
export type VaultReport = { path: string, schema_version: number, integrity_ok: boolean, problems: Array<string>, clients: number, archived_clients: number, contacts: number, touchpoints: number, audit_entries: number, };

export type BackupSettings = { enabled: boolean, 
/**
 * None: the `backups` folder beside the vault.
 */
folder: string | null, interval_days: number, keep: number, };

/**
 * What Settings shows about the scheduled backup.
 */
export type BackupStatus = { settings: BackupSettings, 
/**
 * The folder in use (the chosen one, or the default).
 */
folder: string, 
/**
 * RFC 3339 UTC.
 */
last_backup_at: string | null, last_backup_file: string | null, 
/**
 * The error code of the last scheduled run if it failed (e.g. `io`: folder unreachable).
 */
last_error: string | null, due: boolean, };

export type Language = "zh-CN" | "en";

export type VaultChoice = "main" | "demo";

export type Prefs = { language: Language, last_vault: VaultChoice, };

/**
 * What the UI needs at start and after every lock/unlock.
 */
export type AppStatus = { unlocked: boolean, 
/**
 * Which vault is open, or would be unlocked next.
 */
current: VaultChoice, vault_exists: boolean, demo_exists: boolean, vault_path: string, 
/**
 * The demo vault holds invented companies only, so its password is shown on screen.
 */
demo_password: string, language: Language, auto_lock_minutes: number, };

export type AuditEntry = { at: string, action: string, entity: string, entity_id: number | null, detail: string, };

export type Tier = "A" | "B" | "C";

export type CompanySize = "micro" | "small" | "medium" | "large";

/**
 * Where the relationship stands beside/after the journey stages.
 */
export type LifecycleStatus = "prospect" | "active" | "loyal" | "dormant" | "lost";

export type SourceChannel = "online-ad" | "social-media" | "trade-show" | "referral" | "bank-network" | "walk-in" | "existing-client";

export type ProductType = "working-capital" | "fixed-asset" | "project-finance" | "sme";

export type Channel = "visit" | "call" | "meeting" | "email" | "messaging";

export type Contact = { name: string, role: string, phone: string, email: string, };

/**
 * What the officer enters when adding or editing a client.
 */
export type ClientInput = { name: string, name_en: string | null, credit_code: string | null, industry: string | null, size: CompanySize | null, region: string | null, source_channel: SourceChannel | null, tier: Tier, status: LifecycleStatus, stage: number, product: ProductType | null, contacts: Array<Contact>, notes: string, };

export type Client = { id: number, archived: boolean, created_at: string, updated_at: string, name: string, name_en: string | null, credit_code: string | null, industry: string | null, size: CompanySize | null, region: string | null, source_channel: SourceChannel | null, tier: Tier, status: LifecycleStatus, stage: number, product: ProductType | null, contacts: Array<Contact>, notes: string, };

/**
 * One row of the client list.
 */
export type ClientSummary = { id: number, name: string, name_en: string | null, credit_code: string | null, industry: string | null, region: string | null, tier: Tier, status: LifecycleStatus, stage: number, archived: boolean, primary_contact: string | null, };

/**
 * List/search request: free text plus filters. Archived clients only when asked.
 */
export type ClientQuery = { text: string, stage: number | null, tier: Tier | null, status: LifecycleStatus | null, archived: boolean, offset: number, limit: number | null, };

export type ClientPage = { items: Array<ClientSummary>, 
/**
 * Matches counted up to `COUNT_CAP`; `total_capped` says the real number is higher.
 */
total: number, total_capped: boolean, };

export type TouchpointInput = { date: string, channel: Channel, summary: string, next_step: string, next_contact_date: string | null, };

export type Touchpoint = { id: number, client_id: number, created_at: string, date: string, channel: Channel, summary: string, next_step: string, next_contact_date: string | null, };

/**
 * Everything the client page shows.
 */
export type ClientDetail = { client: Client, touchpoints: Array<Touchpoint>, };

export type SensitiveField = { "kind": "credit_code" } | { "kind": "contact_phone", index: number, };

export type Method = "equal-installment" | "equal-principal" | "interest-only" | "quarterly-interest" | "bullet";

export type LprTenor = "1y" | "5y";

/**
 * The annual rate: fixed, or the LPR plus a spread (加点) in basis points, which may be negative.
 */
export type Rate = { "kind": "fixed", annual_percent: string, } | { "kind": "lpr", tenor: LprTenor, lpr_percent: string, spread_bp: string, };

/**
 * Day-count basis for the broken first period; full months always accrue rate / 12.
 */
export type DayCount = "act360" | "act365" | "30-360";

/**
 * How each period's interest (and the level payment) is rounded to 0.01.
 */
export type Rounding = "half-up" | "half-even";

/**
 * What the officer types into the calculator. Pure data: [`super::generate`] validates it.
 */
export type LoanTerms = { principal: string, currency: string, term_months: number, rate: Rate, disbursement_date: string, 
/**
 * Day of month payments fall due; `None` means the disbursement day.
 */
repay_day: number | null, method: Method, 
/**
 * Interest-only months before amortisation starts (amortising methods only).
 */
grace_months: number, upfront_fee: string, day_count: DayCount, rounding: Rounding, };

/**
 * One row of the repayment schedule (还款计划表).
 */
export type Period = { period: number, due_date: string, payment: string, principal: string, interest: string, 
/**
 * Principal still owed after this payment.
 */
balance: string, };

/**
 * The figures an officer quotes; all amounts and rates with exactly two decimals.
 */
export type Summary = { 
/**
 * The regular payment (月供): the first period that is neither a broken first period
 * nor in grace; the only payment of a one-period loan.
 */
payment: string, total_interest: string, 
/**
 * Principal plus interest; the upfront fee is not included.
 */
total_payment: string, 
/**
 * Nominal APR in percent: monthly IRR × 12, fee included.
 */
apr: string, 
/**
 * Effective annual rate in percent: (1 + monthly IRR)^12 − 1.
 */
apr_effective: string, principal_in_words: string, };

/**
 * A complete repayment schedule (还款计划表) with the terms it was made from.
 */
export type Schedule = { terms: LoanTerms, periods: Array<Period>, summary: Summary, };

export type LoanScenario = { id: number, client_id: number, label: string, terms: LoanTerms, proposed: boolean, updated_at: string, };

/**
 * What the calculator sends to save: `id` None creates a new scenario.
 */
export type ScenarioInput = { id: number | null, label: string, terms: LoanTerms, proposed: boolean, };

export type DisbursementInput = { on: string, amount: string, };

/**
 * What the officer enters to book a loan. `terms` None books the client's proposed scenario;
 * either way the terms' disbursement date becomes the first disbursement's.
 */
export type BookingInput = { client_id: number, contract_no: string, signed_on: string, terms: LoanTerms | null, disbursements: Array<DisbursementInput>, repayment_account: string, };

export type PeriodStatus = "paid" | "partly_paid" | "due" | "overdue" | "upcoming";

/**
 * Overdue buckets (账龄) by days overdue of the oldest unpaid period.
 */
export type AgeBucket = "current" | "days1_to30" | "days31_to60" | "days61_to90" | "over90";

/**
 * The five-tier loan classification (五级分类).
 */
export type Classification = "pass" | "special_mention" | "substandard" | "doubtful" | "loss";

export type PeriodView = { no: number, due_on: string, principal: string, interest: string, paid_principal: string, paid_interest: string, waived_interest: string, 
/**
 * Still owed on this period.
 */
remaining: string, status: PeriodStatus, overdue_days: number, settled_on: string | null, };

export type LoanDisbursement = { on: string, amount: string, };

export type LoanRepayment = { id: number, paid_on: string, amount: string, note: string, };

export type LoanVersion = { version: number, reason: string, created_at: string, };

export type ClassificationChange = { class: Classification, suggested: Classification, reason: string, set_on: string, };

/**
 * One line of a client's (or the portfolio's) loan list.
 */
export type LoanSummary = { id: number, client_id: number, client_name: string, contract_no: string, currency: string, outstanding_principal: string, overdue_days: number, classification: Classification, closed_on: string | null, };

export type LoanView = { id: number, client_id: number, client_name: string, contract_no: string, signed_on: string, currency: string, repayment_account: string, version: number, terms: LoanTerms, versions: Array<LoanVersion>, disbursements: Array<LoanDisbursement>, periods: Array<PeriodView>, repayments: Array<LoanRepayment>, outstanding_principal: string, 
/**
 * Days overdue of the oldest unpaid period (0 when none is late).
 */
overdue_days: number, overdue_amount: string, age_bucket: AgeBucket, suggested_classification: Classification, 
/**
 * The officer's classification if set, else the suggestion.
 */
classification: Classification, classification_history: Array<ClassificationChange>, 
/**
 * What repays the loan in full today (0 when closed).
 */
payoff_today: string, overpaid: string, closed_on: string | null, };

export type ReminderKind = "overdue" | "due_soon" | "quarterly_review" | "annual_review" | "covenant";

export type Reminder = { 
/**
 * Stable name of what is reminded of; snooze and done refer to it.
 */
key: string, kind: ReminderKind, loan_id: number, client_id: number, client_name: string, contract_no: string, due_on: string, amount: string | null, overdue_days: number, period_no: number | null, ratio: RatioKind | null, statement_year: number | null, };

export type ReminderMark = { "mark": "done" } | { "mark": "snooze", until: string, };

export type Slice = { key: string, loans: number, outstanding: string, };

export type MonthCashIn = { 
/**
 * `YYYY-MM`.
 */
month: string, principal: string, interest: string, };

export type Portfolio = { as_of: string, currency: string, loans: number, outstanding: string, by_tier: Array<Slice>, by_industry: Array<Slice>, by_classification: Array<Slice>, by_age: Array<Slice>, cash_in: Array<MonthCashIn>, other_currency_loans: number, };

/**
 * A due date on a weekend or holiday may be paid on the next working day without being late.
 * Officer-listed holidays and make-up working days (调休) refine the plain weekend rule.
 */
export type WorkingDays = { holidays: Array<string>, extra_working_days: Array<string>, };

export type ExportKind = "schedule" | "proposal";

export type ExportRequest = { kind: ExportKind, lang: "zh" | "en", 
/**
 * Proposal only: what the loan is for.
 */
purpose: string | null, 
/**
 * Proposal only: the officer's risks and disclosures (None: the default text).
 */
risks: string | null, };

/**
 * What the app tells the officer after an export.
 */
export type ExportResult = { 
/**
 * Where the PDF was saved; None when the officer cancelled the save dialog.
 */
path: string | null, 
/**
 * Characters no font could draw (shown as □ in the PDF), in the document's language.
 */
warnings: Array<string>, };

/**
 * The accepted types.
 */
export type FileType = "pdf" | "jpeg" | "png" | "tiff" | "xlsx" | "xls" | "csv" | "docx";

/**
 * A document as lists show it; the content is fetched separately.
 */
export type DocumentSummary = { id: number, client_id: number, 
/**
 * The original file name, exactly as imported.
 */
file_name: string, kind: DocumentKind, file_type: FileType, 
/**
 * For the preview (e.g. `application/pdf`).
 */
mime: string, 
/**
 * The app can show it (PDF, JPEG, PNG up to the preview cap); others are exported to open.
 */
previewable: boolean, size: number, sha256: string, imported_at: string, 
/**
 * The officer name set at the time of the import (empty if none was set).
 */
imported_by: string, archived: boolean, };

export type FailedImport = { name: string, error: ErrorPayload, };

/**
 * One import batch as the app reports it: what went in, and each file that did not, with why.
 */
export type ImportReport = { imported: Array<DocumentSummary>, failed: Array<FailedImport>, };

export type StatementLine = "current-assets" | "inventory" | "total-assets" | "current-liabilities" | "total-liabilities" | "revenue" | "profit-before-tax" | "interest-expense" | "depreciation-amortisation" | "operating-cash-flow" | "cash" | "accounts-receivable" | "total-equity" | "net-profit";

/**
 * One year's figures of a client, in yuan.
 */
export type FinancialYear = { year: number, figures: Partial<Record<StatementLine, string>>, 
/**
 * The spreadsheet they were read from.
 */
document_id: number | null, imported_at: string, };

/**
 * What a statement import stored.
 */
export type StatementImport = { 
/**
 * The spreadsheet as a document; an earlier import of the same file is reused.
 */
document: DocumentSummary, 
/**
 * The years read, in the order of the file's columns.
 */
years: Array<FinancialYear>, };

/**
 * Where each ratio turns from ok to breach (Settings).
 */
export type Thresholds = { 
/**
 * At least.
 */
current_ratio: string, 
/**
 * At least.
 */
quick_ratio: string, 
/**
 * At most, in percent (70 = 70 %).
 */
debt_to_asset_percent: string, 
/**
 * At least.
 */
interest_coverage: string, 
/**
 * At least; for both DSCRs.
 */
dscr: string, };

export type RatioKind = "current-ratio" | "quick-ratio" | "debt-to-asset" | "interest-coverage" | "dscr" | "dscr-cash-flow";

/**
 * Whether a value must reach the threshold or stay under it.
 */
export type Bound = "at-least" | "at-most";

export type RatioStatus = "ok" | "breach" | "not-available";

export type Ratio = { kind: RatioKind, 
/**
 * Two decimals; `DebtToAsset` in percent. None when it cannot be computed.
 */
value: string | null, threshold: string, bound: Bound, status: RatioStatus, };

/**
 * The proposed loan's annual debt service used for the DSCRs.
 */
export type DebtService = { scenario_id: number, scenario_label: string, 
/**
 * Principal + interest due in the heaviest loan year.
 */
annual: string, 
/**
 * Which loan year that is (1 = the first twelve months after disbursement).
 */
loan_year: number, };

export type YearRatios = { year: number, ratios: Array<Ratio>, };

/**
 * What the client's credit-analysis panel shows.
 */
export type CreditAnalysis = { client_id: number, thresholds: Thresholds, 
/**
 * None when the client has no proposed loan scenario: the DSCRs are then not available.
 */
debt_service: DebtService | null, 
/**
 * Latest year first; empty until a statement is imported.
 */
years: Array<YearRatios>, };

export type DocumentKind = "application-form" | "business-licence" | "legal-rep-id" | "financial-statements" | "bank-statements" | "tax-certificate" | "credit-report" | "feasibility-study" | "project-approval" | "collateral" | "contract" | "proposal" | "other";

export type TemplateItem = { key: string, label_zh: string, label_en: string, required: boolean, document_kind: DocumentKind | null, };

/**
 * One line of the template editor. `key` None adds a new item; an existing key keeps the item's
 * identity (scripts and `journey tick --item` use keys).
 */
export type TemplateItemInput = { key: string | null, label_zh: string, label_en: string, required: boolean, document_kind: DocumentKind | null, };

export type ChecklistTemplate = { 
/**
 * None: the template for clients without a product type.
 */
product: ProductType | null, stage: number, version: number, items: Array<TemplateItem>, };

/**
 * `awaiting_document`: the item asks for a document that is neither imported nor marked
 * received, ticked or not. An imported current document of the kind makes the item `done`.
 */
export type ItemState = "open" | "awaiting_document" | "done";

/**
 * The imported document that satisfies an item (shown on the item, opens its preview).
 */
export type ItemDocument = { id: number, file_name: string, mime: string, previewable: boolean, };

export type ChecklistItem = { id: number, stage: number, key: string, label_zh: string, label_en: string, required: boolean, document_kind: DocumentKind | null, 
/**
 * Added for this client only, not from a template.
 */
one_off: boolean, 
/**
 * The template version the item was copied from (None for one-off items).
 */
template_version: number | null, state: ItemState, done_on: string | null, received_on: string | null, note: string, 
/**
 * The current document of `document_kind` that satisfies the item, if one is imported.
 */
document: ItemDocument | null, };

/**
 * An item the officer adds for one client. `stage` None: the client's current stage.
 */
export type OneOffItemInput = { stage: number | null, label: string, required: boolean, document_kind: DocumentKind | null, };

export type StageChecklist = { stage: number, items: Array<ChecklistItem>, 
/**
 * Keys of required items not done (for the current stage: why "Advance" would be refused).
 */
open_required: Array<string>, };

/**
 * How a client came into a stage.
 */
export type EntryVia = "created" | "advance" | "back" | "migrated";

export type StageEntry = { stage: number, entered_on: string, 
/**
 * None while the client is still in this stage.
 */
left_on: string | null, 
/**
 * Until `left_on`, or until today for the current stage.
 */
days: number, via: EntryVia, 
/**
 * Why the officer advanced past open required items (the gate override), kept for good.
 */
override_reason: string | null, 
/**
 * The required items that were open when the gate was overridden.
 */
skipped: Array<string>, 
/**
 * Why the client was moved back, if the officer said.
 */
note: string, };

export type StatusChange = { changed_on: string, 
/**
 * The stage the client was in at the time.
 */
stage: number, from: LifecycleStatus, to: LifecycleStatus, lost_reason: string | null, note: string, };

/**
 * A lifecycle change from the status dialog. `lost_reason` (a key of the editable list) is
 * required for `lost` and ignored otherwise.
 */
export type StatusInput = { status: LifecycleStatus, lost_reason: string | null, note: string, };

export type LostReason = { key: string, label_zh: string, label_en: string, retired: boolean, };

/**
 * One line of the list editor; `key` None adds a reason.
 */
export type LostReasonInput = { key: string | null, label_zh: string, label_en: string, };

export type FollowUp = { last_contact_on: string | null, next_on: string, 
/**
 * Set by hand on the latest touchpoint rather than from the cadence.
 */
manual: boolean, 
/**
 * Days past `next_on` (negative: days still to go).
 */
days_overdue: number, };

export type JourneyView = { client_id: number, name: string, stage: number, status: LifecycleStatus, tier: Tier, product: ProductType | null, archived: boolean, entered_on: string | null, days_in_stage: number, 
/**
 * Every stage the client has a checklist for, in stage order (the current one included).
 */
checklists: Array<StageChecklist>, 
/**
 * Stage entries, oldest first.
 */
history: Array<StageEntry>, status_changes: Array<StatusChange>, 
/**
 * The reasons named in `status_changes`, with retired ones, so old records keep labels.
 */
lost_reasons: Array<LostReason>, follow_up: FollowUp | null, };

export type StageMove = { client_id: number, from: number, to: number, 
/**
 * The client's status afterwards (entering stage 5 makes a prospect active).
 */
status: LifecycleStatus, 
/**
 * Required items that were open and overridden.
 */
skipped: Array<string>, };

/**
 * Days between contacts per tier.
 */
export type Cadence = { a: number, b: number, c: number, };

export type BoardQuery = { tier: Tier | null, product: ProductType | null, 
/**
 * Cards per column (default 30, at most 200).
 */
limit: number | null, };

export type BoardCard = { client_id: number, name: string, tier: Tier, product: ProductType | null, status: LifecycleStatus, 
/**
 * Principal of the proposed loan scenario, if the client has one.
 */
amount: string | null, currency: string | null, entered_on: string, days_in_stage: number, 
/**
 * Required items of the current stage still open: what the gate would refuse on.
 */
open_required: number, };

export type BoardColumn = { stage: number, 
/**
 * Clients in the column with the filters applied (all of them, not only this page).
 */
total: number, offset: number, cards: Array<BoardCard>, };

export type Board = { columns: Array<BoardColumn>, };

export type TodayQuery = { today: string, 
/**
 * "Due" covers today and this many days ahead (default 7).
 */
due_within_days: number | null, 
/**
 * Rows per list (default 20, at most 200).
 */
limit: number | null, };

export type FollowUpCard = { client_id: number, name: string, tier: Tier, stage: number, status: LifecycleStatus, next_on: string, last_contact_on: string | null, manual: boolean, 
/**
 * Days past the date (0 today, negative when still ahead).
 */
days_overdue: number, };

export type StuckCard = { client_id: number, name: string, tier: Tier, stage: number, entered_on: string, days_in_stage: number, };

export type Activity = { at: string, action: string, client_id: number | null, client_name: string | null, detail: string, 
/**
 * For checklist actions (whose detail is an item key): the item's labels, so the officer
 * reads "Business licence verified" rather than "s2-licence". None when the item is gone.
 */
item_label_zh: string | null, item_label_en: string | null, };

/**
 * Totals are counted up to COUNT_CAP; `*_capped` says there are more.
 */
export type Today = { today: string, overdue: Array<FollowUpCard>, overdue_total: number, overdue_capped: boolean, due: Array<FollowUpCard>, due_total: number, due_capped: boolean, stuck: Array<StuckCard>, stuck_total: number, stuck_capped: boolean, stuck_after_days: number, recent: Array<Activity>, };

export type LostCount = { 
/**
 * Key in the lost-reason list ("" when none was recorded).
 */
key: string, label_zh: string, label_en: string, count: number, };

export type FunnelStage = { stage: number, entered: number, advanced: number, 
/**
 * advanced / entered; None when nobody entered (and for stage 5, which has no next stage).
 */
conversion: number | null, median_days: number | null, lost: number, lost_reasons: Array<LostCount>, };

export type Funnel = { from: string, to: string, stages: Array<FunnelStage>, };
