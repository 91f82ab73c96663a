// Settings: the bank's contract template of penalty terms (markup, day basis, the order a
// repayment pays in) that every booking starts from; the officer can still change them per loan.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useSave } from "../../useSave";
import ErrorBox from "../ErrorBox";
import PenaltyTermsFields, { penaltyDraft, penaltyDraftErrors, penaltyTerms, type PenaltyDraft } from "./PenaltyTermsFields";
import "../../servicing.css";

export default function PenaltyTemplateCard() {
  const { t } = useTranslation();
  const { saving, saved, setSaved, error, setError, fieldErrors, setFieldErrors, save, handleError } = useSave();
  const [draft, setDraft] = useState<PenaltyDraft | null>(null);

  useEffect(() => {
    let live = true;
    api.penaltyTermsDefault().then(
      // A reload (the language changed) keeps what the officer is typing.
      (terms) => live && setDraft((d) => d ?? penaltyDraft(terms)),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError, setError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || saving) return;
    setSaved(false);
    const local = penaltyDraftErrors(draft, t("rule.not_a_number"));
    setFieldErrors(local);
    if (Object.keys(local).length > 0) return;
    await save(async () => setDraft(penaltyDraft(await api.penaltyTermsDefaultSet(penaltyTerms(draft)))));
  };

  return (
    <section className="card" data-testid="penalty-template">
      <h2 className="section-title">{t("penalty.templateTitle")}</h2>
      <p className="muted small">{t("penalty.templateHelp")}</p>
      {draft && (
        <form className="stack" onSubmit={submit} noValidate>
          <PenaltyTermsFields
            template
            draft={draft}
            onChange={(d) => {
              setDraft(d);
              setSaved(false);
            }}
            reprice={null}
            onReprice={() => undefined}
            errors={fieldErrors}
          />
          <div className="inline">
            <button type="submit" className="btn btn-primary" data-testid="save-penalty-template" disabled={saving} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
            {saved && (
              <span className="ok-text" role="status" data-testid="penalty-template-saved">
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
