// One client: a header with the facts an officer looks for first (stage and days in it, next
// contact, proposed amount, outstanding, overdue), then tabs at the top: the overview (record,
// contacts, notes, touchpoints, feedback), the journey (checklist and gate), the calculator (kept
// mounted once opened so switching back loses nothing; it exports the PDFs), loans, documents.
import { Suspense, lazy, useCallback, useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { listen } from "@tauri-apps/api/event";
import { api, type ApiError } from "../api";
import type { Client, ClientDetail as Detail, ClientProfile } from "../bindings";
import { StageLabel, StatusPill, TierBadge } from "../components/Badges";
import ConfirmDialog from "../components/ConfirmDialog";
import CopyButton from "../components/CopyButton";
import ErrorBox from "../components/ErrorBox";
import ClientProfileHeader from "../components/feedback/ClientProfileHeader";
import FeedbackSection from "../components/feedback/FeedbackSection";
import JourneyPanel from "../components/JourneyPanel";
import DocumentsTab from "../components/documents/DocumentsTab";
import Icon from "../components/Icon";
import LoanCalculator from "../components/LoanCalculator";
import LoansTab from "../components/loans/LoansTab";
import TouchpointForm from "../components/TouchpointForm";
import TouchpointList from "../components/TouchpointList";
import { formatDateTime } from "../format";
import { PRODUCT_KEY, SIZE_KEY, SOURCE_KEY, TIER_KEY } from "../labels";
import { useErrorHandler } from "../session";
import "../clientPage.css";
import { industryLabel } from "../industry";

// Its own chunk, with ECharts: only project-finance clients open it.
const ProjectModelTab = lazy(() => import("../components/project_model/ProjectModelTab"));

type Tab = "overview" | "journey" | "calculator" | "loans" | "documents" | "projectModel";

const TAB_LABEL = {
  overview: "detail.tabOverview",
  journey: "clientPage.tabJourney",
  calculator: "detail.tabCalculator",
  loans: "detail.tabLoans",
  documents: "detail.tabDocuments",
  projectModel: "projectModel.tab",
} as const satisfies Record<Tab, string>;

interface Props {
  id: number;
  onBack: () => void;
  onEdit: () => void;
  /** Opens on the loans tab with this loan shown (from a reminder on Today). */
  loanId?: number;
}

export default function ClientDetail({ id, onBack, onEdit, loanId }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [profile, setProfile] = useState<ClientProfile | null>(null);
  // Bumped when a touchpoint is saved: it may carry feedback the section lists.
  const [feedbackVersion, setFeedbackVersion] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<Tab>(loanId === undefined ? "overview" : "loans");
  const [calcOpened, setCalcOpened] = useState(false);
  // Kept mounted once opened, like the calculator: unsaved model inputs survive a tab switch.
  const [modelOpened, setModelOpened] = useState(false);
  // Bumped when documents change: they satisfy checklist items, so the journey reloads.
  const [docsVersion, setDocsVersion] = useState(0);
  // Files dropped while another tab shows: open the documents tab, which then imports them.
  const [dropPending, setDropPending] = useState(false);
  useEffect(() => {
    const stop = listen("files-dropped", () => {
      setTab((current) => {
        if (current !== "documents") setDropPending(true);
        return "documents";
      });
    });
    return () => void stop.then((f) => f());
  }, []);

  const reload = useCallback(
    () =>
      api.clientGet(id).then(
        (d) => {
          setDetail(d);
          setError(null);
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [id, handleError],
  );

  const reloadProfile = useCallback(
    () =>
      api.clientProfile(id).then(
        (p) => setProfile(p),
        (e: unknown) => setError(handleError(e)),
      ),
    [id, handleError],
  );

  useEffect(() => {
    void reload();
    void reloadProfile();
  }, [reload, reloadProfile]);

  const applySuggestion = async () => {
    const to = profile?.suggestion?.to;
    if (!to) return;
    setBusy(true);
    try {
      await api.lifecycleApply(id, to);
      await Promise.all([reload(), reloadProfile()]);
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  const setArchived = async (archived: boolean) => {
    setBusy(true);
    try {
      await api.clientArchive(id, archived);
      await reload();
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const back = (
    <button type="button" className="btn btn-ghost" data-testid="back-to-list" onClick={onBack}>
      <Icon name="back" />
      {t("detail.back")}
    </button>
  );

  if (!detail) {
    return (
      <section className="screen" data-testid="client-detail">
        <div className="screen-head">{back}</div>
        {error ? <ErrorBox error={error} /> : <p className="muted">{t("app.loading")}</p>}
      </section>
    );
  }

  const c = detail.client;
  const tabs: Tab[] = ["overview", "journey", "calculator", "loans", "documents"];
  if (c.product === "project-finance") tabs.push("projectModel");
  return (
    <section className="screen detail client-page" data-testid="client-detail" data-client-id={c.id}>

      {c.archived && (
        <div className="alert alert-warn" data-testid="archived-banner">
          <span>{t("detail.archivedBanner")}</span>
          <button type="button" className="btn btn-secondary btn-small" data-testid="restore-client" disabled={busy} onClick={() => setArchived(false)}>
            {t("detail.restore")}
          </button>
        </div>
      )}

      <header className="detail-head">
        {back}
        <div className="detail-title">
          <div className="detail-title-row">
            <h1 data-testid="client-title">{c.name}</h1>
            <div className="detail-badges">
              <StageLabel stage={c.stage} />
              <TierBadge tier={c.tier} />
              <StatusPill status={c.status} />
            </div>
          </div>
          {c.name_en && (
            <div className="name-en" data-testid="client-title-en">
              {c.name_en}
            </div>
          )}
        </div>
        <div className="detail-actions">
          <button type="button" className="btn btn-secondary" data-testid="edit-client" onClick={onEdit}>
            {t("detail.edit")}
          </button>
          {!c.archived && (
            <button type="button" className="btn btn-secondary" data-testid="archive-client" disabled={busy} onClick={() => setConfirming(true)}>
              {t("detail.archive")}
            </button>
          )}
        </div>
      </header>

      {profile && <ClientProfileHeader profile={profile} busy={busy} onApplySuggestion={() => void applySuggestion()} onOpenJourney={() => setTab("journey")} />}
      <ErrorBox error={error} />
      <div className="tabs" role="tablist" aria-label={t("detail.tabs")}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            className={tab === name ? "tab active" : "tab"}
            data-testid={`tab-${name}`}
            onClick={() => {
              setTab(name);
              if (name === "calculator") setCalcOpened(true);
              if (name === "projectModel") setModelOpened(true);
            }}
          >
            {t(TAB_LABEL[name])}
          </button>
        ))}
      </div>

      {tab === "journey" && (
        <div role="tabpanel" id="panel-journey" aria-labelledby="tab-journey">
          <JourneyPanel
            clientId={c.id}
            onChanged={() => {
              void reload();
              void reloadProfile();
            }}
            version={docsVersion + feedbackVersion}
          />
        </div>
      )}

      {calcOpened && (
        <div role="tabpanel" id="panel-calculator" aria-labelledby="tab-calculator" hidden={tab !== "calculator"}>
          <LoanCalculator clientId={c.id} />
        </div>
      )}

      {modelOpened && c.product === "project-finance" && (
        <div role="tabpanel" id="panel-projectModel" aria-labelledby="tab-projectModel" hidden={tab !== "projectModel"}>
          <Suspense fallback={<p className="muted">{t("app.loading")}</p>}>
            <ProjectModelTab clientId={c.id} />
          </Suspense>
        </div>
      )}

      {tab === "loans" && (
        <div role="tabpanel" id="panel-loans" aria-labelledby="tab-loans">
          <LoansTab clientId={c.id} initialLoanId={loanId} />
        </div>
      )}

      {tab === "documents" && (
        <div role="tabpanel" id="panel-documents" aria-labelledby="tab-documents">
          <DocumentsTab
            clientId={c.id}
            onChanged={() => setDocsVersion((v) => v + 1)}
            onClientChanged={() => {
              void reload();
              void reloadProfile();
            }}
            dropPending={dropPending}
            onDropTaken={() => setDropPending(false)}
          />
        </div>
      )}

      <div className="detail-columns" role="tabpanel" id="panel-overview" aria-labelledby="tab-overview" hidden={tab !== "overview"}>
        <div className="stack">
          <InfoCard client={c} />
          <section className="card">
            <h2 className="section-title">{t("fields.contacts")}</h2>
            {c.contacts.length === 0 ? (
              <p className="muted">{t("detail.noContacts")}</p>
            ) : (
              <table className="simple-table" data-testid="contact-list">
                <thead>
                  <tr>
                    <th>{t("fields.contactName")}</th>
                    <th>{t("fields.contactRole")}</th>
                    <th>{t("fields.contactPhone")}</th>
                    <th>{t("fields.contactEmail")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.contacts.map((p, i) => (
                    <tr key={i}>
                      <td>{p.name}</td>
                      <td>{p.role}</td>
                      <td className="mono">
                        {p.phone}
                        {p.phone !== "" && (
                          <CopyButton
                            clientId={c.id}
                            field={{ kind: "contact_phone", index: i }}
                            what={t("fields.contactPhone")}
                            testId={`copy-phone-${i}`}
                          />
                        )}
                      </td>
                      <td>{p.email}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card">
            <h2 className="section-title">{t("fields.notes")}</h2>
            {c.notes.trim() === "" ? (
              <p className="muted">{t("detail.noNotes")}</p>
            ) : (
              <p className="notes" data-testid="client-notes">
                {c.notes}
              </p>
            )}
          </section>
        </div>

        <div className="stack">
          <section className="card" data-testid="touchpoints">
            <h2 className="section-title">{t("tp.title")}</h2>
            <TouchpointForm
              clientId={c.id}
              onSaved={() => {
                void reload();
                void reloadProfile();
                setFeedbackVersion((v) => v + 1);
              }}
            />
            <TouchpointList items={detail.touchpoints} />
          </section>
          <FeedbackSection
            clientId={c.id}
            clientName={c.name}
            version={feedbackVersion}
            onChanged={() => {
              void reloadProfile();
              setFeedbackVersion((v) => v + 1);
            }}
          />
        </div>
      </div>

      {confirming && (
        <ConfirmDialog
          title={t("detail.archiveConfirmTitle")}
          message={t("detail.archiveConfirm", { name: c.name })}
          confirmLabel={t("detail.archive")}
          busy={busy}
          onConfirm={() => void setArchived(true)}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

function InfoCard({ client: c }: { client: Client }) {
  const { t } = useTranslation();
  const none = t("common.notSet");
  const rows: [string, ReactNode, string?][] = [
    [
      t("fields.creditCode"),
      c.credit_code ? (
        <>
          {c.credit_code}
          <CopyButton key="c" clientId={c.id} field={{ kind: "credit_code" }} what={t("fields.creditCode")} testId="copy-credit-code" />
        </>
      ) : (
        none
      ),
      c.credit_code ? "mono" : undefined,
    ],
    [t("fields.industry"), industryLabel(t, c.industry_code, c.industry) || none],
    [t("fields.size"), c.size ? t(SIZE_KEY[c.size]) : none],
    [t("fields.region"), c.region ?? none],
    [t("fields.source"), c.source_channel ? t(SOURCE_KEY[c.source_channel]) : none],
    [t("fields.product"), c.product ? t(PRODUCT_KEY[c.product]) : none],
    [t("fields.stage"), <StageLabel key="s" stage={c.stage} />],
    [t("fields.tier"), t(TIER_KEY[c.tier])],
    [t("fields.status"), <StatusPill key="st" status={c.status} />],
    [t("fields.createdAt"), formatDateTime(c.created_at)],
    [t("fields.updatedAt"), formatDateTime(c.updated_at)],
  ];
  return (
    <section className="card">
      <h2 className="section-title">{t("detail.info")}</h2>
      <dl className="info-grid" data-testid="client-info">
        {rows.map(([label, value, cls]) => (
          <div key={label} className="info-item">
            <dt>{label}</dt>
            <dd className={cls}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
