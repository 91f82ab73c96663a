// The model's scalar inputs: rate, target cover, sizing and gearing, repayment, the 资本金
// industry; construction draws, the DSRA and the sweep, each switched on when the project has it.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { CATALOGUE, type CapitalCategory, type LprRate, type LprTenor } from "../../bindings";
import { todayISO } from "../../format";
import { cleanDecimal } from "../../money";
import type { FieldErrors } from "../../errors";
import EnumSelect from "../EnumSelect";
import Field, { inputId } from "../Field";
import FieldError from "../FieldError";
import {
  CONSTRUCTION_PERIODS_PER_YEAR,
  DRAW_TIMINGS,
  DSRA_FUNDINGS,
  LPR_TENORS,
  PERIODS_PER_YEAR,
  REPAYMENTS,
  addBasisPoints,
  newConstruction,
  type ConstructionForm,
  type RateBasisForm,
  type ModelForm,
} from "./modelForm";

const CATEGORIES = Object.keys(CATALOGUE.en.capitalCategory) as CapitalCategory[];

interface Props {
  form: ModelForm;
  onChange: (form: ModelForm) => void;
  errors: FieldErrors;
}

/** A decimal box with its unit; `field` is the core's key, for the label and the error. */
export function DecimalInput({
  field,
  value,
  onChange,
  errors,
  unit,
  testId,
  placeholder,
  label,
}: {
  field: string;
  value: string;
  onChange: (v: string) => void;
  errors: FieldErrors;
  unit?: string;
  testId: string;
  placeholder?: string;
  label?: string;
}) {
  const input = (
    <input
      id={inputId(field)}
      data-testid={testId}
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      value={value}
      aria-label={label}
      aria-invalid={errors[field] ? true : undefined}
      aria-describedby={errors[field] ? `err-${field}` : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  if (!unit) return input;
  return (
    <span className="input-unit">
      {input}
      <span className="unit" aria-hidden="true">
        {unit}
      </span>
    </span>
  );
}

export default function ModelInputs({ form, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof ModelForm>(key: K, value: ModelForm[K]) => onChange({ ...form, [key]: value });
  const setConstruction = (c: ConstructionForm | null) => set("construction", c);
  const c = form.construction;
  const months = t("projectModel.f.dsraMonths");
  const b = form.rate_basis;
  const setBasis = (basis: RateBasisForm) => set("rate_basis", basis);
  const [quote, setQuote] = useState<LprRate | null>(null);
  // The rate the basis gives (or the typed one): what the core computes with.
  const shownRate = (() => {
    if (!b) return form.rate_percent;
    const lpr = cleanDecimal(b.lpr_percent);
    const bp = b.spread_bp.trim() === "" ? 0 : Number(b.spread_bp.trim());
    return lpr !== null && Number.isInteger(bp) ? addBasisPoints(lpr, bp) : "";
  })();
  const lprHint =
    quote && b && quote.tenor === b.tenor
      ? t("projectModel.f.lprPublished", { date: quote.published_on })
      : b && b.lpr_percent.trim() === ""
        ? t("projectModel.f.lprNone")
        : undefined;
  // The latest quote of the tenor published by today, from Settings' LPR table; the officer may
  // type another (the one in the contract).
  const startLpr = async (tenor: LprTenor = b?.tenor ?? "5y") => {
    const today = todayISO();
    let latest: LprRate | null = null;
    try {
      const rates = await api.lprList();
      for (const r of rates) if (r.tenor === tenor && r.published_on <= today && (!latest || r.published_on > latest.published_on)) latest = r;
    } catch {
      latest = null;
    }
    setQuote(latest);
    onChange({ ...form, rate_basis: { tenor, lpr_percent: latest?.percent ?? b?.lpr_percent ?? "", spread_bp: b?.spread_bp ?? "" } });
  };

  return (
    <section className="card pm-inputs" data-testid="pm-inputs">
      <h2 className="section-title">{t("projectModel.assumptions")}</h2>
      <div className="pm-grid">
        <Field field="periods_per_year" label={t("projectModel.f.periodsPerYear")} errors={errors}>
          <EnumSelect
            id={inputId("periods_per_year")}
            testId="pm-periods-per-year"
            value={form.periods_per_year}
            options={PERIODS_PER_YEAR}
            label={(v) => t(`projectModel.ppy.${v}`)}
            onChange={(v) => v !== "" && set("periods_per_year", v)}
          />
        </Field>
        <Field field="rate_basis" label={t("projectModel.f.rateBasis")} errors={errors}>
          <select
            id={inputId("rate_basis")}
            data-testid="pm-rate-basis"
            value={b ? "lpr" : "fixed"}
            onChange={(e) => (e.target.value === "lpr" ? void startLpr() : onChange({ ...form, rate_basis: null, rate_percent: shownRate }))}
          >
            <option value="fixed">{t("projectModel.f.rateFixed")}</option>
            <option value="lpr">{t("projectModel.f.rateLpr")}</option>
          </select>
        </Field>
        {b ? (
          <>
            <Field field="rate_basis.lpr_percent" label={t("projectModel.f.lprQuote")} errors={errors} required hint={lprHint}>
              <span className="pm-lpr">
                <EnumSelect
                  id={inputId("rate_basis.tenor")}
                  testId="pm-lpr-tenor"
                  value={b.tenor}
                  options={LPR_TENORS}
                  label={(v) => t(`projectModel.lprTenor.${v}`)}
                  onChange={(v) => v !== "" && void startLpr(v)}
                />
                <DecimalInput
                  field="rate_basis.lpr_percent"
                  testId="pm-lpr-percent"
                  unit="%"
                  value={b.lpr_percent}
                  errors={errors}
                  onChange={(v) => setBasis({ ...b, lpr_percent: v })}
                />
              </span>
            </Field>
            <Field field="rate_basis.spread_bp" label={t("projectModel.f.spreadBp")} errors={errors} hint={t("projectModel.f.rateIs", { rate: shownRate || "—" })}>
              <DecimalInput field="rate_basis.spread_bp" testId="pm-spread-bp" unit="bp" value={b.spread_bp} errors={errors} onChange={(v) => setBasis({ ...b, spread_bp: v })} />
            </Field>
          </>
        ) : (
          <Field field="rate_percent" label={t("projectModel.f.ratePercent")} errors={errors} required>
            <DecimalInput field="rate_percent" testId="pm-rate" unit="%" value={form.rate_percent} errors={errors} onChange={(v) => set("rate_percent", v)} />
          </Field>
        )}
        <Field field="target_dscr" label={t("projectModel.f.targetDscr")} errors={errors} required>
          <DecimalInput field="target_dscr" testId="pm-target-dscr" unit={t("projectModel.times")} value={form.target_dscr} errors={errors} onChange={(v) => set("target_dscr", v)} />
        </Field>
        <Field field="repayment" label={t("projectModel.f.repayment")} errors={errors}>
          <EnumSelect
            id={inputId("repayment")}
            testId="pm-repayment"
            value={form.repayment}
            options={REPAYMENTS}
            label={(v) => t(`repayment.${v}`)}
            onChange={(v) => v !== "" && set("repayment", v)}
          />
        </Field>
        <Field field="total_uses" label={t("projectModel.f.totalUses")} errors={errors}>
          <DecimalInput field="total_uses" testId="pm-total-uses" value={form.total_uses} errors={errors} onChange={(v) => set("total_uses", v)} />
        </Field>
        <Field field="max_gearing_percent" label={t("projectModel.f.maxGearing")} errors={errors}>
          <DecimalInput
            field="max_gearing_percent"
            testId="pm-max-gearing"
            unit="%"
            value={form.max_gearing_percent}
            errors={errors}
            onChange={(v) => set("max_gearing_percent", v)}
          />
        </Field>
        <Field field="debt" label={t("projectModel.f.debt")} errors={errors} hint={t("projectModel.f.debtHelp")}>
          <DecimalInput field="debt" testId="pm-debt-given" value={form.debt} errors={errors} onChange={(v) => set("debt", v)} />
        </Field>
        <Field field="tenor_periods" label={t("projectModel.f.tenor")} errors={errors} hint={t("projectModel.f.tenorHelp")}>
          <DecimalInput field="tenor_periods" testId="pm-tenor" value={form.tenor_periods} errors={errors} onChange={(v) => set("tenor_periods", v)} />
        </Field>
        <Field field="capital_category" label={t("projectModel.f.capitalCategory")} errors={errors} className="pm-span-2">
          <select
            id={inputId("capital_category")}
            data-testid="pm-capital-category"
            value={form.capital_category}
            onChange={(e) => set("capital_category", CATEGORIES.find((k) => k === e.target.value) ?? "")}
          >
            <option value="">{t("projectModel.f.capitalNone")}</option>
            {CATEGORIES.map((k) => (
              <option key={k} value={k}>
                {t(`capitalCategory.${k}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className={c ? "pm-fieldset" : "pm-fieldset pm-off"} data-testid="pm-construction">
        <legend>
          <label className="check">
            <input
              type="checkbox"
              data-testid="pm-construction-on"
              checked={c !== null}
              onChange={(e) => setConstruction(e.target.checked ? newConstruction() : null)}
            />
            {t("projectModel.construction")}
          </label>
        </legend>
        {c && (
          <>
            <p className="field-hint">{t("projectModel.constructionHelp")}</p>
            <div className="pm-grid">
              <Field field="construction.periods_per_year" label={t("projectModel.f.constructionPpy")} errors={errors}>
                <EnumSelect
                  id={inputId("construction.periods_per_year")}
                  testId="pm-construction-ppy"
                  value={c.periods_per_year}
                  options={CONSTRUCTION_PERIODS_PER_YEAR}
                  label={(v) => t(`projectModel.ppy.${v}`)}
                  onChange={(v) => v !== "" && setConstruction({ ...c, periods_per_year: v })}
                />
              </Field>
              <Field field="construction.rate_percent" label={t("projectModel.f.constructionRate")} errors={errors} required>
                <DecimalInput
                  field="construction.rate_percent"
                  testId="pm-construction-rate"
                  unit="%"
                  value={c.rate_percent}
                  errors={errors}
                  onChange={(v) => setConstruction({ ...c, rate_percent: v })}
                />
              </Field>
              <Field field="construction.draw_timing" label={t("projectModel.f.drawTiming")} errors={errors} className="pm-span-2">
                <EnumSelect
                  id={inputId("construction.draw_timing")}
                  testId="pm-draw-timing"
                  value={c.draw_timing}
                  options={DRAW_TIMINGS}
                  label={(v) => t(`drawTiming.${v}`)}
                  onChange={(v) => v !== "" && setConstruction({ ...c, draw_timing: v })}
                />
              </Field>
            </div>
            <div className="field">
              <span className="field-label">{t("projectModel.f.draws")}</span>
              <div className="pm-draws" data-testid="pm-draws">
                {c.draws.map((d, i) => (
                  <div key={i} className="pm-draw">
                    <span className="pm-draw-no muted small">{i + 1}</span>
                    <DecimalInput
                      field={`construction.draws[${i + 1}]`}
                      testId={`pm-draw-${i + 1}`}
                      label={`${t("projectModel.f.draws")} ${t("projectModel.periodN", { n: i + 1 })}`}
                      value={d}
                      errors={errors}
                      onChange={(v) => setConstruction({ ...c, draws: c.draws.map((x, j) => (j === i ? v : x)) })}
                    />
                    <button
                      type="button"
                      className="btn btn-ghost btn-small pm-remove"
                      aria-label={t("projectModel.removeDraw", { n: i + 1 })}
                      title={t("projectModel.removeDraw", { n: i + 1 })}
                      disabled={c.draws.length <= 1}
                      onClick={() => setConstruction({ ...c, draws: c.draws.filter((_, j) => j !== i) })}
                    >
                      ×
                    </button>
                    <FieldError errors={errors} field={`construction.draws[${i + 1}]`} />
                  </div>
                ))}
              </div>
              <FieldError errors={errors} field="construction.draws" />
              <div>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  data-testid="pm-add-draw"
                  onClick={() => setConstruction({ ...c, draws: [...c.draws, ""] })}
                >
                  {t("projectModel.addDraw")}
                </button>
              </div>
            </div>
          </>
        )}
      </fieldset>

      <fieldset className="pm-fieldset" data-testid="pm-dsra">
        <legend>{t("projectModel.dsra")}</legend>
        <div className="pm-grid">
          <Field field="dsra_months" label={months} errors={errors} hint={t("projectModel.dsraHelp")}>
            <DecimalInput field="dsra_months" testId="pm-dsra-months" value={form.dsra_months} errors={errors} onChange={(v) => set("dsra_months", v)} />
          </Field>
          <Field field="dsra_funding" label={t("projectModel.f.dsraFunding")} errors={errors} className="pm-span-2">
            <EnumSelect
              id={inputId("dsra_funding")}
              testId="pm-dsra-funding"
              value={form.dsra_funding}
              options={DSRA_FUNDINGS}
              label={(v) => t(`dsraFunding.${v}`)}
              onChange={(v) => v !== "" && set("dsra_funding", v)}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset className={form.sweep ? "pm-fieldset" : "pm-fieldset pm-off"} data-testid="pm-sweep">
        <legend>
          <label className="check">
            <input
              type="checkbox"
              data-testid="pm-sweep-on"
              checked={form.sweep !== null}
              onChange={(e) => set("sweep", e.target.checked ? { percent: "50", lockup_dscr: "1.10" } : null)}
            />
            {t("projectModel.sweep")}
          </label>
        </legend>
        {form.sweep && (
          <div className="pm-grid">
            <Field field="sweep.percent" label={t("projectModel.f.sweepPercent")} errors={errors} required>
              <DecimalInput
                field="sweep.percent"
                testId="pm-sweep-percent"
                unit="%"
                value={form.sweep.percent}
                errors={errors}
                onChange={(v) => form.sweep && set("sweep", { ...form.sweep, percent: v })}
              />
            </Field>
            <Field field="sweep.lockup_dscr" label={t("projectModel.f.lockup")} errors={errors} required>
              <DecimalInput
                field="sweep.lockup_dscr"
                testId="pm-lockup"
                unit={t("projectModel.times")}
                value={form.sweep.lockup_dscr}
                errors={errors}
                onChange={(v) => form.sweep && set("sweep", { ...form.sweep, lockup_dscr: v })}
              />
            </Field>
          </div>
        )}
      </fieldset>
    </section>
  );
}
