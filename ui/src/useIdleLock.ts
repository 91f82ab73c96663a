// Auto-lock after N idle minutes. Activity only stamps a time (cheap on every mousemove); a
// slow interval compares wall-clock time, so a laptop that slept past the limit locks the
// moment it wakes, where a long setTimeout would have been paused with the machine.
import { useEffect, useRef } from "react";

const ACTIVITY_EVENTS = ["mousemove", "mousedown", "keydown", "wheel", "scroll", "touchstart"] as const;
const CHECK_EVERY_MS = 5_000;

export function isIdle(lastActivity: number, now: number, minutes: number): boolean {
  return minutes > 0 && now - lastActivity >= minutes * 60_000;
}

export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    let last = Date.now();
    const stamp = () => {
      last = Date.now();
    };
    // Capture phase: scrolls inside panes do not bubble to window.
    const opts = { capture: true, passive: true } as const;
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, stamp, opts);
    const timer = window.setInterval(() => {
      if (isIdle(last, Date.now(), minutes)) onIdleRef.current();
    }, CHECK_EVERY_MS);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, stamp, opts);
      window.clearInterval(timer);
    };
  }, [minutes]);
}
