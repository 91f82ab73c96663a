// Settings: the cap (抵押率/质押率) and revaluation interval of each kind of collateral, and how
// far ahead a registration, insurance or credit line's end is reminded of. The core checks the
// values; a refusal goes under the row and field it is about.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { SecuritySettings } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { cleanDecimal } from "../../money";
import { useSave } from "../../useSave";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import FieldError from "../FieldError";
import { capField, monthsField, refusedRow, type KindDraft } from "../facility/facilityModel";
import "../../facility.css";

interface Draft {
  kinds: KindDraft[];
  expiryDays: string;
  facilityExpiryDays: string;
}

function draftOf(s: SecuritySettings): Draft {
  return {
    kinds: s.kinds.map((k) => ({ kind: k.kind, cap: k.cap_percent, months: String(k.revalue_months) })),
    expiryDays: String(s.expiry_days),
    facilityExpiryDays: String(s.facility_expiry_days),
  };
}

/** " 12 " → 12; null for anything but a whole number (the core checks its range). */
function whole(text: string): number | null {
  const s = text.trim();
  return /^\d{1,6}$/.test(s) ? Number(s) : null;
}

export default function SecuritySettingsCard() {
  const { t } = useTranslation();
  const { saved, setSaved, error, setError, fieldErrors, setFieldErrors, handleError } = useSave();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);

  // Read once: the handler changes with the language, and a re-read must not drop what is typed.
  useEffect(() => {
    let live = true;
    api.securitySettingsGet().then(
      (s) => live && setDraft((d) => d ?? draftOf(s)),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError, setError]);

  const edit = (d: Draft) => {
    setDraft(d);
    setSaved(false);
  };
  const editKind = (i: number, part: Partial<KindDraft>) => draft && edit({ ...draft, kinds: draft.kinds.map((k, j) => (j === i ? { ...k, ...part } : k)) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || saving) return;
    setSaved(false);
    setError(null);
    const local: FieldErrors = {};
    const notNumber = { message: t("rule.not_a_number"), detail: null };
    const notWhole = { message: t("rule.whole_number"), detail: null };
    const kinds = draft.kinds.map((k) => {
      const cap = cleanDecimal(k.cap);
      const months = whole(k.months);
      if (cap === null) local[capField(k.kind)] = notNumber;
      if (months === null) local[monthsField(k.kind)] = notWhole;
      return { kind: k.kind, cap_percent: cap ?? "", revalue_months: months ?? 0 };
    });
    const expiry = whole(draft.expiryDays);
    const facilityExpiry = whole(draft.facilityExpiryDays);
    if (expiry === null) local.expiry_days = notWhole;
    if (facilityExpiry === null) local.facility_expiry_days = notWhole;
    setFieldErrors(local);
    if (Object.keys(local).length > 0 || expiry === null || facilityExpiry === null) return;
    setSaving(true);
    try {
      const stored = await api.securitySettingsSet({ kinds, expiry_days: expiry, facility_expiry_days: facilityExpiry });
      setDraft(draftOf(stored));
      setSaved(true);
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation") {
        // The core names the field of a kind's row but not the kind: the row that breaks the rule.
        const kind = refusedRow(draft.kinds, apiErr.field, apiErr.rule, apiErr.params);
        const key = kind ? (apiErr.field === "cap_percent" ? capField(kind) : monthsField(kind)) : apiErr.field === "expiry_days" || apiErr.field === "facility_expiry_days" ? apiErr.field : null;
        if (key) {
          setFieldErrors({ [key]: fieldError(t, apiErr) });
          return;
        }
      }
      setError(apiErr);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" data-testid="security-settings">
      <h2 className="section-title">{t("securitySettings.title")}</h2>
      <p className="muted small">{t("securitySettings.help")}</p>
      {draft && (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <table className="simple-table security-kinds" data-testid="security-kinds">
            <thead>
              <tr>
                <th>{t("securitySettings.kind")}</th>
                <th className="num">{t("securitySettings.cap")}</th>
                <th className="num">{t("securitySettings.revalue")}</th>
              </tr>
            </thead>
            <tbody>
              {draft.kinds.map((k, i) => {
                const label = t(`collateralKind.${k.kind}`);
                return (
                  <tr key={k.kind} data-testid="security-kind-row" data-kind={k.kind}>
                    <td>{label}</td>
                    <td className="num security-input">
                      <input
                        id={inputId(capField(k.kind))}
                        type="text"
                        inputMode="decimal"
                        data-testid={`security-cap-${k.kind}`}
                        aria-label={t("securitySettings.capOf", { kind: label })}
                        aria-invalid={fieldErrors[capField(k.kind)] ? true : undefined}
                        aria-describedby={fieldErrors[capField(k.kind)] ? `err-${capField(k.kind)}` : undefined}
                        value={k.cap}
                        onChange={(e) => editKind(i, { cap: e.target.value })}
                      />
                      <FieldError errors={fieldErrors} field={capField(k.kind)} />
                    </td>
                    <td className="num security-input">
                      <input
                        id={inputId(monthsField(k.kind))}
                        type="text"
                        inputMode="numeric"
                        data-testid={`security-months-${k.kind}`}
                        aria-label={t("securitySettings.revalueOf", { kind: label })}
                        aria-invalid={fieldErrors[monthsField(k.kind)] ? true : undefined}
                        aria-describedby={fieldErrors[monthsField(k.kind)] ? `err-${monthsField(k.kind)}` : undefined}
                        value={k.months}
                        onChange={(e) => editKind(i, { months: e.target.value })}
                      />
                      <FieldError errors={fieldErrors} field={monthsField(k.kind)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="field-hint">{t("securitySettings.revalueHint")}</div>
          <div className="security-days">
            <Field field="expiry_days" label={t("securitySettings.expiryDays")} errors={fieldErrors}>
              <input
                id={inputId("expiry_days")}
                type="text"
                inputMode="numeric"
                data-testid="security-expiry-days"
                aria-invalid={fieldErrors.expiry_days ? true : undefined}
                value={draft.expiryDays}
                onChange={(e) => edit({ ...draft, expiryDays: e.target.value })}
              />
            </Field>
            <Field field="facility_expiry_days" label={t("securitySettings.facilityExpiryDays")} errors={fieldErrors}>
              <input
                id={inputId("facility_expiry_days")}
                type="text"
                inputMode="numeric"
                data-testid="security-facility-expiry-days"
                aria-invalid={fieldErrors.facility_expiry_days ? true : undefined}
                value={draft.facilityExpiryDays}
                onChange={(e) => edit({ ...draft, facilityExpiryDays: e.target.value })}
              />
            </Field>
          </div>
          <div className="inline">
            <button type="submit" className="btn btn-primary" data-testid="security-settings-save" disabled={saving} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
            {saved && (
              <span className="ok-text" role="status" data-testid="security-settings-saved">
                {t("common.saved")}
              </span>
            )}
          </div>
        </form>
      )}
      <ErrorBox error={error} />
    </section>
  );
}
