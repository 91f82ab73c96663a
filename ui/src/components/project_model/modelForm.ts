// The project model's form as the officer types it (every figure a string, as typed) and the
// `ModelInput` the core computes from. The form checks only what it can see alone (a number
// is a number, a series has no gaps); the core checks the rest and names the same fields
// ("rate_percent", "cfads[3]", "construction.draws[2]"), so a refusal lands on the same cell.
import type { CapitalCategory, DrawTimingKey, DsraFunding, LprTenor, ModelInput, Repayment, RuleCode } from "../../bindings";
import { cleanDecimal, digitCount, isDecimal } from "../../money";

export const SERIES_KEYS = ["cfads", "revenue", "opex", "tax", "working_capital_change", "maintenance_capex", "ebitda", "ebit"] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

/** How the CFADS is given: typed per period, or built from revenue and its deductions. */
export type CfadsMode = "direct" | "parts";
export const CFADS_MODES = ["direct", "parts"] as const satisfies readonly CfadsMode[];

/** The per-period columns each way, in the order the table shows them. */
export const COLUMNS = {
  direct: ["cfads", "ebitda", "tax", "ebit"],
  parts: ["revenue", "opex", "tax", "working_capital_change", "maintenance_capex", "ebitda", "ebit"],
} as const satisfies Record<CfadsMode, readonly SeriesKey[]>;

export const PERIODS_PER_YEAR = ["1", "2", "4"] as const;
export const CONSTRUCTION_PERIODS_PER_YEAR = ["12", "4", "2", "1"] as const;
export const REPAYMENTS = ["sculpted", "annuity", "equal-principal", "bullet"] as const satisfies readonly Repayment[];
export const DSRA_FUNDINGS = ["cod", "cash-flow"] as const satisfies readonly DsraFunding[];
export const DRAW_TIMINGS = ["end", "start"] as const satisfies readonly DrawTimingKey[];

export type Row = Record<SeriesKey, string>;

export interface ConstructionForm {
  periods_per_year: (typeof CONSTRUCTION_PERIODS_PER_YEAR)[number];
  rate_percent: string;
  draws: string[];
  draw_timing: DrawTimingKey;
}

/** A floating rate as typed: the LPR quote and the spread in basis points. */
export interface RateBasisForm {
  tenor: LprTenor;
  lpr_percent: string;
  spread_bp: string;
}

export const LPR_TENORS = ["5y", "1y"] as const satisfies readonly LprTenor[];

export interface SweepForm {
  percent: string;
  lockup_dscr: string;
}

export interface ModelForm {
  periods_per_year: (typeof PERIODS_PER_YEAR)[number];
  rate_percent: string;
  /** Set when the rate is LPR + spread: the rate is then their sum, not typed. */
  rate_basis: RateBasisForm | null;
  target_dscr: string;
  total_uses: string;
  max_gearing_percent: string;
  debt: string;
  repayment: Repayment;
  tenor_periods: string;
  mode: CfadsMode;
  rows: Row[];
  construction: ConstructionForm | null;
  dsra_months: string;
  dsra_funding: DsraFunding;
  sweep: SweepForm | null;
  capital_category: CapitalCategory | "";
}

export function emptyRow(): Row {
  return { cfads: "", revenue: "", opex: "", tax: "", working_capital_change: "", maintenance_capex: "", ebitda: "", ebit: "" };
}

/** A new model: one year's periods, sculpted to 1.30, five empty periods to fill in. */
export function blankForm(): ModelForm {
  return {
    periods_per_year: "1",
    rate_percent: "",
    rate_basis: null,
    target_dscr: "1.30",
    total_uses: "",
    max_gearing_percent: "",
    debt: "",
    repayment: "sculpted",
    tenor_periods: "",
    mode: "direct",
    rows: Array.from({ length: 5 }, emptyRow),
    construction: null,
    dsra_months: "",
    dsra_funding: "cod",
    sweep: null,
    capital_category: "",
  };
}

export function newConstruction(): ConstructionForm {
  return { periods_per_year: "4", rate_percent: "", draws: ["", "", "", ""], draw_timing: "end" };
}

function ofPeriods<T extends string>(n: number, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === String(n)) ?? fallback;
}

