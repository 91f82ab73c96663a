// ECharts and zrender build each class with tslib's `__extends`, which gives every prototype an
// own *enumerable* `constructor` (`this.constructor = d`). ECharts' scheduler then copies every
// enumerable prototype name onto a plain object (`mockMethods`), and with Tauri's
// `freezePrototype` that assignment of `constructor` hits the frozen, read-only
// `Object.prototype.constructor` and throws at load ("Attempted to assign to readonly
// property"). The web view keeps its frozen prototype: vite.config.ts hands ECharts and zrender
// this `__extends` instead, which links the classes the way `class … extends` does, with a
// non-enumerable `constructor`. It is the only tslib helper they import.
type Ctor = abstract new (...args: never[]) => unknown;

export function __extends(d: Ctor, b: Ctor | null): void {
  if (typeof b !== "function" && b !== null) throw new TypeError(`Class extends value ${String(b)} is not a constructor or null`);
  Object.setPrototypeOf(d, b);
  d.prototype = Object.create(b === null ? null : (b.prototype as object | null), {
    constructor: { value: d, writable: true, configurable: true },
  });
}
