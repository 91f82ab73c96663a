// Generated from the Rust types by loandesk-core (src/bindings.rs). Do not edit.

/**
 * `ErrorPayload.code`.
 */
export type ErrorCode = "wrong_password" | "vault_missing" | "vault_exists" | "vault_too_new" | "not_a_vault" | "validation" | "not_found" | "locked" | "no_scenario" | "try_later" | "damaged" | "gate_refused" | "database" | "io" | "pdf" | "file_in_use" | "internal" | "document_unreadable" | "ocr_unavailable" | "ocr_failed" | "cancelled";

/**
 * The stable name of each [`Rule`], sent to the UI as `ErrorPayload.rule`.
 */
export type RuleCode = "required" | "max_chars" | "range" | "at_most" | "positive" | "not_negative" | "decimal_places" | "less_than" | "not_before" | "currency" | "email" | "phone" | "credit_code_length" | "credit_code_character" | "credit_code_check" | "duplicate" | "password_too_short" | "passwords_differ" | "too_many" | "out_of_range" | "unknown_value" | "not_allowed" | "empty_file" | "file_too_large" | "unknown_file_type" | "extension_mismatch" | "duplicate_document" | "corrupt" | "password_protected" | "zip_bomb" | "not_spreadsheet" | "not_image_or_pdf" | "no_page_image" | "no_text_found" | "file_exists" | "statement_no_years" | "statement_line_missing" | "statement_value" | "statement_year_twice" | "not_in_future" | "after_today" | "after_maturity" | "first_is_disbursement_date" | "not_a_number" | "whole_number" | "format" | "allocation_order" | "loan_closed" | "no_periods_left" | "no_lpr" | "not_repricing_day" | "above_available" | "outside_facility" | "series_length" | "must_be" | "calendar_row" | "calendar_day_twice" | "same_name" | "duplicate_in_file" | "import_no_header" | "rows_with_problems";

/**
 * What the UI receives for every failed command.
 */
export type ErrorPayload = { 
/**
 * An [`ErrorCode`]; the UI shows its `error.<code>` text.
 */
code: ErrorCode, message: string, field: string | null, 
/**
 * For `validation`: why, a [`crate::rule::RuleCode`] the UI shows as `rule.<code>` with `params`.
 */
rule: RuleCode | null, params: { [key in string]: string }, 
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

/**
 * How the officer left the window (issue 19): the sidebar folded or open (None: as the
 * window's width suggests) and the sections of Today they opened or closed against their
 * default. Names of UI parts only, never client data.
 */
export type Layout = { sidebar_collapsed: boolean | null, today_toggled: Array<string>, };

/**
 * The unit an amount is shown in. English has no word for 万 or 亿, so it counts them.
 */
export type AmountUnit = "yuan" | "wan" | "yi";

/**
 * The screens that show amounts in a unit of the officer's choosing (元, 万元, 亿元).
 */
export type AmountScreen = "board" | "clients" | "portfolio" | "statements" | "loans" | "pdf";

/**
 * The unit each screen shows amounts in. Kept here, beside the language, rather than in the
 * vault: it is how this officer likes to read, not client data, and the same for every vault
 * on the laptop. Every screen starts in 元 until changed.
 */
export type AmountUnits = { board: AmountUnit, clients: AmountUnit, portfolio: AmountUnit, statements: AmountUnit, loans: AmountUnit, pdf: AmountUnit, };

export type Prefs = { language: Language, last_vault: VaultChoice, 
/**
 * Absent from files written before it: the defaults.
 */
layout: Layout, 
/**
 * Absent from prefs written before units existed: every screen in 元 then.
 */
amount_units: AmountUnits, };

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
demo_password: string, language: Language, auto_lock_minutes: number, layout: Layout, amount_units: AmountUnits, };

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
export type ClientInput = { name: string, name_en: string | null, credit_code: string | null, 
/**
 * GB/T 4754 section (`C`) or division (`C34`), or `other` (see `industry.rs`).
 */
industry_code: string | null, 
/**
 * The officer's own words for the industry: what `other` means, or an older free text.
 */
industry: string | null, size: CompanySize | null, region: string | null, source_channel: SourceChannel | null, tier: Tier, status: LifecycleStatus, stage: number, product: ProductType | null, contacts: Array<Contact>, notes: string, };

export type Client = { id: number, archived: boolean, created_at: string, updated_at: string, name: string, name_en: string | null, credit_code: string | null, 
/**
 * GB/T 4754 section (`C`) or division (`C34`), or `other` (see `industry.rs`).
 */
industry_code: string | null, 
/**
 * The officer's own words for the industry: what `other` means, or an older free text.
 */
industry: string | null, size: CompanySize | null, region: string | null, source_channel: SourceChannel | null, tier: Tier, status: LifecycleStatus, stage: number, product: ProductType | null, contacts: Array<Contact>, notes: string, };

/**
 * One row of the client list.
 */
export type ClientSummary = { id: number, name: string, name_en: string | null, credit_code: string | null, industry_code: string | null, industry: string | null, region: string | null, tier: Tier, status: LifecycleStatus, stage: number, archived: boolean, primary_contact: string | null, 
/**
 * The follow-up cadence's next contact (see journey::followups).
 */
next_contact_on: string | null, 
/**
 * Principal of the proposed loan scenario, if the client has one.
 */
amount: string | null, currency: string | null, };

/**
 * The column a client list is sorted by; newest first unless another is chosen.
 */
export type ClientSort = "newest" | "name" | "stage" | "tier" | "next_contact" | "amount";

/**
 * List/search request: free text plus filters. Archived clients only when asked.
 */
export type ClientQuery = { text: string, stage: number | null, tier: Tier | null, status: LifecycleStatus | null, archived: boolean, sort: ClientSort, 
/**
 * Largest, latest or last first; clients without a next contact or an amount come last
 * either way.
 */
descending: boolean, offset: number, limit: number | null, };

export type ClientPage = { items: Array<ClientSummary>, 
/**
 * Matches counted up to `COUNT_CAP`; `total_capped` says the real number is higher.
 */
total: number, total_capped: boolean, };

/**
 * The columns the import reads, in the template's order.
 */
export type ImportColumn = "name" | "credit_code" | "contact" | "phone" | "industry" | "tier" | "stage";

/**
 * Why a row cannot be imported: the column and the rule, its text in `rule.<code>`.
 */
export type ImportProblem = { column: ImportColumn, rule: RuleCode, params: { [key in string]: string }, };

/**
 * One row of the file, as it would be stored.
 */
export type ImportRow = { 
/**
 * The row's number in the sheet, as Excel shows it.
 */
row: number, 
/**
 * Normalised as the client form would store it (when the row is importable).
 */
client: ClientInput, 
/**
 * Empty: the row can be imported.
 */
problems: Array<ImportProblem>, 
/**
 * The industry was given but is not an obvious GB/T 4754 section or division: it is kept
 * as written under "other".
 */
industry_unclassified: boolean, };

export type ImportPreview = { 
/**
 * The file's name (not its path), to say what was read.
 */
file_name: string, 
/**
 * The columns found, in the file's order.
 */
columns: Array<ImportColumn>, 
/**
 * Headings of columns the import does not read.
 */
ignored_columns: Array<string>, rows: Array<ImportRow>, ready: number, duplicates: number, 
/**
 * Rows with a bad value (and not only a duplicate).
 */
invalid: number, 
/**
 * The file has more rows than [`MAX_IMPORT_ROWS`]; the rest were not read.
 */
truncated: boolean, };

/**
 * What was stored: the new clients' ids in the order of the rows sent.
 */
export type ImportResult = { ids: Array<number>, };

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
 * The annual rate in percent that accrues interest: the fixed rate, or LPR + spread
 * (worked out here so the UI never does the sum itself).
 */
annual_rate: string, 
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
export type BookingInput = { client_id: number, contract_no: string, signed_on: string, terms: LoanTerms | null, disbursements: Array<DisbursementInput>, repayment_account: string, 
/**
 * 罚息 and 复利 terms; the contract template's defaults when not given.
 */
penalty: PenaltyTerms, reprice: Reprice, 
/**
 * The credit line (授信) it is drawn under; the drawing must fit what is available.
 */
facility_id: number | null, };

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
remaining: string, status: PeriodStatus, overdue_days: number, settled_on: string | null, 
/**
 * Penalty interest (罚息) on the overdue principal, accrued and unpaid as of the day.
 */
penalty_interest: string, 
/**
 * Compound interest (复利) on the overdue interest, accrued and unpaid as of the day.
 */
compound_interest: string, 
/**
 * Penalty and compound interest paid, and waived by the officer.
 */
paid_penalty: string, waived_penalty: string, };

export type LoanDisbursement = { on: string, amount: string, };

export type LoanRepayment = { id: number, paid_on: string, amount: string, note: string, };

export type LoanVersion = { version: number, reason: string, created_at: string, };

export type ClassificationChange = { class: Classification, suggested: Classification, reason: string, set_on: string, };

/**
 * One line of a client's (or the portfolio's) loan list.
 */
export type LoanSummary = { id: number, client_id: number, client_name: string, contract_no: string, currency: string, outstanding_principal: string, overdue_days: number, classification: Classification, closed_on: string | null, };

export type LoanView = { id: number, 
/**
 * The credit line it is drawn under.
 */
facility_id: number | null, 
/**
 * Collateral, guarantors and how much of the outstanding principal they cover.
 */
security: LoanSecurity, client_id: number, client_name: string, contract_no: string, signed_on: string, currency: string, repayment_account: string, version: number, terms: LoanTerms, versions: Array<LoanVersion>, disbursements: Array<LoanDisbursement>, periods: Array<PeriodView>, repayments: Array<LoanRepayment>, outstanding_principal: string, 
/**
 * Days overdue of the oldest unpaid period (0 when none is late).
 */
overdue_days: number, overdue_amount: string, 
/**
 * Everything due as of the day: unpaid principal and interest of the periods due, with
 * their penalty and compound interest.
 */
amount_due: string, penalty_interest: string, compound_interest: string, penalty: PenaltyTerms, waivers: Array<PenaltyWaiver>, reprice: Reprice, repriced_on: string | null, 
/**
 * Extended or restructured (展期): classified at least 关注.
 */
extended: boolean, 
/**
 * The officer's ≤ 7-day technical-overdue exception, with its reason.
 */
technical_overdue_reason: string | null, 
/**
 * Whether the exception can be recorded today: overdue, and by at most 7 days.
 */
technical_overdue_allowed: boolean, age_bucket: AgeBucket, suggested_classification: Classification, 
/**
 * The officer's classification if set, else the suggestion.
 */
classification: Classification, classification_history: Array<ClassificationChange>, 
/**
 * What repays the loan in full today (0 when closed).
 */
payoff_today: string, overpaid: string, closed_on: string | null, };

