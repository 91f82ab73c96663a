// A date box that reads yyyy-mm-dd whatever the operating system's locale: the browser's date
// control orders its segments by the system (mm/dd/yyyy on an English Windows even with the
// app in Chinese), so dates are typed as text and read by `parseDate` (issue 19, item 9).
// The form gets the ISO date once the text names one; until then it gets the text itself, so
// a save refuses it instead of keeping the previous date.
import { useState, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { parseDate } from "../dates";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "onChange" | "min" | "max"> & {
  /** ISO yyyy-mm-dd, or "" for none. */
  value: string;
  onChange: (value: string) => void;
  /** Earliest and latest ISO dates: outside them the box is marked (the backend refuses). */
  min?: string;
  max?: string;
};

export default function DateInput({ value, onChange, min, max, onBlur, ...input }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [left, setLeft] = useState(false);
  // A new value from the form (a reset, a default, another field) replaces what is shown,
  // unless it is what the text already says (adjusted while rendering, as React advises).
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (parseDate(text) !== value && text !== value) setText(value);
  }
  const iso = parseDate(text);
  const unreadable = text.trim() !== "" && iso === null;
  const outside = iso !== null && ((min !== undefined && min !== "" && iso < min) || (max !== undefined && max !== "" && iso > max));
  return (
    <>
      <input
        {...input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={t("dates.placeholder")}
        title={t("dates.hint")}
        value={text}
        aria-invalid={input["aria-invalid"] || unreadable || outside ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setLeft(false);
          const read = parseDate(e.target.value);
          onChange(e.target.value.trim() === "" ? "" : (read ?? e.target.value));
        }}
        onBlur={(e) => {
          setLeft(true);
          if (iso !== null) setText(iso);
          onBlur?.(e);
        }}
      />
      {left && unreadable && <div className="field-error date-unreadable">{t("dates.unreadable")}</div>}
    </>
  );
}
