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
