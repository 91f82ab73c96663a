// Every enum the backend sends, with the catalogue key that names it. Listing the keys as
// literals (not building them from strings) lets tsc check them against the catalogue.
import type {
  Channel,
  CompanySize,
  DayCount,
  LifecycleStatus,
  LprTenor,
  Method,
  ProductType,
  Rounding,
  SourceChannel,
  Tier,
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
  damaged: "errors.damaged",
  try_later: "errors.try_later",
  no_scenario: "errors.no_scenario",
} as const;
export type ErrorKey = (typeof ERROR_KEY)[keyof typeof ERROR_KEY] | "errors.unknown";

export function errorKey(code: string): ErrorKey {
  return hasOwn(ERROR_KEY, code) ? ERROR_KEY[code as keyof typeof ERROR_KEY] : "errors.unknown";
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
 * Why the backend refused a value (`ErrorPayload.rule`, crates/core/src/rule.rs), and the two
 * reasons the calculator finds itself before anything is sent. `other` is free text shown as is.
 */
const RULE_KEY = {
  required: "validation.required",
  max_chars: "validation.maxChars",
  range: "validation.range",
  at_most: "validation.atMost",
  positive: "validation.positive",
  not_negative: "validation.notNegative",
  decimal_places: "validation.decimalPlaces",
  less_than: "validation.lessThan",
  not_before: "validation.notBefore",
  currency: "validation.currency",
  email: "validation.email",
  phone: "validation.phone",
  credit_code_length: "validation.creditCodeLength",
  credit_code_character: "validation.creditCodeCharacter",
  credit_code_check: "validation.creditCodeCheck",
  duplicate: "validation.duplicate",
  password_too_short: "validation.passwordTooShort",
  passwords_differ: "validation.passwordsDiffer",
  too_many: "validation.tooMany",
  out_of_range: "validation.outOfRange",
  unknown_value: "validation.unknownValue",
  not_allowed: "validation.notAllowed",
  empty_file: "validation.emptyFile",
  file_too_large: "validation.fileTooLarge",
  unknown_file_type: "validation.unknownFileType",
  extension_mismatch: "validation.extensionMismatch",
  duplicate_document: "validation.duplicateDocument",
  corrupt: "validation.corrupt",
  password_protected: "validation.passwordProtected",
  zip_bomb: "validation.zipBomb",
  not_spreadsheet: "validation.notSpreadsheet",
  file_exists: "validation.fileExists",
  statement_no_years: "validation.statementNoYears",
  statement_line_missing: "validation.statementLineMissing",
  statement_value: "validation.statementValue",
  not_a_number: "validation.notANumber",
  whole_number: "validation.wholeNumber",
} as const;
export type RuleKey = (typeof RULE_KEY)[keyof typeof RULE_KEY];
export const RULES = Object.keys(RULE_KEY);

export function ruleKey(rule: string): RuleKey | null {
  return hasOwn(RULE_KEY, rule) ? RULE_KEY[rule as keyof typeof RULE_KEY] : null;
}

/** Reasons the backend still sends as `other` with a fixed value, translated all the same. */
const OTHER_KEY = {
  not_in_future: "validation.notInFuture",
  after_today: "validation.afterToday",
  after_maturity: "validation.afterMaturity",
  first_is_disbursement_date: "validation.firstIsDisbursementDate",
} as const;

export function otherKey(value: string): (typeof OTHER_KEY)[keyof typeof OTHER_KEY] | null {
  return hasOwn(OTHER_KEY, value) ? OTHER_KEY[value as keyof typeof OTHER_KEY] : null;
}
