// The pipeline: one column per stage, a card per client, loaded a page at a time per column
// (never all clients at once). Dragging a card to the next column advances the client through
// the same gate as the client page, dragging it back to an earlier column moves it back after a
// confirmation; the card's "Advance" button is the keyboard path. Dragging uses pointer events
// (useCardDrag), so it works with a touchpad, a pen or a finger, and under WebDriver.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { Board as BoardData, BoardCard, BoardQuery, ProductType, Tier } from "../bindings";
import { TierBadge } from "../components/Badges";
import ErrorBox from "../components/ErrorBox";
import ConfirmDialog from "../components/ConfirmDialog";
import GateDialog from "../components/GateDialog";
import { allItems, appendPage, isAdvanceDrop, labelsForKeys, langOf } from "../journey";
import { useAmountUnit } from "../amountUnits";
import UnitSwitch from "../components/UnitSwitch";
import { amountWithUnit } from "../money";
import { PRODUCTS, PRODUCT_KEY, STAGE_KEY, STAGE_SHORT_KEY, TIERS, TIER_KEY, isStage } from "../labels";
import { useErrorHandler } from "../session";
import { useCardDrag } from "../useCardDrag";
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
  const [back, setBack] = useState<{ card: BoardCard; to: number } | null>(null);
  const [unit] = useAmountUnit("board");

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

  const moveBack = async (card: BoardCard, to: number) => {
    setBusy(true);
    setMessage(null);
    try {
      await api.journeyMoveBack(card.client_id, to, null);
      setBack(null);
      setMessage(t("board.movedBackCard", { name: card.name, stage: to }));
      await load();
    } catch (e) {
      setBack(null);
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (clientId: number, from: number, to: number) => {
    const card = board?.columns.find((c) => c.stage === from)?.cards.find((x) => x.client_id === clientId);
    if (!card || busy) return;
    if (isAdvanceDrop(from, to)) void advance(card, null);
    else if (to < from) setBack({ card, to });
    else setMessage(t("board.onlyNext"));
  };
  const { drag, columnRef, onPointerDown, swallowClick } = useCardDrag(onDrop);
  const dragged = drag ? board?.columns.flatMap((c) => c.cards).find((c) => c.client_id === drag.clientId) : undefined;
  const columnClass = (stage: number) => {
    if (!drag || drag.overStage !== stage || stage === drag.fromStage) return "board-col";
    return isAdvanceDrop(drag.fromStage, stage) || stage < drag.fromStage ? "board-col drop-ok" : "board-col drop-no";
  };

  return (
    <section className="screen" data-testid="board-screen">
      <div className="screen-head">
        <h1>{t("board.title")}</h1>
        <div className="spacer" />
        <UnitSwitch screen="board" />
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
      {back && (
        <ConfirmDialog
          title={t("board.moveBackTitle")}
          message={t("board.moveBackMessage", { name: back.card.name, stage: back.to })}
          confirmLabel={t("board.moveBackConfirm")}
          busy={busy}
          onConfirm={() => void moveBack(back.card, back.to)}
          onCancel={() => setBack(null)}
        />
      )}
      {board && (
        <div className="board">
          {board.columns.map((col) => (
            <div
              key={col.stage}
              ref={columnRef(col.stage)}
              className={columnClass(col.stage)}
              data-testid="board-column"
              data-stage={col.stage}
            >
              <div className="board-col-head">
                <span className="board-col-name" title={isStage(col.stage) ? `${col.stage} ${t(STAGE_KEY[col.stage])}` : undefined}>
                  {col.stage} {isStage(col.stage) ? t(STAGE_SHORT_KEY[col.stage]) : ""}
                </span>
                <span className="muted small" data-testid="column-total">
                  {t("board.total", { n: col.total })}
                </span>
              </div>
              {col.amounts.length > 0 && (
                <div className="board-col-amounts" title={t("board.amountsHint")}>
                  {col.amounts.map((a) => (
                    <span key={a.currency} data-testid="column-amount" data-currency={a.currency} data-value={a.amount}>
                      {amountWithUnit(t, a.amount, unit, a.currency)}
                    </span>
                  ))}
                </div>
              )}
              <div className="board-cards">
                {col.cards.length === 0 && <p className="muted small">{t("board.empty")}</p>}
                {col.cards.map((card) => (
                  <article
                    key={card.client_id}
                    className={drag?.clientId === card.client_id ? "board-card lifted" : "board-card"}
                    data-testid="board-card"
                    data-client-id={card.client_id}
                    data-stage={col.stage}
                    data-product={card.product ?? ""}
                    onPointerDown={(e) => onPointerDown(card.client_id, col.stage, e)}
                  >
                    <button
                      type="button"
                      className="link-button name"
                      data-testid="board-open"
                      title={card.name}
                      onClick={() => {
                        if (!swallowClick()) onOpen(card.client_id);
                      }}
                    >
                      {card.name}
                    </button>
                    <CardMeta card={card} />
                    {col.stage < 5 && (
                      <div className="board-card-actions">
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          data-testid="board-advance"
                          disabled={busy}
                          onClick={() => {
                            if (!swallowClick()) void advance(card, null);
                          }}
                        >
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
      {drag && dragged && (
        // The card under the pointer while dragging; fixed, so no column's scroll box clips it.
        <div className="board-card drag-ghost" style={{ left: drag.x - drag.grabX, top: drag.y - drag.grabY, width: drag.width }} aria-hidden="true">
          <span className="name">{dragged.name}</span>
          <CardMeta card={dragged} />
        </div>
      )}
    </section>
  );
}

function CardMeta({ card }: { card: BoardCard }) {
  const { t } = useTranslation();
  const [unit] = useAmountUnit("board");
  return (
    <div className="board-card-meta">
      <TierBadge tier={card.tier} />
      <span className="num" data-testid="card-amount" data-value={card.amount ?? ""} data-currency={card.currency ?? ""}>
        {card.amount ? amountWithUnit(t, card.amount, unit, card.currency) : t("board.noAmount")}
      </span>
      <span>{t("board.days", { n: card.days_in_stage })}</span>
      {card.open_required > 0 && <span className="tag tag-warn">{t("board.openItems", { n: card.open_required })}</span>}
    </div>
  );
}
