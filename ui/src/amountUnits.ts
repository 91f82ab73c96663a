// The unit each screen shows amounts in (元 / 万元 / 亿元): kept by the backend in prefs.json
// beside the language, so it is there at the next start whatever vault is opened.
import type { AmountScreen, AmountUnit } from "./bindings";
import { useSession } from "./session";

export function useAmountUnit(screen: AmountScreen): [AmountUnit, (unit: AmountUnit) => void] {
  const session = useSession();
  return [session.status.amount_units[screen], (unit) => session.setAmountUnit(screen, unit)];
}
