// 流动资金贷款需求测算, under the spread: the annex's formula on the client's latest statements.
// Revenue and margin come from the statements; the five turnover days and own funds are
// prefilled from them and editable; growth, existing working-capital loans and other funds are
// entered. The result follows the form as it is typed (the core computes it, nothing is
// stored); Save stores the assumptions, which the proposal PDF computes from. A refusal goes
// under the field the core names, in the officer's language.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LoanScenario, ProductType, WcNeed, WcNeedAssumptions, WcNeedFromStatements } from "../../bindings";
import {
  RATIO_KEY,
  WC_DAY_FIELDS,
  cycleDays,
  fixedPlaces,
  sameAssumptions,
  twoDecimals,
  wcAssumptions,
  wcFormFrom,
  type WcForm,
} from "../../documents";
import { fieldError, type FieldErrors } from "../../errors";
import { cleanDecimal, compareDecimal, formatMoney, groupThousands } from "../../money";
import { useErrorHandler } from "../../session";
import { useDebounced } from "../../useDebounced";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";

interface Loaded {
  from: WcNeedFromStatements;
  saved: WcNeedAssumptions | null;
  product: ProductType | null;
  proposed: LoanScenario | null;
}

/** The core's fields that are no input of the form: shown under the figure they concern. */
const FIELD_OF_DAYS = "days";

