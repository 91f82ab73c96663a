// An amount box that takes money as officers say it (500万, 0.5亿, 5,000,000, ５００万) and
// echoes what it read, to the fen and in capital numerals (大写, written by the core), so a
// slip of a 万 is seen before it is saved. The form keeps the text; `parseAmount` reads it.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { ruleReason } from "../errors";
import { formatPayment, parseAmount, unitLabel } from "../money";
import { useDebounced } from "../useDebounced";

interface Props {
  id: string;
  testId: string;
  value: string;
  onChange: (text: string) => void;
  /** The amount's currency; blank is CNY. Capital numerals are written for CNY only. */
  currency?: string | null;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

export default function AmountInput({ id, testId, value, onChange, currency, invalid, describedBy, placeholder, autoFocus, disabled }: Props) {
  const { t } = useTranslation();
  const read = value.trim() === "" ? null : parseAmount(value);
  const cny = (currency ?? "").trim() === "" || (currency ?? "").trim().toUpperCase() === "CNY";
  const words = useWords(read?.ok && cny ? read.yuan : null);
  const unit = unitLabel(t, "yuan", currency);
  return (
    <>
      <span className="input-unit">
        <input
          id={id}
          data-testid={testId}
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder ?? t("units.amountPlaceholder")}
          value={value}
          aria-invalid={invalid || (read !== null && !read.ok) ? true : undefined}
          aria-describedby={describedBy ?? `${id}-echo`}
          autoFocus={autoFocus}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="unit" aria-hidden="true">
          {unit}
        </span>
      </span>
      {read !== null && (
        <div id={`${id}-echo`} className={read.ok ? "amount-echo" : "amount-echo amount-echo-bad"} data-testid={`${testId}-echo`} aria-live="polite">
          {read.ok ? (
            <>
              <span className="amount-echo-figure">
                {formatPayment(read.yuan)} {unit}
              </span>
              {words && words.yuan === read.yuan && <span className="amount-echo-words">{words.text}</span>}
            </>
          ) : (
            ruleReason(t, read.rule, read.params)
          )}
        </div>
      )}
    </>
  );
}

/** 大写 of `yuan` from the core, once typing pauses; null while it is not known. */
function useWords(yuan: string | null): { yuan: string; text: string } | null {
  const settled = useDebounced(yuan, 150);
  const [words, setWords] = useState<{ yuan: string; text: string } | null>(null);
  useEffect(() => {
    if (settled === null) return;
    let live = true;
    api.amountInWords(settled).then(
      (text) => live && setWords({ yuan: settled, text }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [settled]);
  return words;
}
