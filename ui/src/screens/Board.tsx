// The pipeline: one column per stage, a card per client, loaded a page at a time per column
// (never all clients at once). Dragging a card to the next column advances the client through
// the same gate as the client page; the card's "Advance" button does the same from the keyboard.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { Board as BoardData, BoardCard, BoardQuery, ProductType, Tier } from "../bindings";
import { TierBadge } from "../components/Badges";
import ErrorBox from "../components/ErrorBox";
import GateDialog from "../components/GateDialog";
import { allItems, appendPage, groupAmount, isAdvanceDrop, labelsForKeys, langOf } from "../journey";
import { PRODUCTS, PRODUCT_KEY, STAGE_KEY, TIERS, TIER_KEY, isStage } from "../labels";
import { useErrorHandler } from "../session";
import "../journey.css";

const PAGE = 30;

interface Refused {
  card: BoardCard;
  labels: string[];
}

export default function Board({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const handleError = useErrorHandler();
  const [tier, setTier] = useState<Tier | null>(null);
  const [product, setProduct] = useState<ProductType | null>(null);
  const [board, setBoard] = useState<BoardData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [gateError, setGateError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropOver, setDropOver] = useState<number | null>(null);

  const query: BoardQuery = { tier, product, limit: PAGE };

  const load = useCallback(
    () =>
      api.boardGet({ tier, product, limit: PAGE }).then(
        (b) => {
          setBoard(b);
          setError(null);
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [tier, product, handleError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = async (stage: number) => {
    if (!board) return;
    const col = board.columns.find((c) => c.stage === stage);
    if (!col) return;
    try {
      const page = await api.boardColumn(query, stage, col.cards.length);
      setBoard((b) => (b ? { columns: b.columns.map((c) => (c.stage === stage ? appendPage(c, page) : c)) } : b));
    } catch (e) {
      setError(handleError(e));
    }
  };

  const advance = async (card: BoardCard, reason: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      const move = await api.journeyAdvance(card.client_id, reason);
      setRefused(null);
      setGateError(null);
      setMessage(t("board.advancedCard", { name: card.name, stage: move.to }));
      await load();
    } catch (e) {
      const err = handleError(e);
      if (err?.code === "gate_refused") {
        // The board has keys only; the client's journey has the labels.
        const view = await api.journeyGet(card.client_id).catch(() => null);
        setRefused({ card, labels: view ? labelsForKeys(allItems(view), err.items, lang) : err.items });
      } else if (reason !== null) {
        setGateError(err);
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (stage: number, e: React.DragEvent) => {
    e.preventDefault();
    setDropOver(null);
    const id = Number(e.dataTransfer.getData("text/plain"));
    const from = board?.columns.find((c) => c.cards.some((x) => x.client_id === id));
    const card = from?.cards.find((x) => x.client_id === id);
    setDragFrom(null);
    if (!from || !card) return;
    if (!isAdvanceDrop(from.stage, stage)) {
      if (from.stage !== stage) setMessage(t("board.onlyNext"));
      return;
    }
    void advance(card, null);
  };

  return (
    <section className="screen" data-testid="board-screen">
      <div className="screen-head">
        <h1>{t("board.title")}</h1>
      </div>
      <div className="filters">
        <select data-testid="board-tier" aria-label={t("fields.tier")} value={tier ?? ""} onChange={(e) => setTier(TIERS.find((x) => x === e.target.value) ?? null)}>
          <option value="">{t("board.allTiers")}</option>
          {TIERS.map((x) => (
            <option key={x} value={x}>
              {t(TIER_KEY[x])}
            </option>
          ))}
        </select>
        <select data-testid="board-product" aria-label={t("fields.product")} value={product ?? ""} onChange={(e) => setProduct(PRODUCTS.find((x) => x === e.target.value) ?? null)}>
          <option value="">{t("board.allProducts")}</option>
          {PRODUCTS.map((x) => (
            <option key={x} value={x}>
              {t(PRODUCT_KEY[x])}
            </option>
          ))}
        </select>
        <span className="muted small">{t("board.dropHint")}</span>
      </div>
      {message && (
        <div className="alert alert-ok" role="status" data-testid="board-message">
          {message}
        </div>
      )}
      <ErrorBox error={error} />
      {refused && (
        <GateDialog
          name={refused.card.name}
          labels={refused.labels}
          busy={busy}
          error={gateError}
          onOverride={(reason) => void advance(refused.card, reason)}
          onCancel={() => {
            setRefused(null);
            setGateError(null);
          }}
        />
      )}
      {board && (
        <div className="board">
          {board.columns.map((col) => (
            <div
              key={col.stage}
              className={dropOver === col.stage && dragFrom !== null && isAdvanceDrop(dragFrom, col.stage) ? "board-col drop-ok" : "board-col"}
              data-testid="board-column"
              data-stage={col.stage}
              onDragOver={(e) => {
                e.preventDefault();
                setDropOver(col.stage);
              }}
              onDragLeave={() => setDropOver(null)}
              onDrop={(e) => onDrop(col.stage, e)}
            >
              <div className="board-col-head">
                <span>
                  {col.stage} {isStage(col.stage) ? t(STAGE_KEY[col.stage]) : ""}
                </span>
                <span className="muted small" data-testid="column-total">
                  {t("board.total", { n: col.total })}
                </span>
              </div>
              <div className="board-cards">
                {col.cards.length === 0 && <p className="muted small">{t("board.empty")}</p>}
                {col.cards.map((card) => (
                  <article
                    key={card.client_id}
                    className="board-card"
                    draggable
                    data-testid="board-card"
                    data-client-id={card.client_id}
                    data-stage={col.stage}
                    onDragStart={(e) => {
                      e.dataTransfer.setData("text/plain", String(card.client_id));
                      e.dataTransfer.effectAllowed = "move";
                      setDragFrom(col.stage);
                    }}
                    onDragEnd={() => setDragFrom(null)}
                  >
                    <button type="button" className="link-button name" data-testid="board-open" onClick={() => onOpen(card.client_id)}>
                      {card.name}
                    </button>
                    <div className="board-card-meta">
                      <TierBadge tier={card.tier} />
                      <span className="mono">{card.amount ? `${card.currency ?? ""} ${groupAmount(card.amount)}` : t("board.noAmount")}</span>
                      <span>{t("board.days", { n: card.days_in_stage })}</span>
                      {card.open_required > 0 && <span className="tag tag-warn">{t("board.openItems", { n: card.open_required })}</span>}
                    </div>
                    {col.stage < 5 && (
                      <div className="board-card-actions">
                        <button type="button" className="btn btn-secondary btn-small" data-testid="board-advance" disabled={busy} onClick={() => void advance(card, null)}>
                          {t("board.advance")} →
                        </button>
                      </div>
                    )}
                  </article>
                ))}
                {col.cards.length < col.total && (
                  <button type="button" className="btn btn-ghost btn-small" data-testid="load-more" data-stage={col.stage} onClick={() => void loadMore(col.stage)}>
                    {t("board.loadMore")} ({col.cards.length}/{col.total})
                  </button>
                )}
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
