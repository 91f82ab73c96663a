// 批量导入客户: the officer's existing Excel list. Pick a file (Rust reads it), see every row
// with its problems and duplicates, and only then store the good rows in one transaction; rows
// with a problem are skipped only when the officer says so.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { ImportPreview, ImportRow } from "../bindings";
import { ruleReason } from "../errors";
import { industryLabel } from "../industry";
import { STAGE_KEY, TIER_KEY, isStage } from "../labels";
import { useErrorHandler } from "../session";
import ErrorBox from "./ErrorBox";
import Modal from "./Modal";
import "../clientImport.css";

interface Props {
  onClose: () => void;
  /** After a successful import: how many clients were added. */
  onImported: (count: number) => void;
}

export default function ClientImportDialog({ onClose, onImported }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipBad, setSkipBad] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(handleError(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const pick = async () => {
    const p = await run(() => api.clientsImportPick());
    if (p) {
      setPreview(p);
      setSkipBad(false);
      setOnlyProblems(false);
    }
  };

  const saveTemplate = async (fileType: "xlsx" | "csv") => {
    setSaved(null);
    const path = await run(() => api.clientsImportTemplateSave(fileType));
    if (path) setSaved(path);
  };

  const good = preview ? preview.rows.filter((r) => r.problems.length === 0) : [];
  const bad = preview ? preview.rows.length - good.length : 0;
  const canImport = good.length > 0 && (bad === 0 || skipBad) && !busy;

  const commit = async () => {
    const done = await run(() => api.clientsImportCommit(good.map((r) => r.client)));
    if (done) onImported(done.ids.length);
  };

  const rows = preview ? (onlyProblems ? preview.rows.filter((r) => r.problems.length > 0) : preview.rows) : [];

  return (
    <Modal className="modal-wide import-modal" labelledBy="import-title" testId="import-dialog" onClose={onClose}>
      <h2 id="import-title">{t("drill.importTitle")}</h2>
      {!preview ? (
        <div className="import-intro">
          <p>{t("drill.importIntro")}</p>
          <p className="muted small">{t("drill.importColumns")}</p>
          <div className="import-template">
            <span className="muted small">{t("drill.importTemplate")}</span>
            <button type="button" className="btn btn-secondary" data-testid="import-template-xlsx" disabled={busy} onClick={() => void saveTemplate("xlsx")}>
              XLSX
            </button>
            <button type="button" className="btn btn-secondary" data-testid="import-template-csv" disabled={busy} onClick={() => void saveTemplate("csv")}>
              CSV
            </button>
          </div>
          {saved && (
            <div className="alert alert-ok" role="status" data-testid="import-template-saved">
              {t("drill.importTemplateSaved", { path: saved })}
            </div>
          )}
        </div>
      ) : (
        <>
          <p data-testid="import-summary" className="import-summary">
            <span className="muted">{preview.file_name}</span>{" "}
            {t("drill.importSummary", { rows: preview.rows.length, ready: preview.ready, duplicates: preview.duplicates, invalid: preview.invalid })}
          </p>
          {preview.ignored_columns.length > 0 && (
            <p className="muted small" data-testid="import-ignored">
              {t("drill.importIgnored", { columns: preview.ignored_columns.join("、") })}
            </p>
          )}
          {preview.truncated && (
            <p className="alert alert-warn" data-testid="import-truncated">
              {t("drill.importTruncated", { count: preview.rows.length })}
            </p>
          )}
          {bad > 0 && (
            <label className="check small">
              <input type="checkbox" data-testid="import-only-problems" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
              {t("drill.importOnlyProblems")}
            </label>
          )}
          <div className="import-rows">
            <table className="simple-table">
              <thead>
                <tr>
                  <th className="num">{t("drill.importRow")}</th>
                  <th>{t("importColumn.name")}</th>
                  <th>{t("importColumn.credit_code")}</th>
                  <th>{t("importColumn.contact")}</th>
                  <th>{t("importColumn.industry")}</th>
                  <th>{t("importColumn.tier")}</th>
                  <th>{t("importColumn.stage")}</th>
                  <th>{t("drill.importStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <PreviewRow key={r.row} r={r} />
                ))}
              </tbody>
            </table>
          </div>
          {bad > 0 && good.length > 0 && (
            <label className="check import-skip">
              <input type="checkbox" data-testid="import-skip-bad" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} />
              {t("drill.importSkipBad", { bad, good: good.length })}
            </label>
          )}
          {good.length === 0 && (
            <p className="alert alert-warn" data-testid="import-nothing">
              {t("drill.importNothing")}
            </p>
          )}
        </>
      )}
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="import-cancel" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-secondary" data-testid="import-pick" disabled={busy} onClick={() => void pick()}>
          {preview ? t("drill.importPickAgain") : t("drill.importPick")}
        </button>
        {preview && (
          <button type="button" className="btn btn-primary" data-testid="import-confirm" disabled={!canImport} aria-busy={busy} onClick={() => void commit()}>
            {t("drill.importConfirm", { count: good.length })}
          </button>
        )}
      </div>
    </Modal>
  );
}

function PreviewRow({ r }: { r: ImportRow }) {
  const { t } = useTranslation();
  const c = r.client;
  const contact = c.contacts[0];
  const ok = r.problems.length === 0;
  const duplicate = r.problems.some((p) => p.rule === "duplicate" || p.rule === "same_name" || p.rule === "duplicate_in_file");
  const status = ok ? "ok" : duplicate ? "duplicate" : "invalid";
  // A tier or stage the file got wrong shows as missing, not as the default it would fall to.
  const wrong = (column: "tier" | "stage") => r.problems.some((p) => p.column === column);
  return (
    <tr data-testid="import-row" data-row={r.row} data-status={status} className={ok ? undefined : `import-${status}`}>
      <td className="num">{r.row}</td>
      <td className="cell-clip" title={c.name}>
        {c.name}
      </td>
      <td className="mono">{c.credit_code ?? ""}</td>
      <td>
        {contact?.name ?? ""}
        {contact?.phone ? <span className="muted small"> {contact.phone}</span> : null}
      </td>
      <td className="cell-clip" title={industryLabel(t, c.industry_code, c.industry)}>
        {industryLabel(t, c.industry_code, c.industry)}
        {r.industry_unclassified && (
          <span className="muted small" title={t("drill.importIndustryOtherHint")}>
            {" "}
            {t("drill.importIndustryOther")}
          </span>
        )}
      </td>
      <td className="nowrap">{wrong("tier") ? "—" : t(TIER_KEY[c.tier])}</td>
      <td>{wrong("stage") ? "—" : isStage(c.stage) ? `${c.stage} ${t(STAGE_KEY[c.stage])}` : c.stage}</td>
      <td data-testid="import-row-status">
        {ok ? (
          <span className="import-ok">{t("drill.importReady")}</span>
        ) : (
          <ul className="import-problems">
            {r.problems.map((p, i) => (
              <li key={i}>{t("errors.fieldReason", { field: t(`importColumn.${p.column}`), reason: ruleReason(t, p.rule, p.params) })}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
