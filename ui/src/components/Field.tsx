import type { ReactNode } from "react";
import type { FieldErrors } from "../errors";
import FieldError from "./FieldError";

interface Props {
  /** The backend's field name: ties the label, the input id and the error together. */
  field: string;
  label: string;
  errors: FieldErrors;
  children: ReactNode;
  hint?: string;
  required?: boolean;
  className?: string;
}

export function inputId(field: string): string {
  return `f-${field.replace(/\./g, "-")}`;
}

export default function Field({ field, label, errors, children, hint, required, className }: Props) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label className="field-label" htmlFor={inputId(field)}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </label>
      {children}
      {hint && !errors[field] && <div className="field-hint">{hint}</div>}
      <FieldError errors={errors} field={field} />
    </div>
  );
}