export default function WcNeedPanel({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [form, setForm] = useState<WcForm | null>(null);
  const [result, setResult] = useState<WcNeed | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const seq = useRef(0);

  const load = useCallback(
    () =>
      Promise.all([api.wcNeedFromStatements(clientId), api.wcNeedSaved(clientId), api.clientGet(clientId), api.scenariosList(clientId)]).then(
        ([from, saved, detail, scenarios]) => {
          if (!from) {
            setLoaded(null);
            return;
          }
          setLoaded({ from, saved, product: detail.client.product, proposed: scenarios.find((s) => s.proposed) ?? null });
          setForm(wcFormFrom(from, saved));
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [clientId, handleError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const parsed = useMemo(() => (form && loaded ? wcAssumptions(form, loaded.from) : null), [form, loaded]);
  const localErrors: FieldErrors = useMemo(() => {
    const out: FieldErrors = {};
    // An empty growth is no error yet: the result says what it waits for.
    if (parsed && "errors" in parsed)
      for (const [f, rule] of Object.entries(parsed.errors)) if (rule !== "required") out[f] = { message: t(`rule.${rule}`), detail: null };
    return out;
  }, [parsed, t]);
  const assumptions = parsed && "value" in parsed ? parsed.value : null;
  const debounced = useDebounced(assumptions, 250);

  /** A refusal as shown under its field; the days' sum says which days it adds up. */
  const refusal = useCallback(
    (err: ApiError) => {
      const shown = fieldError(t, err);
      return err.field === FIELD_OF_DAYS ? { ...shown, message: t("wcNeed.daysRefused", { reason: shown.message }) } : shown;
    },
    [t],
  );

  // The live result: the core computes it from the statements and the form as typed.
  useEffect(() => {
    if (!debounced) {
      setResult(null);
      setServerErrors({});
      return;
    }
    const mine = ++seq.current;
    api.wcNeedPreview(clientId, debounced).then(
      (need) => {
        if (mine !== seq.current) return;
        setResult(need);
        setServerErrors({});
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        const err = handleError(e);
        setResult(null);
        if (err?.code === "validation" && err.field) setServerErrors({ [err.field]: refusal(err) });
        else setError(err);
      },
    );
  }, [clientId, debounced, handleError, refusal]);

  if (!loaded || !form) {
    return error ? <ErrorBox error={error} testId="wc-need-error" /> : null;
  }
  const { from, saved, product, proposed } = loaded;
  const errors: FieldErrors = { ...serverErrors, ...localErrors };
  const stale = assumptions !== null && debounced !== assumptions;
  const shownResult = Object.keys(errors).length === 0 ? result : null;
  const dirty = assumptions === null || saved === null || !sameAssumptions(assumptions, saved);

  const set = (field: keyof WcForm, value: string) => {
    setForm({ ...form, [field]: value });
    setJustSaved(false);
  };

  const save = async () => {
    if (!assumptions || saving) return;
    setSaving(true);
    setError(null);
    setJustSaved(false);
    try {
      const need = await api.wcNeedSave(clientId, assumptions);
      setResult(need);
      setServerErrors({});
      setLoaded({ ...loaded, saved: assumptions });
      setJustSaved(true);
    } catch (e) {
      const err = handleError(e);
      if (err?.code === "validation" && err.field) setServerErrors({ [err.field]: refusal(err) });
      else setError(err);
    } finally {
      setSaving(false);
    }
  };

  const input = (field: keyof WcForm, testId: string, unit: string, opts: { placeholder?: string } = {}) => (
    <span className="input-unit">
      <input
        id={inputId(field)}
        data-testid={testId}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        placeholder={opts.placeholder}
        value={form[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `err-${field}` : undefined}
        onChange={(e) => set(field, e.target.value)}
      />
      <span className="unit" aria-hidden="true">
        {unit}
      </span>
    </span>
  );

  const yuan = t("ratioUnit.yuan");
  const days = t("ratioUnit.days");
  const cycle = shownResult ? cycleDays(shownResult.input) : null;
  const aboveNeed =
    product === "working-capital" && proposed !== null && shownResult !== null && compareDecimal(proposed.terms.principal, shownResult.new_need) > 0;

  return (
    <section className="card wc-need" data-testid="wc-need-panel">
      <div className="card-head">
        <h2 className="section-title">{t("wcNeed.title")}</h2>
      </div>
      <p className="muted small">
        {t("wcNeed.basis", { year: from.year })} {t("wcNeed.balances", { basis: t(from.averaged ? "balanceBasis.average" : "balanceBasis.closing") })}
      </p>
      <ErrorBox error={error} testId="wc-need-error" />
      {errors.statement && (
        <div className="alert alert-error" role="alert" data-testid="field-error-statement">
          {errors.statement.message}
        </div>
      )}

      <div className="wc-body">
        <div className="wc-inputs">
          <dl className="wc-facts">
            <div>
              <dt>{t("wcNeed.revenue", { year: from.year })}</dt>
              <dd className="num" data-testid="wc-revenue">
                {from.revenue === null ? "—" : `${formatMoney(from.revenue)} ${yuan}`}
              </dd>
              {errors.revenue && <dd className="field-error" data-testid="field-error-revenue">{errors.revenue.message}</dd>}
            </div>
            <div>
              <dt>{t("wcNeed.netMargin")}</dt>
              <dd className="num" data-testid="wc-net-margin">
                {from.net_margin_percent === null ? "—" : `${twoDecimals(from.net_margin_percent)}%`}
              </dd>
              {errors.net_margin_percent && (
                <dd className="field-error" data-testid="field-error-net_margin_percent">
                  {errors.net_margin_percent.message}
                </dd>
              )}
            </div>
          </dl>

          <fieldset className="wc-days" aria-describedby={errors[FIELD_OF_DAYS] ? `err-${FIELD_OF_DAYS}` : undefined}>
            <legend className="field-label">{t("wcNeed.days")}</legend>
            <div className="wc-days-grid">
              {WC_DAY_FIELDS.map(([field, kind], i) => {
                const found = from[field];
                const typed = cleanDecimal(form[field]);
                const edited = found !== null && typed !== null && compareDecimal(typed, found) !== 0;
                return (
                  <Field
                    key={field}
                    field={field}
                    label={`${["", "+ ", "− ", "+ ", "− "][i]}${t(RATIO_KEY[kind])}`}
                    errors={errors}
                    hint={edited ? t("wcNeed.fromStatements", { value: found }) : undefined}
                  >
                    {input(field, `wc-${field.replace("_", "-")}`, days, { placeholder: found ?? "0" })}
                  </Field>
                );
              })}
            </div>
            {errors[FIELD_OF_DAYS] ? (
              <div className="field-error" role="alert" id={`err-${FIELD_OF_DAYS}`} data-testid={`field-error-${FIELD_OF_DAYS}`}>
                {errors[FIELD_OF_DAYS].message}
              </div>
            ) : (
              cycle !== null && (
                <div className="field-hint" data-testid="wc-days-sum">
                  {t("wcNeed.daysSum", { days: twoDecimals(cycle) })}
                </div>
              )
            )}
          </fieldset>

          <div className="wc-amounts">
            <Field field="growth_percent" label={t("wcNeed.growth")} errors={errors} required>
              {input("growth_percent", "wc-growth", "%", { placeholder: t("wcNeed.growthPlaceholder") })}
            </Field>
            <Field
              field="own_funds"
              label={t("wcNeed.ownFunds")}
              errors={errors}
              hint={from.own_funds === null ? undefined : t("wcNeed.ownFundsHint", { amount: groupThousands(from.own_funds) })}
            >
              {input("own_funds", "wc-own-funds", yuan)}
            </Field>
            <Field field="existing_wc_loans" label={t("wcNeed.existing")} errors={errors}>
              {input("existing_wc_loans", "wc-existing", yuan, { placeholder: "0" })}
            </Field>
            <Field field="other_funds" label={t("wcNeed.other")} errors={errors}>
              {input("other_funds", "wc-other", yuan, { placeholder: "0" })}
            </Field>
          </div>
        </div>

        <div className="wc-result" data-testid="wc-result" aria-live="polite" aria-busy={stale || undefined}>
          {shownResult ? (
            <>
              <div className="wc-figure">
                <span className="wc-figure-label">{t("wcNeed.turnover")}</span>
                <span className="wc-figure-value num" data-testid="wc-turnover">
                  {fixedPlaces(shownResult.turnover, 4)}
                </span>
                {cycle !== null && <span className="wc-figure-how">{t("wcNeed.turnoverFormula", { days: twoDecimals(cycle) })}</span>}
              </div>
              <div className="wc-figure">
                <span className="wc-figure-label">{t("wcNeed.workingCapital")}</span>
                <span className="wc-figure-value num" data-testid="wc-working-capital">
                  {formatMoney(shownResult.working_capital)} <span className="wc-unit">{yuan}</span>
                </span>
                <span className="wc-figure-how">{t("wcNeed.workingCapitalFormula")}</span>
              </div>
              <div className="wc-figure wc-figure-main">
                <span className="wc-figure-label">{t("wcNeed.newNeed")}</span>
                <span className="wc-figure-value num" data-testid="wc-new-need">
                  {formatMoney(shownResult.new_need)} <span className="wc-unit">{yuan}</span>
                </span>
                <span className="wc-figure-how">{t("wcNeed.newNeedFormula")}</span>
              </div>
              {shownResult.warnings.includes("negative_need") && (
                <div className="alert alert-warn" role="status" data-testid="wc-warning-negative">
                  {t("wcNeedWarning.negative_need")}
                </div>
              )}
              {aboveNeed && proposed && (
                <div className="alert alert-error" role="status" data-testid="wc-warning-above">
                  <div>
                    <strong>{t("wcNeedWarning.above_need")}</strong>
                    <div className="small">
                      {t("wcNeed.aboveNeedDetail", { label: proposed.label, amount: formatMoney(proposed.terms.principal), need: formatMoney(shownResult.new_need) })}
                    </div>
                  </div>
                </div>
              )}
            </>
          ) : (
            <p className="muted small" data-testid="wc-result-empty">
              {parsed && "errors" in parsed && parsed.errors.growth_percent === "required"
                ? t("wcNeed.enterGrowth")
                : Object.keys(errors).length > 0
                  ? t("wcNeed.fixInputs")
                  : "—"}
            </p>
          )}
          {product !== "working-capital" && (
            <p className="muted small" data-testid="wc-not-working-capital">
              {t("wcNeed.notWorkingCapital")}
            </p>
          )}
          <div className="inline wc-actions">
            <button type="button" className="btn btn-primary" data-testid="wc-save" disabled={saving || assumptions === null} aria-busy={saving} onClick={() => void save()}>
              {saving ? t("common.saving") : t("wcNeed.save")}
            </button>
            {!dirty ? (
              <span className={justSaved ? "ok-text" : "muted small"} role="status" data-testid="wc-saved">
                {t("wcNeed.saved")}
              </span>
            ) : (
              dirty && (
                <span className="muted small" data-testid="wc-save-state">
                  {saved === null ? t("wcNeed.neverSaved") : t("wcNeed.unsaved")}
                </span>
              )
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
