// Dragging a board card to another column with pointer events, not HTML5 drag-and-drop: one path
// for mouse, touchpad, pen and touch, a card that follows the pointer, and events that WebDriver's
// pointer actions really produce (WebKitWebDriver does not fire HTML5 drag events), so the e2e
// test drags like an officer does. The card's buttons stay the keyboard path.
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";

/** Pixels the pointer must travel before a press becomes a drag (a click stays a click). */
const THRESHOLD = 6;

export interface CardDrag {
  clientId: number;
  fromStage: number;
  /** The pointer, and where on the card it grabbed (so the card does not jump). */
  x: number;
  y: number;
  grabX: number;
  grabY: number;
  width: number;
  /** The column under the pointer, if any. */
  overStage: number | null;
}

/** Which column (by stage) contains the point; columns are side by side, so x decides. */
export function stageAt(columns: ReadonlyMap<number, { left: number; right: number }>, x: number): number | null {
  for (const [stage, r] of columns) if (x >= r.left && x <= r.right) return stage;
  return null;
}

export function useCardDrag(onDrop: (clientId: number, fromStage: number, toStage: number) => void) {
  const [drag, setDrag] = useState<CardDrag | null>(null);
  const columns = useRef(new Map<number, HTMLElement>());
  const dragged = useRef(false);
  const stop = useRef<(() => void) | null>(null);
  const dropRef = useRef(onDrop);

  useEffect(() => {
    dropRef.current = onDrop;
  }, [onDrop]);

  // A drag in progress when the board goes away must not leave listeners behind.
  useEffect(() => () => stop.current?.(), []);

  /** Ref callback for a column element. */
  const columnRef = useCallback(
    (stage: number) => (el: HTMLElement | null) => {
      if (el) columns.current.set(stage, el);
      else columns.current.delete(stage);
    },
    [],
  );

  const onPointerDown = useCallback((clientId: number, fromStage: number, e: ReactPointerEvent<HTMLElement>) => {
    if (e.button !== 0 || stop.current) return;
    dragged.current = false;
    const pointerId = e.pointerId;
    const rect = e.currentTarget.getBoundingClientRect();
    const start = { x: e.clientX, y: e.clientY };
    let active = false;
    const rects = () => new Map([...columns.current].map(([stage, el]) => [stage, el.getBoundingClientRect()]));
    const far = (ev: PointerEvent) => Math.hypot(ev.clientX - start.x, ev.clientY - start.y) >= THRESHOLD;

    const move = (ev: PointerEvent) => {
      if (ev.pointerId !== pointerId || (!active && !far(ev))) return;
      if (!active) document.body.classList.add("card-dragging");
      active = true;
      setDrag({
        clientId,
        fromStage,
        x: ev.clientX,
        y: ev.clientY,
        grabX: start.x - rect.left,
        grabY: start.y - rect.top,
        width: rect.width,
        overStage: stageAt(rects(), ev.clientX),
      });
    };
    const end = (ev: PointerEvent) => {
      if (ev.pointerId !== pointerId) return;
      // A pointer that jumped straight to the drop point (one move event) is a drag too.
      const wasDrag = active || far(ev);
      cleanup();
      if (!wasDrag || ev.type === "pointercancel") return;
      // The click a browser may send right after this pointerup must not open or advance the
      // card; it comes before any timer, so the flag is gone again for the next real click.
      dragged.current = true;
      window.setTimeout(() => (dragged.current = false), 0);
      const to = stageAt(rects(), ev.clientX);
      if (to !== null && to !== fromStage) dropRef.current(clientId, fromStage, to);
    };
    const key = (ev: KeyboardEvent) => {
      if (ev.key !== "Escape") return;
      cleanup();
    };
    const cleanup = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", end);
      window.removeEventListener("pointercancel", end);
      window.removeEventListener("keydown", key);
      document.body.classList.remove("card-dragging");
      stop.current = null;
      setDrag(null);
    };
    stop.current = cleanup;
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", end);
    window.addEventListener("pointercancel", end);
    window.addEventListener("keydown", key);
  }, []);

  /** True for the click that ends a drag: it must not open or advance the card. */
  const swallowClick = useCallback(() => {
    const was = dragged.current;
    dragged.current = false;
    return was;
  }, []);

  return { drag, columnRef, onPointerDown, swallowClick };
}
