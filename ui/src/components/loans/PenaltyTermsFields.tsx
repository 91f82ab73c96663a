// The contract's penalty terms at booking (银发〔2003〕251号): the markup over the contract rate,
// misuse of funds (挪用), the day basis, the order a repayment pays the parts of a due period
// in, and for a floating loan when it reprices. The ranges are the core's, shown per field.
import { useTranslation } from "react-i18next";
import type { AllocationPart, PenaltyBasis, PenaltyTerms, Reprice } from "../../bindings";
import type { FieldErrors } from "../../errors";
import { cleanDecimal } from "../../money";
import { PENALTY_BASES, REPRICES } from "../../servicing";
import Field, { inputId } from "../Field";
import FieldError from "../FieldError";

/** The form's copy of PenaltyTerms: the markup as typed. */
export interface PenaltyDraft extends Omit<PenaltyTerms, "markup_percent"> {
  markup: string;
}

export const penaltyDraft = ({ markup_percent, ...rest }: PenaltyTerms): PenaltyDraft => ({ ...rest, markup: markup_percent });

/** The terms to send; a markup that is no number is sent as typed, for the backend to name. */
export const penaltyTerms = ({ markup, ...rest }: PenaltyDraft): PenaltyTerms => ({ ...rest, markup_percent: cleanDecimal(markup) ?? markup });

/** What the officer can get wrong before asking the backend. */
export const penaltyDraftErrors = (draft: PenaltyDraft, notANumber: string): FieldErrors =>
  cleanDecimal(draft.markup) === null ? { penalty_markup: { message: notANumber, detail: null } } : {};

interface Props {
  draft: PenaltyDraft;
  onChange: (draft: PenaltyDraft) => void;
  /** Floating (LPR) loans choose when they reprice; "" until chosen. */
  reprice: Reprice | "" | null;
  onReprice: (reprice: Reprice) => void;
  errors: FieldErrors;
  /** The bank's template in Settings: misuse of funds (挪用) is one loan's fact, not offered. */
  template?: boolean;
}

export default function PenaltyTermsFields({ draft, onChange, reprice, onReprice, errors, template = false }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<PenaltyDraft>) => onChange({ ...draft, ...patch });
  /** The part at `i` swaps places with its neighbour above (-1) or below (+1). */
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    set({ order: draft.order.map((p, k) => (k === i ? draft.order[j] : k === j ? draft.order[i] : p) ?? p) });
  };
  return (
    <fieldset className="penalty-terms" data-testid="loan-penalty-fields">
      {!template && <legend className="field-label">{t("penalty.terms")}</legend>}
      <div className="book-grid">
        <Field field="penalty_markup" label={t("penalty.markup")} errors={errors} required>
          <input
            id={inputId("penalty_markup")}
            type="text"
            inputMode="decimal"
            data-testid="loan-penalty-markup"
            aria-invalid={errors.penalty_markup ? true : undefined}
            value={draft.markup}
            onChange={(e) => set({ markup: e.target.value })}
          />
        </Field>
        <Field field="penalty_basis" label={t("penalty.basis")} errors={errors}>
          <select
            id={inputId("penalty_basis")}
            data-testid="loan-penalty-basis"
            value={draft.basis}
            onChange={(e) => set({ basis: e.target.value as PenaltyBasis })}
          >
            {PENALTY_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`penaltyBasis.${b}`)}
              </option>
            ))}
          </select>
        </Field>
        {reprice !== null && (
          <Field field="reprice" label={t("penalty.repriceLabel")} errors={errors} required>
            <select
              id={inputId("reprice")}
              data-testid="loan-reprice-rule"
              aria-invalid={errors.reprice ? true : undefined}
              value={reprice}
              onChange={(e) => onReprice(e.target.value as Reprice)}
            >
              <option value="" disabled>
                {t("penalty.choose")}
              </option>
              {REPRICES.map((r) => (
                <option key={r} value={r}>
                  {t(`reprice.${r}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {!template && (
        <label className="inline">
          <input type="checkbox" data-testid="loan-penalty-misuse" checked={draft.misuse} onChange={(e) => set({ misuse: e.target.checked })} />
          {t("penalty.misuseLabel")}
        </label>
      )}
      <div className="field-hint">{t(draft.misuse ? "penalty.markupHintMisuse" : "penalty.markupHint")}</div>
      <div className="allocation-order" data-testid="loan-allocation-order">
        <span className="field-label">{t("penalty.order")}</span>
        <ol>
          {draft.order.map((part: AllocationPart, i) => (
            <li key={part} data-testid="allocation-part" data-part={part}>
              <span>{t(`allocationPart.${part}`)}</span>
              <button type="button" className="btn btn-ghost btn-small" aria-label={t("penalty.up")} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={t("penalty.down")}
                disabled={i === draft.order.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
        <FieldError errors={errors} field="allocation_order" />
      </div>
    </fieldset>
  );
}
