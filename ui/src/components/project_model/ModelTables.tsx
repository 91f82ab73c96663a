// The model's tables: construction draws and IDC, the schedule with its cover ratios per period
// (the PRC ratios, the DSRA and the sweep when the model has them), and the sensitivity cases.
import { useTranslation } from "react-i18next";
import type { ProjectModel } from "../../bindings";
import { formatMoney } from "../../money";
import { ratioText } from "./ModelResults";

export function ScheduleTable({ model }: { model: ProjectModel }) {
  const { t } = useTranslation();
  const periods = model.periods;
  const hasCn = periods.some((p) => p.dscr_cn !== undefined);
  const hasIcr = periods.some((p) => p.icr !== undefined);
  const hasDsra = periods.some((p) => p.dsra !== undefined);
  const hasSweep = periods.some((p) => p.sweep !== undefined);
  return (
    <div className="pm-table-wrap">
      <table className="simple-table pm-num-table" data-testid="pm-schedule">
        <thead>
          <tr>
            <th>{t("projectModel.period")}</th>
            <th>{t("projectModel.col.cfads")}</th>
            <th>{t("projectModel.col.opening")}</th>
            <th>{t("projectModel.col.interest")}</th>
            <th>{t("projectModel.col.principal")}</th>
            <th>{t("projectModel.col.debtService")}</th>
            <th>{t("projectModel.col.closing")}</th>
            <th>{t("projectModel.col.dscr")}</th>
            <th>{t("projectModel.col.llcr")}</th>
            {hasCn && <th>{t("projectModel.col.dscrCn")}</th>}
            {hasIcr && <th>{t("projectModel.col.icr")}</th>}
            {hasDsra && <th>{t("projectModel.col.dsraClosing")}</th>}
            {hasSweep && <th>{t("projectModel.col.swept")}</th>}
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.period} data-testid="pm-schedule-row" className={p.sweep?.locked_up ? "pm-locked" : undefined}>
              <td>{p.period}</td>
              <td>{formatMoney(p.cfads)}</td>
              <td>{formatMoney(p.opening)}</td>
              <td>{formatMoney(p.interest)}</td>
              <td>{formatMoney(p.principal)}</td>
              <td>{formatMoney(p.debt_service)}</td>
              <td>{formatMoney(p.closing)}</td>
              <td>{ratioText(p.dscr)}</td>
              <td>{ratioText(p.llcr)}</td>
              {hasCn && <td>{ratioText(p.dscr_cn)}</td>}
              {hasIcr && <td>{ratioText(p.icr)}</td>}
              {hasDsra && <td>{p.dsra ? formatMoney(p.dsra.closing) : "—"}</td>}
              {hasSweep && <td>{p.sweep ? formatMoney(p.sweep.swept) : "—"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ConstructionTable({ model }: { model: ProjectModel }) {
  const { t } = useTranslation();
  if (model.construction_periods.length === 0) return null;
  return (
    <div className="pm-table-wrap">
      <table className="simple-table pm-num-table pm-construction-table" data-testid="pm-construction-table">
        <thead>
          <tr>
            <th>{t("projectModel.period")}</th>
            <th>{t("projectModel.col.draw")}</th>
            <th>{t("projectModel.col.interest")}</th>
            <th>{t("projectModel.col.closing")}</th>
          </tr>
        </thead>
        <tbody>
          {model.construction_periods.map((c) => (
            <tr key={c.period}>
              <td>{c.period}</td>
              <td>{formatMoney(c.draw)}</td>
              <td>{formatMoney(c.interest)}</td>
              <td>{formatMoney(c.closing)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SensitivityTable({ model }: { model: ProjectModel }) {
  const { t } = useTranslation();
  return (
    <table className="simple-table pm-num-table pm-sensitivity" data-testid="pm-sensitivity">
      <thead>
        <tr>
          <th>{t("projectModel.col.case")}</th>
          <th>{t("projectModel.col.minDscr")}</th>
          <th>{t("projectModel.col.minLlcr")}</th>
          <th>{t("projectModel.col.repays")}</th>
        </tr>
      </thead>
      <tbody>
        {model.sensitivity.map((s) => (
          <tr key={s.case} data-testid="pm-sensitivity-row" data-case={s.case} data-repays={s.repays}>
            <td>{t(`sensitivityKind.${s.case}`)}</td>
            <td>{ratioText(s.min_dscr)}</td>
            <td>{ratioText(s.min_llcr)}</td>
            <td className={s.repays ? "ok-text" : "error-text"}>{s.repays ? t("projectModel.yes") : t("projectModel.no")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
