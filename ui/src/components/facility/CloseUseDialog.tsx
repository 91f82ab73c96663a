// 结清用信: the acceptance is paid, the guarantee or L/C has expired; on a revolving line its
// exposure is available again. The day defaults to today; the core refuses one before the use.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Facility, FacilityUse } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { formatMoney } from "../../money";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import Modal from "../Modal";
import DateInput from "../DateInput";

interface Props {
  facility: Facility;
  use: FacilityUse;
  onDone: (facility: Facility) => void;
  onCancel: () => void;
}

export default function CloseUseDialog({ facility, use, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [on, setOn] = useState(todayISO());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    if (!isIsoDate(on)) {
      setErrors({ close_on: { message: t("facility.dateInvalid"), detail: null } });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onDone(await api.facilityUseClose(facility.id, use.id, on));
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation" && apiErr.field === "on") setErrors({ close_on: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy="close-use-title" describedBy="close-use-hint" testId="close-use-dialog" onClose={onCancel}>
      <h2 id="close-use-title">{t("facility.closeTitle")}</h2>
      <p id="close-use-hint" className="muted small">
        {t("facility.closeHint", { kind: t(`facilityUse.${use.kind}`), amount: `${facility.currency} ${formatMoney(use.amount)}`, date: use.on })}
      </p>
      <Field field="close_on" label={t("facility.closeOn")} errors={errors} required>
        <DateInput
          id={inputId("close_on")}
          min={use.on}
          max={todayISO()}
          className="input-medium"
          data-testid="use-close-date"
          value={on}
          aria-invalid={errors.close_on ? true : undefined}
          onChange={(value) => setOn(value)}
        />
      </Field>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="use-close-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="use-close-confirm" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
          {t("facility.closeConfirm")}
        </button>
      </div>
    </Modal>
  );
}
