// Add and edit a client. The backend validates (credit code check character included); its
// field errors are shown under the field they name and nothing is saved.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { AcceptedField, Contact, LicenceReview } from "../bindings";
import {
  BLANK_CONTACT,
  emptyForm,
  fieldTestId,
  formFromClient,
  inputFromForm,
  type ClientFormState,
} from "../clientForm";
import EnumSelect from "../components/EnumSelect";
import ErrorBox from "../components/ErrorBox";
import Field, { inputId } from "../components/Field";
import Icon from "../components/Icon";
import LicenceReviewDialog from "../components/ocr/LicenceReviewDialog";
import OcrProgress from "../components/ocr/OcrProgress";
import { useOcrRun } from "../components/ocr/useOcrRun";
import IndustrySelect from "../components/IndustrySelect";
import { fieldError, type FieldErrors } from "../errors";
import {
  PRODUCTS,
  PRODUCT_KEY,
  SIZES,
  SIZE_KEY,
  SOURCES,
  SOURCE_KEY,
  STAGES,
  STAGE_KEY,
  STATUSES,
  STATUS_KEY,
  TIERS,
  TIER_KEY,
} from "../labels";
import { useErrorHandler } from "../session";

interface Props {
  /** Absent for a new client. */
  id?: number;
  onSaved: (id: number) => void;
  onCancel: () => void;
}

