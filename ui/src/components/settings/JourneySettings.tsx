// The client-journey part of Settings: checklist templates, follow-up cadence, the "stuck"
// threshold, the client's voice and lifecycle, and the lost-reason list. Each editor loads and saves on its own.
import { useTranslation } from "react-i18next";
import CadenceCard from "./CadenceCard";
import ClientVoiceSettingsCard from "./ClientVoiceSettingsCard";
import LostReasonsEditor from "./LostReasonsEditor";
import StuckDaysCard from "./StuckDaysCard";
import TemplateEditor from "./TemplateEditor";
import "./settings.css";

export default function JourneySettings() {
  const { t } = useTranslation();
  return (
    <section className="journey-settings" data-testid="journey-settings" aria-labelledby="journey-settings-title">
      <h2 id="journey-settings-title" className="settings-part-title">
        {t("journeySettings.section")}
      </h2>
      <div className="settings-grid">
        <TemplateEditor />
        <div className="stack">
          <CadenceCard />
          <StuckDaysCard />
          <ClientVoiceSettingsCard />
        </div>
        <LostReasonsEditor />
      </div>
    </section>
  );
}
