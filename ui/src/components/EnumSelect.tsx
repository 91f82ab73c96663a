import { useTranslation } from "react-i18next";

interface Props<T extends string | number> {
  testId: string;
  value: T | "";
  options: readonly T[];
  label: (v: T) => string;
  onChange: (v: T | "") => void;
  /** Offer "not chosen" as the first option. */
  optional?: boolean;
  invalid?: boolean;
  id?: string;
}

/** A <select> over one of the backend's enums; values come back typed, never as loose strings. */
export default function EnumSelect<T extends string | number>({ testId, value, options, label, onChange, optional, invalid, id }: Props<T>) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      data-testid={testId}
      value={String(value)}
      aria-invalid={invalid}
      onChange={(e) => onChange(options.find((o) => String(o) === e.target.value) ?? "")}
    >
      {optional && <option value="">{t("common.select")}</option>}
      {options.map((o) => (
        <option key={o} value={String(o)}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}
