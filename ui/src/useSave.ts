// A settings card's save: busy and saved flags, a general error, field errors, and the one
// place that turns a refusal into them.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "./api";
import { fieldError, type FieldErrors } from "./errors";
import { useErrorHandler } from "./session";

export function useSave() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  /**
   * Runs `action`; a validation refusal goes under `field` (or the field the core named), any
   * other error to the card's error box. True when saved.
   */
  const save = async (action: () => Promise<void>, field?: string): Promise<boolean> => {
    setSaving(true);
    setSaved(false);
    setError(null);
    setFieldErrors({});
    try {
      await action();
      setSaved(true);
      return true;
    } catch (err) {
      const apiErr = handleError(err);
      const key = field ?? apiErr?.field;
      if (apiErr?.code === "validation" && key) setFieldErrors({ [key]: fieldError(t, apiErr) });
      else setError(apiErr);
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { saving, saved, setSaved, error, setError, fieldErrors, setFieldErrors, save, handleError };
}
