// The client book: search as you type, filters, and a virtualised list that pages in 100 rows
// at a time, so 100k clients cost the same to show as 100.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { ClientQuery, ClientSort, ClientSummary, LifecycleStatus, Tier } from "../bindings";
import { StageLabel, StatusPill, TierBadge } from "../components/Badges";
import ClientImportDialog from "../components/ClientImportDialog";
import ErrorBox from "../components/ErrorBox";
import Icon from "../components/Icon";
import { STAGES, STAGE_KEY, STATUSES, STATUS_KEY, TIERS, TIER_KEY, isStage, type Stage } from "../labels";
import { useAmountUnit } from "../amountUnits";
import UnitSwitch from "../components/UnitSwitch";
import { formatAmount, unitLabel } from "../money";
import { industryLabel } from "../industry";
import { useErrorHandler } from "../session";
import { useDebounced } from "../useDebounced";

export const PAGE_SIZE = 100;
const ROW_HEIGHT = 52;
const SEARCH_DEBOUNCE_MS = 150;
/** Start fetching the next page this many rows before the end comes into view. */
const PREFETCH_ROWS = 30;

export interface ClientFilters {
  text: string;
  stage: Stage | null;
  tier: Tier | null;
  status: LifecycleStatus | null;
  archived: boolean;
  /** The column the core sorts by (never sorted here: the list holds one page at a time). */
  sort: ClientSort;
  descending: boolean;
}

export const EMPTY_FILTERS: ClientFilters = {
  text: "",
  stage: null,
  tier: null,
  status: null,
  archived: false,
  sort: "newest",
  descending: false,
};

/** A click on a column's header: the same column again flips the order; another starts in the
 * order an officer looks for first (amounts largest first, the rest ascending). */
export function nextSort(current: { sort: ClientSort; descending: boolean }, column: ClientSort): { sort: ClientSort; descending: boolean } {
  if (current.sort === column) return { sort: column, descending: !current.descending };
  return { sort: column, descending: column === "amount" };
}

type Query = Omit<ClientQuery, "offset" | "limit">;

interface Results {
  /** The query these rows answer; while it differs from the current one the list is stale. */
  key: string;
  query: Query;
  items: ClientSummary[];
  total: number;
  capped: boolean;
  hasMore: boolean;
}

interface Props {
  filters: ClientFilters;
  onFiltersChange: (f: ClientFilters) => void;
  onOpen: (id: number) => void;
  onNew: () => void;
}