export type ReminderKind = "overdue" | "due_soon" | "quarterly_review" | "annual_review" | "covenant" | "shortfall" | "revaluation_due" | "registration_expiry" | "insurance_expiry" | "facility_expiry" | "open_problem" | "renewal_due" | "dormant";

export type Reminder = { 
/**
 * Stable name of what is reminded of; snooze and done refer to it.
 */
key: string, kind: ReminderKind, 
/**
 * None for a client's reminder (a credit line, an open problem).
 */
loan_id: number | null, facility_id: number | null, collateral_id: number | null, collateral_kind: CollateralKind | null, 
/**
 * The open problem reminded of.
 */
problem_id: number | null, client_id: number, client_name: string, contract_no: string, due_on: string, amount: string | null, overdue_days: number, period_no: number | null, ratio: RatioKind | null, statement_year: number | null, };

export type ReminderMark = { "mark": "done" } | { "mark": "snooze", until: string, };

/**
 * One client's breached ratios of its latest imported statement.
 */
export type RatioAlert = { client_id: number, client_name: string, statement_year: number, 
/**
 * Each breached ratio once, in the analysis' order.
 */
ratios: Array<RatioKind>, 
/**
 * The covenant reminders (one per loan and ratio) the row stands for.
 */
keys: Array<string>, };

/**
 * The reminders of Today: every kind but the covenant breaches, which come grouped.
 */
export type TodayReminders = { reminders: Array<Reminder>, ratio_alerts: Array<RatioAlert>, };

export type Slice = { key: string, loans: number, outstanding: string, };

export type MonthCashIn = { 
/**
 * `YYYY-MM`.
 */
month: string, principal: string, interest: string, };

/**
 * A headline figure: how many loans, their outstanding principal and its share of the book.
 */
export type Headline = { loans: number, outstanding: string, 
/**
 * Percent of the book's outstanding principal, two decimals half-up; None for an empty book.
 */
percent: string | null, };

/**
 * One open loan of the portfolio.
 */
export type PortfolioLoan = { loan_id: number, client_id: number, client_name: string, contract_no: string, outstanding: string, 
/**
 * The oldest period not yet paid: the next due date, or the one it is late on.
 */
next_due_on: string | null, days_overdue: number, classification: Classification, 
/**
 * The officer set the classification (else it is the suggestion from days overdue).
 */
classified_by_officer: boolean, 
/**
 * Slice keys, as in the `by_*` lists.
 */
tier: string, 
/**
 * The client's GB/T 4754 code (`C34`, `C`, `other`), if any; `industry` is its section.
 */
industry_code: string | null, 
/**
 * The client's own words for the industry (what `other` means).
 */
industry_text: string | null, industry: string, age: string, collateral: string, coverage: string, 
/**
 * Lendable value of the pledged collateral over the outstanding principal, percent, two
 * decimals half-up; None when nothing is pledged.
 */
coverage_percent: string | null, };

export type Portfolio = { as_of: string, currency: string, loans: number, outstanding: string, 
/**
 * 罚息 and 复利 accrued and unpaid on the overdue loans as of `as_of` (not in
 * `outstanding`, which is principal).
 */
penalty_accrued: string, 
/**
 * 逾期贷款: the whole outstanding principal of every loan with a period past its grace
 * day, as banks' regulatory statistics count it (an instalment loan with one instalment
 * late counts with its whole balance, 整笔计入).
 */
overdue: Headline, 
/**
 * 不良贷款: loans classified 次级, 可疑 or 损失 (《商业银行风险监管核心指标（试行）》:
 * 不良贷款率 = 不良贷款 / 贷款总额).
 */
non_performing: Headline, by_tier: Array<Slice>, 
/**
 * By the GB/T 4754 section (门类) of the client's industry; `other`, or "" when not given.
 */
by_industry: Array<Slice>, by_classification: Array<Slice>, by_age: Array<Slice>, 
/**
 * By the kind of the item lending the most (`unsecured`: none pledged).
 */
by_collateral: Array<Slice>, 
/**
 * By how much of the outstanding principal the collateral covers (CoverageBand).
 */
by_coverage: Array<Slice>, cash_in: Array<MonthCashIn>, other_currency_loans: number, 
/**
 * Every loan behind the figures, largest outstanding first; each carries the key of its
 * slice in every dimension, so a bar opens exactly the loans it adds up.
 */
loan_list: Array<PortfolioLoan>, };

/**
 * A due date on a weekend or holiday may be paid on the next working day without being late.
 * Officer-listed holidays and make-up working days (调休) refine the plain weekend rule.
 */
export type WorkingDays = { holidays: Array<string>, extra_working_days: Array<string>, };

export type DayKind = "holiday" | "workday";

/**
 * One day of the official calendar, with the notice it comes from.
 */
export type CalendarDay = { date: string, kind: DayKind, name: string, source: string, };

/**
 * A day the import changes: what the calendar said, and what the file says.
 */
export type CalendarChange = { before: CalendarDay, after: CalendarDay, };

/**
 * What an imported file would do, before anything is stored.
 */
export type CalendarPreview = { 
/**
 * Every row of the file, in date order: what applying stores.
 */
days: Array<CalendarDay>, 
/**
 * Days the calendar does not have yet.
 */
added: Array<CalendarDay>, 
/**
 * Days whose kind, name or source the file changes.
 */
changed: Array<CalendarChange>, unchanged: number, years: Array<number>, };

/**
 * Which years the calendar covers, built in and imported.
 */
export type CalendarSummary = { built_in_years: Array<number>, imported_years: Array<number>, imported_days: number, 
/**
 * The notices the built-in years come from, one per line of the file's sources.
 */
sources: Array<string>, };

/**
 * 押品种类.
 */
export type CollateralKind = "property" | "land" | "equipment" | "vehicle" | "inventory" | "receivables" | "deposit" | "equity" | "ip";

/**
 * A use of a credit line other than a loan (用信品种).
 */
export type FacilityUseKind = "acceptance" | "guarantee" | "lc";

/**
 * 保证方式.
 */
export type GuaranteeKind = "joint" | "general";

export type GuarantorParty = "person" | "company";

/**
 * How much of a loan's outstanding principal its collateral's lendable value covers.
 */
export type CoverageBand = "unsecured" | "below_50" | "from_50" | "full";

export type FacilityInput = { client_id: number, amount: string, currency: string, from: string, to: string, revolving: boolean, };

export type FacilityUseInput = { facility_id: number, kind: FacilityUseKind, amount: string, 
/**
 * Cash margin (保证金) in percent of the amount.
 */
margin_percent: string, on: string, };

export type FacilityLoan = { id: number, contract_no: string, 
/**
 * Everything disbursed.
 */
drawn: string, outstanding: string, closed_on: string | null, };

export type FacilityUse = { id: number, kind: FacilityUseKind, amount: string, margin_percent: string, exposure: string, on: string, closed_on: string | null, };

export type Facility = { id: number, client_id: number, amount: string, currency: string, from: string, to: string, revolving: boolean, 
/**
 * What counts against the line: loans' part plus the uses' exposure.
 */
used: string, 
/**
 * The loans' part of `used` (outstanding principal; for a non-revolving line, drawn).
 */
loans_used: string, 
/**
 * The uses' part of `used`: their exposure after margin (open ones for a revolving line).
 */
exposure: string, 
/**
 * Amount less used; negative only if a line was shortened below what it carries.
 */
available: string, loans: Array<FacilityLoan>, uses: Array<FacilityUse>, };

export type CollateralInput = { kind: CollateralKind, owner: string, description: string, value: string, valued_on: string, 
/**
 * Who valued it (an appraiser, the bank's own estimate).
 */
source: string, 
/**
 * None: the kind's cap from Settings.
 */
cap_percent: string | null, prior_lien: string, registration_no: string, registered_until: string | null, insured_until: string | null, };

export type Revaluation = { value: string, valued_on: string, source: string, };

export type Valuation = { value: string, valued_on: string, source: string, };

export type Collateral = { id: number, loan_id: number, kind: CollateralKind, owner: string, description: string, 
/**
 * The latest valuation.
 */
value: string, valued_on: string, source: string, cap_percent: string, prior_lien: string, 
/**
 * value × cap − prior liens, not below 0.
 */
lendable: string, registration_no: string, registered_until: string | null, insured_until: string | null, archived_on: string | null, 
/**
 * When the kind's interval in Settings asks for the next valuation (None: never).
 */
revalue_on: string | null, 
/**
 * Every valuation, the oldest first.
 */
valuations: Array<Valuation>, };

export type GuarantorInput = { party: GuarantorParty, name: string, 
/**
 * A company's 统一社会信用代码 (GB 32100), checked when given.
 */
credit_code: string | null, kind: GuaranteeKind, 
/**
 * The most the guarantee covers; None: the whole debt.
 */
limit: string | null, from: string | null, to: string | null, 
/**
 * To the borrower: shareholder, parent company, legal representative...
 */
relation: string, };

export type Guarantor = { id: number, loan_id: number, party: GuarantorParty, name: string, credit_code: string | null, kind: GuaranteeKind, limit: string | null, from: string | null, to: string | null, relation: string, archived_on: string | null, };

export type LoanSecurity = { capacity: string, outstanding: string, shortfall: string, 
/**
 * capacity / outstanding in percent, two decimals half-up; None when nothing is outstanding.
 */
coverage_percent: string | null, collateral: Array<Collateral>, guarantors: Array<Guarantor>, };

export type KindTerms = { kind: CollateralKind, 
/**
 * The share of the value a loan may lean on, in percent.
 */
cap_percent: string, 
/**
 * Months between valuations; 0: never reminded.
 */
revalue_months: number, };

export type SecuritySettings = { 
/**
 * One entry per kind, in the kinds' order.
 */
kinds: Array<KindTerms>, 
/**
 * A registration (抵押登记) or insurance ending within this many days is a reminder.
 */
expiry_days: number, 
/**
 * A credit line ending within this many days is a renewal reminder (续授信).
 */
facility_expiry_days: number, };

/**
 * What a repayment pays of a period that is due, in the order the contract sets.
 */
export type AllocationPart = "compound" | "penalty" | "interest" | "principal";

/**
 * Days a year's penalty rate is spread over.
 */
export type PenaltyBasis = "360" | "365";

/**
 * A loan's penalty terms, set at booking.
 */
export type PenaltyTerms = { 
/**
 * Markup over the contract rate, in percent: 50 makes 5 % a 7.5 % penalty rate.
 */
markup_percent: string, 
/**
 * Funds used for another purpose than agreed (挪用): the markup may be 50–100 %.
 */
misuse: boolean, basis: PenaltyBasis, 
/**
 * What a repayment pays first; each part once.
 */
order: Array<AllocationPart>, };

/**
 * Penalty or compound interest waived (减免), with the officer's reason.
 */
