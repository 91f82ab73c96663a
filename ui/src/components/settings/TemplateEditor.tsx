// The checklist template editor (Settings): one template per product type and stage; add,
// remove, reorder and relabel items, mark them required, ask for a document kind. Saving makes a
// new template version in the backend; clients copy a stage's template when they enter it, so
// clients already in or past the stage keep what they had (said under the title).
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { ChecklistTemplate, DocumentKind, ProductType, TemplateItemInput } from "../../bindings";
import { fieldError } from "../../errors";
import { PRODUCTS, PRODUCT_KEY, STAGES, STAGE_KEY, type Stage } from "../../labels";
import { DOC_KINDS, isDocKind } from "../../documents";
import { blankRows, moveItem, newUid, removeAt, rowOfField, type LabelRow } from "../../listEdit";
import { useErrorHandler } from "../../session";
import ConfirmDialog from "../ConfirmDialog";
import ErrorBox from "../ErrorBox";

/** The backend's limit (crates/core/src/journey/templates.rs MAX_TEMPLATE_ITEMS). */
const MAX_ITEMS = 60;

type ProductChoice = ProductType | "general";

interface Row extends LabelRow {
  required: boolean;
  document_kind: DocumentKind | null;
}

function toRows(t: ChecklistTemplate): Row[] {
  return t.items.map((i) => ({ ...i, uid: i.key }));
}

function toInput(rows: readonly Row[]): TemplateItemInput[] {
  return rows.map((r) => ({ key: r.key, label_zh: r.label_zh.trim(), label_en: r.label_en.trim(), required: r.required, document_kind: r.document_kind }));
}

function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  return JSON.stringify(toInput(a)) === JSON.stringify(toInput(b));
}

export default function TemplateEditor() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [product, setProduct] = useState<ProductChoice>("working-capital");
  const [stage, setStage] = useState<Stage>(1);
  const [template, setTemplate] = useState<ChecklistTemplate | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [pending, setPending] = useState<{ product: ProductChoice; stage: Stage } | null>(null);

  useEffect(() => {
    let live = true;
    api.templateGet(product === "general" ? null : product, stage).then(
      (tpl) => {
        if (!live) return;
        setTemplate(tpl);
        setRows(toRows(tpl));
        setRowErrors({});
        setError(null);
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [product, stage, handleError]);

  // The template on screen until the chosen one arrives belongs to the previous choice.
  const current = template && template.stage === stage && (template.product ?? "general") === product ? template : null;
  const dirty = current !== null && !sameRows(rows, toRows(current));

  /** Switching away from unsaved edits asks first. */
  const choose = (next: { product: ProductChoice; stage: Stage }) => {
    if (next.product === product && next.stage === stage) return;
    setSavedVersion(null);
    if (dirty) setPending(next);
    else {
      setProduct(next.product);
      setStage(next.stage);
    }
  };

  const edit = (index: number, patch: Partial<Row>) => {
    setSavedVersion(null);
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    setRowErrors((errs) => Object.fromEntries(Object.entries(errs).filter(([k]) => Number(k) !== index)));
  };

  const reshape = (next: Row[]) => {
    setSavedVersion(null);
    setRowErrors({});
    setRows(next);
  };

  const save = async () => {
    const blank = blankRows(rows);
    if (blank.length > 0) {
      setRowErrors(Object.fromEntries(blank.map((i) => [i, t("journeySettings.labelMissing")])));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await api.templateSave(product === "general" ? null : product, stage, toInput(rows));
      setTemplate(saved);
      setRows(toRows(saved));
      setRowErrors({});
      setSavedVersion(saved.version);
    } catch (e) {
      const err = handleError(e);
      const row = err?.code === "validation" ? rowOfField(err.field, "items") : null;
      if (err && row !== null) setRowErrors({ [row]: fieldError(t, err).message });
      else setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card span-all template-editor" data-testid="template-editor">
      <div className="card-title-row">
        <h2 className="section-title">{t("journeySettings.templates")}</h2>
        {current && (
          <span className="muted small" data-testid="template-version">
            {t("journeySettings.version", { n: current.version })} · {t("journeySettings.itemCount", { n: rows.length })}
          </span>
        )}
      </div>
      <p className="field-hint">{t("journeySettings.templatesHelp")}</p>
      <div className="filters">
        <label className="inline small">
          {t("journeySettings.product")}
          <select
            data-testid="template-product"
            value={product}
            onChange={(e) => choose({ product: PRODUCTS.find((p) => p === e.target.value) ?? "general", stage })}
          >
            {PRODUCTS.map((p) => (
              <option key={p} value={p}>
                {t(PRODUCT_KEY[p])}
              </option>
            ))}
            <option value="general">{t("journeySettings.general")}</option>
          </select>
        </label>
        <div className="segmented" role="group" aria-label={t("journeySettings.stage")}>
          {STAGES.map((s) => (
            <button
              key={s}
              type="button"
              className={s === stage ? "seg active" : "seg"}
              aria-pressed={s === stage}
              data-testid="template-stage"
              data-stage={s}
              onClick={() => choose({ product, stage: s })}
            >
              {s} {t(STAGE_KEY[s])}
            </button>
          ))}
        </div>
      </div>

      <ErrorBox error={error} testId="template-error" />
      {current && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          {rows.length === 0 ? (
            <p className="muted small">{t("journeySettings.empty")}</p>
          ) : (
            <table className="simple-table edit-table" data-testid="template-rows">
              <thead>
                <tr>
                  <th className="num">{t("journeySettings.colNo")}</th>
                  <th>{t("journeySettings.colLabelZh")}</th>
                  <th>{t("journeySettings.colLabelEn")}</th>
                  <th>{t("journeySettings.colRequired")}</th>
                  <th>{t("journeySettings.colDocument")}</th>
                  <th>{t("journeySettings.colOrder")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <ItemRow
                    key={r.uid}
                    row={r}
                    index={i}
                    last={i === rows.length - 1}
                    error={rowErrors[i] ?? null}
                    onEdit={(patch) => edit(i, patch)}
                    onMove={(d) => reshape(moveItem(rows, i, d))}
                    onRemove={() => reshape(removeAt(rows, i))}
                  />
                ))}
              </tbody>
            </table>
          )}
          <p className="field-hint">{t("journeySettings.oneLanguageHint")}</p>
          <div className="form-actions between">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              data-testid="template-add"
              disabled={rows.length >= MAX_ITEMS}
              title={rows.length >= MAX_ITEMS ? t("journeySettings.maxItems", { n: MAX_ITEMS }) : undefined}
              onClick={() => reshape([...rows, { uid: newUid(), key: null, label_zh: "", label_en: "", required: true, document_kind: null }])}
            >
              + {t("journeySettings.addItem")}
            </button>
            <span className="spacer" />
            {dirty && <span className="tag tag-warn">{t("journeySettings.unsaved")}</span>}
            {savedVersion !== null && (
              <span className="ok-text" role="status" data-testid="template-saved">
                {t("journeySettings.savedVersion", { n: savedVersion })}
              </span>
            )}
            <button type="button" className="btn btn-secondary" data-testid="template-revert" disabled={!dirty || saving} onClick={() => reshape(toRows(current))}>
              {t("journeySettings.revert")}
            </button>
            <button type="submit" className="btn btn-primary" data-testid="template-save" disabled={!dirty || saving} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
          </div>
        </form>
      )}
      {pending && (
        <ConfirmDialog
          title={t("journeySettings.discardTitle")}
          message={t("journeySettings.discardMessage")}
          confirmLabel={t("journeySettings.discard")}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setProduct(pending.product);
            setStage(pending.stage);
            setPending(null);
          }}
        />
      )}
    </section>
  );
}

