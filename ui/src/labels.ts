// Every enum the backend sends, with the catalogue key that names it. Listing the keys as
// literals (not building them from strings) lets tsc check them against the catalogue.
import {
  CATALOGUE,
  type Channel,
  type CompanySize,
  type DayCount,
  type ErrorCode,
  type LifecycleStatus,
  type LprTenor,
  type Method,
  type ProductType,
  type Rounding,
  type RuleCode,
  type SourceChannel,
  type Tier,
} from "./bindings";

export const STAGES = [1, 2, 3, 4, 5] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_KEY = {
  1: "stage.1",
  2: "stage.2",
  3: "stage.3",
  4: "stage.4",
  5: "stage.5",
} as const satisfies Record<Stage, string>;

/** The core's short forms, for a board column or a list row where the full name does not fit. */
export const STAGE_SHORT_KEY = {
  1: "stageShort.1",
  2: "stageShort.2",
  3: "stageShort.3",
  4: "stageShort.4",
  5: "stageShort.5",
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

export const METHOD_KEY = {
  "equal-installment": "method.equal-installment",
  "equal-principal": "method.equal-principal",
  "interest-only": "method.interest-only",
  "quarterly-interest": "method.quarterly-interest",
  bullet: "method.bullet",
} as const satisfies Record<Method, string>;
export const METHODS = Object.keys(METHOD_KEY) as Method[];

export const DAY_COUNT_KEY = {
  act360: "dayCount.act360",
  act365: "dayCount.act365",
  "30-360": "dayCount.30-360",
} as const satisfies Record<DayCount, string>;
export const DAY_COUNTS = Object.keys(DAY_COUNT_KEY) as DayCount[];

export const ROUNDING_KEY = {
  "half-up": "rounding.half-up",
  "half-even": "rounding.half-even",
} as const satisfies Record<Rounding, string>;
export const ROUNDINGS = Object.keys(ROUNDING_KEY) as Rounding[];

export const TENOR_KEY = { "1y": "tenor.1y", "5y": "tenor.5y" } as const satisfies Record<LprTenor, string>;
export const TENORS = Object.keys(TENOR_KEY) as LprTenor[];

// Not Object.hasOwn: older WebKit builds (Safari < 15.4) lack it.
function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** The message of an error code the backend sends (`error.<code>` in the core's catalogue). */
export type ErrorKey = `error.${ErrorCode}` | "errors.unknown";

export function errorKey(code: string): ErrorKey {
  return hasOwn(CATALOGUE.en.error, code) ? `error.${code as ErrorCode}` : "errors.unknown";
}

/** The label of the form field a backend `validation` error names ("contacts.0.email" → email). */
const FIELD_KEY = {
  // The journey: funnel period, gate override, lifecycle, Settings.
  from: "funnel.from",
  to: "funnel.to",
  override_reason: "journey.overrideReason",
  lost_reason: "journey.lostReason",
  stuck_after_days: "journeySettings.stuckLabel",
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
  officer_name: "fields.officerName",
  principal: "fields.principal",
  currency: "fields.currency",
  term_months: "fields.termMonths",
  rate: "fields.rate",
  lpr: "fields.lpr",
  lpr_tenor: "fields.lprTenor",
  spread_bp: "fields.spreadBp",
  disbursement_date: "fields.disbursementDate",
  repay_day: "fields.repayDay",
  method: "fields.method",
  grace_months: "fields.graceMonths",
  upfront_fee: "fields.upfrontFee",
  day_count: "fields.dayCount",
  rounding: "fields.rounding",
  label: "fields.scenarioLabel",
  contract_no: "loans.contractNo",
  signed_on: "loans.signedOn",
  disbursements: "loans.disbursements",
  disbursement: "loans.disbursement",
  repayment_account: "loans.account",
  amount: "loans.amount",
  note: "loans.note",
  reason: "loans.reason",
} as const;
export type FieldKey = (typeof FIELD_KEY)[keyof typeof FIELD_KEY];

export function fieldLabelKey(field: string): FieldKey | null {
  const generic = field.replace(/\.\d+\./, ".");
  return hasOwn(FIELD_KEY, generic) ? FIELD_KEY[generic as keyof typeof FIELD_KEY] : null;
}

/**
 * Why the backend refused a value (`ErrorPayload.rule`, crates/core/src/rule.rs), and the reasons
 * the forms find themselves before anything is sent (`not_a_number`, `whole_number`...): one list,
 * the core's, with its texts in the generated catalogue (`rule.<code>`).
 */
export type RuleKey = `rule.${RuleCode}`;
export const RULES = Object.keys(CATALOGUE.en.rule) as RuleCode[];

export function ruleKey(rule: string): RuleKey | null {
  return hasOwn(CATALOGUE.en.rule, rule) ? `rule.${rule as RuleCode}` : null;
}
