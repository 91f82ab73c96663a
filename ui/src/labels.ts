// Every enum the backend sends, with the catalogue key that names it. Listing the keys as
// literals (not building them from strings) lets tsc check them against the catalogue.
import type { Channel, CompanySize, LifecycleStatus, ProductType, SourceChannel, Tier } from "./bindings";

export const STAGES = [1, 2, 3, 4, 5] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_KEY = {
  1: "stage.1",
  2: "stage.2",
  3: "stage.3",
  4: "stage.4",
  5: "stage.5",
} as const satisfies Record<Stage, string>;

export function isStage(n: number): n is Stage {
  return (STAGES as readonly number[]).includes(n);
}

export const TIER_KEY = { A: "tier.A", B: "tier.B", C: "tier.C" } as const satisfies Record<Tier, string>;
export const TIERS = Object.keys(TIER_KEY) as Tier[];

export const SIZE_KEY = {
  micro: "size.micro",
  small: "size.small",
  medium: "size.medium",
  large: "size.large",
} as const satisfies Record<CompanySize, string>;
export const SIZES = Object.keys(SIZE_KEY) as CompanySize[];

export const SOURCE_KEY = {
  "online-ad": "source.online-ad",
  "social-media": "source.social-media",
  "trade-show": "source.trade-show",
  referral: "source.referral",
  "bank-network": "source.bank-network",
  "walk-in": "source.walk-in",
  "existing-client": "source.existing-client",
} as const satisfies Record<SourceChannel, string>;
export const SOURCES = Object.keys(SOURCE_KEY) as SourceChannel[];

export const STATUS_KEY = {
  prospect: "status.prospect",
  active: "status.active",
  loyal: "status.loyal",
  dormant: "status.dormant",
  lost: "status.lost",
} as const satisfies Record<LifecycleStatus, string>;
export const STATUSES = Object.keys(STATUS_KEY) as LifecycleStatus[];

export const PRODUCT_KEY = {
  "working-capital": "product.working-capital",
  "fixed-asset": "product.fixed-asset",
  "project-finance": "product.project-finance",
  sme: "product.sme",
} as const satisfies Record<ProductType, string>;
export const PRODUCTS = Object.keys(PRODUCT_KEY) as ProductType[];

export const CHANNEL_KEY = {
  visit: "channel.visit",
  call: "channel.call",
  meeting: "channel.meeting",
  email: "channel.email",
  messaging: "channel.messaging",
} as const satisfies Record<Channel, string>;
export const CHANNELS = Object.keys(CHANNEL_KEY) as Channel[];

// Not Object.hasOwn: older WebKit builds (Safari < 15.4) lack it.
function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Error codes the backend sends (see crates/core/src/error.rs), each with its message. */
const ERROR_KEY = {
  wrong_password: "errors.wrong_password",
  vault_missing: "errors.vault_missing",
  vault_exists: "errors.vault_exists",
  vault_too_new: "errors.vault_too_new",
  not_a_vault: "errors.not_a_vault",
  validation: "errors.validation",
  not_found: "errors.not_found",
  locked: "errors.locked",
  database: "errors.database",
  io: "errors.io",
} as const;
export type ErrorKey = (typeof ERROR_KEY)[keyof typeof ERROR_KEY] | "errors.unknown";

export function errorKey(code: string): ErrorKey {
  return hasOwn(ERROR_KEY, code) ? ERROR_KEY[code as keyof typeof ERROR_KEY] : "errors.unknown";
}

/** The label of the form field a backend `validation` error names ("contacts.0.email" → email). */
const FIELD_KEY = {
  name: "fields.name",
  name_en: "fields.nameEn",
  credit_code: "fields.creditCode",
  industry: "fields.industry",
  size: "fields.size",
  region: "fields.region",
  source_channel: "fields.source",
  tier: "fields.tier",
  status: "fields.status",
  stage: "fields.stage",
  product: "fields.product",
  notes: "fields.notes",
  contacts: "fields.contacts",
  "contacts.name": "fields.contactName",
  "contacts.role": "fields.contactRole",
  "contacts.phone": "fields.contactPhone",
  "contacts.email": "fields.contactEmail",
  date: "tp.date",
  channel: "tp.channel",
  summary: "fields.summary",
  next_step: "tp.nextStep",
  next_contact_date: "fields.nextContactDate",
  password: "fields.password",
  auto_lock_minutes: "fields.autoLockMinutes",
} as const;
export type FieldKey = (typeof FIELD_KEY)[keyof typeof FIELD_KEY];

export function fieldLabelKey(field: string): FieldKey | null {
  const generic = field.replace(/\.\d+\./, ".");
  return hasOwn(FIELD_KEY, generic) ? FIELD_KEY[generic as keyof typeof FIELD_KEY] : null;
}