/** The form showing a saved or imported input. */
export function formFrom(input: ModelInput): ModelForm {
  const series: Record<SeriesKey, readonly string[]> = {
    cfads: input.cfads,
    revenue: input.revenue ?? [],
    opex: input.opex ?? [],
    tax: input.tax ?? [],
    working_capital_change: input.working_capital_change ?? [],
    maintenance_capex: input.maintenance_capex ?? [],
    ebitda: input.ebitda ?? [],
    ebit: input.ebit ?? [],
  };
  const mode: CfadsMode = input.cfads.length > 0 || series.revenue.length === 0 ? "direct" : "parts";
  const n = Math.max(...SERIES_KEYS.map((k) => series[k].length), 1);
  const rows = Array.from({ length: n }, (_, i) => {
    const row = emptyRow();
    for (const k of SERIES_KEYS) row[k] = series[k][i] ?? "";
    return row;
  });
  const c = input.construction;
  return {
    periods_per_year: ofPeriods(input.periods_per_year, PERIODS_PER_YEAR, "1"),
    rate_percent: input.rate_percent,
    rate_basis: input.rate_basis
      ? { tenor: input.rate_basis.tenor, lpr_percent: input.rate_basis.lpr_percent, spread_bp: String(input.rate_basis.spread_bp) }
      : null,
    target_dscr: input.target_dscr,
    total_uses: input.total_uses ?? "",
    max_gearing_percent: input.max_gearing_percent ?? "",
    debt: input.debt ?? "",
    repayment: input.repayment,
    tenor_periods: input.tenor_periods == null ? "" : String(input.tenor_periods),
    mode,
    rows,
    construction: c
      ? {
          periods_per_year: ofPeriods(c.periods_per_year, CONSTRUCTION_PERIODS_PER_YEAR, "4"),
          rate_percent: c.rate_percent,
          draws: c.draws.length > 0 ? [...c.draws] : [""],
          draw_timing: c.draw_timing,
        }
      : null,
    dsra_months: input.dsra_months == null ? "" : String(input.dsra_months),
    dsra_funding: input.dsra_funding,
    sweep: input.sweep ? { percent: input.sweep.percent, lockup_dscr: input.sweep.lockup_dscr } : null,
    capital_category: input.capital_category ?? "",
  };
}

export type FormErrors = Record<string, RuleCode>;
export type Parsed = { value: ModelInput } | { errors: FormErrors };

/** Decimal's 28 significant digits: more is no figure anyone types. */
const MAX_DIGITS = 28;

/** The rows that count: trailing rows left wholly empty are no periods. */
export function usedRows(rows: readonly Row[]): Row[] {
  let n = rows.length;
  while (n > 0 && SERIES_KEYS.every((k) => (rows[n - 1]?.[k] ?? "").trim() === "")) n--;
  return rows.slice(0, n);
}

