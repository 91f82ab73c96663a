// 授信 on a client's page: each credit line with what is used against it (the loans drawn under
// it and the other uses' exposure after cash margin) and what is still available; new lines,
// new uses (银承, 保函, 信用证) and closing a use when it is paid or expires.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Facility, FacilityUse } from "../../bindings";
import { formatMoney, formatPercent } from "../../money";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import CloseUseDialog from "./CloseUseDialog";
import FacilityDialog from "./FacilityDialog";
import { barParts } from "./facilityModel";
import UseDialog from "./UseDialog";
import "../../facility.css";

interface Props {
  clientId: number;
  /** Changes when the client's loans change, so the lines' figures are read again. */
  refreshKey?: unknown;
}

type Dialog = { kind: "facility" } | { kind: "use"; facility: Facility } | { kind: "close"; facility: Facility; use: FacilityUse } | null;

export default function CreditLinePanel({ clientId, refreshKey }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [facilities, setFacilities] = useState<Facility[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      api.facilitiesList(clientId).then(
        (list) => {
          setFacilities(list);
          setError(null);
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [clientId, handleError],
  );

  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);

  /** One line replaced by what the backend answered after a change. */
  const replace = (f: Facility) => setFacilities((list) => (list ?? []).map((x) => (x.id === f.id ? f : x)));

  return (
    <section className="card credit-line-panel" data-testid="credit-line-panel">
      <div className="card-head">
        <h2 className="section-title">{t("facility.title")}</h2>
        <button type="button" className="btn btn-secondary" data-testid="facility-add" onClick={() => setDialog({ kind: "facility" })}>
          {t("facility.add")}
        </button>
      </div>
      <p className="muted small">{t("facility.help")}</p>
      <ErrorBox error={error} />
      {notice && (
        <div className="alert alert-ok" role="status" data-testid="facility-notice">
          {notice}
        </div>
      )}
      {facilities === null ? (
        !error && <p className="muted">{t("app.loading")}</p>
      ) : facilities.length === 0 ? (
        <p className="muted" data-testid="facility-none">
          {t("facility.none")}
        </p>
      ) : (
        <div className="facility-list">
          {facilities.map((f) => (
            <FacilityCard
              key={f.id}
              facility={f}
              onAddUse={() => {
                setNotice(null);
                setDialog({ kind: "use", facility: f });
              }}
              onCloseUse={(u) => {
                setNotice(null);
                setDialog({ kind: "close", facility: f, use: u });
              }}
            />
          ))}
        </div>
      )}

      {dialog?.kind === "facility" && (
        <FacilityDialog
          clientId={clientId}
          onCancel={() => setDialog(null)}
          onDone={(list) => {
            setFacilities(list);
            setDialog(null);
            setNotice(t("facility.added"));
          }}
        />
      )}
      {dialog?.kind === "use" && (
        <UseDialog
          facility={dialog.facility}
          onCancel={() => setDialog(null)}
          onDone={(f) => {
            replace(f);
            setDialog(null);
            setNotice(t("facility.useAdded"));
          }}
        />
      )}
      {dialog?.kind === "close" && (
        <CloseUseDialog
          facility={dialog.facility}
          use={dialog.use}
          onCancel={() => setDialog(null)}
          onDone={(f) => {
            replace(f);
            setDialog(null);
            setNotice(t("facility.useClosed"));
          }}
        />
      )}
    </section>
  );
}

function FacilityCard({ facility: f, onAddUse, onCloseUse }: { facility: Facility; onAddUse: () => void; onCloseUse: (u: FacilityUse) => void }) {
  const { t } = useTranslation();
  const money = (s: string) => `${f.currency} ${formatMoney(s)}`;
  const parts = barParts(f);
  return (
    <article className="facility-card" data-testid="facility-card" data-facility-id={f.id}>
      <div className="facility-head">
        <div className="loan-figures">
          <div className="loan-figure">
            <span className="field-label">{t("facility.amount")}</span>
            <span className="loan-figure-value num" data-testid="facility-amount-shown">
              {money(f.amount)}
            </span>
          </div>
          <div className="loan-figure">
            <span className="field-label">{t("facility.used")}</span>
            <span className="loan-figure-value num" data-testid="facility-used" data-value={f.used}>
              {money(f.used)}
            </span>
          </div>
          <div className="loan-figure">
            <span className="field-label">{t("facility.available")}</span>
            <span className={f.available.startsWith("-") ? "loan-figure-value num error-text" : "loan-figure-value num ok-text"} data-testid="facility-available" data-value={f.available}>
              {money(f.available)}
            </span>
          </div>
          <div className="loan-figure">
            <span className="field-label">{t("facility.period")}</span>
            <span className="facility-dates" data-testid="facility-dates">
              {t("facility.dates", { from: f.from, to: f.to })}
            </span>
            <span className="small">
              <span className={f.revolving ? "pill facility-revolving" : "pill"} data-testid="facility-kind" title={t(f.revolving ? "facility.revolvingHint" : "facility.nonRevolvingHint")}>
                {t(f.revolving ? "facility.revolving" : "facility.nonRevolving")}
              </span>
            </span>
          </div>
        </div>
      </div>

      <div className="facility-bar" role="img" aria-label={t("facility.barLabel", { used: money(f.used), available: money(f.available) })} data-testid="facility-bar">
        <span className="facility-bar-loans" style={{ width: `${parts.loans / 10}%` }} />
        <span className="facility-bar-uses" style={{ width: `${parts.uses / 10}%` }} />
      </div>
      <div className="facility-legend small">
        <span>
          <span className="legend-swatch facility-swatch-loans" /> {t("facility.loansPart")}{" "}
          <span className="num" data-testid="facility-loans-used">
            {money(f.loans_used)}
          </span>
        </span>
        <span>
          <span className="legend-swatch facility-swatch-uses" /> {t("facility.usesPart")}{" "}
          <span className="num" data-testid="facility-exposure">
            {money(f.exposure)}
          </span>
        </span>
        <span>
          <span className="legend-swatch facility-swatch-free" /> {t("facility.freePart")}
        </span>
        {parts.over && <span className="error-text">{t("facility.over")}</span>}
      </div>

      <div className="facility-columns">
        <div>
          <div className="facility-subhead">
            <h3 className="facility-subtitle">{t("facility.loansTitle")}</h3>
          </div>
          {f.loans.length === 0 ? (
            <p className="muted small" data-testid="facility-no-loans">
              {t("facility.noLoans")}
            </p>
          ) : (
            <table className="simple-table facility-table" data-testid="facility-loans">
              <thead>
                <tr>
                  <th>{t("facility.contractNo")}</th>
                  <th className="num">{t("facility.drawn")}</th>
                  <th className="num">{t("facility.outstanding")}</th>
                </tr>
              </thead>
              <tbody>
                {f.loans.map((l) => (
                  <tr key={l.id} data-testid="facility-loan-row" data-loan-id={l.id} data-outstanding={l.outstanding}>
                    <td>
                      {l.contract_no}
                      {l.closed_on && <span className="muted small"> · {t("facility.loanClosed", { date: l.closed_on })}</span>}
                    </td>
                    <td className="num">{formatMoney(l.drawn)}</td>
                    <td className="num">{formatMoney(l.outstanding)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <div className="facility-subhead">
            <h3 className="facility-subtitle">{t("facility.usesTitle")}</h3>
            <button type="button" className="btn btn-secondary btn-small" data-testid="use-add" onClick={onAddUse}>
              {t("facility.useAdd")}
            </button>
          </div>
          {f.uses.length === 0 ? (
            <p className="muted small" data-testid="facility-no-uses">
              {t("facility.noUses")}
            </p>
          ) : (
            <table className="simple-table facility-table" data-testid="facility-uses">
              <thead>
                <tr>
                  <th>{t("facility.kind")}</th>
                  <th className="num">{t("facility.useAmount")}</th>
                  <th className="num">{t("facility.margin")}</th>
                  <th className="num">{t("facility.exposure")}</th>
                  <th>{t("facility.on")}</th>
                  <th>{t("facility.state")}</th>
                </tr>
              </thead>
              <tbody>
                {f.uses.map((u) => (
                  <tr key={u.id} data-testid="use-row" data-use-id={u.id} data-kind={u.kind} data-closed={u.closed_on ?? ""} data-exposure={u.exposure}>
                    <td>{t(`facilityUse.${u.kind}`)}</td>
                    <td className="num">{formatMoney(u.amount)}</td>
                    <td className="num">{formatPercent(u.margin_percent)}</td>
                    <td className="num">{formatMoney(u.exposure)}</td>
                    <td className="nowrap">{u.on}</td>
                    <td className="nowrap">
                      {u.closed_on ? (
                        <span className="muted" data-testid="use-closed">
                          {t("facility.closedOn", { date: u.closed_on })}
                        </span>
                      ) : (
                        <button type="button" className="btn btn-secondary btn-small" data-testid="use-close" onClick={() => onCloseUse(u)}>
                          {t("facility.close")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </article>
  );
}
