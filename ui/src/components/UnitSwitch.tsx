// 元 / 万元 / 亿元 for one screen, remembered: a segmented switch beside the screen's title.
import { useTranslation } from "react-i18next";
import type { AmountScreen } from "../bindings";
import { useAmountUnit } from "../amountUnits";
import { AMOUNT_UNITS, unitLabel } from "../money";

export default function UnitSwitch({ screen, currency }: { screen: AmountScreen; currency?: string | null }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useAmountUnit(screen);
  return (
    <div className="unit-switch" role="radiogroup" aria-label={t("units.switch")} data-testid={`unit-switch-${screen}`}>
      {AMOUNT_UNITS.map((u) => (
        <button
          key={u}
          type="button"
          role="radio"
          aria-checked={u === unit}
          className={u === unit ? "on" : undefined}
          data-testid={`unit-${screen}-${u}`}
          onClick={() => setUnit(u)}
        >
          {unitLabel(t, u, currency)}
        </button>
      ))}
    </div>
  );
}
