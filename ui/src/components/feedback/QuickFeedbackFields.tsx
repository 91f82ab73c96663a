// The client's feedback given at a touchpoint, entered with it (issue 16): satisfaction 1–5,
// the mood in a word, the problems raised (a category and what was said) and a new need.
import { useTranslation } from "react-i18next";
import type { Mood, ProductType } from "../../bindings";
import { categoryLabel, MOODS, PROBLEM_CATEGORIES, SCORES, type QuickFeedback } from "../../feedbackForm";
import { PRODUCT_KEY, PRODUCTS } from "../../labels";
import EnumSelect from "../EnumSelect";
import type { FieldErrors } from "../../errors";
import Field, { inputId } from "../Field";
import FieldError from "../FieldError";

interface Props {
  value: QuickFeedback;
  onChange: (value: QuickFeedback) => void;
  /** The bank's own categories (Settings), after the defaults. */
  customCategories: string[];
  errors: FieldErrors;
}

const MAX_PROBLEMS = 5;
type Score = (typeof SCORES)[number];

export default function QuickFeedbackFields({ value, onChange, customCategories, errors }: Props) {
  const { t } = useTranslation();
  const categories = [...PROBLEM_CATEGORIES, ...customCategories];
  const set = (patch: Partial<QuickFeedback>) => onChange({ ...value, ...patch });
  const setProblem = (i: number, patch: Partial<QuickFeedback["problems"][number]>) =>
    set({ problems: value.problems.map((p, j) => (j === i ? { ...p, ...patch } : p)) });

  return (
    <fieldset className="quick-feedback" data-testid="tp-feedback">
      <legend>{t("tp.feedback.legend")}</legend>
      <div className="tp-grid">
        <Field field="score" label={t("tp.feedback.score")} errors={errors} required className="span-2">
          <div className="score-line">
            <div className="segmented" role="radiogroup" id={inputId("score")} aria-label={t("tp.feedback.score")}>
              {SCORES.map((n) => (
                <button
                  key={n}
                  type="button"
                  role="radio"
                  aria-checked={value.score === n}
                  className={value.score === n ? "seg active" : "seg"}
                  data-testid={`tp-score-${n}`}
                  title={t(`tp.feedback.scoreHint.${n}`)}
                  onClick={() => set({ score: n })}
                >
                  {n}
                </button>
              ))}
            </div>
            <span className="muted small">{value.score === null ? "" : t(`tp.feedback.scoreHint.${value.score as Score}`)}</span>
          </div>
        </Field>
        <Field field="mood" label={t("tp.feedback.mood")} errors={errors}>
          <EnumSelect<Mood>
            id={inputId("mood")}
            testId="tp-mood"
            value={value.mood}
            options={MOODS}
            label={(m) => t(`mood.${m}`)}
            optional
            onChange={(m) => set({ mood: m })}
          />
        </Field>
      </div>
      <div className="stack" data-testid="tp-problems">
        {value.problems.map((p, i) => (
          <div className="problem-entry" key={i} data-testid="tp-problem">
            <select
              aria-label={t("tp.feedback.category")}
              data-testid="tp-problem-category"
              value={p.category}
              onChange={(e) => setProblem(i, { category: e.target.value })}
            >
              {categories.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(t, c)}
                </option>
              ))}
            </select>
            <input
              aria-label={t("tp.feedback.problemText")}
              placeholder={t("tp.feedback.problemText")}
              data-testid="tp-problem-text"
              maxLength={500}
              value={p.text}
              onChange={(e) => setProblem(i, { text: e.target.value })}
            />
            <button
              type="button"
              className="btn btn-ghost btn-small"
              data-testid="tp-problem-remove"
              aria-label={t("tp.feedback.removeProblem")}
              onClick={() => set({ problems: value.problems.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <FieldError errors={errors} field="category" />
        <FieldError errors={errors} field="problem" />
        {value.problems.length < MAX_PROBLEMS && (
          <button
            type="button"
            className="link-button small"
            data-testid="tp-problem-add"
            onClick={() => set({ problems: [...value.problems, { category: "materials", text: "" }] })}
          >
            {t("tp.feedback.addProblem")}
          </button>
        )}
      </div>
      <div className="tp-grid">
        <Field field="need" label={t("tp.feedback.need")} errors={errors} className="span-2">
          <input
            id={inputId("need")}
            data-testid="tp-need"
            maxLength={500}
            placeholder={t("tp.feedback.needPlaceholder")}
            value={value.need}
            onChange={(e) => set({ need: e.target.value })}
          />
        </Field>
        <Field field="product_type" label={t("tp.feedback.needProduct")} errors={errors}>
          <EnumSelect<ProductType>
            id={inputId("product_type")}
            testId="tp-need-product"
            value={value.needProduct as ProductType | ""}
            options={PRODUCTS}
            label={(p) => t(PRODUCT_KEY[p])}
            optional
            onChange={(p) => set({ needProduct: p })}
          />
        </Field>
      </div>
    </fieldset>
  );
}