interface ItemRowProps {
  row: Row;
  index: number;
  last: boolean;
  error: string | null;
  onEdit: (patch: Partial<Row>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

function ItemRow({ row, index, last, error, onEdit, onMove, onRemove }: ItemRowProps) {
  const { t } = useTranslation();
  const n = index + 1;
  return (
    <>
      <tr data-testid="template-row" data-key={row.key ?? ""} className={error ? "row-invalid" : undefined}>
        <td className="num muted">{n}</td>
        <td>
          <input
            type="text"
            data-testid="template-label-zh"
            aria-label={`${t("journeySettings.colLabelZh")} ${n}`}
            aria-invalid={error ? true : undefined}
            value={row.label_zh}
            maxLength={200}
            lang="zh-CN"
            onChange={(e) => onEdit({ label_zh: e.target.value })}
          />
        </td>
        <td>
          <input
            type="text"
            data-testid="template-label-en"
            aria-label={`${t("journeySettings.colLabelEn")} ${n}`}
            aria-invalid={error ? true : undefined}
            value={row.label_en}
            maxLength={200}
            lang="en"
            onChange={(e) => onEdit({ label_en: e.target.value })}
          />
        </td>
        <td>
          <input
            type="checkbox"
            data-testid="template-required"
            aria-label={`${t("journeySettings.colRequired")} ${n}`}
            checked={row.required}
            onChange={(e) => onEdit({ required: e.target.checked })}
          />
        </td>
        <td>
          <select
            data-testid="template-doc"
            aria-label={`${t("journeySettings.colDocument")} ${n}`}
            value={row.document_kind ?? ""}
            onChange={(e) => onEdit({ document_kind: isDocKind(e.target.value) ? e.target.value : null })}
          >
            <option value="">{t("journeySettings.noDocument")}</option>
            {DOC_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`docKind.${k}`)}
              </option>
            ))}
          </select>
        </td>
        <td className="row-buttons">
          <button type="button" className="btn btn-ghost btn-small" data-testid="template-up" aria-label={`${t("journeySettings.moveUp")} ${n}`} title={t("journeySettings.moveUp")} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="btn btn-ghost btn-small" data-testid="template-down" aria-label={`${t("journeySettings.moveDown")} ${n}`} title={t("journeySettings.moveDown")} disabled={last} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="btn btn-ghost btn-small danger-text" data-testid="template-remove" aria-label={`${t("journeySettings.remove")} ${n}`} title={t("journeySettings.remove")} onClick={onRemove}>
            ✕
          </button>
        </td>
      </tr>
      {error && (
        <tr className="row-error">
          <td />
          <td colSpan={5} className="field-error" data-testid="template-row-error">
            {error}
          </td>
        </tr>
      )}
    </>
  );
}