/** The input the form describes, or what is wrong with it by field. */
export function toInput(form: ModelForm): Parsed {
  const errors: FormErrors = {};
  const decimal = (field: string, text: string, required: boolean): string | undefined => {
    const typed = text.trim();
    if (typed === "") {
      if (required) errors[field] = "required";
      return undefined;
    }
    const c = cleanDecimal(typed);
    if (c === null) errors[field] = "not_a_number";
    else if (digitCount(c) > MAX_DIGITS) errors[field] = "out_of_range";
    else return c;
    return undefined;
  };
  const whole = (field: string, text: string): number | undefined => {
    const typed = text.trim();
    if (typed === "") return undefined;
    if (!/^\d{1,6}$/.test(typed)) {
      errors[field] = "whole_number";
      return undefined;
    }
    return Number(typed);
  };

  const rows = usedRows(form.rows);
  const series: Partial<Record<SeriesKey, string[]>> = {};
  for (const key of COLUMNS[form.mode]) {
    const cells = rows.map((r) => r[key].trim());
    // The column that gives the CFADS is needed; the others only when filled in at all.
    const needed = key === "cfads" || key === "revenue";
    if (!needed && cells.every((c) => c === "")) continue;
    if (cells.length === 0) {
      errors[key] = "required";
      continue;
    }
    series[key] = cells.map((c, i) => decimal(`${key}[${i + 1}]`, c, true) ?? "");
  }

  let rate: string | undefined;
  let rateBasis: ModelInput["rate_basis"];
  if (form.rate_basis) {
    const b = form.rate_basis;
    const lpr = decimal("rate_basis.lpr_percent", b.lpr_percent, true);
    const spread = b.spread_bp.trim() === "" ? 0 : /^[-−]?\d{1,4}$/.test(b.spread_bp.trim()) ? Number(b.spread_bp.trim().replace("−", "-")) : null;
    if (spread === null) errors["rate_basis.spread_bp"] = "whole_number";
    if (lpr !== undefined && spread !== null) {
      rate = addBasisPoints(lpr, spread);
      rateBasis = { tenor: b.tenor, lpr_percent: lpr, spread_bp: spread };
    }
  } else {
    rate = decimal("rate_percent", form.rate_percent, true);
  }
  const target = decimal("target_dscr", form.target_dscr, true);
  const totalUses = decimal("total_uses", form.total_uses, false);
  const gearing = decimal("max_gearing_percent", form.max_gearing_percent, false);
  const debt = decimal("debt", form.debt, false);
  const tenor = whole("tenor_periods", form.tenor_periods);
  const dsraMonths = whole("dsra_months", form.dsra_months);

  let construction: ModelInput["construction"];
  if (form.construction) {
    const c = form.construction;
    const cRate = decimal("construction.rate_percent", c.rate_percent, true);
    let n = c.draws.length;
    while (n > 0 && (c.draws[n - 1] ?? "").trim() === "") n--;
    if (n === 0) errors["construction.draws"] = "required";
    const draws = c.draws.slice(0, n).map((d, i) => decimal(`construction.draws[${i + 1}]`, d, true) ?? "");
    construction = { periods_per_year: Number(c.periods_per_year), rate_percent: cRate ?? "", draws, draw_timing: c.draw_timing };
  }
  let sweep: ModelInput["sweep"];
  if (form.sweep) {
    const percent = decimal("sweep.percent", form.sweep.percent, true);
    const lockup = decimal("sweep.lockup_dscr", form.sweep.lockup_dscr, true);
    sweep = { percent: percent ?? "", lockup_dscr: lockup ?? "" };
  }

  if (Object.keys(errors).length > 0) return { errors };
  const value: ModelInput = {
    periods_per_year: Number(form.periods_per_year),
    rate_percent: rate ?? "",
    cfads: series.cfads ?? [],
    target_dscr: target ?? "",
    repayment: form.repayment,
    dsra_funding: form.dsra_funding,
  };
  if (rateBasis) value.rate_basis = rateBasis;
  if (totalUses !== undefined) value.total_uses = totalUses;
  if (gearing !== undefined) value.max_gearing_percent = gearing;
  if (debt !== undefined) value.debt = debt;
  if (tenor !== undefined) value.tenor_periods = tenor;
  if (construction) value.construction = construction;
  if (dsraMonths !== undefined) value.dsra_months = dsraMonths;
  if (sweep) value.sweep = sweep;
  for (const key of ["revenue", "opex", "tax", "working_capital_change", "maintenance_capex", "ebitda", "ebit"] as const) {
    const s = series[key];
    if (s && s.length > 0) value[key] = s;
  }
  if (form.capital_category !== "") value.capital_category = form.capital_category;
  return { value };
}

/** `percent` + `bp` basis points, exactly (3.50 + 70 → "4.20"): in integer ten-thousandths. */
export function addBasisPoints(percent: string, bp: number): string {
  const negative = percent.startsWith("-");
  const [whole = "0", frac = ""] = (negative ? percent.slice(1) : percent).split(".");
  const places = Math.max(frac.length, 2);
  const scale = 10n ** BigInt(places);
  const units = BigInt(whole) * scale + BigInt(frac.padEnd(places, "0") || "0");
  const total = (negative ? -units : units) + BigInt(bp) * 10n ** BigInt(places - 2);
  const sign = total < 0n ? "-" : "";
  const abs = total < 0n ? -total : total;
  return `${sign}${abs / scale}.${(abs % scale).toString().padStart(places, "0")}`;
}

/** "4.20" and "4.2" are one rate: decimals compared by value, absent and empty alike. */
function canonical(v: unknown): unknown {
  if (typeof v === "string" && isDecimal(v)) {
    const negative = v.startsWith("-");
    let [whole = "0", frac = ""] = (negative ? v.slice(1) : v).split(".");
    whole = whole.replace(/^0+(?=\d)/, "");
    frac = frac.replace(/0+$/, "");
    const s = frac ? `${whole}.${frac}` : whole;
    return negative && s !== "0" ? `-${s}` : s;
  }
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x === null || x === undefined || (Array.isArray(x) && x.length === 0)) continue;
      out[k] = canonical(x);
    }
    return out;
  }
  return v;
}

export function sameInput(a: ModelInput, b: ModelInput): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Tab-separated (or newline-separated) figures pasted from a spreadsheet, cell by cell. */
export function pastedGrid(text: string): string[][] {
  return text
    .replace(/\r/g, "")
    .split("\n")
    .filter((line, i, all) => line !== "" || i < all.length - 1)
    .map((line) => line.split("\t").map((c) => c.trim()));
}