export type PenaltyWaiver = { id: number, on: string, amount: string, reason: string, created_at: string, };

/**
 * When a floating-rate loan reprices, chosen at booking.
 */
export type Reprice = "none" | "jan1" | "anniversary";

/**
 * One published LPR figure.
 */
export type LprRate = { published_on: string, tenor: LprTenor, percent: string, };

/**
 * A floating loan whose repricing day has come and not yet been applied (for Today).
 */
export type RepricingDue = { loan_id: number, client_id: number, client_name: string, contract_no: string, reprice_on: string, tenor: LprTenor, current_percent: string, 
/**
 * The LPR that applies and the new rate, when one is published on or before the day.
 */
lpr_percent: string | null, new_percent: string | null, };

export type PrepayMode = "reduce-payment" | "shorten-term";

/**
 * The prepayment fee (违约金) the contract sets, paid out of the prepayment.
 */
export type PrepayFee = { "kind": "none" } | { "kind": "fixed", amount: string, } | { "kind": "percent", percent: string, };

export type PrepaymentInput = { on: string, 
/**
 * What the client pays: it settles what is due, the interest accrued to the day, the fee,
 * and the rest reduces principal.
 */
amount: string, mode: PrepayMode, fee: PrepayFee, };

export type ScheduleRow = { no: number, due_on: string, payment: string, principal: string, interest: string, };

/**
 * Old and new schedule side by side.
 */
export type ScheduleChange = { old: Array<ScheduleRow>, new: Array<ScheduleRow>, old_interest: string, new_interest: string, 
/**
 * Old total interest less new (negative when the change costs interest, as an extension).
 */
interest_saved: string, 
/**
 * The regular instalment of the first period after the change, before and after.
 */
old_payment: string, new_payment: string, old_maturity: string, new_maturity: string, 
/**
 * Prepayment only: principal prepaid and the fee charged.
 */
prepaid_principal: string, fee: string, 
/**
 * The version the change makes (when saved) or would make (preview).
 */
version: number, };

export type ExportKind = "schedule" | "proposal";

export type ExportRequest = { kind: ExportKind, lang: "zh" | "en", 
/**
 * Proposal only: what the loan is for.
 */
purpose: string | null, 
/**
 * Proposal only: the officer's risks and disclosures (None: the default text).
 */
risks: string | null, 
/**
 * The terms on screen in the calculator, saved or not; None prints the client's proposed
 * scenario (or, without one, the first saved).
 */
terms: LoanTerms | null, 
/**
 * Proposal only: saved scenarios (ids) printed beside it, at most two, in this order.
 * None by default: a proposal offers one loan unless the officer chooses to compare.
 */
compare: Array<number>, 
/**
 * The unit loan amounts are written in (the officer's choice for PDFs); payments stay in 元.
 */
unit: AmountUnit | null, };

export type BankProfile = { 
/**
 * 银行名称, e.g. 中国工商银行.
 */
bank_name: string, 
/**
 * 支行 / 分行, e.g. 苏州工业园区支行.
 */
branch: string, 
/**
 * 客户经理.
 */
officer_name: string, 
/**
 * The officer's phone as the client should call it (digits, spaces, + - ( )).
 */
officer_phone: string, };

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

export type StatementLine = "current-assets" | "inventory" | "total-assets" | "current-liabilities" | "total-liabilities" | "revenue" | "profit-before-tax" | "interest-expense" | "depreciation-amortisation" | "operating-cash-flow" | "cash" | "accounts-receivable" | "total-equity" | "net-profit" | "cost-of-sales" | "accounts-payable" | "prepayments" | "advances-from-customers" | "short-term-borrowings" | "long-term-borrowings" | "bonds-payable" | "current-portion-of-long-term-debt" | "income-tax-expense" | "finance-costs";

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
dscr: string, 
/**
 * The other ratios' thresholds, in each ratio's unit, judged in its direction
 * ([`RatioKind::bound`]). Settings saved before issue 15 read the defaults.
 */
others: Partial<Record<RatioKind, string>>, };

/**
 * A credit ratio of the spread, in the order the analysis lists them.
 */
export type RatioKind = "current-ratio" | "quick-ratio" | "debt-to-asset" | "interest-coverage" | "dscr" | "dscr-cash-flow" | "strict-quick-ratio" | "ebitda" | "debt-to-ebitda" | "net-debt-to-ebitda" | "receivable-days" | "inventory-days" | "payable-days" | "prepaid-days" | "advance-days" | "cash-conversion-cycle" | "gross-margin" | "net-margin" | "return-on-equity" | "cash-to-profit" | "revenue-growth";

/**
 * Whether a value must reach the threshold or stay under it.
 */
export type Bound = "at-least" | "at-most";

export type RatioStatus = "ok" | "breach" | "not-available" | "no-threshold";

/**
 * What a ratio's value counts.
 */
export type RatioUnit = "times" | "percent" | "days" | "yuan";

/**
 * Which balances a turnover or a return was computed on.
 */
export type BalanceBasis = "average" | "closing";

/**
 * How the spread groups its rows, as an approver reads them.
 */
export type RatioGroup = "liquidity" | "leverage" | "turnover" | "profitability";

export type Ratio = { kind: RatioKind, 
/**
 * Two decimals, in `unit`. None when it cannot be computed.
 */
value: string | null, 
/**
 * None when Settings hold none for this ratio.
 */
threshold: string | null, bound: Bound, status: RatioStatus, unit: RatioUnit, 
/**
 * value − the year before's value (percentage points for a percent), when both exist.
 */
change: string | null, 
/**
 * For turnovers and returns: whether average or closing balances were used.
 */
basis: BalanceBasis | null, };

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

/**
 * Everything the formula takes (the CLI's `--input` file: every key required).
 */
export type WcNeedInput = { 
/**
 * 上年度销售收入.
 */
revenue: string, 
/**
 * 上年度销售利润率, in percent.
 */
net_margin_percent: string, 
/**
 * 预计销售收入年增长率, in percent.
 */
growth_percent: string, inventory_days: string, receivable_days: string, payable_days: string, prepaid_days: string, advance_days: string, 
/**
 * 借款人自有资金 (may be negative: current liabilities above current assets).
 */
own_funds: string, 
/**
 * 现有流动资金贷款.
 */
existing_wc_loans: string, 
/**
 * 其他渠道提供的营运资金.
 */
other_funds: string, };

/**
 * Something the officer must see beside the need.
 */
export type WcNeedWarning = "negative_need" | "above_need";

export type WcNeed = { input: WcNeedInput, 
/**
 * 营运资金周转次数, 4 decimals.
 */
turnover: string, 
/**
 * 营运资金量, to the fen.
 */
working_capital: string, 
/**
 * 新增流动资金贷款额度, to the fen, never below 0.
 */
new_need: string, warnings: Array<WcNeedWarning>, };

/**
 * What the officer enters; a day count left empty comes from the statements.
 */
export type WcNeedAssumptions = { growth_percent: string, 
/**
 * None: the latest year's current assets − current liabilities.
 */
own_funds: string | null, existing_wc_loans: string, other_funds: string, inventory_days: string | null, receivable_days: string | null, payable_days: string | null, prepaid_days: string | null, advance_days: string | null, };

/**
 * What the client's latest statements give the calculation (each None when a line is
 * missing), to prefill the form.
 */
export type WcNeedFromStatements = { 
/**
 * The latest imported year (上年度).
 */
year: number, revenue: string | null, net_margin_percent: string | null, inventory_days: string | null, receivable_days: string | null, payable_days: string | null, prepaid_days: string | null, advance_days: string | null, 
/**
 * Current assets − current liabilities.
 */
own_funds: string | null, 
/**
 * Every day count found is on average balances (the year before is imported with its
 * lines); false when any is on the closing balance alone.
 */
averaged: boolean, };

/**
 * How the client came across (客户情绪).
 */
export type Mood = "satisfied" | "neutral" | "anxious" | "dissatisfied";

/**
 * The default problem categories; Settings may add the bank's own.
 */
export type ProblemCategory = "materials" | "slow_approval" | "price" | "communication" | "amount" | "other";

export type ProblemInput = { 
/**
 * A default category's key (`materials`, `slow_approval`, ...) or one added in Settings.
 */
category: string, text: string, };

export type NeedInput = { text: string, product_type: string | null, };

export type FeedbackInput = { 
/**
 * 1 (very unhappy) to 5 (very satisfied).
 */
score: number, 
/**
 * None: the stage the client is in.
 */
stage: number | null, mood: Mood | null, touchpoint_id: number | null, 
/**
 * None: today.
 */
date: string | null, problems: Array<ProblemInput>, needs: Array<NeedInput>, };

/**
 * What was written: the record's id and its problems' and needs' ids, in the input's order.
 */
export type FeedbackIds = { id: number, problems: Array<number>, needs: Array<number>, };

export type Problem = { id: number, feedback_id: number, client_id: number, 
/**
 * A default category's key or one added in Settings.
 */
category: string, text: string, opened_on: string, resolved_on: string | null, resolution_note: string | null, 
/**
 * The touchpoint that told the client.
 */
resolution_touchpoint_id: number | null, };

export type Need = { id: number, feedback_id: number, text: string, product_type: string | null, 
/**
 * The opportunity the need started, once there is one.
 */
opportunity_id: number | null, };

export type Feedback = { id: number, client_id: number, touchpoint_id: number | null, stage: number | null, score: number, mood: Mood | null, date: string, problems: Array<Problem>, needs: Array<Need>, };

export type FeedbackSettings = { 
/**
 * Categories added to the defaults, each its own key and label (e.g. "抵押登记慢").
 */
custom_categories: Array<string>, 
/**
 * An open problem this many days old is on Today.
 */
open_problem_days: number, };

export type JourneyMapStage = { stage: number, 
/**
 * Clients who entered the stage in the period (the funnel's `entered`).
 */
clients: number, 
/**
 * Mean satisfaction (1–5) of the period's feedback about the stage, to 2 decimals.
 */
avg_score: number | null, 
/**
 * How many feedback records the mean is over.
 */
feedback: number, 
/**
 * Clients marked lost in the period while in the stage (the funnel's `lost`).
 */
drop_off: number, 
/**
 * Problems raised in the period, by category key.
 */
problems: { [key in string]: number }, 
/**
 * Of those, not resolved by the end of the period.
 */
open_problems: number, 
/**
 * Of those, resolved by the end of the period.
 */
closed_problems: number, };

/**
 * One tier's clients (not archived): by lifecycle status now, and 获客/活客/留客.
 */
export type JourneyMapTier = { tier: Tier, prospect: number, active: number, loyal: number, dormant: number, lost: number, 
/**
 * 获客: created in the period.
 */
acquisition: number, 
/**
 * 活客: status changed to active in the period.
 */
activation: number, 
/**
 * 留客: loyal now.
 */
retention: number, };

