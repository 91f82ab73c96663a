// The repayment schedule (还款计划表), every period: 360 rows are virtualised inside a box of
// fixed height, so a 30-year loan costs no more to show than a one-year one.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Schedule } from "../bindings";
import { formatMoney } from "../money";

const ROW_HEIGHT = 32;

export default function ScheduleTable({ schedule, stale }: { schedule: Schedule; stale: boolean }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const periods = schedule.periods;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count: periods.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  // A different loan starts at its first period.
  const length = periods.length;
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [length]);

  const s = schedule.summary;
  return (
    <div className={stale ? "schedule stale" : "schedule"} role="table" aria-rowcount={periods.length + 2} data-testid="calc-schedule">
      <div className="schedule-grid schedule-head" role="row">
        <span role="columnheader">{t("calc.colPeriod")}</span>
        <span role="columnheader">{t("calc.colDue")}</span>
        <span role="columnheader">{t("calc.colPayment")}</span>
        <span role="columnheader">{t("calc.colPrincipal")}</span>
        <span role="columnheader">{t("calc.colInterest")}</span>
        <span role="columnheader">{t("calc.colBalance")}</span>
      </div>
      <div className="schedule-body" ref={scrollRef} style={{ height: Math.min(periods.length, 12) * ROW_HEIGHT + 2 }}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((v) => {
            const p = periods[v.index];
            if (!p) return null;
            return (
              <div
                key={p.period}
                className="schedule-grid schedule-row"
                role="row"
                data-testid="calc-schedule-row"
                data-period={p.period}
                style={{ height: v.size, transform: `translateY(${v.start}px)` }}
              >
                <span role="cell">{p.period}</span>
                <span role="cell">{p.due_date}</span>
                <span role="cell">{formatMoney(p.payment)}</span>
                <span role="cell">{formatMoney(p.principal)}</span>
                <span role="cell">{formatMoney(p.interest)}</span>
                <span role="cell">{formatMoney(p.balance)}</span>
              </div>
            );
          })}
        </div>
      </div>
      <div className="schedule-grid schedule-total" role="row" data-testid="calc-schedule-total">
        <span role="cell">{t("calc.total")}</span>
        <span role="cell" />
        <span role="cell">{formatMoney(s.total_payment)}</span>
        <span role="cell">{formatMoney(schedule.terms.principal)}</span>
        <span role="cell">{formatMoney(s.total_interest)}</span>
        <span role="cell" />
      </div>
    </div>
  );
}
