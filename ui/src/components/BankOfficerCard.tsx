// Settings → bank and officer: who the exports say they are from (bank, branch, officer, phone).
// Stored in the vault; the proposal prints them on its cover and above the signatures.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { BankProfile } from "../bindings";
import { useSave } from "../useSave";
import ErrorBox from "./ErrorBox";
import BankOfficerForm, { EMPTY_PROFILE } from "./sender/BankOfficerForm";

export default function BankOfficerCard() {
  const { t } = useTranslation();
  const { saving, saved, setSaved, error, setError, fieldErrors, save, handleError } = useSave();
  const [profile, setProfile] = useState<BankProfile | null>(null);

  useEffect(() => {
    let live = true;
    api.bankProfile().then(
      (p) => live && setProfile(p),
      (e: unknown) => {
        if (!live) return;
        setProfile(EMPTY_PROFILE);
        setError(handleError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [handleError, setError]);

  const submit = async () => {
    if (profile === null || saving) return;
    await save(async () => setProfile(await api.setBankProfile(profile)));
  };

  return (
    <section className="card" data-testid="bank-officer-card">
      <h2 className="section-title">{t("clientPage.senderTitle")}</h2>
      <p className="field-hint">{t("clientPage.senderHelp")}</p>
      <BankOfficerForm
        idPrefix="settings-sender"
        value={profile ?? EMPTY_PROFILE}
        disabled={profile === null}
        errors={fieldErrors}
        onChange={(p) => {
          setProfile(p);
          setSaved(false);
        }}
        onSubmit={() => void submit()}
      >
        <div className="inline">
          <button type="submit" className="btn btn-primary" data-testid="save-sender" disabled={saving || profile === null} aria-busy={saving}>
            {saving ? t("common.saving") : t("common.save")}
          </button>
          {saved && (
            <span className="ok-text" role="status" data-testid="sender-saved">
              {t("common.saved")}
            </span>
          )}
        </div>
      </BankOfficerForm>
      <ErrorBox error={error} />
    </section>
  );
}