export default function ClientForm({ id, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [form, setForm] = useState<ClientFormState | null>(id === undefined ? emptyForm : null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  // 营业执照 OCR: the review of the photo read, and whether its values went into the form (a new
  // client then keeps the photo as its licence document once saved).
  const ocr = useOcrRun();
  const [review, setReview] = useState<LicenceReview | null>(null);
  const [fromLicence, setFromLicence] = useState(false);

  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    api.clientGet(id).then(
      (d) => current && setForm(formFromClient(d.client)),
      (e: unknown) => current && setLoadError(handleError(e)),
    );
    return () => {
      current = false;
    };
  }, [id, handleError]);

  if (!form) {
    return (
      <section className="screen" data-testid="client-form-screen">
        {loadError ? <ErrorBox error={loadError} /> : <p className="muted">{t("app.loading")}</p>}
        <button type="button" className="btn" data-testid="cancel-client" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </section>
    );
  }

  const set = (patch: Partial<ClientFormState>) => setForm({ ...form, ...patch });
  const setContact = (i: number, patch: Partial<Contact>) =>
    set({ contacts: form.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  const showFieldError = (field: string, err: ApiError) => {
    setFieldErrors({ [field]: fieldError(t, err) });
    setError(null);
    const testId = fieldTestId(field);
    // After React has rendered the message, put the cursor where the fix goes.
    window.setTimeout(() => {
      const el = testId ? document.querySelector<HTMLElement>(`[data-testid="${testId}"]`) : null;
      el?.focus({ preventScroll: true });
      el?.scrollIntoView({ block: "center" });
    }, 0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    if (form.name.trim() === "") {
      setFieldErrors({ name: { message: t("form.nameRequired"), detail: null } });
      document.querySelector<HTMLElement>('[data-testid="field-name"]')?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      const input = inputFromForm(form);
      if (id === undefined) {
        const created = await api.clientCreate(input);
        // The licence photo the form was filled from: the client's business-licence document.
        if (fromLicence) await api.ocrLicenceKeep(created).catch(() => null);
        onSaved(created);
      } else {
        await api.clientUpdate(id, input);
        onSaved(id);
      }
    } catch (err) {
      const apiErr = handleError(err);
      setSaving(false);
      if (!apiErr) return;
      if (apiErr.code === "validation" && apiErr.field) showFieldError(apiErr.field, apiErr);
      else setError(apiErr);
    }
  };

  const fillFromLicence = async () => {
    setError(null);
    try {
      const scan = await ocr.run(() => api.ocrLicencePick(id ?? null, inputFromForm(form)));
      if (scan) setReview(scan.review);
    } catch (err) {
      setError(handleError(err));
    }
  };

  const applyLicence = async (accepted: AcceptedField[]) => {
    try {
      const next = await api.licenceApply(inputFromForm(form), accepted);
      setForm(formFromClient(next));
      setReview(null);
      setFromLicence(true);
    } catch (err) {
      setError(handleError(err));
    }
  };

  const invalid = (field: string) => (fieldErrors[field] ? true : undefined);
  const describedBy = (field: string) => (fieldErrors[field] ? `err-${field}` : undefined);

  return (
    <section className="screen" data-testid="client-form-screen">
      <div className="screen-head">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          <Icon name="back" />
          {t("common.cancel")}
        </button>
        <h1>{id === undefined ? t("form.newTitle") : t("form.editTitle")}</h1>
      </div>

      <form className="card form" data-testid="client-form" onSubmit={submit} noValidate>
        {Object.keys(fieldErrors).length > 0 && (
          <div className="alert alert-error" role="alert">
            {t("form.fixErrors")}
          </div>
        )}
        <div className="card-head">
          <h2 className="section-title">{t("form.basics")}</h2>
          <button type="button" className="btn btn-secondary btn-small" data-testid="fill-from-licence" disabled={ocr.running || saving} onClick={() => void fillFromLicence()}>
            {t("ocr.fillFromLicence")}
          </button>
        </div>
        <div className="grid-2">
          <Field field="name" label={t("fields.name")} errors={fieldErrors} required>
            <input
              id={inputId("name")}
              data-testid="field-name"
              value={form.name}
              maxLength={200}
              autoFocus
              aria-invalid={invalid("name")}
              aria-describedby={describedBy("name")}
              onChange={(e) => set({ name: e.target.value })}
            />
          </Field>
          <Field field="name_en" label={t("fields.nameEn")} errors={fieldErrors}>
            <input
              id={inputId("name_en")}
              data-testid="field-name-en"
              value={form.name_en}
              aria-invalid={invalid("name_en")}
              onChange={(e) => set({ name_en: e.target.value })}
            />
          </Field>
          <Field field="credit_code" label={t("fields.creditCode")} errors={fieldErrors} hint={t("form.creditCodeHint")}>
            <input
              id={inputId("credit_code")}
              data-testid="field-credit-code"
              className="mono"
              value={form.credit_code}
              maxLength={18}
              spellCheck={false}
              autoCapitalize="characters"
              aria-invalid={invalid("credit_code")}
              aria-describedby={describedBy("credit_code")}
              onChange={(e) => set({ credit_code: e.target.value })}
            />
          </Field>
          <Field field="industry_code" label={t("fields.industry")} errors={fieldErrors} hint={t("drill.industryHint")}>
            <IndustrySelect id={inputId("industry_code")} value={form.industry_code} onChange={(v) => set({ industry_code: v })} />
          </Field>
          <Field field="industry" label={t("drill.industryWords")} errors={fieldErrors}>
            <input
              id={inputId("industry")}
              data-testid="field-industry"
              value={form.industry}
              placeholder={form.industry_code === "other" ? t("drill.industryWordsOther") : ""}
              onChange={(e) => set({ industry: e.target.value })}
            />
          </Field>
          <Field field="size" label={t("fields.size")} errors={fieldErrors}>
            <EnumSelect
              id={inputId("size")}
              testId="field-size"
              value={form.size}
              options={SIZES}
              label={(v) => t(SIZE_KEY[v])}
              optional
              onChange={(v) => set({ size: v })}
            />
          </Field>
          <Field field="region" label={t("fields.region")} errors={fieldErrors}>
            <input
              id={inputId("region")}
              data-testid="field-region"
              value={form.region}
              onChange={(e) => set({ region: e.target.value })}
            />
          </Field>
        </div>

        <h2 className="section-title">{t("form.journey")}</h2>
        <div className="grid-3">
          {/* Stage and status only when creating: afterwards they change through the journey (gate, lifecycle). */}
          {id === undefined && (
          <Field field="stage" label={t("fields.stage")} errors={fieldErrors}>
            <EnumSelect
              id={inputId("stage")}
              testId="field-stage"
              value={form.stage}
              options={STAGES}
              label={(v) => `${v} ${t(STAGE_KEY[v])}`}
              onChange={(v) => v !== "" && set({ stage: v })}
            />
          </Field>
          )}
          {id === undefined && (
          <Field field="status" label={t("fields.status")} errors={fieldErrors}>
            <EnumSelect
              id={inputId("status")}
              testId="field-status"
              value={form.status}
              options={STATUSES}
              label={(v) => t(STATUS_KEY[v])}
              onChange={(v) => v !== "" && set({ status: v })}
            />
          </Field>
          )}
          <Field field="tier" label={t("fields.tier")} errors={fieldErrors}>
            <EnumSelect
              id={inputId("tier")}
              testId="field-tier"
              value={form.tier}
              options={TIERS}
              label={(v) => t(TIER_KEY[v])}
              onChange={(v) => v !== "" && set({ tier: v })}
            />
          </Field>
          <Field field="source_channel" label={t("fields.source")} errors={fieldErrors}>
            <EnumSelect
              id={inputId("source_channel")}
              testId="field-source"
              value={form.source_channel}
              options={SOURCES}
              label={(v) => t(SOURCE_KEY[v])}
              optional
              onChange={(v) => set({ source_channel: v })}
            />
          </Field>
          <Field field="product" label={t("fields.product")} errors={fieldErrors}>
            <EnumSelect
              id={inputId("product")}
              testId="field-product"
              value={form.product}
              options={PRODUCTS}
              label={(v) => t(PRODUCT_KEY[v])}
              optional
              onChange={(v) => set({ product: v })}
            />
          </Field>
        </div>

        <h2 className="section-title">{t("fields.contacts")}</h2>
        <div className="contacts-edit">
          {form.contacts.map((c, i) => (
            <fieldset key={i} className="contact-row" data-testid="contact-row">
              <legend className="sr-only">{t("form.contactN", { n: i + 1 })}</legend>
              <Field field={`contacts.${i}.name`} label={t("fields.contactName")} errors={fieldErrors}>
                <input
                  id={inputId(`contacts.${i}.name`)}
                  data-testid={`contact-name-${i}`}
                  value={c.name}
                  aria-invalid={invalid(`contacts.${i}.name`)}
                  onChange={(e) => setContact(i, { name: e.target.value })}
                />
              </Field>
              <Field field={`contacts.${i}.role`} label={t("fields.contactRole")} errors={fieldErrors}>
                <input
                  id={inputId(`contacts.${i}.role`)}
                  data-testid={`contact-role-${i}`}
                  value={c.role}
                  onChange={(e) => setContact(i, { role: e.target.value })}
                />
              </Field>
              <Field field={`contacts.${i}.phone`} label={t("fields.contactPhone")} errors={fieldErrors}>
                <input
                  id={inputId(`contacts.${i}.phone`)}
                  data-testid={`contact-phone-${i}`}
                  type="tel"
                  value={c.phone}
                  aria-invalid={invalid(`contacts.${i}.phone`)}
                  onChange={(e) => setContact(i, { phone: e.target.value })}
                />
              </Field>
              <Field field={`contacts.${i}.email`} label={t("fields.contactEmail")} errors={fieldErrors}>
                <input
                  id={inputId(`contacts.${i}.email`)}
                  data-testid={`contact-email-${i}`}
                  type="email"
                  value={c.email}
                  aria-invalid={invalid(`contacts.${i}.email`)}
                  onChange={(e) => setContact(i, { email: e.target.value })}
                />
              </Field>
              <button
                type="button"
                className="btn btn-ghost btn-small remove-contact"
                data-testid={`remove-contact-${i}`}
                title={t("form.removeContactTitle", { n: i + 1 })}
                onClick={() => {
                  // Errors are keyed by row position, which this shifts.
                  setFieldErrors({});
                  set({ contacts: form.contacts.filter((_, j) => j !== i) });
                }}
              >
                {t("form.removeContact")}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="btn btn-secondary btn-small"
            data-testid="add-contact"
            onClick={() => set({ contacts: [...form.contacts, { ...BLANK_CONTACT }] })}
          >
            <Icon name="plus" />
            {t("form.addContact")}
          </button>
        </div>

        <h2 className="section-title">{t("fields.notes")}</h2>
        <Field field="notes" label={t("fields.notes")} errors={fieldErrors} className="label-hidden">
          <textarea
            id={inputId("notes")}
            data-testid="field-notes"
            rows={5}
            value={form.notes}
            onChange={(e) => set({ notes: e.target.value })}
          />
        </Field>

        <ErrorBox error={error} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" data-testid="cancel-client" onClick={onCancel}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="save-client" disabled={saving} aria-busy={saving}>
            {saving ? t("common.saving") : t("common.save")}
          </button>
        </div>
      </form>
      {ocr.running && <OcrProgress />}
      {review && <LicenceReviewDialog review={review} onApply={(a) => void applyLicence(a)} onClose={() => setReview(null)} />}
    </section>
  );
}
