// Generated from the Rust types by loandesk-core (src/bindings.rs). Do not edit.

/**
 * What the UI receives for every failed command.
 */
export type ErrorPayload = { code: string, message: string, field: string | null, };

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
