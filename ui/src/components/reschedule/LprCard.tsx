// The LPR table (贷款市场报价利率) in Settings: the officer enters each month's 1-year and
// 5-year-plus figures as published, or imports them from a CSV (date,1y,5y). Floating loans
// reprice from it (公告〔2019〕第30号).
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LprRate, LprTenor } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { cleanDecimal, formatPercent } from "../../money";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import DateInput from "../DateInput";

const TENORS: LprTenor[] = ["1y", "5y"];

export default function LprCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [rates, setRates] = useState<LprRate[] | null>(null);
  const [on, setOn] = useState(todayISO());
  const [tenor, setTenor] = useState<LprTenor>("1y");
  const [percent, setPercent] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    api.lprList().then(
      (r) => live && setRates(r),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError]);

  const fail = (err: unknown) => {
    const apiErr = handleError(err);
    if (apiErr?.code === "validation" && apiErr.field && apiErr.field !== "file") setErrors({ [apiErr.field]: fieldError(t, apiErr) });
    else setError(apiErr);
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setImported(null);
    const clean = cleanDecimal(percent);
    const local: FieldErrors = {};
    if (!isIsoDate(on)) local.published_on = { message: t("loans.dateInvalid"), detail: null };
    if (clean === null) local.percent = { message: percent.trim() === "" ? t("rule.required") : t("rule.not_a_number"), detail: null };
    setErrors(local);
    if (clean === null || Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      setRates(await api.lprSet({ published_on: on, tenor, percent: clean }));
      setPercent("");
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const importCsv = async () => {
    setError(null);
    setImported(null);
    setBusy(true);
    try {
      const done = await api.lprImport();
      if (done) {
        setRates(done[1]);
        setImported(done[0]);
      }
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="lpr-card">
      <h2 className="section-title">{t("lpr.title")}</h2>
      <p className="muted small">{t("lpr.help")}</p>
      <form className="repay-grid" onSubmit={add} noValidate>
        <Field field="published_on" label={t("lpr.publishedOn")} errors={errors} required>
          <DateInput id={inputId("published_on")} data-testid="lpr-date" value={on} onChange={(value) => setOn(value)} />
        </Field>
        <Field field="tenor" label={t("lpr.tenor")} errors={errors}>
          <select id={inputId("tenor")} data-testid="lpr-tenor" value={tenor} onChange={(e) => setTenor(e.target.value as LprTenor)}>
            {TENORS.map((x) => (
              <option key={x} value={x}>
                {t(`lprTenor.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field field="percent" label={t("lpr.percent")} errors={errors} required>
          <input
            id={inputId("percent")}
            type="text"
            inputMode="decimal"
            data-testid="lpr-percent"
            value={percent}
            placeholder="3.10"
            onChange={(e) => setPercent(e.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="lpr-add" disabled={busy}>
            {t("lpr.add")}
          </button>
          <button type="button" className="btn btn-secondary" data-testid="lpr-import" disabled={busy} onClick={() => void importCsv()}>
            {t("lpr.import")}
          </button>
        </div>
      </form>
      <ErrorBox error={error} />
      {imported !== null && (
        <p className="ok-text" role="status" data-testid="lpr-imported">
          {t("lpr.imported", { count: imported })}
        </p>
      )}
      {rates && rates.length === 0 && (
        <p className="muted" data-testid="lpr-empty">
          {t("lpr.empty")}
        </p>
      )}
      {rates && rates.length > 0 && (
        <div className="periods-scroll lpr-scroll">
          <table className="simple-table" data-testid="lpr-table">
            <thead>
              <tr>
                <th>{t("lpr.publishedOn")}</th>
                <th>{t("lpr.tenor")}</th>
                <th className="num">{t("lpr.percent")}</th>
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={`${r.published_on}-${r.tenor}`} data-testid="lpr-row" data-date={r.published_on} data-tenor={r.tenor}>
                  <td>{r.published_on}</td>
                  <td>{t(`lprTenor.${r.tenor}`)}</td>
                  <td className="num">{formatPercent(r.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
