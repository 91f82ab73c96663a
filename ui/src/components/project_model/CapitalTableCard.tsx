// Settings: the minimum 资本金 share of total investment per industry that the project model's
// check applies. 国发〔2015〕51号's shares are the defaults, shown beside each; the bank may hold
// itself to stricter ones. The core refuses a share outside 0–100 and names the industry.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { CapitalCategory, CapitalMinimum, CapitalTable } from "../../bindings";
import type { FieldErrors } from "../../errors";
import { cleanDecimal, compareDecimal } from "../../money";
import { useSave } from "../../useSave";
import ErrorBox from "../ErrorBox";
import FieldError from "../FieldError";
import "./project_model.css";

const fieldOf = (c: CapitalCategory) => `overrides.${c}`;

export default function CapitalTableCard() {
  const { t } = useTranslation();
  const { saving, saved, setSaved, error, setError, fieldErrors, setFieldErrors, save, handleError } = useSave();
  const [rows, setRows] = useState<CapitalMinimum[] | null>(null);
  // As typed, by industry.
  const [typed, setTyped] = useState<Partial<Record<CapitalCategory, string>>>({});

  useEffect(() => {
    let live = true;
    api.capitalTableGet().then(
      (r) => {
        if (!live) return;
        setRows(r);
        setTyped(Object.fromEntries(r.map((m) => [m.category, m.percent])));
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError, setError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rows || saving) return;
    setSaved(false);
    setError(null);
    const bad: FieldErrors = {};
    const table: CapitalTable = { overrides: {} };
    for (const r of rows) {
      const c = cleanDecimal(typed[r.category] ?? "");
      if (c === null) bad[fieldOf(r.category)] = { message: t("rule.not_a_number"), detail: null };
      else if (compareDecimal(c, r.default_percent) !== 0) table.overrides[r.category] = c;
    }
    setFieldErrors(bad);
    if (Object.keys(bad).length > 0) return;
    await save(async () => {
      await api.capitalTableSet(table);
      const next = rows.map((r) => ({ ...r, percent: table.overrides[r.category] ?? r.default_percent }));
      setRows(next);
      setTyped(Object.fromEntries(next.map((m) => [m.category, m.percent])));
    });
  };

  const resetAll = () => {
    if (!rows) return;
    setTyped(Object.fromEntries(rows.map((m) => [m.category, m.default_percent])));
    setSaved(false);
    setFieldErrors({});
  };

  return (
    <section className="card" data-testid="capital-table-card">
      <h2 className="section-title">{t("projectModel.capital.title")}</h2>
      <p className="muted small">{t("projectModel.capital.help")}</p>
      <form onSubmit={submit} noValidate>
        <table className="simple-table capital-table" data-testid="capital-table">
          <thead>
            <tr>
              <th>{t("projectModel.capital.category")}</th>
              <th className="num">{t("projectModel.capital.default")}</th>
              <th className="num">{t("projectModel.capital.applied")}</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((r) => {
              const value = typed[r.category] ?? "";
              const c = cleanDecimal(value);
              const changed = c !== null && compareDecimal(c, r.default_percent) !== 0;
              const field = fieldOf(r.category);
              return (
                <tr key={r.category} className={changed ? "changed" : undefined} data-testid="capital-row" data-category={r.category}>
                  <td>
                    {t(`capitalCategory.${r.category}`)}
                    <FieldError errors={fieldErrors} field={field} />
                  </td>
                  <td className="num muted">{r.default_percent}%</td>
                  <td className="num">
                    <span className="input-unit">
                      <input
                        data-testid={`capital-${r.category}`}
                        inputMode="decimal"
                        aria-label={`${t(`capitalCategory.${r.category}`)} ${t("projectModel.capital.applied")}`}
                        title={changed ? t("projectModel.capital.changed") : undefined}
                        aria-invalid={fieldErrors[field] ? true : undefined}
                        value={value}
                        onChange={(e) => {
                          setTyped({ ...typed, [r.category]: e.target.value });
                          setSaved(false);
                        }}
                      />
                      <span className="unit" aria-hidden="true">
                        %
                      </span>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="inline">
          <button type="submit" className="btn btn-primary" data-testid="capital-save" disabled={saving || rows === null} aria-busy={saving}>
            {saving ? t("common.saving") : t("common.save")}
          </button>
          <button type="button" className="btn btn-secondary" data-testid="capital-reset" disabled={rows === null} onClick={resetAll}>
            {t("projectModel.capital.reset")}
          </button>
          {saved && (
            <span className="ok-text" role="status" data-testid="capital-saved">
              {t("common.saved")}
            </span>
          )}
        </div>
      </form>
      <ErrorBox error={error} />
    </section>
  );
}
