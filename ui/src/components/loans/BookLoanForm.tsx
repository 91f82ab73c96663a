// Booking the client's proposed loan (放款入账): contract number, signing date, the credit line
// (授信) it is drawn under, one or more disbursements and the repayment account. The terms are the proposal's, kept as booked; every
// rule (dates, amounts against the principal, duplicates) is the backend's, shown per field.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { DisbursementInput, Facility, LoanScenario, PenaltyTerms, Reprice } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { scenarioLine } from "../../loanText";
import { amountProblem, formatMoney, groupThousands, typedAmount } from "../../money";
import AmountInput from "../AmountInput";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import { useScenarios } from "../../useScenarios";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import FieldError from "../FieldError";
import PenaltyTermsFields, { penaltyDraft, penaltyDraftErrors, penaltyTerms, type PenaltyDraft } from "./PenaltyTermsFields";
import DateInput from "../DateInput";

interface Tranche {
  on: string;
  amount: string;
}

interface Props {
  clientId: number;
  onBooked: (loanId: number) => void;
  onCancel: () => void;
}

const MAX_TRANCHES = 12;

export default function BookLoanForm({ clientId, onBooked, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const scenarios = useScenarios(clientId);
  const proposal = scenarios.list?.find((s) => s.proposed) ?? null;
  const proposalId = proposal?.id ?? null;
  // Where the form starts (signing date, one disbursement, the template's penalty terms) is
  // the backend's rule, not ours.
  const [start, setStart] = useState<{ proposalId: number; disbursement: DisbursementInput; penalty: PenaltyTerms } | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (proposalId === null) return;
    let live = true;
    Promise.all([api.loanDefaultDisbursement(clientId), api.penaltyTermsDefault()]).then(
      ([disbursement, penalty]) => live && setStart({ proposalId, disbursement, penalty }),
      (e: unknown) => live && setStartError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [clientId, proposalId, handleError]);

  return (
    <section className="card" data-testid="loan-book-form">
      <h2 className="section-title">{t("loans.bookTitle")}</h2>
      <ErrorBox error={scenarios.error ?? startError} />
      {scenarios.list === null ? (
        !scenarios.error && <p className="muted">{t("app.loading")}</p>
      ) : proposal === null ? (
        <>
          <p className="muted" data-testid="loan-book-no-proposal">
            {t("loans.noProposal")}
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={onCancel}>
              {t("common.cancel")}
            </button>
          </div>
        </>
      ) : start?.proposalId !== proposal.id ? (
        !startError && <p className="muted">{t("app.loading")}</p>
      ) : (
        <BookingFields
          key={proposal.id}
          clientId={clientId}
          proposal={proposal}
          start={start.disbursement}
          penalty={start.penalty}
          onBooked={onBooked}
          onCancel={onCancel}
        />
      )}
    </section>
  );
}

function BookingFields({
  clientId,
  proposal,
  start,
  penalty,
  onBooked,
  onCancel,
}: Props & { proposal: LoanScenario; start: DisbursementInput; penalty: PenaltyTerms }) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const today = todayISO();
  const terms = proposal.terms;
  const repayDay = terms.repay_day ?? Number(terms.disbursement_date.slice(8, 10));
  const [contractNo, setContractNo] = useState("");
  const [signedOn, setSignedOn] = useState(start.on);
  const [account, setAccount] = useState("");
  const [tranches, setTranches] = useState<Tranche[]>([{ on: start.on, amount: start.amount }]);
  const [draft, setDraft] = useState<PenaltyDraft>(() => penaltyDraft(penalty));
  // A floating loan's contract says when it reprices: the officer chooses, nothing is assumed.
  const [reprice, setReprice] = useState<Reprice | "" | null>(terms.rate.kind === "lpr" ? "" : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // The client's credit lines; "" draws under none. Whether the drawing fits is the core's rule.
  const [facilities, setFacilities] = useState<Facility[] | null>(null);
  const [facilityId, setFacilityId] = useState("");
  useEffect(() => {
    let live = true;
    api.facilitiesList(clientId).then(
      (list) => live && setFacilities(list),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [clientId, handleError]);

  const setTranche = (i: number, patch: Partial<Tranche>) =>
    setTranches((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  /** What the officer can get wrong before asking the backend: empty or unreadable input. */
  const localErrors = (): FieldErrors => {
    const out: FieldErrors = {};
    const say = (field: string, message: string) => (out[field] ??= { message, detail: null });
    if (contractNo.trim() === "") say("contract_no", t("rule.required"));
    if (!isIsoDate(signedOn)) say("signed_on", t("loans.dateInvalid"));
    tranches.forEach((x, i) => {
      if (!isIsoDate(x.on)) say(`disbursements.${i}.on`, t("loans.dateInvalid"));
      const problem = amountProblem(t, x.amount);
      if (problem !== null) say(`disbursements.${i}.amount`, problem);
    });
    if (reprice === "") say("reprice", t("rule.required"));
    return { ...penaltyDraftErrors(draft, t("rule.not_a_number")), ...out };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const local = localErrors();
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const id = await api.loanBook({
        client_id: clientId,
        contract_no: contractNo.trim(),
        signed_on: signedOn,
        terms: null,
        disbursements: tranches.map((x) => ({ on: x.on, amount: typedAmount(x.amount) ?? x.amount })),
        repayment_account: account.trim(),
        penalty: penaltyTerms(draft),
        reprice: reprice || "none",
        facility_id: facilityId === "" ? null : Number(facilityId),
      });
      onBooked(id);
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation" && apiErr.field) {
        // An amount the backend cannot hold is about the disbursements.
        const field = apiErr.field === "amount" ? "disbursements" : apiErr.field;
        setErrors({ [field]: fieldError(t, apiErr) });
      } else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="muted small" data-testid="loan-book-proposal">
        {t("loans.fromProposal", { label: proposal.label })} · {scenarioLine(t, terms)}
      </p>
      <div className="book-grid">
        <Field field="contract_no" label={t("loans.contractNo")} errors={errors} required>
          <input
            id={inputId("contract_no")}
            type="text"
            maxLength={60}
            data-testid="loan-contract-no"
            aria-invalid={errors.contract_no ? true : undefined}
            value={contractNo}
            onChange={(e) => setContractNo(e.target.value)}
          />
        </Field>
        <Field field="signed_on" label={t("loans.signedOn")} errors={errors} required>
          <DateInput
            id={inputId("signed_on")}
            max={today}
            data-testid="loan-signed-on"
            aria-invalid={errors.signed_on ? true : undefined}
            value={signedOn}
            onChange={(value) => setSignedOn(value)}
          />
        </Field>
        <Field field="repayment_account" label={t("loans.account")} errors={errors}>
          <input
            id={inputId("repayment_account")}
            type="text"
            maxLength={60}
            data-testid="loan-account"
            aria-invalid={errors.repayment_account ? true : undefined}
            value={account}
            onChange={(e) => setAccount(e.target.value)}
          />
        </Field>
        <Field field="facility" className="span-2" label={t("security.facility.label")} errors={errors} hint={t("security.facility.hint")}>
          <select
            id={inputId("facility")}
            data-testid="loan-facility"
            aria-invalid={errors.facility ? true : undefined}
            value={facilityId}
            onChange={(e) => setFacilityId(e.target.value)}
          >
            <option value="">{t("security.facility.none")}</option>
            {facilities?.map((f) => (
              <option key={f.id} value={String(f.id)} data-available={f.available}>
                {t("security.facility.option", {
                  from: f.from,
                  to: f.to,
                  amount: `${f.currency} ${formatMoney(f.amount)}`,
                  available: `${f.currency} ${formatMoney(f.available)}`,
                })}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="tranches" data-testid="loan-disbursements">
        <legend className="field-label">{t("loans.disbursements")}</legend>
        {tranches.map((x, i) => (
          <div key={i} className="tranche-row" data-testid="loan-tranche">
            <Field field={`disbursements.${i}.on`} label={t("loans.disbursedOn")} errors={errors}>
              <DateInput
                id={inputId(`disbursements.${i}.on`)}
                data-testid="loan-tranche-date"
                value={x.on}
                onChange={(value) => setTranche(i, { on: value })}
              />
            </Field>
            <Field field={`disbursements.${i}.amount`} label={t("loans.amountWithCurrency", { currency: terms.currency })} errors={errors}>
              <AmountInput
                id={inputId(`disbursements.${i}.amount`)}
                testId="loan-tranche-amount"
                currency={terms.currency}
                value={x.amount}
                onChange={(v) => setTranche(i, { amount: v })}
              />
            </Field>
            {tranches.length > 1 && (
              <button
                type="button"
                className="btn btn-ghost btn-small danger-text"
                data-testid="loan-tranche-remove"
                onClick={() => setTranches((list) => list.filter((_, j) => j !== i))}
              >
                {t("loans.removeTranche")}
              </button>
            )}
          </div>
        ))}
        <FieldError errors={errors} field="disbursements" />
        {tranches.length < MAX_TRANCHES && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            data-testid="loan-tranche-add"
            onClick={() => setTranches((list) => [...list, { on: today, amount: "" }])}
          >
            {t("loans.addTranche")}
          </button>
        )}
        <div className="field-hint">{t("loans.tranchesHint", { principal: groupThousands(terms.principal), currency: terms.currency, day: repayDay })}</div>
      </fieldset>

      <PenaltyTermsFields draft={draft} onChange={setDraft} reprice={reprice} onReprice={setReprice} errors={errors} />

      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="loan-book-submit" disabled={busy} aria-busy={busy}>
          {busy ? t("common.saving") : t("loans.bookSubmit")}
        </button>
      </div>
    </form>
  );
}
