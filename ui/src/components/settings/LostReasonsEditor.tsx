// The list of reasons a client can be marked lost for (Settings): add, rename in both
// languages, reorder, remove. The backend keeps removed reasons (retired) so clients already
// lost for one keep its label, and renaming relabels past records: both are said in the help.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LostReason } from "../../bindings";
import { fieldError } from "../../errors";
import { blankRows, moveItem, newUid, removeAt, rowOfField, type LabelRow } from "../../listEdit";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";

/** The backend's limit (crates/core/src/journey/lost.rs MAX_REASONS). */
const MAX_REASONS = 50;

function toRows(reasons: readonly LostReason[]): LabelRow[] {
  return reasons.map((r) => ({ uid: r.key, key: r.key, label_zh: r.label_zh, label_en: r.label_en }));
}

function toInput(rows: readonly LabelRow[]) {
  return rows.map((r) => ({ key: r.key, label_zh: r.label_zh.trim(), label_en: r.label_en.trim() }));
}

export default function LostReasonsEditor() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [loaded, setLoaded] = useState<LabelRow[] | null>(null);
  const [rows, setRows] = useState<LabelRow[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [listError, setListError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    api.lostReasonsGet(false).then(
      (r) => {
        if (!live) return;
        setLoaded(toRows(r));
        setRows(toRows(r));
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError]);

  const dirty = loaded !== null && JSON.stringify(toInput(rows)) !== JSON.stringify(toInput(loaded));

  const reshape = (next: LabelRow[]) => {
    setSaved(false);
    setRowErrors({});
    setListError(null);
    setRows(next);
  };

  const edit = (index: number, patch: Partial<LabelRow>) => {
    setSaved(false);
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    setRowErrors((errs) => Object.fromEntries(Object.entries(errs).filter(([k]) => Number(k) !== index)));
  };

  const save = async () => {
    if (rows.length === 0) {
      setListError(t("journeySettings.atLeastOne"));
      return;
    }
    const blank = blankRows(rows);
    if (blank.length > 0) {
      setRowErrors(Object.fromEntries(blank.map((i) => [i, t("journeySettings.labelMissing")])));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const list = await api.lostReasonsSave(toInput(rows));
      setLoaded(toRows(list));
      setRows(toRows(list));
      setSaved(true);
    } catch (e) {
      const err = handleError(e);
      const row = err?.code === "validation" ? rowOfField(err.field, "reasons") : null;
      if (err && row !== null) setRowErrors({ [row]: fieldError(t, err).message });
      else setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" data-testid="lost-reasons-editor">
      <div className="card-title-row">
        <h2 className="section-title">{t("journeySettings.lostReasons")}</h2>
        {loaded && <span className="muted small">{t("journeySettings.reasonCount", { n: rows.length })}</span>}
      </div>
      <p className="field-hint">{t("journeySettings.lostHelp")}</p>
      <ErrorBox error={error} />
      {loaded && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <ol className="reason-list">
            {rows.map((r, i) => {
              const n = i + 1;
              const rowError = rowErrors[i];
              return (
                <li key={r.uid} data-testid="lost-row" data-key={r.key ?? ""}>
                  <div className="reason-row">
                    <input
                      type="text"
                      data-testid="lost-label-zh"
                      aria-label={`${t("journeySettings.colLabelZh")} ${n}`}
                      placeholder={t("journeySettings.colLabelZh")}
                      aria-invalid={rowError ? true : undefined}
                      value={r.label_zh}
                      maxLength={200}
                      lang="zh-CN"
                      onChange={(e) => edit(i, { label_zh: e.target.value })}
                    />
                    <input
                      type="text"
                      data-testid="lost-label-en"
                      aria-label={`${t("journeySettings.colLabelEn")} ${n}`}
                      placeholder={t("journeySettings.colLabelEn")}
                      aria-invalid={rowError ? true : undefined}
                      value={r.label_en}
                      maxLength={200}
                      lang="en"
                      onChange={(e) => edit(i, { label_en: e.target.value })}
                    />
                    <span className="row-buttons">
                      <button type="button" className="btn btn-ghost btn-small" aria-label={`${t("journeySettings.moveUp")} ${n}`} title={t("journeySettings.moveUp")} disabled={i === 0} onClick={() => reshape(moveItem(rows, i, -1))}>
                        ↑
                      </button>
                      <button type="button" className="btn btn-ghost btn-small" aria-label={`${t("journeySettings.moveDown")} ${n}`} title={t("journeySettings.moveDown")} disabled={i === rows.length - 1} onClick={() => reshape(moveItem(rows, i, 1))}>
                        ↓
                      </button>
                      <button type="button" className="btn btn-ghost btn-small danger-text" data-testid="lost-remove" aria-label={`${t("journeySettings.remove")} ${n}`} title={t("journeySettings.remove")} onClick={() => reshape(removeAt(rows, i))}>
                        ✕
                      </button>
                    </span>
                  </div>
                  {rowError && <div className="field-error">{rowError}</div>}
                </li>
              );
            })}
          </ol>
          {listError && (
            <div className="field-error" role="alert">
              {listError}
            </div>
          )}
          <div className="form-actions between">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              data-testid="lost-add"
              disabled={rows.length >= MAX_REASONS}
              onClick={() => reshape([...rows, { uid: newUid(), key: null, label_zh: "", label_en: "" }])}
            >
              + {t("journeySettings.addReason")}
            </button>
            <span className="spacer" />
            {saved && (
              <span className="ok-text" role="status" data-testid="lost-saved">
                {t("common.saved")}
              </span>
            )}
            <button type="button" className="btn btn-secondary" disabled={!dirty || saving} onClick={() => reshape(loaded)}>
              {t("journeySettings.revert")}
            </button>
            <button type="submit" className="btn btn-primary" data-testid="lost-save" disabled={!dirty || saving} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