export default function Clients({ filters, onFiltersChange, onOpen, onNew }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const debouncedText = useDebounced(filters.text, SEARCH_DEBOUNCE_MS);
  const { stage, tier, status, archived, sort, descending } = filters;
  const [unit] = useAmountUnit("clients");
  const query = useMemo<Query>(
    () => ({ text: debouncedText.trim(), stage, tier, status, archived, sort, descending }),
    [debouncedText, stage, tier, status, archived, sort, descending],
  );
  const queryKey = JSON.stringify(query);

  const [results, setResults] = useState<Results | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  // Bumped after an import: the same query, read again.
  const [reloads, setReloads] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  // Bumped for every new query: a response carrying an older number is for text the officer
  // has already typed past, and is dropped.
  const generation = useRef(0);
  const loadingMore = useRef(false);

  useEffect(() => {
    const gen = ++generation.current;
    loadingMore.current = false;
    api.clientsList({ ...query, offset: 0, limit: PAGE_SIZE }).then(
      (page) => {
        if (gen !== generation.current) return;
        setError(null);
        setResults({
          key: queryKey,
          query,
          items: page.items,
          total: page.total,
          capped: page.total_capped,
          hasMore: page.items.length === PAGE_SIZE,
        });
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        setError(handleError(e));
      },
    );
  }, [query, queryKey, handleError, reloads]);

  const loadMore = useCallback(() => {
    if (!results || !results.hasMore || loadingMore.current || results.key !== queryKey) return;
    loadingMore.current = true;
    const gen = generation.current;
    api.clientsList({ ...results.query, offset: results.items.length, limit: PAGE_SIZE }).then(
      (page) => {
        if (gen !== generation.current) return;
        loadingMore.current = false;
        setResults((r) =>
          r && r.key === results.key
            ? { ...r, items: [...r.items, ...page.items], hasMore: page.items.length === PAGE_SIZE }
            : r,
        );
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        loadingMore.current = false;
        setError(handleError(e));
      },
    );
  }, [results, queryKey, handleError]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const items = results?.items ?? [];
  const rowCount = items.length + (results?.hasMore ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisible = virtualRows[virtualRows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (lastVisible >= items.length - PREFETCH_ROWS) loadMore();
  }, [lastVisible, items.length, loadMore]);

  // A new search starts at the top, not somewhere in the middle of the old results.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [results?.key]);

  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f") {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const set = (patch: Partial<ClientFilters>) => onFiltersChange({ ...filters, ...patch });
  const stale = results !== null && results.key !== queryKey;
  const noFilter = query.text === "" && !query.stage && !query.tier && !query.status;

  let emptyText: string | null = null;
  if (results && !stale && results.items.length === 0) {
    emptyText = filters.archived ? t("clients.emptyArchived") : noFilter ? t("clients.emptyBook") : t("clients.empty");
  }

  return (
    <section className="screen clients-screen" data-testid="clients-screen">
      <div className="screen-head">
        <h1>{t("clients.title")}</h1>
        <span className="count muted" data-testid="client-count" aria-live="polite">
          {results && (results.capped ? t("clients.countCapped", { count: results.total }) : t("clients.count", { count: results.total }))}
        </span>
        <div className="spacer" />
        <UnitSwitch screen="clients" />
        <button type="button" className="btn btn-secondary" data-testid="import-clients" onClick={() => setImporting(true)}>
          {t("drill.importButton")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="new-client" onClick={onNew}>
          <Icon name="plus" />
          {t("clients.newClient")}
        </button>
      </div>

      <div className="toolbar">
        <label className="search">
          <Icon name="search" />
          <input
            ref={searchRef}
            type="search"
            data-testid="client-search"
            aria-label={t("clients.searchLabel")}
            placeholder={t("clients.searchPlaceholder")}
            value={filters.text}
            autoFocus
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <select
          data-testid="filter-stage"
          aria-label={t("fields.stage")}
          value={filters.stage ?? ""}
          onChange={(e) => {
            const n = Number(e.target.value);
            set({ stage: isStage(n) ? n : null });
          }}
        >
          <option value="">{t("clients.allStages")}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {s} {t(STAGE_KEY[s])}
            </option>
          ))}
        </select>
        <select
          data-testid="filter-tier"
          aria-label={t("fields.tier")}
          value={filters.tier ?? ""}
          onChange={(e) => set({ tier: TIERS.find((x) => x === e.target.value) ?? null })}
        >
          <option value="">{t("clients.allTiers")}</option>
          {TIERS.map((x) => (
            <option key={x} value={x}>
              {t(TIER_KEY[x])}
            </option>
          ))}
        </select>
        <select
          data-testid="filter-status"
          aria-label={t("fields.status")}
          value={filters.status ?? ""}
          onChange={(e) => set({ status: STATUSES.find((x) => x === e.target.value) ?? null })}
        >
          <option value="">{t("clients.allStatuses")}</option>
          {STATUSES.map((x) => (
            <option key={x} value={x}>
              {t(STATUS_KEY[x])}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            data-testid="filter-archived"
            checked={filters.archived}
            onChange={(e) => set({ archived: e.target.checked })}
          />
          {t("clients.showArchived")}
        </label>
      </div>

      <ErrorBox error={error} />
      {imported !== null && (
        <div className="alert alert-ok" role="status" data-testid="import-done">
          {t("drill.importDone", { count: imported })}
        </div>
      )}
      {importing && (
        <ClientImportDialog
          onClose={() => setImporting(false)}
          onImported={(count) => {
            setImporting(false);
            setImported(count);
            setReloads((n) => n + 1);
          }}
        />
      )}

      <div className={stale ? "table stale" : "table"} role="table" aria-rowcount={results?.total ?? -1} aria-busy={stale || !results}>
        <div className="table-head client-grid" role="row">
          <SortHeader column="name" label={t("fields.name")} filters={filters} onSort={set} />
          <span role="columnheader">{t("clients.colCreditCode")}</span>
          <span role="columnheader">{t("fields.industry")}</span>
          <SortHeader column="stage" label={t("fields.stage")} filters={filters} onSort={set} />
          <SortHeader column="tier" label={t("clients.colTier")} filters={filters} onSort={set} />
          <span role="columnheader">{t("fields.status")}</span>
          <span role="columnheader">{t("clients.colContact")}</span>
          <SortHeader column="next_contact" label={t("clients.colNextContact")} filters={filters} onSort={set} />
          <SortHeader column="amount" label={t("units.withUnit", { label: t("clients.colAmount"), unit: unitLabel(t, unit, null) })} filters={filters} onSort={set} numeric />
        </div>
        <div className="table-body" ref={scrollRef} data-testid="client-list">
          {!results && !error && <div className="table-message muted">{t("clients.loading")}</div>}
          {emptyText && (
            <div className="table-message muted" data-testid="clients-empty">
              {emptyText}
            </div>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualRows.map((v) => {
              const c = items[v.index];
              const style = { height: v.size, transform: `translateY(${v.start}px)` };
              if (!c) {
                return (
                  <div key="more" className="table-row loading-row muted" style={style} role="row">
                    {t("clients.loadingMore")}
                  </div>
                );
              }
              return (
                <div
                  key={c.id}
                  className={c.archived ? "table-row client-grid archived" : "table-row client-grid"}
                  style={style}
                  role="row"
                  tabIndex={0}
                  data-testid="client-row"
                  data-client-id={c.id}
                  onClick={() => onOpen(c.id)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") onOpen(c.id);
                  }}
                >
                  <span role="cell" className="cell-name">
                    <span className="name" title={c.name}>
                      {c.name}
                    </span>
                    {c.name_en && (
                      <span className="name-en" title={c.name_en}>
                        {c.name_en}
                      </span>
                    )}
                  </span>
                  <span role="cell" className="mono">
                    {c.credit_code ?? ""}
                  </span>
                  <span role="cell" className="cell-clip" title={industryLabel(t, c.industry_code, c.industry)}>
                    {industryLabel(t, c.industry_code, c.industry)}
                  </span>
                  <span role="cell">
                    <StageLabel stage={c.stage} short />
                  </span>
                  <span role="cell">
                    <TierBadge tier={c.tier} />
                  </span>
                  <span role="cell">
                    <StatusPill status={c.status} />
                  </span>
                  <span role="cell">{c.primary_contact ?? ""}</span>
                  <span role="cell" data-testid="client-next-contact">
                    {c.next_contact_on ?? ""}
                  </span>
                  <span role="cell" className="num" data-testid="client-amount">
                    {c.amount ? formatAmount(c.amount, unit) : ""}
                    {c.amount && c.currency && c.currency !== "CNY" ? ` ${c.currency}` : ""}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

interface SortHeaderProps {
  column: ClientSort;
  label: string;
  filters: ClientFilters;
  onSort: (patch: Partial<ClientFilters>) => void;
  numeric?: boolean;
}

/** A column header that sorts the list by its column (in the core's query). */
function SortHeader({ column, label, filters, onSort, numeric }: SortHeaderProps) {
  const { t } = useTranslation();
  const active = filters.sort === column;
  const ariaSort = active ? (filters.descending ? "descending" : "ascending") : "none";
  return (
    <span role="columnheader" aria-sort={ariaSort} className={numeric ? "num" : undefined}>
      <button
        type="button"
        className={active ? "sort-head active" : "sort-head"}
        data-testid={`sort-${column}`}
        title={t("clients.sortBy", { column: label })}
        onClick={() => onSort(nextSort(filters, column))}
      >
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (filters.descending ? "▼" : "▲") : "↕"}
        </span>
      </button>
    </span>
  );
}
