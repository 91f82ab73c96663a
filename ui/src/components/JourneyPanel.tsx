// The client's journey on the client page: current stage and days in it, the stage checklist
// (tick, a note opened on demand, document received, one-off items), the gate (advance, refusal, override with a
// reason), moving back, lifecycle status and the stage history. Every change calls `onChanged`
// so the page's stage badge follows.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api";
import type { ChecklistItem, JourneyView, LifecycleStatus, LostReason, StageChecklist } from "../bindings";
import { allItems, labelsForKeys, langOf, localLabel, reasonLabel, splitChecklists } from "../journey";
import { STAGE_KEY, STATUS_KEY, isStage } from "../labels";
import { useErrorHandler } from "../session";
import { StageLabel, StatusPill } from "./Badges";
import ErrorBox from "./ErrorBox";
import GateDialog from "./GateDialog";
import DocumentPreview from "./documents/DocumentPreview";
import "../journey.css";

const LIFECYCLE: readonly LifecycleStatus[] = ["active", "loyal", "dormant", "lost"];

interface Props {
  clientId: number;
  onChanged?: () => void;
  /** Changes when the client's documents do (they satisfy items): the checklist reloads. */
  version?: number;
}

export default function JourneyPanel({ clientId, onChanged, version }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const handleError = useErrorHandler();
  const [view, setView] = useState<JourneyView | null>(null);
  const [reasons, setReasons] = useState<LostReason[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [gate, setGate] = useState<string[] | null>(null);
  const [gateError, setGateError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [backOpen, setBackOpen] = useState(false);
  const [backNote, setBackNote] = useState("");

  const load = useCallback(
    () =>
      api.journeyGet(clientId).then(
        (v) => {
          setView(v);
          setError(null);
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [clientId, handleError],
  );

  useEffect(() => {
    void load();
    api.lostReasonsGet(false).then(setReasons, () => undefined);
  }, [load]);

  useEffect(() => {
    if (version) void load();
  }, [version, load]);

  /** Runs a change, then reloads the journey and tells the page. */
  const run = async (action: () => Promise<unknown>, onError?: (e: ApiError) => boolean) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      await load();
      onChanged?.();
      return true;
    } catch (e) {
      const err = handleError(e);
      if (err && !onError?.(err)) setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!view) {
    return (
      <section className="card journey-panel" data-testid="journey-panel">
        {error ? <ErrorBox error={error} /> : <p className="muted">{t("app.loading")}</p>}
      </section>
    );
  }

  const { current, earlier } = splitChecklists(view);
  const items = allItems(view);
  const stageName = (s: number) => (isStage(s) ? t(STAGE_KEY[s]) : String(s));

  const advance = (reason: string | null) =>
    run(
      async () => {
        const move = await api.journeyAdvance(clientId, reason);
        setGate(null);
        setGateError(null);
        setMessage(t("journey.advanced", { stage: move.to }));
      },
      (e) => {
        if (e.code === "gate_refused") {
          setGate(e.items);
          return true;
        }
        if (reason !== null) {
          setGateError(e);
          return true;
        }
        return false;
      },
    );

  const moveBack = () =>
    run(async () => {
      const move = await api.journeyMoveBack(clientId, view.stage - 1, backNote.trim() === "" ? null : backNote.trim());
      setBackOpen(false);
      setBackNote("");
      setGate(null);
      setMessage(t("journey.movedBack", { stage: move.to }));
    });

  return (
    <section className="card journey-panel" data-testid="journey-panel" data-stage={view.stage} data-status={view.status}>
      <div className="journey-head">
        <div className="journey-stage">
          <h2 className="section-title">{t("journey.currentStage")}</h2>
          <span data-testid="journey-stage">
            <StageLabel stage={view.stage} />
          </span>
          <StatusPill status={view.status} />
          <span className="muted small" data-testid="days-in-stage">
            {t("journey.daysInStage", { n: view.days_in_stage })}
            {view.entered_on ? ` · ${t("journey.enteredOn", { date: view.entered_on })}` : ""}
          </span>
          {view.follow_up && view.status !== "lost" && (
            <span className={view.follow_up.days_overdue > 0 ? "small late" : "small muted"}>
              {t("journey.nextContact", { date: view.follow_up.next_on })}
            </span>
          )}
        </div>
        <div className="journey-actions">
          {view.stage > 1 && (
            <button type="button" className="btn btn-secondary" data-testid="move-back" disabled={busy} onClick={() => setBackOpen((o) => !o)}>
              {t("journey.moveBack")}
            </button>
          )}
          {view.stage < 5 ? (
            <button type="button" className="btn btn-primary" data-testid="advance-stage" disabled={busy || view.archived} onClick={() => void advance(null)}>
              {t("journey.advance")}
            </button>
          ) : (
            <span className="muted small">{t("journey.lastStage")}</span>
          )}
        </div>
      </div>

      {message && (
        <div className="alert alert-ok" role="status" data-testid="journey-message">
          {message}
        </div>
      )}
      <ErrorBox error={error} testId="journey-error" />

      {backOpen && (
        <form
          className="gate-box"
          onSubmit={(e) => {
            e.preventDefault();
            void moveBack();
          }}
        >
          <label className="field-label" htmlFor="move-back-note">
            {t("journey.moveBackNote")}
          </label>
          <textarea id="move-back-note" data-testid="move-back-note" value={backNote} maxLength={1000} onChange={(e) => setBackNote(e.target.value)} />
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setBackOpen(false)}>
              {t("journey.cancel")}
            </button>
            <button type="submit" className="btn btn-danger" data-testid="move-back-confirm" disabled={busy}>
              {t("journey.moveBackConfirm")} → {view.stage - 1} {stageName(view.stage - 1)}
            </button>
          </div>
        </form>
      )}

      {gate && (
        <GateDialog
          labels={labelsForKeys(items, gate, lang)}
          busy={busy}
          error={gateError}
          onOverride={(reason) => void advance(reason)}
          onCancel={() => {
            setGate(null);
            setGateError(null);
          }}
        />
      )}

      <div className="journey-grid">
        <div>
          <h3 className="h3">
            {t("journey.checklist")}
            {current.open_required.length > 0 && (
              <span className="tag tag-warn" style={{ marginLeft: 8 }} data-testid="open-required-count">
                {t("journey.openCount", { n: current.open_required.length })}
              </span>
            )}
          </h3>
          <Checklist list={current} clientId={clientId} busy={busy} run={run} editable />
          <AddItem clientId={clientId} busy={busy} run={run} />

          {earlier.length > 0 && (
            <div className="earlier" data-testid="earlier-stages">
              <h3 className="h3">{t("journey.earlierStages")}</h3>
              {earlier.map((c) => (
                <details key={c.stage}>
                  <summary>
                    {t("journey.stageChecklist", { stage: c.stage, name: stageName(c.stage) })}
                    {c.open_required.length > 0 && <span className="tag tag-warn"> {t("journey.openCount", { n: c.open_required.length })}</span>}
                  </summary>
                  <Checklist list={c} clientId={clientId} busy={busy} run={run} editable={false} />
                </details>
              ))}
            </div>
          )}
        </div>

        <div>
          <StatusForm key={view.status} status={view.status} lostReason={currentLostReason(view)} reasons={withReason(reasons, view.lost_reasons, currentLostReason(view))} busy={busy} onSave={(input) => run(() => api.clientSetStatus(clientId, input))} />
          <h3 className="h3">{t("journey.history")}</h3>
          <table className="simple-table history-table" data-testid="stage-history">
            <thead>
              <tr>
                <th>{t("journey.histStage")}</th>
                <th>{t("journey.histEntered")}</th>
                <th>{t("journey.histDays")}</th>
                <th>{t("journey.histVia")}</th>
              </tr>
            </thead>
            <tbody>
              {[...view.history].reverse().map((h, i) => (
                <tr key={i} data-testid="history-row">
                  <td>{h.stage}</td>
                  <td>
                    {h.entered_on}
                    <div className="small muted">{h.left_on ? `→ ${h.left_on}` : `→ ${t("journey.current")}`}</div>
                  </td>
                  <td className="num">{h.days}</td>
                  <td>
                    {t(`journey.via.${h.via}`)}
                    {h.override_reason && <div className="history-override">{t("journey.histOverride", { reason: h.override_reason })}</div>}
                    {h.skipped.length > 0 && <div className="small muted">{t("journey.histSkipped", { items: labelsForKeys(items, h.skipped, lang).join("、") })}</div>}
                    {h.note && <div className="small muted">{t("journey.histNote", { note: h.note })}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.status_changes.length > 0 && (
            <>
              <h3 className="h3">{t("journey.statusChanges")}</h3>
              <ul className="row-list small" data-testid="status-changes">
                {[...view.status_changes].reverse().map((s, i) => (
                  <li key={i}>
                    {s.changed_on} · {t(STATUS_KEY[s.from])} → {t(STATUS_KEY[s.to])}
                    {s.lost_reason && ` · ${reasonLabel(view.lost_reasons, s.lost_reason, lang) ?? ""}`}
                    {s.note && ` · ${s.note}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

type Run = (action: () => Promise<unknown>) => Promise<boolean>;

function Checklist({ list, clientId, busy, run, editable }: { list: StageChecklist; clientId: number; busy: boolean; run: Run; editable: boolean }) {
  const { t } = useTranslation();
  if (list.items.length === 0) return <p className="muted small">{t("journey.noItems")}</p>;
  return (
    <ul className="checklist" data-testid={editable ? "checklist" : `checklist-${list.stage}`}>
      {list.items.map((item) => (
        <ItemRow key={item.id} item={item} clientId={clientId} busy={busy} run={run} editable={editable} />
      ))}
    </ul>
  );
}

function ItemRow({ item, clientId, busy, run, editable }: { item: ChecklistItem; clientId: number; busy: boolean; run: Run; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [note, setNote] = useState(item.note);
  // The note box opens on demand: most items never get one, and a box on each made the list long.
  const [noting, setNoting] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  // An imported document of the kind closes the item by itself; the tick cannot undo that.
  const byDocument = item.document !== null;
  const checked = item.done_on !== null || byDocument;
  const id = `check-${item.id}`;
  const openNote = () => {
    setNote(item.note);
    setNoting(true);
  };
  return (
    <li className={item.state === "done" ? "check-row done" : "check-row"} data-testid="checklist-item" data-item-key={item.key} data-state={item.state}>
      <input
        id={id}
        type="checkbox"
        data-testid="check-item"
        data-item-key={item.key}
        checked={checked}
        disabled={busy || byDocument}
        onChange={(e) => void run(() => api.checklistSetDone(clientId, item.id, e.target.checked))}
      />
      <div className="check-main">
        <label htmlFor={id} className="check-label">
          {localLabel(item, lang)}
          {item.required && <span className="req-marker">* {t("journey.required")}</span>}
        </label>
        {item.one_off && <span className="tag">{t("journey.oneOff")}</span>}
        {item.done_on && <span className="muted small">{t("journey.doneOn", { date: item.done_on })}</span>}
        {item.document_kind && (
          <>
            <span className={item.received_on || item.document ? "tag tag-ok" : "tag tag-warn"}>{t("journey.docNeeded", { kind: t(`docKind.${item.document_kind}`) })}</span>
            {item.document ? (
              <span className="check-doc small" data-testid="item-document" data-item-key={item.key} data-doc-id={item.document.id}>
                <span className="ok-text">{t("journey.satisfiedBy")}</span>
                {item.document.previewable ? (
                  <button type="button" className="link-button" data-testid="item-document-open" data-item-key={item.key} onClick={() => setPreviewing(true)}>
                    {item.document.file_name}
                  </button>
                ) : (
                  <span>{item.document.file_name}</span>
                )}
                {previewing && <DocumentPreview doc={item.document} onClose={() => setPreviewing(false)} />}
              </span>
            ) : item.received_on ? (
              <span className="small">
                <span className="ok-text">{t("journey.receivedOn", { date: item.received_on })}</span>{" "}
                <button type="button" className="link-button" data-testid="unmark-received" data-item-key={item.key} disabled={busy} onClick={() => void run(() => api.checklistSetReceived(clientId, item.id, false))}>
                  {t("journey.undoReceived")}
                </button>
              </span>
            ) : (
              <button type="button" className="btn btn-secondary btn-small" data-testid="mark-received" data-item-key={item.key} disabled={busy} onClick={() => void run(() => api.checklistSetReceived(clientId, item.id, true))}>
                {t("journey.markReceived")}
              </button>
            )}
          </>
        )}
        {item.note !== "" && !noting && (
          <button type="button" className="link-button check-note-text small" data-testid="item-note-text" data-item-key={item.key} title={t("clientPage.editNote")} onClick={openNote}>
            {item.note}
          </button>
        )}
      </div>
      <span className="check-actions">
        {item.note === "" && !noting && (
          <button type="button" className="btn btn-ghost btn-small" data-testid="item-note-open" data-item-key={item.key} onClick={openNote}>
            {t("clientPage.addNote")}
          </button>
        )}
        {item.one_off && editable && (
          <button type="button" className="btn btn-ghost btn-small" data-testid="remove-item" data-item-key={item.key} disabled={busy} onClick={() => void run(() => api.checklistRemoveItem(clientId, item.id))}>
            {t("journey.remove")}
          </button>
        )}
      </span>
      {noting && (
        <form
          className="check-note"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.checklistSetNote(clientId, item.id, note.trim())).then((ok) => ok && setNoting(false));
          }}
        >
          <input
            type="text"
            data-testid="item-note"
            data-item-key={item.key}
            aria-label={t("journey.note")}
            placeholder={t("journey.notePlaceholder")}
            value={note}
            maxLength={1000}
            autoFocus
            onKeyDown={(e) => e.key === "Escape" && setNoting(false)}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" className="btn btn-secondary btn-small" data-testid="item-note-save" data-item-key={item.key} disabled={busy}>
            {t("journey.saveNote")}
          </button>
          <button type="button" className="btn btn-ghost btn-small" data-testid="item-note-cancel" onClick={() => setNoting(false)}>
            {t("journey.cancel")}
          </button>
        </form>
      )}
    </li>
  );
}

function AddItem({ clientId, busy, run }: { clientId: number; busy: boolean; run: Run }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState("");
  const [required, setRequired] = useState(false);
  return (
    <form
      className="add-item"
      onSubmit={(e) => {
        e.preventDefault();
        if (label.trim() === "") return;
        void run(() => api.checklistAddItem(clientId, { stage: null, label: label.trim(), required, document_kind: null })).then((ok) => {
          if (ok) {
            setLabel("");
            setRequired(false);
          }
        });
      }}
    >
      <input type="text" data-testid="add-item-label" aria-label={t("journey.addItem")} placeholder={t("journey.addItem")} value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
      <label className="inline small">
        <input type="checkbox" data-testid="add-item-required" checked={required} onChange={(e) => setRequired(e.target.checked)} /> {t("journey.required")}
      </label>
      <button type="submit" className="btn btn-secondary btn-small" data-testid="add-item-save" disabled={busy || label.trim() === ""}>
        {t("journey.addItemSave")}
      </button>
    </form>
  );
}

/** A lost client's reason: the one given when it was last marked lost ("" otherwise). */
function currentLostReason(view: JourneyView): string {
  if (view.status !== "lost") return "";
  return [...view.status_changes].reverse().find((c) => c.to === "lost")?.lost_reason ?? "";
}

/** The reasons to choose from, plus the client's own if it has since been removed from the list. */
function withReason(active: LostReason[], known: LostReason[], key: string): LostReason[] {
  if (key === "" || active.some((r) => r.key === key)) return active;
  const retired = known.find((r) => r.key === key);
  return retired ? [...active, retired] : active;
}

function StatusForm({ status, lostReason, reasons, busy, onSave }: { status: LifecycleStatus; lostReason: string; reasons: LostReason[]; busy: boolean; onSave: (input: { status: LifecycleStatus; lost_reason: string | null; note: string }) => Promise<boolean> }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [value, setValue] = useState<LifecycleStatus>(status);
  // A lost client shows the reason it was lost for, not an empty choice.
  const [reason, setReason] = useState(lostReason);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);
  const needReason = value === "lost" && reason === "";
  return (
    <form
      className="stack"
      data-testid="status-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        setSaved(false);
        if (needReason) return;
        void onSave({ status: value, lost_reason: value === "lost" ? reason : null, note: note.trim() }).then((ok) => setSaved(ok));
      }}
    >
      <h3 className="h3">{t("journey.lifecycle")}</h3>
      <div className="status-form">
        <select data-testid="status-select" aria-label={t("journey.lifecycle")} value={value} onChange={(e) => setValue(LIFECYCLE.find((s) => s === e.target.value) ?? status)}>
          {status === "prospect" && <option value="prospect">{t(STATUS_KEY.prospect)}</option>}
          {LIFECYCLE.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEY[s])}
            </option>
          ))}
        </select>
        {value === "lost" && (
          <select data-testid="lost-reason" aria-label={t("journey.lostReason")} aria-invalid={tried && needReason} value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{t("journey.chooseReason")}</option>
            {reasons.map((r) => (
              <option key={r.key} value={r.key}>
                {localLabel(r, lang)}
              </option>
            ))}
          </select>
        )}
      </div>
      <input type="text" data-testid="status-note" aria-label={t("journey.statusNote")} placeholder={t("journey.statusNote")} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      {tried && needReason && <div className="field-error">{t("journey.needReason")}</div>}
      {saved && <div className="ok-text small">{t("journey.statusSaved")}</div>}
      <div>
        <button type="submit" className="btn btn-secondary btn-small" data-testid="status-save" disabled={busy}>
          {t("journey.statusSave")}
        </button>
      </div>
    </form>
  );
}
