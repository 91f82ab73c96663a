// The GB/T 4754 industry as a choice: each section (门类) with its divisions (大类) under it,
// then "other" for a business the officer describes in words.
import { useTranslation } from "react-i18next";
import { INDUSTRY_SECTIONS, OTHER } from "../industry";

interface Props {
  id?: string;
  value: string;
  onChange: (code: string) => void;
  testId?: string;
}

export default function IndustrySelect({ id, value, onChange, testId = "field-industry-code" }: Props) {
  const { t } = useTranslation();
  return (
    <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("drill.industryNone")}</option>
      {INDUSTRY_SECTIONS.map(({ section, divisions }) => (
        <optgroup key={section} label={`${section} ${t(`industry.${section}`)}`}>
          <option value={section}>{t("drill.industryWholeSection", { code: section, name: t(`industry.${section}`) })}</option>
          {divisions.map((d) => (
            <option key={d} value={d}>
              {d} {t(`industry.${d}`)}
            </option>
          ))}
        </optgroup>
      ))}
      <option value={OTHER}>{t(`industry.${OTHER}`)}</option>
    </select>
  );
}
