// The client form's own state (strings and "" for "not chosen", as inputs want them) and the
// conversions to and from what the backend takes. Pure, so it is unit tested.
import type { Client, ClientInput, CompanySize, Contact, LifecycleStatus, ProductType, SourceChannel, Tier } from "./bindings";
import { isStage, type Stage } from "./labels";

export interface ClientFormState {
  name: string;
  name_en: string;
  credit_code: string;
  /** GB/T 4754 code ("C34", "C", "other") or "" for not chosen. */
  industry_code: string;
  industry: string;
  size: CompanySize | "";
  region: string;
  source_channel: SourceChannel | "";
  tier: Tier;
  status: LifecycleStatus;
  stage: Stage;
  product: ProductType | "";
  notes: string;
  contacts: Contact[];
}

export const BLANK_CONTACT: Contact = { name: "", role: "", phone: "", email: "" };

/** A new lead: stage 1, a prospect, lowest tier until the officer knows more. */
export function emptyForm(): ClientFormState {
  return {
    name: "",
    name_en: "",
    credit_code: "",
    industry_code: "",
    industry: "",
    size: "",
    region: "",
    source_channel: "",
    tier: "C",
    status: "prospect",
    stage: 1,
    product: "",
    notes: "",
    contacts: [{ ...BLANK_CONTACT }],
  };
}

/** The form's state from a client (or a `ClientInput`, as `licence_apply` returns it). */
export function formFromClient(c: Client | ClientInput): ClientFormState {
  return {
    name: c.name,
    name_en: c.name_en ?? "",
    credit_code: c.credit_code ?? "",
    industry_code: c.industry_code ?? "",
    industry: c.industry ?? "",
    size: c.size ?? "",
    region: c.region ?? "",
    source_channel: c.source_channel ?? "",
    tier: c.tier,
    status: c.status,
    stage: isStage(c.stage) ? c.stage : 1,
    product: c.product ?? "",
    notes: c.notes,
    contacts: c.contacts.length > 0 ? c.contacts.map((x) => ({ ...x })) : [{ ...BLANK_CONTACT }],
  };
}

function optional(s: string): string | null {
  const v = s.trim();
  return v === "" ? null : v;
}

/**
 * Contacts go over as they stand, blank rows included: the backend skips blank rows but
 * names errors by the row's position in the form ("contacts.2.email"), so no re-indexing.
 */
export function inputFromForm(f: ClientFormState): ClientInput {
  const code = optional(f.credit_code);
  return {
    name: f.name.trim(),
    name_en: optional(f.name_en),
    credit_code: code === null ? null : code.toUpperCase(),
    industry_code: optional(f.industry_code),
    industry: optional(f.industry),
    size: f.size === "" ? null : f.size,
    region: optional(f.region),
    source_channel: f.source_channel === "" ? null : f.source_channel,
    tier: f.tier,
    status: f.status,
    stage: f.stage,
    product: f.product === "" ? null : f.product,
    contacts: f.contacts.map((c) => ({ ...c })),
    notes: f.notes,
  };
}

/** The data-testid of the input a backend field name refers to, to focus it on error. */
export function fieldTestId(field: string): string | null {
  const contact = /^contacts\.(\d+)\.(name|role|phone|email)$/.exec(field);
  if (contact) return `contact-${contact[2]}-${contact[1]}`;
  const simple: Record<string, string> = {
    name: "field-name",
    name_en: "field-name-en",
    credit_code: "field-credit-code",
    industry_code: "field-industry-code",
    industry: "field-industry",
    size: "field-size",
    region: "field-region",
    source_channel: "field-source",
    tier: "field-tier",
    status: "field-status",
    stage: "field-stage",
    product: "field-product",
    notes: "field-notes",
  };
  return simple[field] ?? null;
}