export type JourneyMap = { from: string, to: string, stages: Array<JourneyMapStage>, matrix: Array<JourneyMapTier>, };

/**
 * Why a status is suggested.
 */
export type SuggestionReason = "no_contact" | "active_loan" | "recent_contact" | "second_loan" | "renewal" | "referral";

export type LifecycleSuggestion = { client_id: number, client_name: string, tier: Tier, from: LifecycleStatus, to: LifecycleStatus, reason: SuggestionReason, 
/**
 * The latest touchpoint, else the day the client was created.
 */
last_contact_on: string, 
/**
 * For dormant: the day the quiet spell reached the tier's N days.
 */
dormant_since: string | null, };

/**
 * Days without a touchpoint after which a client with no active loan is suggested dormant;
 * contact within them is "recent" (a dormant client becomes active again).
 */
export type DormantDays = { A: number, B: number, C: number, };

export type LifecycleSettings = { dormant_days: DormantDays, 
/**
 * A loan maturing within this many days is on Today as due for renewal (续贷).
 */
renewal_days: number, };

export type Referral = { id: number, 
/**
 * Who referred.
 */
client_id: number, referred_id: number, referred_name: string, on_date: string, };

export type OpportunityKind = "need" | "renewal";

/**
 * Where the opportunity comes from.
 */
export type OpportunitySource = { "kind": "need", "id": number } | { "kind": "renewal", "id": number };

export type Opportunity = { id: number, client_id: number, kind: OpportunityKind, need_id: number | null, loan_id: number | null, stage: number, started_on: string, };

export type ScorePoint = { date: string, stage: number | null, score: number, };

export type ProposedAmount = { principal: string, currency: string, };

export type ClientProfile = { client_id: number, status: LifecycleStatus, tier: Tier, stage: number, days_in_stage: number, 
/**
 * The latest scores, oldest first.
 */
scores: Array<ScorePoint>, 
/**
 * Mean of all the client's scores, to 2 places (half away from zero); None without any.
 */
avg_score: string | null, open_problems: number, active_loans: number, outstanding: string, follow_up: FollowUp | null, suggestion: LifecycleSuggestion | null, 
/**
 * The proposed (else the first) saved scenario's amount: what the officer is offering.
 */
proposed: ProposedAmount | null, 
/**
 * Days overdue of the client's most overdue active loan (0 when none is late).
 */
overdue_days: number, 
/**
 * Unpaid principal and interest of the periods due, over the client's active loans.
 */
overdue_amount: string, };

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
export type EntryVia = "created" | "advance" | "back" | "migrated" | "opportunity";

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

/**
 * What a column asks for in one currency: the sum of its clients' proposed principals, exact.
 */
export type ColumnAmount = { currency: string, amount: string, };

export type BoardColumn = { stage: number, 
/**
 * Clients in the column with the filters applied (all of them, not only this page).
 */
total: number, 
/**
 * Proposed principal of the whole filtered column, one sum per currency (by code).
 */
amounts: Array<ColumnAmount>, offset: number, cards: Array<BoardCard>, };

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

/**
 * How the debt is repaid over the tenor.
 */
export type Repayment = "sculpted" | "annuity" | "equal-principal" | "bullet";

/**
 * Where the debt service reserve account's first balance comes from.
 */
export type DsraFunding = "cod" | "cash-flow";

/**
 * [`DrawTiming`] as the input names it.
 */
export type DrawTimingKey = "start" | "end";

/**
 * The industries of 国发〔2015〕51号's table.
 */
export type CapitalCategory = "urban-rail" | "port-shipping-airport" | "rail-road" | "affordable-housing" | "real-estate-other" | "steel-aluminium" | "cement" | "overcapacity-other" | "corn-processing" | "fertiliser" | "power-and-other";

/**
 * The minimum share per industry the bank applies; a category left out keeps its default.
 */
export type CapitalTable = { overrides: Partial<Record<CapitalCategory, string>>, };

/**
 * One industry of Settings' 资本金 table: 国发〔2015〕51号's minimum and the one applied.
 */
export type CapitalMinimum = { category: CapitalCategory, default_percent: string, percent: string, };

/**
 * The project's 资本金 against its industry's minimum.
 */
export type CapitalCheck = { category: CapitalCategory, required_percent: string, 
/**
 * (total uses − senior debt) ÷ total uses, 2 places.
 */
equity_percent: string, short: boolean, };

export type ConstructionInput = { 
/**
 * Monthly (12) or quarterly (4); 1 and 2 are read too.
 */
periods_per_year: number, rate_percent: string, draws: Array<string>, draw_timing: DrawTimingKey, };

export type SweepInput = { 
/**
 * The share of the cash left after debt service (and the DSRA) that prepays the debt.
 */
percent: string, 
/**
 * Below this period DSCR the cash is trapped (lock-up) instead of swept or paid out.
 */
lockup_dscr: string, };

/**
 * A floating rate: the LPR quote the loan references plus the bank's spread (贷款市场报价利率
 * 加点, PBoC announcement 〔2019〕15号). `rate_percent` is their sum; this records how it was made.
 */
export type LprBasis = { tenor: LprTenor, 
/**
 * The quote used, as published.
 */
lpr_percent: string, 
/**
 * Basis points over (or under, negative) the quote.
 */
spread_bp: number, };

/**
 * One model's inputs. Series are per operation period, period 1 first.
 */
export type ModelInput = { 
/**
 * Operation periods a year: 1, 2 or 4.
 */
periods_per_year: number, 
/**
 * The senior debt's annual rate (fixed, or LPR + spread as the officer sets it).
 */
rate_percent: string, 
/**
 * Set when the rate is LPR + spread: `rate_percent` must be their sum.
 */
rate_basis?: LprBasis, 
/**
 * Cash flow available for debt service; empty when built from `revenue` and the rest.
 */
cfads: Array<string>, target_dscr: string, 
/**
 * Total investment (总投资): the gearing cap's base and the 资本金 check's.
 */
total_uses?: string | null, max_gearing_percent?: string | null, 
/**
 * A given debt amount instead of the sized one.
 */
debt?: string | null, repayment: Repayment, 
/**
 * Periods over which the debt is repaid; default every CFADS period.
 */
tenor_periods?: number | null, construction?: ConstructionInput, dsra_months?: number | null, dsra_funding: DsraFunding, sweep?: SweepInput, 
/**
 * For 偿债备付率 (with `tax`) and 利息备付率 (`ebit`); each one figure per CFADS period.
 */
ebitda?: Array<string>, tax?: Array<string>, ebit?: Array<string>, 
/**
 * CFADS built as revenue − opex − tax − working-capital increase − maintenance capex.
 */
revenue?: Array<string>, opex?: Array<string>, working_capital_change?: Array<string>, maintenance_capex?: Array<string>, 
/**
 * The project's industry for the 资本金 minimum (国发〔2015〕51号).
 */
capital_category?: CapitalCategory, };

export type ConstructionRow = { period: number, draw: string, interest: string, closing: string, };

export type DsraRow = { target: string, opening: string, draw: string, deposit: string, release: string, closing: string, };

export type SweepRow = { cash: string, swept: string, trapped: string, released: string, distributed: string, locked_up: boolean, };

export type ModelPeriod = { period: number, cfads: string, opening: string, interest: string, principal: string, debt_service: string, closing: string, dscr: string | null, llcr: string | null, 
/**
 * 偿债备付率, when EBITDA is given.
 */
dscr_cn?: string, 
/**
 * 利息备付率, when EBIT is given.
 */
icr?: string, dsra?: DsraRow, sweep?: SweepRow, };

/**
 * 资金来源与运用 at COD.
 */
export type SourcesUses = { 
/**
 * The total investment as entered.
 */
project_cost: string, 
/**
 * The DSRA's first balance when funded at COD.
 */
dsra_funding: string, total_uses: string, debt: string, equity: string, };

export type SensitivityKind = "cfads-10" | "cfads-20" | "rate+100bp";

export type SensitivityCase = { case: SensitivityKind, min_dscr: string | null, min_llcr: string | null, 
/**
 * Every period's cash, with the DSRA's help, pays its debt service.
 */
repays: boolean, };

export type ModelWarning = "dscr_below_target" | "gearing_above_max" | "cash_shortfall" | "negative_principal" | "equity_short";

/**
 * One warning with its figures; `message` in the language asked for.
 */
export type PfWarning = { code: ModelWarning, message: string, params: { [key in string]: string }, };

export type ProjectModel = { debt: string, 
/**
 * Σ (CFADS_t ÷ target DSCR) ÷ (1 + r)^t over the tenor.
 */
capacity: string, idc: string, debt_at_cod: string, 
/**
 * DSCR_s = NPV(CFADS) ÷ debt, when sculpted.
 */
sculpt_dscr: string | null, construction_periods: Array<ConstructionRow>, periods: Array<ModelPeriod>, min_dscr: string | null, avg_dscr_mean: string | null, avg_dscr_ratio: string | null, min_llcr: string | null, 
/**
 * At the start, before period 1.
 */
llcr: string | null, plcr: string | null, min_dscr_cn?: string, min_icr?: string, sources_uses?: SourcesUses, capital_check?: CapitalCheck, sensitivity: Array<SensitivityCase>, warnings: Array<PfWarning>, };

/**
 * One line of text the engine found: what it read, how sure it was (0..1), and where
 * (corners in page pixels: top-left, top-right, bottom-right, bottom-left).
 */
export type OcrBox = { text: string, score: number, quad: [[number, number], [number, number], [number, number], [number, number]], };

/**
 * A field of a business licence the app can fill.
 */
export type LicenceField = "credit_code" | "name" | "legal_representative" | "registered_capital" | "established_on" | "address" | "type" | "business_scope";

/**
 * One field as the review dialog shows it.
 */
export type LicenceFieldReview = { field: LicenceField, proposed: string, 
/**
 * The client's value now; None when the client has none.
 */
current: string | null, 
/**
 * 0..1; None when the reader gave no figure for the field.
 */
confidence: number | null, };

/**
 * A licence read, laid out for the officer's review.
 */
export type LicenceReview = { 
/**
 * In the licence's order; fields not found are left out.
 */
fields: Array<LicenceFieldReview>, credit_code_valid: boolean, credit_code_repaired: boolean, 
/**
 * Every line found on the page, to draw over its image.
 */
boxes: Array<OcrBox>, 
/**
 * The page's size in pixels (the boxes' coordinates).
 */
page_width: number, page_height: number, };

/**
 * A value the officer accepted (possibly corrected).
 */
export type AcceptedField = { field: LicenceField, value: string, };

