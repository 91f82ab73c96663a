// The per-period figures as an editable table: CFADS typed (or built from revenue and its
// deductions), with EBITDA, tax and EBIT for the PRC cover ratios. Rows are added and removed
// here; a block pasted from Excel fills the cells from the one pasted into, adding rows.
import type { ClipboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../errors";
import { COLUMNS, CFADS_MODES, emptyRow, pastedGrid, type ModelForm, type Row, type SeriesKey } from "./modelForm";

interface Props {
  form: ModelForm;
  onChange: (form: ModelForm) => void;
  errors: FieldErrors;
}

export default function SeriesTable({ form, onChange, errors }: Props) {
  const { t } = useTranslation();
  const columns: readonly SeriesKey[] = COLUMNS[form.mode];
  const setRows = (rows: Row[]) => onChange({ ...form, rows });

  const setCell = (i: number, key: SeriesKey, value: string) => setRows(form.rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));

  const paste = (e: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = e.clipboardData.getData("text/plain");
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const grid = pastedGrid(text);
    const rows = form.rows.map((r) => ({ ...r }));
    grid.forEach((cells, di) => {
      const i = row + di;
      while (rows.length <= i) rows.push(emptyRow());
      cells.forEach((cell, dj) => {
        const key = columns[col + dj];
        const target = rows[i];
        if (key && target) target[key] = cell;
      });
    });
    setRows(rows);
  };

  const firstError = (key: SeriesKey) => errors[key];

  return (
    <section className="card pm-series" data-testid="pm-series">
      <div className="pm-card-head">
        <h2 className="section-title">{t("projectModel.series")}</h2>
        <span className="muted small" data-testid="pm-period-count">
          {t("projectModel.periodsCount", { count: form.rows.length })}
        </span>
      </div>
      <div className="pm-mode" role="radiogroup" aria-label={t("projectModel.series")}>
        {CFADS_MODES.map((m) => (
          <label key={m} className="check">
            <input type="radio" name="pm-mode" data-testid={`pm-mode-${m}`} checked={form.mode === m} onChange={() => onChange({ ...form, mode: m })} />
            {t(`projectModel.mode.${m}`)}
          </label>
        ))}
      </div>
      {form.mode === "parts" && <p className="field-hint">{t("projectModel.mode.partsHelp")}</p>}
      <p className="field-hint">{t("projectModel.seriesHelp")}</p>
      {columns.map((k) =>
        firstError(k) ? (
          <div key={k} className="field-error" role="alert" data-testid={`field-error-${k}`}>
            {t(`projectModel.col.${k}`)}: {firstError(k)?.message}
          </div>
        ) : null,
      )}
      <div className="pm-table-wrap">
        <table className="simple-table pm-series-table" data-testid="pm-series-table">
          <thead>
            <tr>
              <th className="num">{t("projectModel.period")}</th>
              {columns.map((k) => (
                <th key={k} className="num">
                  {t(`projectModel.col.${k}`)}
                </th>
              ))}
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {form.rows.map((r, i) => (
              <tr key={i} data-testid="pm-series-row">
                <td className="num muted">{i + 1}</td>
                {columns.map((k, j) => {
                  const field = `${k}[${i + 1}]`;
                  const err = errors[field];
                  return (
                    <td key={k}>
                      <input
                        className="pm-cell"
                        data-testid={`pm-cell-${k}-${i + 1}`}
                        inputMode="decimal"
                        autoComplete="off"
                        spellCheck={false}
                        aria-label={`${t(`projectModel.col.${k}`)} ${t("projectModel.periodN", { n: i + 1 })}`}
                        aria-invalid={err ? true : undefined}
                        title={err?.message}
                        value={r[k]}
                        onChange={(e) => setCell(i, k, e.target.value)}
                        onPaste={(e) => paste(e, i, j)}
                      />
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small pm-remove"
                    aria-label={t("projectModel.removePeriod", { n: i + 1 })}
                    title={t("projectModel.removePeriod", { n: i + 1 })}
                    disabled={form.rows.length <= 1}
                    onClick={() => setRows(form.rows.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CellErrors errors={errors} columns={columns} />
      <div>
        <button type="button" className="btn btn-secondary btn-small" data-testid="pm-add-period" onClick={() => setRows([...form.rows, emptyRow()])}>
          {t("projectModel.addPeriod")}
        </button>
      </div>
    </section>
  );
}

/** The cells' errors listed under the table (a cell is too narrow to hold its message). */
function CellErrors({ errors, columns }: { errors: FieldErrors; columns: readonly SeriesKey[] }) {
  const { t } = useTranslation();
  const cells = Object.entries(errors)
    .map(([field, e]) => ({ field, e, m: /^([a-z_]+)\[(\d+)\]$/.exec(field) }))
    .filter((x): x is { field: string; e: (typeof x)["e"]; m: RegExpExecArray } => x.m !== null && columns.some((k) => k === x.m?.[1]));
  if (cells.length === 0) return null;
  return (
    <ul className="pm-cell-errors" data-testid="pm-cell-errors">
      {cells.slice(0, 5).map(({ field, e, m }) => (
        <li key={field} className="field-error" data-testid={`field-error-${field}`}>
          {t(`projectModel.col.${m[1] as SeriesKey}`)} · {t("projectModel.periodN", { n: m[2] })}: {e.message}
        </li>
      ))}
      {cells.length > 5 && <li className="field-error">…</li>}
    </ul>
  );
}
