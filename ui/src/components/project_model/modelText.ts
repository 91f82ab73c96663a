// The project model's field names as the officer reads them, and its refusals in words: the
// core names the key ("cfads[3]", "construction.draws[2]", a workbook cell "series!B4").
import type { TFunction } from "i18next";
import type { ApiError } from "../../api";
import type { FormErrors } from "./modelForm";
import { describeError, ruleReason, type FieldErrors } from "../../errors";

const FIELD_LABEL = {
  periods_per_year: "projectModel.f.periodsPerYear",
  rate_percent: "projectModel.f.ratePercent",
  target_dscr: "projectModel.f.targetDscr",
  total_uses: "projectModel.f.totalUses",
  max_gearing_percent: "projectModel.f.maxGearing",
  debt: "projectModel.f.debt",
  repayment: "projectModel.f.repayment",
  tenor_periods: "projectModel.f.tenor",
  capital_category: "projectModel.f.capitalCategory",
  "construction.periods_per_year": "projectModel.f.constructionPpy",
  "construction.rate_percent": "projectModel.f.constructionRate",
  "construction.draw_timing": "projectModel.f.drawTiming",
  "construction.draws": "projectModel.f.draws",
  dsra_months: "projectModel.f.dsraMonths",
  dsra_funding: "projectModel.f.dsraFunding",
  "sweep.percent": "projectModel.f.sweepPercent",
  "sweep.lockup_dscr": "projectModel.f.lockup",
  cfads: "projectModel.col.cfads",
  revenue: "projectModel.col.revenue",
  opex: "projectModel.col.opex",
  tax: "projectModel.col.tax",
  working_capital_change: "projectModel.col.working_capital_change",
  maintenance_capex: "projectModel.col.maintenance_capex",
  ebitda: "projectModel.col.ebitda",
  ebit: "projectModel.col.ebit",
  file: "projectModel.f.file",
} as const;

function hasOwn(o: object, key: string): key is keyof typeof FIELD_LABEL {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** "可偿债现金流 · 第 3 期" for `cfads[3]`; a workbook cell ("series!B4") as Excel shows it. */
export function modelFieldLabel(t: TFunction, field: string): string {
  const m = /^(.+?)\[(\d+)\]$/.exec(field);
  const base = m?.[1] ?? field;
  const label = hasOwn(FIELD_LABEL, base) ? t(FIELD_LABEL[base]) : base;
  return m ? `${label} · ${t("projectModel.periodN", { n: m[2] })}` : label;
}

/** A refusal as one line: "年利率：应在 0 至 100 之间。" */
export function modelErrorMessage(t: TFunction, e: ApiError): string {
  if (e.code === "validation" && e.rule) {
    const reason = ruleReason(t, e.rule, e.params);
    return e.field ? t("errors.fieldReason", { field: modelFieldLabel(t, e.field), reason }) : reason;
  }
  return describeError(t, e).message;
}

/** The form's own findings as shown under each field or cell. */
export function localFieldErrors(t: TFunction, errors: FormErrors, showRequired: boolean): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, rule] of Object.entries(errors)) {
    if (rule === "required" && !showRequired) continue;
    out[field] = { message: ruleReason(t, rule, {}), detail: null };
  }
  return out;
}