export type StatementRead = { 
/**
 * The years read, in the order of the page's columns, as a statement import gives them.
 */
years: Array<FinancialYear>, 
/**
 * Labels of rows with figures that match no line of the template (固定资产, 实收资本, …):
 * the officer maps or ignores them.
 */
unmatched: Array<string>, 
/**
 * Per template line (its key), how sure the reading of its row is (0..1).
 */
confidence: { [key in string]: number }, boxes: Array<OcrBox>, };

/**
 * One year's figures as the officer accepted them in a preview (a scanned page read by OCR,
 * then corrected), in yuan.
 */
export type StatementYearInput = { year: number, figures: Partial<Record<StatementLine, string>>, };

/** Each ratio's unit, direction, group and statement lines (crates/core/src/analysis/ratios.rs). */
export const RATIOS = {
  "current-ratio": { unit: "times", bound: "at-least", group: "liquidity", lines: ["current-assets", "current-liabilities"], namedThreshold: true },
  "quick-ratio": { unit: "times", bound: "at-least", group: "liquidity", lines: ["current-assets", "inventory", "current-liabilities"], namedThreshold: true },
  "debt-to-asset": { unit: "percent", bound: "at-most", group: "leverage", lines: ["total-liabilities", "total-assets"], namedThreshold: true },
  "interest-coverage": { unit: "times", bound: "at-least", group: "leverage", lines: ["profit-before-tax", "interest-expense"], namedThreshold: true },
  "dscr": { unit: "times", bound: "at-least", group: "leverage", lines: ["profit-before-tax", "interest-expense", "depreciation-amortisation"], namedThreshold: true },
  "dscr-cash-flow": { unit: "times", bound: "at-least", group: "leverage", lines: ["operating-cash-flow"], namedThreshold: true },
  "strict-quick-ratio": { unit: "times", bound: "at-least", group: "liquidity", lines: ["current-assets", "inventory", "prepayments", "current-liabilities"], namedThreshold: false },
  "ebitda": { unit: "yuan", bound: "at-least", group: "leverage", lines: ["profit-before-tax", "interest-expense", "depreciation-amortisation"], namedThreshold: false },
  "debt-to-ebitda": { unit: "times", bound: "at-most", group: "leverage", lines: ["profit-before-tax", "interest-expense", "depreciation-amortisation"], namedThreshold: false },
  "net-debt-to-ebitda": { unit: "times", bound: "at-most", group: "leverage", lines: ["cash", "profit-before-tax", "interest-expense", "depreciation-amortisation"], namedThreshold: false },
  "receivable-days": { unit: "days", bound: "at-most", group: "turnover", lines: ["accounts-receivable", "revenue"], namedThreshold: false },
  "inventory-days": { unit: "days", bound: "at-most", group: "turnover", lines: ["inventory", "cost-of-sales"], namedThreshold: false },
  "payable-days": { unit: "days", bound: "at-most", group: "turnover", lines: ["accounts-payable", "cost-of-sales"], namedThreshold: false },
  "prepaid-days": { unit: "days", bound: "at-most", group: "turnover", lines: ["prepayments", "cost-of-sales"], namedThreshold: false },
  "advance-days": { unit: "days", bound: "at-least", group: "turnover", lines: ["advances-from-customers", "revenue"], namedThreshold: false },
  "cash-conversion-cycle": { unit: "days", bound: "at-most", group: "turnover", lines: ["accounts-receivable", "revenue", "inventory", "cost-of-sales", "accounts-payable"], namedThreshold: false },
  "gross-margin": { unit: "percent", bound: "at-least", group: "profitability", lines: ["revenue", "cost-of-sales"], namedThreshold: false },
  "net-margin": { unit: "percent", bound: "at-least", group: "profitability", lines: ["net-profit", "revenue"], namedThreshold: false },
  "return-on-equity": { unit: "percent", bound: "at-least", group: "profitability", lines: ["net-profit", "total-equity"], namedThreshold: false },
  "cash-to-profit": { unit: "times", bound: "at-least", group: "profitability", lines: ["operating-cash-flow", "net-profit"], namedThreshold: false },
  "revenue-growth": { unit: "percent", bound: "at-least", group: "profitability", lines: ["revenue"], namedThreshold: false },
} as const satisfies Record<RatioKind, { unit: RatioUnit; bound: Bound; group: RatioGroup; lines: readonly StatementLine[]; namedThreshold: boolean }>;
/** 有息负债's lines: any one present is enough. */
export const DEBT_LINES = ["short-term-borrowings", "long-term-borrowings", "bonds-payable", "current-portion-of-long-term-debt"] as const satisfies readonly StatementLine[];
/** Every label and message the core defines (crates/core/src/labels.rs), by language. */
export const CATALOGUE = {
  "zh-CN": {
    "stage": {
      "1": "发现与识别",
      "2": "初步接触与评估",
      "3": "深入与需求分析",
      "4": "方案制定与决策支持",
      "5": "合作确立与贷后管理",
    },
    "industry": {
      "A": "农、林、牧、渔业",
      "A01": "农业",
      "A02": "林业",
      "A03": "畜牧业",
      "A04": "渔业",
      "A05": "农、林、牧、渔专业及辅助性活动",
      "B": "采矿业",
      "B06": "煤炭开采和洗选业",
      "B07": "石油和天然气开采业",
      "B08": "黑色金属矿采选业",
      "B09": "有色金属矿采选业",
      "B10": "非金属矿采选业",
      "B11": "开采专业及辅助性活动",
      "B12": "其他采矿业",
      "C": "制造业",
      "C13": "农副食品加工业",
      "C14": "食品制造业",
      "C15": "酒、饮料和精制茶制造业",
      "C16": "烟草制品业",
      "C17": "纺织业",
      "C18": "纺织服装、服饰业",
      "C19": "皮革、毛皮、羽毛及其制品和制鞋业",
      "C20": "木材加工和木、竹、藤、棕、草制品业",
      "C21": "家具制造业",
      "C22": "造纸和纸制品业",
      "C23": "印刷和记录媒介复制业",
      "C24": "文教、工美、体育和娱乐用品制造业",
      "C25": "石油、煤炭及其他燃料加工业",
      "C26": "化学原料和化学制品制造业",
      "C27": "医药制造业",
      "C28": "化学纤维制造业",
      "C29": "橡胶和塑料制品业",
      "C30": "非金属矿物制品业",
      "C31": "黑色金属冶炼和压延加工业",
      "C32": "有色金属冶炼和压延加工业",
      "C33": "金属制品业",
      "C34": "通用设备制造业",
      "C35": "专用设备制造业",
      "C36": "汽车制造业",
      "C37": "铁路、船舶、航空航天和其他运输设备制造业",
      "C38": "电气机械和器材制造业",
      "C39": "计算机、通信和其他电子设备制造业",
      "C40": "仪器仪表制造业",
      "C41": "其他制造业",
      "C42": "废弃资源综合利用业",
      "C43": "金属制品、机械和设备修理业",
      "D": "电力、热力、燃气及水生产和供应业",
      "D44": "电力、热力生产和供应业",
      "D45": "燃气生产和供应业",
      "D46": "水的生产和供应业",
      "E": "建筑业",
      "E47": "房屋建筑业",
      "E48": "土木工程建筑业",
      "E49": "建筑安装业",
      "E50": "建筑装饰、装修和其他建筑业",
      "F": "批发和零售业",
      "F51": "批发业",
      "F52": "零售业",
      "G": "交通运输、仓储和邮政业",
      "G53": "铁路运输业",
      "G54": "道路运输业",
      "G55": "水上运输业",
      "G56": "航空运输业",
      "G57": "管道运输业",
      "G58": "多式联运和运输代理业",
      "G59": "装卸搬运和仓储业",
      "G60": "邮政业",
      "H": "住宿和餐饮业",
      "H61": "住宿业",
      "H62": "餐饮业",
      "I": "信息传输、软件和信息技术服务业",
      "I63": "电信、广播电视和卫星传输服务",
      "I64": "互联网和相关服务",
      "I65": "软件和信息技术服务业",
      "J": "金融业",
      "J66": "货币金融服务",
      "J67": "资本市场服务",
      "J68": "保险业",
      "J69": "其他金融业",
      "K": "房地产业",
      "K70": "房地产业",
      "L": "租赁和商务服务业",
      "L71": "租赁业",
      "L72": "商务服务业",
      "M": "科学研究和技术服务业",
      "M73": "研究和试验发展",
      "M74": "专业技术服务业",
      "M75": "科技推广和应用服务业",
      "N": "水利、环境和公共设施管理业",
      "N76": "水利管理业",
      "N77": "生态保护和环境治理业",
      "N78": "公共设施管理业",
      "N79": "土地管理业",
      "O": "居民服务、修理和其他服务业",
      "O80": "居民服务业",
      "O81": "机动车、电子产品和日用产品修理业",
      "O82": "其他服务业",
      "P": "教育",
      "P83": "教育",
      "Q": "卫生和社会工作",
      "Q84": "卫生",
      "Q85": "社会工作",
      "R": "文化、体育和娱乐业",
      "R86": "新闻和出版业",
      "R87": "广播、电视、电影和录音制作业",
      "R88": "文化艺术业",
      "R89": "体育",
      "R90": "娱乐业",
      "S": "公共管理、社会保障和社会组织",
      "S91": "中国共产党机关",
      "S92": "国家机构",
      "S93": "人民政协、民主党派",
      "S94": "社会保障",
      "S95": "群众团体、社会团体和其他成员组织",
      "S96": "基层群众自治组织及其他组织",
      "T": "国际组织",
      "T97": "国际组织",
      "other": "其他（未归类）",
    },
    "importColumn": {
      "name": "客户名称",
      "credit_code": "统一社会信用代码",
      "contact": "联系人",
      "phone": "联系电话",
      "industry": "行业",
      "tier": "客户分层",
      "stage": "阶段",
    },
    "stageShort": {
      "1": "发现识别",
      "2": "初步评估",
      "3": "需求分析",
      "4": "方案决策",
      "5": "贷后管理",
    },
    "docKind": {
      "application-form": "贷款申请书",
      "business-licence": "营业执照",
      "legal-rep-id": "法定代表人身份证",
      "financial-statements": "财务报表",
      "bank-statements": "银行流水",
      "tax-certificate": "纳税证明",
      "credit-report": "征信报告",
      "feasibility-study": "可行性研究报告",
      "project-approval": "项目审批文件",
      "collateral": "抵押物资料",
      "contract": "合同",
      "proposal": "方案建议书",
      "other": "其他",
    },
    "statementLine": {
      "current-assets": "流动资产合计",
      "inventory": "存货",
      "total-assets": "资产总计",
      "current-liabilities": "流动负债合计",
      "total-liabilities": "负债合计",
      "revenue": "营业收入",
      "profit-before-tax": "利润总额",
      "interest-expense": "利息支出",
      "depreciation-amortisation": "折旧与摊销",
      "operating-cash-flow": "经营活动现金流量净额",
      "cash": "货币资金",
      "accounts-receivable": "应收账款",
      "total-equity": "所有者权益合计",
      "net-profit": "净利润",
      "cost-of-sales": "营业成本",
      "accounts-payable": "应付账款",
      "prepayments": "预付账款",
      "advances-from-customers": "预收账款",
      "short-term-borrowings": "短期借款",
      "long-term-borrowings": "长期借款",
      "bonds-payable": "应付债券",
      "current-portion-of-long-term-debt": "一年内到期的非流动负债",
      "income-tax-expense": "所得税费用",
      "finance-costs": "财务费用",
    },
    "classification": {
      "pass": "正常",
      "special_mention": "关注",
      "substandard": "次级",
      "doubtful": "可疑",
      "loss": "损失",
    },
    "ageBucket": {
      "current": "未逾期",
      "1-30": "1–30 天",
      "31-60": "31–60 天",
      "61-90": "61–90 天",
      "90+": "90 天以上",
    },
    "lprTenor": {
      "1y": "1年期",
      "5y": "5年期以上",
    },
    "prepayMode": {
      "reduce-payment": "减少月供（到期日不变）",
      "shorten-term": "缩短期限（月供不变）",
    },
    "allocationPart": {
      "compound": "复利",
      "penalty": "罚息",
      "interest": "利息",
      "principal": "本金",
    },
    "penaltyBasis": {
      "360": "按 360 天计（惯例）",
      "365": "按 365 天计",
    },
    "reprice": {
      "none": "不重定价",
      "jan1": "每年 1 月 1 日重定价",
      "anniversary": "每年首次放款对月对日重定价",
    },
    "collateralKind": {
      "property": "房产",
      "land": "土地使用权",
      "equipment": "机器设备",
      "vehicle": "交通运输工具",
      "inventory": "存货",
      "receivables": "应收账款",
      "deposit": "存单",
      "equity": "股权",
      "ip": "知识产权",
    },
    "facilityUse": {
      "acceptance": "银行承兑汇票",
      "guarantee": "保函",
      "lc": "信用证",
    },
    "guaranteeKind": {
      "joint": "连带责任保证",
      "general": "一般保证",
    },
    "guarantorParty": {
      "person": "自然人",
      "company": "企业",
    },
    "coverageBand": {
      "unsecured": "无押品",
      "below_50": "覆盖率低于 50%",
      "from_50": "覆盖率 50%–100%",
      "full": "足额覆盖",
    },
    "ratioKind": {
      "current-ratio": "流动比率",
      "quick-ratio": "速动比率",
      "debt-to-asset": "资产负债率",
      "interest-coverage": "利息保障倍数",
      "dscr": "偿债覆盖率（EBITDA）",
      "dscr-cash-flow": "偿债覆盖率（经营现金流）",
      "strict-quick-ratio": "速动比率（扣除预付）",
      "ebitda": "息税折旧摊销前利润（EBITDA）",
      "debt-to-ebitda": "有息负债/EBITDA",
      "net-debt-to-ebitda": "净债务/EBITDA",
      "receivable-days": "应收账款周转天数",
      "inventory-days": "存货周转天数",
      "payable-days": "应付账款周转天数",
      "prepaid-days": "预付账款周转天数",
      "advance-days": "预收账款周转天数",
      "cash-conversion-cycle": "现金周期",
      "gross-margin": "毛利率",
      "net-margin": "销售净利率",
      "return-on-equity": "净资产收益率",
      "cash-to-profit": "净现比",
      "revenue-growth": "营业收入增长率",
    },
    "ratioGroup": {
      "liquidity": "偿债能力（短期）",
      "leverage": "杠杆与偿债",
      "turnover": "营运周转与现金周期",
      "profitability": "盈利与现金质量",
    },
    "ratioUnit": {
      "times": "倍",
      "percent": "百分比（%）",
      "days": "天",
      "yuan": "元",
    },
    "balanceBasis": {
      "average": "期初期末平均余额",
      "closing": "无上年数据，按期末余额计算",
    },
    "wcNeedWarning": {
      "negative_need": "测算结果为负：自有及现有资金已满足营运资金需求，新增额度按 0 计",
      "above_need": "申请金额超过测算需求",
    },
    "repayment": {
      "sculpted": "按现金流塑形",
      "annuity": "等额本息",
      "equal-principal": "等额本金",
      "bullet": "到期一次还本",
    },
    "dsraFunding": {
      "cod": "商业运营日一次注资",
      "cash-flow": "由经营现金流逐期计提",
    },
    "drawTiming": {
      "start": "期初提款（当期计息）",
      "end": "期末提款（下期起计息）",
    },
    "capitalCategory": {
      "urban-rail": "城市轨道交通项目",
      "port-shipping-airport": "港口、沿海及内河航运、机场项目",
      "rail-road": "铁路、公路项目",
      "affordable-housing": "保障性住房和普通商品住房项目",
      "real-estate-other": "其他房地产开发项目",
      "steel-aluminium": "钢铁、电解铝项目",
      "cement": "水泥项目",
      "overcapacity-other": "煤炭、电石、铁合金、烧碱、焦炭、黄磷、多晶硅项目",
      "corn-processing": "玉米深加工项目",
      "fertiliser": "化肥（钾肥除外）项目",
      "power-and-other": "电力等其他项目",
    },
    "sensitivityKind": {
      "cfads-10": "CFADS 下降 10%",
      "cfads-20": "CFADS 下降 20%",
      "rate+100bp": "利率上升 100 个基点",
    },
    "modelWarning": {
      "dscr_below_target": "最低偿债覆盖率 {{dscr}} 低于目标 {{target}}",
      "gearing_above_max": "债务占总投资 {{gearing}}%，超过上限 {{max}}%",
      "cash_shortfall": "第 {{periods}} 期现金流不足以偿还当期本息",
      "negative_principal": "第 {{periods}} 期塑形本金为负（余额上升）",
      "equity_short": "资本金比例 {{equity}}% 低于该行业最低要求 {{required}}%",
    },
    "licenceField": {
      "credit_code": "统一社会信用代码",
      "name": "名称",
      "legal_representative": "法定代表人",
      "registered_capital": "注册资本",
      "established_on": "成立日期",
      "address": "住所",
      "type": "类型",
      "business_scope": "经营范围",
    },
    "amountUnit": {
      "yuan": "元",
      "wan": "万元",
      "yi": "亿元",
    },
    "amountScale": {
      "wan": "万",
      "yi": "亿",
    },
    "mood": {
      "satisfied": "满意",
      "neutral": "一般",
      "anxious": "焦虑",
      "dissatisfied": "不满",
    },
    "problemCategory": {
      "materials": "材料繁琐",
      "slow_approval": "审批慢",
      "price": "利率/费用",
      "communication": "沟通",
      "amount": "额度",
      "other": "其他",
    },
    "suggestionReason": {
      "no_contact": "长期未联系且无在贷",
      "active_loan": "有在贷贷款",
      "recent_contact": "近期有联系",
      "second_loan": "第二笔贷款",
      "renewal": "续贷",
      "referral": "转介绍客户",
    },
    "error": {
      "wrong_password": "错误的密码，请重新输入。",
      "vault_missing": "找不到保险库文件。",
      "vault_exists": "保险库已经存在，请直接解锁。",
      "vault_too_new": "该保险库由更新版本的 LoanDesk 创建，请先升级本应用。",
      "not_a_vault": "该文件不是 LoanDesk 保险库，或者已经损坏。",
      "validation": "输入内容有误，请检查后重试。",
      "not_found": "找不到该记录，它可能已被删除。",
      "locked": "保险库已锁定，请重新解锁。",
      "no_scenario": "该客户没有拟议方案：请先在贷款测算中保存一个。",
      "try_later": "密码错误次数过多，请等待 {{seconds}} 秒后再试。",
      "damaged": "保险库未通过完整性检查，因此没有打开，不会读取任何损坏的数据。请从备份恢复。",
      "gate_refused": "还有必需的清单项目未完成，不能进入下一阶段。",
      "database": "数据库出错，操作未完成。",
      "io": "读写文件时出错，操作未完成。",
      "pdf": "生成 PDF 时出错，未导出。",
      "file_in_use": "该文件正被其他程序打开（例如 PDF 阅读器或 Excel），无法替换。请关闭该文件后重试。",
      "internal": "发生内部错误，为安全起见保险库已锁定，请重新解锁。",
      "document_unreadable": "无法读取该文件：内容已损坏，或与文件类型不符。",
      "ocr_unavailable": "文字识别组件缺失，请重新安装 LoanDesk。",
      "ocr_failed": "文字识别出错，未读取任何内容。",
      "cancelled": "已取消。",
    },
    "rule": {
      "required": "请填写此项。",
      "max_chars": "最多 {{n}} 个字符。",
      "range": "应在 {{min}} 至 {{max}} 之间。",
      "at_most": "不能超过 {{max}}。",
      "positive": "必须大于 0。",
      "not_negative": "不能为负数。",
      "decimal_places": "最多保留 {{n}} 位小数。",
      "less_than": "必须小于「{{other}}」。",
      "not_before": "不能早于「{{other}}」。",
      "currency": "请填写 3 位大写字母的币种代码，如 CNY。",
      "email": "邮箱地址格式不正确。",
      "phone": "只能包含数字、空格和 + - ( )。",
      "credit_code_length": "应为 18 位，当前为 {{n}} 位。",
      "credit_code_character": "第 {{position}} 位的「{{character}}」不是有效字符。",
      "credit_code_check": "校验码应为「{{expected}}」，实际为「{{found}}」。",
      "duplicate": "已被另一家客户（编号 {{id}}）使用。",
      "password_too_short": "密码至少需要 {{n}} 个字符。",
      "passwords_differ": "两次输入的密码不一致。",
      "too_many": "已达上限（最多 {{n}} 个）。",
      "out_of_range": "超出可计算的范围。",
      "unknown_value": "无法识别的取值「{{value}}」。",
      "not_allowed": "此处不允许此操作。",
      "empty_file": "文件是空的。",
      "file_too_large": "文件超过 {{max_mb}} MB 的上限。",
      "unknown_file_type": "不是支持的文件类型（PDF、JPEG、PNG、TIFF、XLSX、XLS、CSV、DOCX）。",
      "extension_mismatch": "文件名是 .{{extension}}，但内容是 {{detected}}。",
      "duplicate_document": "相同的文件已导入（文件编号 {{id}}）。",
      "corrupt": "文件已损坏，无法读取。",
      "password_protected": "文件设有密码，请另存为无密码的文件后再导入。",
      "zip_bomb": "文件解压后大小异常，已拒绝。",
      "not_spreadsheet": "不是 XLSX、XLS 或 CSV 表格。",
      "not_image_or_pdf": "不是照片或扫描件（PNG、JPEG、TIFF 或扫描的 PDF）。",
      "no_page_image": "该 PDF 中没有扫描页图像（文字版 PDF 无需识别）。",
      "no_text_found": "页面上没有识别到文字。",
      "file_exists": "该文件已存在，请换一个文件名。",
      "statement_no_years": "找不到年度表头行（如 2023、2024）。",
      "statement_line_missing": "缺少必需的报表项目「{{line}}」。",
      "statement_value": "报表项目「{{line}}」（第 {{row}} 行，{{year}} 年）的数值为空或不是数字：「{{value}}」。",
      "statement_year_twice": "年度 {{year}} 在表头中出现了两次。",
      "not_in_future": "不能晚于今天。",
      "after_today": "应晚于今天。",
      "after_maturity": "应早于贷款到期日。",
      "first_is_disbursement_date": "首笔放款应在贷款的放款日。",
      "not_a_number": "请输入数字。",
      "whole_number": "请输入整数。",
      "format": "格式应为 {{format}}。",
      "allocation_order": "复利、罚息、利息、本金应各出现一次。",
      "loan_closed": "该贷款已结清。",
      "no_periods_left": "没有尚未到期的期次。",
      "no_lpr": "{{on}} 及之前没有已公布的 {{tenor}} LPR。",
      "not_repricing_day": "不是该贷款的重定价日。",
      "above_available": "超过授信可用额度（可用 {{available}}）。",
      "outside_facility": "不在授信期限（{{from}} 至 {{to}}）内。",
      "series_length": "应有 {{n}} 期数据，与现金流（CFADS）期数相同。",
      "must_be": "应为 {{value}}。",
      "calendar_row": "第 {{row}} 行不是有效的日历行（日期,holiday 或 workday,名称,来源）：「{{value}}」。",
      "calendar_day_twice": "第 {{row}} 行的日期 {{on}} 在文件中重复出现。",
      "same_name": "已有同名客户（编号 {{id}}）。",
      "duplicate_in_file": "与文件第 {{row}} 行重复。",
      "import_no_header": "找不到表头行：前几行中应有「客户名称」列（可先保存模板对照）。",
      "rows_with_problems": "有 {{n}} 行存在问题，未导入任何客户。",
    },
  },
  "en": {
    "stage": {
      "1": "Awareness",
      "2": "Initial engagement & assessment",
      "3": "Needs assessment",
      "4": "Proposal & decision support",
      "5": "Onboarding & post-disbursement",
    },
    "industry": {
      "A": "Agriculture, forestry, animal husbandry and fishery",
      "A01": "Agriculture",
      "A02": "Forestry",
      "A03": "Animal husbandry",
      "A04": "Fishery",
      "A05": "Support activities for agriculture, forestry, animal husbandry and fishery",
      "B": "Mining",
      "B06": "Mining and washing of coal",
      "B07": "Extraction of petroleum and natural gas",
      "B08": "Mining and processing of ferrous metal ores",
      "B09": "Mining and processing of non-ferrous metal ores",
      "B10": "Mining and processing of non-metal ores",
      "B11": "Support activities for mining",
      "B12": "Other mining",
      "C": "Manufacturing",
      "C13": "Processing of food from agricultural products",
      "C14": "Manufacture of foods",
      "C15": "Manufacture of liquor, beverages and refined tea",
      "C16": "Manufacture of tobacco products",
      "C17": "Manufacture of textiles",
      "C18": "Manufacture of textile wearing apparel and accessories",
      "C19": "Manufacture of leather, fur, feather and related products, and footwear",
      "C20": "Processing of timber; manufacture of wood, bamboo, rattan, palm and straw products",
      "C21": "Manufacture of furniture",
      "C22": "Manufacture of paper and paper products",
      "C23": "Printing and reproduction of recording media",
      "C24": "Manufacture of articles for culture, education, arts and crafts, sport and entertainment",
      "C25": "Processing of petroleum, coal and other fuels",
      "C26": "Manufacture of raw chemical materials and chemical products",
      "C27": "Manufacture of medicines",
      "C28": "Manufacture of chemical fibres",
      "C29": "Manufacture of rubber and plastic products",
      "C30": "Manufacture of non-metallic mineral products",
      "C31": "Smelting and pressing of ferrous metals",
      "C32": "Smelting and pressing of non-ferrous metals",
      "C33": "Manufacture of metal products",
      "C34": "Manufacture of general-purpose machinery",
      "C35": "Manufacture of special-purpose machinery",
      "C36": "Manufacture of motor vehicles",
      "C37": "Manufacture of railway, ship, aerospace and other transport equipment",
      "C38": "Manufacture of electrical machinery and apparatus",
      "C39": "Manufacture of computers, communication and other electronic equipment",
      "C40": "Manufacture of measuring instruments and meters",
      "C41": "Other manufacturing",
      "C42": "Utilisation of waste resources",
      "C43": "Repair of metal products, machinery and equipment",
      "D": "Production and supply of electricity, heat, gas and water",
      "D44": "Production and supply of electricity and heat",
      "D45": "Production and supply of gas",
      "D46": "Production and supply of water",
      "E": "Construction",
      "E47": "Construction of buildings",
      "E48": "Civil engineering",
      "E49": "Building installation",
      "E50": "Building decoration, renovation and other construction",
      "F": "Wholesale and retail trade",
      "F51": "Wholesale trade",
      "F52": "Retail trade",
      "G": "Transport, storage and postal services",
      "G53": "Rail transport",
      "G54": "Road transport",
      "G55": "Water transport",
      "G56": "Air transport",
      "G57": "Pipeline transport",
      "G58": "Multimodal transport and transport agency",
      "G59": "Cargo handling and warehousing",
      "G60": "Postal services",
      "H": "Accommodation and catering",
      "H61": "Accommodation",
      "H62": "Catering",
      "I": "Information transmission, software and information technology services",
      "I63": "Telecommunications, broadcasting and satellite transmission services",
      "I64": "Internet and related services",
      "I65": "Software and information technology services",
      "J": "Finance",
      "J66": "Monetary and financial services",
      "J67": "Capital market services",
      "J68": "Insurance",
      "J69": "Other financial services",
      "K": "Real estate",
      "K70": "Real estate",
      "L": "Leasing and business services",
      "L71": "Leasing",
      "L72": "Business services",
      "M": "Scientific research and technical services",
      "M73": "Research and experimental development",
      "M74": "Professional technical services",
      "M75": "Technology promotion and application services",
      "N": "Water conservancy, environment and public facilities management",
      "N76": "Water conservancy management",
      "N77": "Ecological protection and environmental management",
      "N78": "Public facilities management",
      "N79": "Land management",
      "O": "Resident services, repair and other services",
      "O80": "Resident services",
      "O81": "Repair of motor vehicles, electronic products and household goods",
      "O82": "Other services",
      "P": "Education",
      "P83": "Education",
      "Q": "Health and social work",
      "Q84": "Health",
      "Q85": "Social work",
      "R": "Culture, sports and entertainment",
      "R86": "News and publishing",
      "R87": "Radio, television, film and sound recording",
      "R88": "Culture and arts",
      "R89": "Sports",
      "R90": "Entertainment",
      "S": "Public administration, social security and social organisations",
      "S91": "Organs of the Communist Party of China",
      "S92": "State organs",
      "S93": "CPPCC and democratic parties",
      "S94": "Social security",
      "S95": "Mass organisations, social organisations and other membership organisations",
      "S96": "Grassroots self-governing and other organisations",
      "T": "International organisations",
      "T97": "International organisations",
      "other": "Other (not classified)",
    },
    "importColumn": {
      "name": "Name",
      "credit_code": "Credit code",
      "contact": "Contact",
      "phone": "Phone",
      "industry": "Industry",
      "tier": "Tier",
      "stage": "Stage",
    },
    "stageShort": {
      "1": "Awareness",
      "2": "Assessment",
      "3": "Needs",
      "4": "Proposal",
      "5": "Post-loan",
    },
    "docKind": {
      "application-form": "Loan application form",
      "business-licence": "Business licence",
      "legal-rep-id": "Legal representative's ID",
      "financial-statements": "Financial statements",
      "bank-statements": "Bank statements",
      "tax-certificate": "Tax certificate",
      "credit-report": "Credit report",
      "feasibility-study": "Feasibility study",
      "project-approval": "Project approval",
      "collateral": "Collateral documents",
      "contract": "Contract",
      "proposal": "Loan proposal",
      "other": "Other",
    },
    "statementLine": {
      "current-assets": "Total current assets",
      "inventory": "Inventory",
      "total-assets": "Total assets",
      "current-liabilities": "Total current liabilities",
      "total-liabilities": "Total liabilities",
      "revenue": "Revenue",
      "profit-before-tax": "Profit before tax",
      "interest-expense": "Interest expense",
      "depreciation-amortisation": "Depreciation and amortisation",
      "operating-cash-flow": "Net cash flow from operating activities",
      "cash": "Cash and cash equivalents",
      "accounts-receivable": "Accounts receivable",
      "total-equity": "Total equity",
      "net-profit": "Net profit",
      "cost-of-sales": "Cost of sales",
      "accounts-payable": "Accounts payable",
      "prepayments": "Prepayments",
      "advances-from-customers": "Advances from customers",
      "short-term-borrowings": "Short-term borrowings",
      "long-term-borrowings": "Long-term borrowings",
      "bonds-payable": "Bonds payable",
      "current-portion-of-long-term-debt": "Non-current liabilities due within one year",
      "income-tax-expense": "Income tax expense",
      "finance-costs": "Finance costs",
    },
    "classification": {
      "pass": "Pass",
      "special_mention": "Special mention",
      "substandard": "Substandard",
      "doubtful": "Doubtful",
      "loss": "Loss",
    },
    "ageBucket": {
      "current": "Current",
      "1-30": "1–30 days",
      "31-60": "31–60 days",
      "61-90": "61–90 days",
      "90+": "Over 90 days",
    },
    "lprTenor": {
      "1y": "1-year",
      "5y": "Over 5 years",
    },
    "prepayMode": {
      "reduce-payment": "Lower instalment, same maturity",
      "shorten-term": "Same instalment, earlier maturity",
    },
    "allocationPart": {
      "compound": "Compound interest",
      "penalty": "Penalty interest",
      "interest": "Interest",
      "principal": "Principal",
    },
    "penaltyBasis": {
      "360": "360-day year (the convention)",
      "365": "365-day year",
    },
    "reprice": {
      "none": "Not repriced",
      "jan1": "Repriced every 1 January",
      "anniversary": "Repriced on each anniversary of the first disbursement",
    },
    "collateralKind": {
      "property": "Property",
      "land": "Land use right",
      "equipment": "Equipment",
      "vehicle": "Vehicle",
      "inventory": "Inventory",
      "receivables": "Receivables",
      "deposit": "Certificate of deposit",
      "equity": "Equity",
      "ip": "Intellectual property",
    },
    "facilityUse": {
      "acceptance": "Bank acceptance",
      "guarantee": "Letter of guarantee",
      "lc": "Letter of credit",
    },
    "guaranteeKind": {
      "joint": "Joint and several",
      "general": "General",
    },
    "guarantorParty": {
      "person": "Person",
      "company": "Company",
    },
    "coverageBand": {
      "unsecured": "No collateral",
      "below_50": "Covered below 50 %",
      "from_50": "Covered 50–100 %",
      "full": "Fully covered",
    },
    "ratioKind": {
      "current-ratio": "Current ratio",
      "quick-ratio": "Quick ratio",
      "debt-to-asset": "Debt-to-asset",
      "interest-coverage": "Interest coverage",
      "dscr": "DSCR (EBITDA)",
      "dscr-cash-flow": "DSCR (operating cash flow)",
      "strict-quick-ratio": "Quick ratio less prepayments",
      "ebitda": "EBITDA",
      "debt-to-ebitda": "Interest-bearing debt / EBITDA",
      "net-debt-to-ebitda": "Net debt / EBITDA",
      "receivable-days": "Receivable days",
      "inventory-days": "Inventory days",
      "payable-days": "Payable days",
      "prepaid-days": "Prepayment days",
      "advance-days": "Advance days",
      "cash-conversion-cycle": "Cash conversion cycle",
      "gross-margin": "Gross margin",
      "net-margin": "Net margin",
      "return-on-equity": "Return on equity",
      "cash-to-profit": "Operating cash flow / net profit",
      "revenue-growth": "Revenue growth",
    },
    "ratioGroup": {
      "liquidity": "Liquidity",
      "leverage": "Leverage and debt service",
      "turnover": "Turnover and cash cycle",
      "profitability": "Profitability and cash quality",
    },
    "ratioUnit": {
      "times": "×",
      "percent": "Percent (%)",
      "days": "days",
      "yuan": "yuan",
    },
    "balanceBasis": {
      "average": "Average of opening and closing balances",
      "closing": "No prior year: closing balance used",
    },
    "wcNeedWarning": {
      "negative_need": "The calculation is negative: own and existing funds cover the working capital, so the new need is 0",
      "above_need": "The amount applied for exceeds the calculated need",
    },
    "repayment": {
      "sculpted": "Sculpted to CFADS",
      "annuity": "Annuity",
      "equal-principal": "Equal principal",
      "bullet": "Bullet",
    },
    "dsraFunding": {
      "cod": "Funded at COD",
      "cash-flow": "Funded from cash flow",
    },
    "drawTiming": {
      "start": "Drawn at the start (bears the period's interest)",
      "end": "Drawn at the end (interest from the next period)",
    },
    "capitalCategory": {
      "urban-rail": "Urban rail transit",
      "port-shipping-airport": "Ports, coastal and inland shipping, airports",
      "rail-road": "Railways and roads",
      "affordable-housing": "Affordable and ordinary housing",
      "real-estate-other": "Other real-estate development",
      "steel-aluminium": "Steel, electrolytic aluminium",
      "cement": "Cement",
      "overcapacity-other": "Coal, calcium carbide, ferroalloys, caustic soda, coke, yellow phosphorus, polysilicon",
      "corn-processing": "Corn deep processing",
      "fertiliser": "Fertiliser (except potash)",
      "power-and-other": "Power and other projects",
    },
    "sensitivityKind": {
      "cfads-10": "CFADS −10 %",
      "cfads-20": "CFADS −20 %",
      "rate+100bp": "Rate +100 bp",
    },
    "modelWarning": {
      "dscr_below_target": "The minimum DSCR {{dscr}} is below the target {{target}}",
      "gearing_above_max": "Debt is {{gearing}} % of total uses, above the maximum {{max}} %",
      "cash_shortfall": "Cash does not cover the debt service in period(s) {{periods}}",
      "negative_principal": "Sculpted principal is negative (the balance grows) in period(s) {{periods}}",
      "equity_short": "Equity is {{equity}} % of total investment, below the industry minimum {{required}} %",
    },
    "licenceField": {
      "credit_code": "Unified social credit code",
      "name": "Name",
      "legal_representative": "Legal representative",
      "registered_capital": "Registered capital",
      "established_on": "Date of establishment",
      "address": "Address",
      "type": "Type",
      "business_scope": "Business scope",
    },
    "amountUnit": {
      "yuan": "CNY",
      "wan": "×10k CNY",
      "yi": "×100m CNY",
    },
    "amountScale": {
      "wan": "×10k",
      "yi": "×100m",
    },
    "mood": {
      "satisfied": "Satisfied",
      "neutral": "Neutral",
      "anxious": "Anxious",
      "dissatisfied": "Dissatisfied",
    },
    "problemCategory": {
      "materials": "Too many documents",
      "slow_approval": "Slow approval",
      "price": "Rate and fees",
      "communication": "Communication",
      "amount": "Amount",
      "other": "Other",
    },
    "suggestionReason": {
      "no_contact": "No contact for N days and no active loan",
      "active_loan": "Has an active loan",
      "recent_contact": "Recent contact",
      "second_loan": "A second loan",
      "renewal": "A renewal",
      "referral": "Referred a client",
    },
    "error": {
      "wrong_password": "Wrong password. Please try again.",
      "vault_missing": "The vault file cannot be found.",
      "vault_exists": "A vault already exists: unlock it instead.",
      "vault_too_new": "This vault was written by a newer LoanDesk. Please update the app first.",
      "not_a_vault": "The file is not a LoanDesk vault, or it is damaged.",
      "validation": "Some input is not valid. Please check it and try again.",
      "not_found": "The record cannot be found; it may have been deleted.",
      "locked": "The vault is locked. Please unlock it again.",
      "no_scenario": "This client has no proposed loan: save one in the calculator first.",
      "try_later": "Too many wrong passwords. Please wait {{seconds}} s before trying again.",
      "damaged": "The vault failed its integrity check and was not opened, so nothing damaged is read. Restore it from a backup.",
      "gate_refused": "Required checklist items are still open: the client cannot advance yet.",
      "database": "A database error stopped the operation.",
      "io": "A file error stopped the operation.",
      "pdf": "The PDF could not be made; nothing was exported.",
      "file_in_use": "The file is open in another program (a PDF viewer or Excel, for example) and cannot be replaced. Close it and try again.",
      "internal": "An internal error occurred and the vault was locked for safety. Please unlock it again.",
      "document_unreadable": "The file cannot be read: its content is damaged or not what its type promises.",
      "ocr_unavailable": "The text recognition files are missing. Please reinstall LoanDesk.",
      "ocr_failed": "Text recognition failed; nothing was read.",
      "cancelled": "Cancelled.",
    },
    "rule": {
      "required": "Required.",
      "max_chars": "At most {{n}} characters.",
      "range": "Must be between {{min}} and {{max}}.",
      "at_most": "Must not exceed {{max}}.",
      "positive": "Must be greater than 0.",
      "not_negative": "Must not be negative.",
      "decimal_places": "At most {{n}} decimal places.",
      "less_than": "Must be less than “{{other}}”.",
      "not_before": "Must not be before “{{other}}”.",
      "currency": "Use a 3-letter currency code such as CNY.",
      "email": "Not a valid email address.",
      "phone": "Only digits, spaces and + - ( ) are allowed.",
      "credit_code_length": "Must be 18 characters; this has {{n}}.",
      "credit_code_character": "Character {{position}} (“{{character}}”) is not allowed.",
      "credit_code_check": "The check character is “{{found}}”; it should be “{{expected}}”.",
      "duplicate": "Already used by another client (no. {{id}}).",
      "password_too_short": "At least {{n}} characters.",
      "passwords_differ": "The two passwords differ.",
      "too_many": "The limit of {{n}} has been reached.",
      "out_of_range": "Out of the range that can be computed.",
      "unknown_value": "Unknown value “{{value}}”.",
      "not_allowed": "Not allowed here.",
      "empty_file": "The file is empty.",
      "file_too_large": "The file is over the {{max_mb}} MB limit.",
      "unknown_file_type": "Not a supported file type (PDF, JPEG, PNG, TIFF, XLSX, XLS, CSV, DOCX).",
      "extension_mismatch": "The name ends in .{{extension}} but the content is {{detected}}.",
      "duplicate_document": "The same file is already imported as document {{id}}.",
      "corrupt": "The file is damaged and cannot be read.",
      "password_protected": "The file is password-protected: save it without a password, then import it.",
      "zip_bomb": "The file would expand to an unreasonable size; refused.",
      "not_spreadsheet": "Not an XLSX, XLS or CSV spreadsheet.",
      "not_image_or_pdf": "Not a photo or a scan (PNG, JPEG, TIFF or a scanned PDF).",
      "no_page_image": "The PDF has no scanned page image (a text PDF needs no OCR).",
      "no_text_found": "No text was found on the page.",
      "file_exists": "That file already exists; choose another name.",
      "statement_no_years": "No header row with years (such as 2023, 2024) was found.",
      "statement_line_missing": "The required line “{{line}}” is missing.",
      "statement_value": "The line “{{line}}” (row {{row}}, year {{year}}) is empty or not a number: “{{value}}”.",
      "statement_year_twice": "The year {{year}} appears twice in the header row.",
      "not_in_future": "Must not be later than today.",
      "after_today": "Must be after today.",
      "after_maturity": "Must be before the loan matures.",
      "first_is_disbursement_date": "The first disbursement must be on the loan's disbursement date.",
      "not_a_number": "Enter a number.",
      "whole_number": "Enter a whole number.",
      "format": "Must be written as {{format}}.",
      "allocation_order": "Compound interest, penalty interest, interest and principal must each appear once.",
      "loan_closed": "The loan is closed.",
      "no_periods_left": "No period of the loan is still to come.",
      "no_lpr": "No {{tenor}} LPR is published on or before {{on}}.",
      "not_repricing_day": "Not a repricing day of this loan.",
      "above_available": "Above what is available on the credit line ({{available}}).",
      "outside_facility": "Outside the credit line's dates ({{from}} to {{to}}).",
      "series_length": "Must have {{n}} figures, one per CFADS period.",
      "must_be": "Must be {{value}}.",
      "calendar_row": "Line {{row}} is not a calendar row (date,holiday or workday,name,source): “{{value}}”.",
      "calendar_day_twice": "Line {{row}}: the day {{on}} is listed twice in the file.",
      "same_name": "A client of this name exists already (no. {{id}}).",
      "duplicate_in_file": "The same as row {{row}} of the file.",
      "import_no_header": "No header row: one of the first rows must name the “Name” column (the template shows the layout).",
      "rows_with_problems": "{{n}} rows have problems; no client was imported.",
    },
  },
};
