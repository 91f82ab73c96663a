// What the credit committee reads first: the warnings (in the officer's language, from the
// core's catalogue and the figures it sends), the debt and its cover ratios, the 资本金 check,
// and sources and uses at COD.
import type { ReactNode } from "react";
import type { TOptions } from "i18next";
import { useTranslation } from "react-i18next";
import type { ProjectModel } from "../../bindings";
import { formatMoney } from "../../money";

const NONE = "—";

export function ratioText(r: string | null | undefined): string {
  return r ?? NONE;
}

export function Warnings({ model }: { model: ProjectModel }) {
  const { t } = useTranslation();
  if (model.warnings.length === 0) {
    return (
      <p className="ok-text small" data-testid="pm-no-warnings">
        {t("projectModel.noWarnings")}
      </p>
    );
  }
  return (
    <ul className="pm-warnings" data-testid="pm-warnings" aria-label={t("projectModel.warnings")}>
      {model.warnings.map((w) => {
        const params: TOptions = { ...w.params };
        return (
          <li key={w.code} className="alert alert-warn" data-testid="pm-warning" data-code={w.code}>
            {t(`modelWarning.${w.code}`, params)}
          </li>
        );
      })}
    </ul>
  );
}

export default function ModelResults({ model }: { model: ProjectModel }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode, string][] = [
    [t("projectModel.r.debt"), formatMoney(model.debt), "debt"],
    [t("projectModel.r.capacity"), formatMoney(model.capacity), "capacity"],
  ];
  if (model.construction_periods.length > 0) {
    rows.push([t("projectModel.r.idc"), formatMoney(model.idc), "idc"], [t("projectModel.r.debtAtCod"), formatMoney(model.debt_at_cod), "debt-at-cod"]);
  }
  if (model.sculpt_dscr !== null) rows.push([t("projectModel.r.sculptDscr"), model.sculpt_dscr, "sculpt-dscr"]);
  rows.push(
    [t("projectModel.r.minDscr"), ratioText(model.min_dscr), "min-dscr"],
    [t("projectModel.r.avgMean"), ratioText(model.avg_dscr_mean), "avg-dscr-mean"],
    [t("projectModel.r.avgRatio"), ratioText(model.avg_dscr_ratio), "avg-dscr-ratio"],
    [t("projectModel.r.llcr"), ratioText(model.llcr), "llcr"],
    [t("projectModel.r.minLlcr"), ratioText(model.min_llcr), "min-llcr"],
    [t("projectModel.r.plcr"), ratioText(model.plcr), "plcr"],
  );
  if (model.min_dscr_cn !== undefined) rows.push([t("projectModel.r.dscrCn"), model.min_dscr_cn, "dscr-cn"]);
  if (model.min_icr !== undefined) rows.push([t("projectModel.r.icr"), model.min_icr, "icr"]);

  const check = model.capital_check;
  const su = model.sources_uses;
  return (
    <>
      <dl className="pm-figures" data-testid="pm-ratios">
        {rows.map(([label, value, id]) => (
          <div key={id} className={id === "debt" ? "pm-figure pm-figure-main" : "pm-figure"}>
            <dt>{label}</dt>
            <dd className="num" data-testid={`pm-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {check && (
        <div className={check.short ? "alert alert-error pm-capital" : "alert alert-ok pm-capital"} data-testid="pm-capital-check" data-short={check.short}>
          <strong>{t("projectModel.r.equity")}</strong>
          <span>
            {t(`capitalCategory.${check.category}`)} · {t("projectModel.r.equityOf", { equity: check.equity_percent, required: check.required_percent })}
          </span>
          <strong>{check.short ? t("projectModel.r.equityShort") : t("projectModel.r.equityOk")}</strong>
        </div>
      )}
      {su && (
        <details className="pm-sources" data-testid="pm-sources-uses">
          <summary>{t("projectModel.sourcesUses")}</summary>
          <table className="simple-table">
            <tbody>
              {(
                [
                  ["projectModel.r.projectCost", su.project_cost],
                  ["projectModel.r.dsraFunding", su.dsra_funding],
                  ["projectModel.r.totalUses", su.total_uses],
                  ["projectModel.r.debt", su.debt],
                  ["projectModel.r.equityAmount", su.equity],
                ] as const
              ).map(([key, v]) => (
                <tr key={key}>
                  <td>{t(key)}</td>
                  <td className="num pm-right">{formatMoney(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}
