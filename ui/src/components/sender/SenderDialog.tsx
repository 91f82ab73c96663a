// Asked at an export when Settings has no bank, branch or officer yet: a proposal must say who
// sends it. Saving stores them in Settings (asked once); "export without" skips for this page.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { BankProfile } from "../../bindings";
import { useSave } from "../../useSave";
import ErrorBox from "../ErrorBox";
import Modal from "../Modal";
import BankOfficerForm from "./BankOfficerForm";

interface Props {
  initial: BankProfile;
  onSaved: () => void;
  onSkip: () => void;
  onCancel: () => void;
}

export default function SenderDialog({ initial, onSaved, onSkip, onCancel }: Props) {
  const { t } = useTranslation();
  const { saving, error, fieldErrors, save } = useSave();
  const [profile, setProfile] = useState(initial);
  const submit = async () => {
    if (saving) return;
    if (await save(async () => void (await api.setBankProfile(profile)))) onSaved();
  };
  return (
    <Modal labelledBy="sender-title" describedBy="sender-help" testId="sender-dialog" onClose={onCancel} className="sender-dialog">
      <h2 id="sender-title">{t("clientPage.senderAskTitle")}</h2>
      <p id="sender-help" className="muted">
        {t("clientPage.senderAskHelp")}
      </p>
      <BankOfficerForm idPrefix="export-sender" value={profile} errors={fieldErrors} onChange={setProfile} onSubmit={() => void submit()}>
        <ErrorBox error={error} />
        <div className="form-actions">
          <button type="button" className="btn btn-ghost" data-testid="sender-skip" onClick={onSkip}>
            {t("clientPage.senderSkip")}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="sender-save-export" disabled={saving} aria-busy={saving}>
            {t("clientPage.senderSaveExport")}
          </button>
        </div>
      </BankOfficerForm>
    </Modal>
  );
}
