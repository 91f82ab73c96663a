// 担保 on the loan page: how much of the outstanding principal the collateral covers (capacity,
// coverage, shortfall), the items pledged with their valuations, and the guarantors. Every change
// returns the whole loan again from the core, whose figures are the only ones shown.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Collateral, Guarantor, LoanView } from "../../bindings";
import { todayISO } from "../../format";
import { formatMoney, formatPercent } from "../../money";
import { useErrorHandler } from "../../session";
import ConfirmDialog from "../ConfirmDialog";
import ErrorBox from "../ErrorBox";
import CollateralDialog from "./CollateralDialog";
import GuarantorDialog from "./GuarantorDialog";
import RevalueDialog from "./RevalueDialog";
import { coverageBar, isPast, isPositive } from "./securityModel";
import "../../security.css";

interface Props {
  loan: LoanView;
  onChanged: (loan: LoanView) => void;
}

type Open =
  | { what: "add-collateral" }
  | { what: "revalue"; item: Collateral }
  | { what: "archive-collateral"; item: Collateral }
  | { what: "add-guarantor" }
  | { what: "archive-guarantor"; guarantor: Guarantor }
  | null;

export default function LoanSecurityPanel({ loan, onChanged }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [showArchivedGuarantors, setShowArchivedGuarantors] = useState(false);
  const [history, setHistory] = useState<ReadonlySet<number>>(() => new Set());

  const sec = loan.security;
  const today = todayISO();
  const money = (s: string) => `${loan.currency} ${formatMoney(s)}`;
  const editable = !loan.closed_on;
  const short = isPositive(sec.shortfall);
  const bar = coverageBar(sec.capacity, sec.outstanding);
  const archivedItems = sec.collateral.filter((c) => c.archived_on !== null);
  const items = showArchived ? sec.collateral : sec.collateral.filter((c) => c.archived_on === null);
  const archivedGuarantors = sec.guarantors.filter((g) => g.archived_on !== null);
  const guarantors = showArchivedGuarantors ? sec.guarantors : sec.guarantors.filter((g) => g.archived_on === null);

  const done = (v: LoanView) => {
    setOpen(null);
    setError(null);
    onChanged(v);
  };
  const close = () => setOpen(null);

  const archive = async (call: () => Promise<LoanView>) => {
    setBusy(true);
    try {
      done(await call());
    } catch (e) {
      setOpen(null);
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  const toggleHistory = (id: number) =>
    setHistory((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="card security-panel" data-testid="security-panel">
      <div className="card-head">
        <h2 className="section-title">{t("security.title")}</h2>
      </div>

      <div className="security-figures">
        <div className="loan-figure" title={t("security.capacityHint")}>
          <span className="field-label">{t("security.capacity")}</span>
          <span className="loan-figure-value num" data-testid="security-capacity" data-value={sec.capacity}>
            {money(sec.capacity)}
          </span>
        </div>
        <div className="loan-figure">
          <span className="field-label">{t("security.outstanding")}</span>
          <span className="loan-figure-value num" data-testid="security-outstanding" data-value={sec.outstanding}>
            {money(sec.outstanding)}
          </span>
        </div>
        <div className="loan-figure" title={t("security.coverageHint")}>
          <span className="field-label">{t("security.coverage")}</span>
          <span className={short ? "loan-figure-value num late" : "loan-figure-value num"} data-testid="security-coverage" data-value={sec.coverage_percent ?? ""}>
            {sec.coverage_percent === null ? t("common.notSet") : formatPercent(sec.coverage_percent)}
          </span>
        </div>
        <div className="loan-figure" title={t("security.shortfallHint")}>
          <span className="field-label">{t("security.shortfall")}</span>
          <span className={short ? "loan-figure-value num late" : "loan-figure-value num"} data-testid="security-shortfall" data-value={sec.shortfall}>
            {money(sec.shortfall)}
          </span>
        </div>
      </div>
      <div
        className="coverage-bar"
        role="img"
        data-testid="security-bar"
        aria-label={t("security.barLabel", { capacity: money(sec.capacity), outstanding: money(sec.outstanding) })}
      >
        {bar.covered > 0 && <span className="coverage-covered" style={{ width: `${bar.covered / 10}%` }} />}
        {bar.short > 0 && <span className="coverage-short" style={{ width: `${bar.short / 10}%` }} />}
        {bar.surplus > 0 && <span className="coverage-surplus" style={{ width: `${bar.surplus / 10}%` }} />}
      </div>
      <div className="coverage-legend muted small">
        <span className="legend">
          <span className="legend-swatch coverage-covered" />
          {t("security.barCovered")}
        </span>
        <span className="legend">
          <span className="legend-swatch coverage-short" />
          {t("security.barShort")}
        </span>
        <span className="legend">
          <span className="legend-swatch coverage-surplus" />
          {t("security.barSurplus")}
        </span>
      </div>

      <ErrorBox error={error} testId="security-error" />

      <div className="security-section-head">
        <h3 className="h3">{t("security.collateral")}</h3>
        <span className="security-section-actions">
          {archivedItems.length > 0 && (
            <label className="check small">
              <input type="checkbox" data-testid="collateral-show-archived" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              {t("security.showArchived", { n: archivedItems.length })}
            </label>
          )}
          {editable && (
            <button type="button" className="btn btn-secondary btn-small" data-testid="collateral-add" onClick={() => setOpen({ what: "add-collateral" })}>
              {t("security.addCollateral")}
            </button>
          )}
        </span>
      </div>
      {items.length === 0 ? (
        <p className="muted" data-testid="collateral-empty">
          {t("security.collateralNone")}
        </p>
      ) : (
        <div className="security-table-wrap">
          <table className="simple-table security-table" data-testid="collateral-table">
            <thead>
              <tr>
                <th>{t("security.col.item")}</th>
                <th className="num">{t("security.col.value")}</th>
                <th className="num">{t("security.col.cap")}</th>
                <th className="num">{t("security.col.priorLien")}</th>
                <th className="num">{t("security.col.lendable")}</th>
                <th>{t("security.col.registration")}</th>
                <th>{t("security.col.insuredUntil")}</th>
                <th>{t("security.col.revalueOn")}</th>
                <th aria-label={t("security.col.actions")} />
              </tr>
            </thead>
            <tbody>
              {items.map((c) => {
                const archived = c.archived_on !== null;
                const expanded = history.has(c.id);
                return [
                  <tr
                    key={c.id}
                    className={archived ? "archived" : undefined}
                    data-testid="collateral-row"
                    data-collateral-id={c.id}
                    data-kind={c.kind}
                    data-archived={archived ? "true" : "false"}
                  >
                    <td>
                      <div className="security-item-kind">
                        <strong data-testid="collateral-kind-label">{t(`collateralKind.${c.kind}`)}</strong>
                        {archived && <span className="pill">{t("security.archivedOn", { date: c.archived_on })}</span>}
                      </div>
                      {c.description && <div className="small">{c.description}</div>}
                      {c.owner && <div className="muted small">{t("security.ownerLine", { owner: c.owner })}</div>}
                    </td>
                    <td className="num">
                      <div data-testid="collateral-value-shown">{money(c.value)}</div>
                      <div className="muted small">
                        {c.valued_on}
                        {c.source ? ` · ${c.source}` : ""}
                      </div>
                      <button type="button" className="link-button small" data-testid="collateral-history-toggle" aria-expanded={expanded} onClick={() => toggleHistory(c.id)}>
                        {t("security.history", { n: c.valuations.length })}
                      </button>
                    </td>
                    <td className="num">{formatPercent(c.cap_percent)}</td>
                    <td className="num">{money(c.prior_lien)}</td>
                    <td className="num">
                      <strong data-testid="collateral-lendable" data-value={c.lendable}>
                        {money(c.lendable)}
                      </strong>
                    </td>
                    <td>
                      <div className="small security-reg-no">{c.registration_no || t("common.notSet")}</div>
                      {c.registered_until && (
                        <div className={!archived && isPast(c.registered_until, today) ? "small late" : "muted small"}>
                          {isPast(c.registered_until, today) ? t("security.ended", { date: c.registered_until }) : t("security.until", { date: c.registered_until })}
                        </div>
                      )}
                    </td>
                    <td className={!archived && isPast(c.insured_until, today) ? "late small nowrap" : "small nowrap"}>
                      {c.insured_until === null ? t("common.notSet") : isPast(c.insured_until, today) ? t("security.ended", { date: c.insured_until }) : c.insured_until}
                    </td>
                    <td className={!archived && c.revalue_on !== null && c.revalue_on <= today ? "late small nowrap" : "small nowrap"} data-testid="collateral-revalue-on">
                      {c.revalue_on ?? t("security.never")}
                    </td>
                    <td className="security-actions">
                      {editable && !archived && (
                        <>
                          <button type="button" className="btn btn-ghost btn-small" data-testid="collateral-revalue" onClick={() => setOpen({ what: "revalue", item: c })}>
                            {t("security.revalue")}
                          </button>
                          <button
                            type="button"
                            className="btn btn-ghost btn-small danger-text"
                            data-testid="collateral-archive"
                            onClick={() => setOpen({ what: "archive-collateral", item: c })}
                          >
                            {t("security.archive")}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>,
                  expanded && (
                    <tr key={`${c.id}-history`} className="security-history-row" data-testid="collateral-history" data-collateral-id={c.id}>
                      <td colSpan={9}>
                        <ol className="valuation-list">
                          {c.valuations.map((v, i) => (
                            <li key={i} data-testid="valuation-row">
                              <span>{v.valued_on}</span> · <span className="valuation-amount">{money(v.value)}</span>
                              {v.source ? <span className="muted"> · {v.source}</span> : null}
                              {i === c.valuations.length - 1 && <span className="tag tag-ok">{t("security.latest")}</span>}
                            </li>
                          ))}
                        </ol>
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}

      <div className="security-section-head">
        <h3 className="h3">{t("security.guarantors")}</h3>
        <span className="security-section-actions">
          {archivedGuarantors.length > 0 && (
            <label className="check small">
              <input
                type="checkbox"
                data-testid="guarantor-show-archived"
                checked={showArchivedGuarantors}
                onChange={(e) => setShowArchivedGuarantors(e.target.checked)}
              />
              {t("security.showArchived", { n: archivedGuarantors.length })}
            </label>
          )}
          {editable && (
            <button type="button" className="btn btn-secondary btn-small" data-testid="guarantor-add" onClick={() => setOpen({ what: "add-guarantor" })}>
              {t("security.addGuarantor")}
            </button>
          )}
        </span>
      </div>
      {guarantors.length === 0 ? (
        <p className="muted" data-testid="guarantor-empty">
          {t("security.guarantorsNone")}
        </p>
      ) : (
        <table className="simple-table security-table" data-testid="guarantor-table">
          <thead>
            <tr>
              <th>{t("security.col.guarantor")}</th>
              <th>{t("security.col.party")}</th>
              <th>{t("security.col.guaranteeKind")}</th>
              <th className="num">{t("security.col.limit")}</th>
              <th>{t("security.col.period")}</th>
              <th>{t("security.col.relation")}</th>
              <th aria-label={t("security.col.actions")} />
            </tr>
          </thead>
          <tbody>
            {guarantors.map((g) => {
              const archived = g.archived_on !== null;
              return (
                <tr key={g.id} className={archived ? "archived" : undefined} data-testid="guarantor-row" data-guarantor-id={g.id} data-party={g.party} data-kind={g.kind}>
                  <td>
                    <strong>{g.name}</strong>
                    {archived && <span className="pill security-pill">{t("security.archivedOn", { date: g.archived_on })}</span>}
                    {g.credit_code && <div className="muted small mono">{g.credit_code}</div>}
                  </td>
                  <td>{t(`guarantorParty.${g.party}`)}</td>
                  <td>{t(`guaranteeKind.${g.kind}`)}</td>
                  <td className="num" data-testid="guarantor-limit">
                    {g.limit === null ? t("security.wholeDebt") : money(g.limit)}
                  </td>
                  <td className="small">{g.from || g.to ? t("security.period", { from: g.from ?? "…", to: g.to ?? "…" }) : t("common.notSet")}</td>
                  <td className="small">{g.relation || t("common.notSet")}</td>
                  <td className="security-actions">
                    {editable && !archived && (
                      <button
                        type="button"
                        className="btn btn-ghost btn-small danger-text"
                        data-testid="guarantor-archive"
                        onClick={() => setOpen({ what: "archive-guarantor", guarantor: g })}
                      >
                        {t("security.archive")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {open?.what === "add-collateral" && <CollateralDialog loan={loan} onDone={done} onCancel={close} />}
      {open?.what === "revalue" && <RevalueDialog loan={loan} item={open.item} onDone={done} onCancel={close} />}
      {open?.what === "add-guarantor" && <GuarantorDialog loan={loan} onDone={done} onCancel={close} />}
      {open?.what === "archive-collateral" && (
        <ConfirmDialog
          title={t("security.archiveCollateralTitle")}
          message={t("security.archiveCollateralMessage", {
            kind: t(`collateralKind.${open.item.kind}`),
            what: open.item.description || open.item.registration_no || money(open.item.value),
            lendable: money(open.item.lendable),
          })}
          confirmLabel={t("security.archive")}
          busy={busy}
          onCancel={close}
          onConfirm={() => {
            const id = open.item.id;
            void archive(() => api.collateralArchive(loan.id, id));
          }}
        />
      )}
      {open?.what === "archive-guarantor" && (
        <ConfirmDialog
          title={t("security.archiveGuarantorTitle")}
          message={t("security.archiveGuarantorMessage", { name: open.guarantor.name })}
          confirmLabel={t("security.archive")}
          busy={busy}
          onCancel={close}
          onConfirm={() => {
            const id = open.guarantor.id;
            void archive(() => api.guarantorArchive(loan.id, id));
          }}
        />
      )}
    </section>
  );
}
