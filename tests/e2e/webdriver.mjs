// A small W3C WebDriver client over fetch (Node 20): enough to drive the real LoanDesk app through
// tauri-driver + WebKitWebDriver without pulling a test framework's dependency tree.
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function appBinary() {
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, ".cache/loandesk-target");
  return process.env.APP_BIN ?? join(target, "debug/loandesk-app");
}

/**
 * Starts tauri-driver with a fresh data dir for the app (plus `env`); returns {url, dataDir, stop}.
 * The driver gets its own process group and a log file instead of our stdout: WebKitWebDriver and
 * the app it launches must not outlive the test holding CI's output pipe open (a CI run once hung
 * that way until its time limit), so `stop` kills the whole group and waits for the driver.
 */
export async function startDriver(port = 4444, env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "loandesk-e2e-"));
  const log = openSync(join(dataDir, "tauri-driver.log"), "a");
  // The native WebKitWebDriver port next to ours, so two drivers on different ports can coexist.
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1)], {
    env: { ...process.env, LOANDESK_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const exited = new Promise((resolve) => driver.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  const killGroup = (signal) => {
    try {
      process.kill(-driver.pid, signal);
    } catch {
      /* the group is gone already */
    }
  };
  const stop = async () => {
    killGroup("SIGTERM");
    await Promise.race([exited, sleep(3000)]);
    killGroup("SIGKILL"); // whatever WebKitWebDriver or the app left behind
  };
  return { url, dataDir, stop };
}

export class Session {
  static async create(url, application) {
    const res = await rawCall(url, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application } } },
    });
    return new Session(url, res.sessionId);
  }

  constructor(url, id) {
    this.url = url;
    this.id = id;
  }

  cmd(method, path, body) {
    return rawCall(this.url, method, `/session/${this.id}${path}`, body).then((r) => r.value);
  }

  async findAll(css) {
    const found = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return found.map((e) => new Element(this, e[ELEMENT]));
  }

  /** Waits until `css` matches a displayed element (default 10 s). */
  async find(css, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A match replaced by a re-render while being returned is "stale": look again.
      const all = await this.findAll(css).catch((e) => {
        if (/stale element/.test(String(e))) return [];
        throw e;
      });
      for (const el of all) if (await el.displayed()) return el;
      if (Date.now() > deadline) throw new Error(`no visible element matches ${css}`);
      await sleep(100);
    }
  }

  /**
   * Waits until `predicate` returns something truthy (and returns it). An element replaced by a
   * re-render while the predicate reads it ("stale element") counts as "not yet".
   */
  async waitFor(predicate, what, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let v;
      try {
        v = await predicate();
      } catch (e) {
        if (!/stale element/.test(String(e?.message ?? e))) throw e;
      }
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  async testid(id, timeoutMs) {
    return this.find(`[data-testid="${id}"]`, timeoutMs);
  }

  /** The element with this test id once it is enabled (a field waiting for its value is not). */
  async enabled(id, timeoutMs = 10000) {
    return this.waitFor(
      async () => {
        const el = await this.testid(id, timeoutMs);
        return (await el.cmd("GET", "/enabled")) ? el : null;
      },
      `${id} to be enabled`,
      timeoutMs,
    );
  }

  /** The text of the element with this test id (waits for it to be displayed). */
  async text(id, timeoutMs) {
    return (await this.testid(id, timeoutMs)).text();
  }

  /**
   * Waits until the first element with this test id shows `expected` (a substring or a RegExp);
   * returns its text. On a timeout the error says what it showed instead.
   */
  async waitText(id, expected, timeoutMs = 10000) {
    let last = "";
    const ok = (t) => (expected instanceof RegExp ? expected.test(t) : t.includes(expected));
    try {
      return await this.waitFor(
        async () => {
          const els = await this.findAll(`[data-testid="${id}"]`);
          last = els.length > 0 ? await els[0].text() : "(missing)";
          return ok(last) ? last : null;
        },
        `${id} to show ${expected}`,
        timeoutMs,
      );
    } catch (e) {
      throw new Error(`${e.message}; it shows "${last}"`);
    }
  }

  /** Runs `script` in the page with `args` (elements pass as themselves). */
  run(script, ...args) {
    const wire = args.map((a) => (a instanceof Element ? { [ELEMENT]: a.id } : a));
    return this.cmd("POST", "/execute/sync", { script, args: wire });
  }

  /**
   * Sets an input's value as React sees typing (its value setter, then an input event): for
   * date inputs, whose typed format depends on the locale, and for replacing a whole field.
   */
  setValue(el, value) {
    return this.run(
      "const [el, v] = arguments;" +
        "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, v);" +
        "el.dispatchEvent(new Event('input', { bubbles: true }));",
      el,
      value,
    );
  }

  /** Scrolls the app's content pane so `el` is at its top (8 px below it). */
  scrollTo(el) {
    return this.run(
      "const el = arguments[0], pane = el.closest('.content');" +
        "pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;",
      el,
    );
  }

  async pageText() {
    return (await this.find("body")).text();
  }

  /** Ctrl+<key> through the W3C actions API. */
  async ctrl(key) {
    const CTRL = "\uE009";
    await this.cmd("POST", "/actions", {
      actions: [
        {
          type: "key",
          id: "keyboard",
          actions: [
            { type: "keyDown", value: CTRL },
            { type: "keyDown", value: key },
            { type: "keyUp", value: key },
            { type: "keyUp", value: CTRL },
          ],
        },
      ],
    });
    await this.cmd("DELETE", "/actions");
  }

  /** A PNG of the window once the last change is painted (two frames and a little more). */
  async screenshot(path) {
    // Bounded, so a failure's screenshot is still taken from a page that no longer paints.
    const painted = this.cmd("POST", "/execute/async", {
      script: "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
      args: [],
    });
    await Promise.race([painted.catch(() => {}), sleep(2000)]);
    // WebKitGTK without accelerated compositing (the app's Linux setting) answers a screenshot
    // after its next paint, and a page at rest does not paint again: the request would wait
    // until something moved (a bulk-import run once waited 10 minutes). A 1-pixel mark, almost
    // transparent, changes every frame until the picture is back.
    await this.cmd("POST", "/execute/sync", { script: TICK_START, args: [] }).catch(() => {});
    try {
      writeFileSync(path, Buffer.from(await this.cmd("GET", "/screenshot"), "base64"));
    } finally {
      await this.cmd("POST", "/execute/sync", { script: TICK_STOP, args: [] }).catch(() => {});
    }
  }

  close() {
    return this.cmd("DELETE", "");
  }
}

const TICK_START = `
  const mark = document.createElement("div");
  mark.id = "e2e-paint-tick";
  mark.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;z-index:2147483647";
  document.body.appendChild(mark);
  let n = 0;
  const tick = () => {
    if (!mark.isConnected) return;
    mark.style.backgroundColor = n++ % 2 ? "rgba(128,128,128,0.02)" : "rgba(128,128,128,0.03)";
    requestAnimationFrame(tick);
  };
  tick();`;
const TICK_STOP = `document.getElementById("e2e-paint-tick")?.remove();`;

class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  cmd(method, path, body) {
    return this.s.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd("POST", "/click", {});
  }
  async type(text) {
    await this.cmd("POST", "/value", { text });
  }
  async clearAndType(text) {
    // WebDriver's clear empties the field without an input event React notices: React's state
    // keeps the old value and puts it back on its next render, under the keys typed after (the
    // calculator once read "12360", and "3.454.9" for a rate). Emptying it through the native
    // setter and an input event, as typing does, empties the state too. Not after WebDriver's
    // clear: that one goes through React's value tracker, which then already holds "", so the
    // input event changes nothing and the old value comes back on the next render.
    await this.s.run(
      "const el = arguments[0];" +
        "Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, '');" +
        "el.dispatchEvent(new Event('input', { bubbles: true }));",
      this,
    );
    await this.type(text);
  }
  text() {
    return this.cmd("GET", "/text");
  }
  value() {
    return this.cmd("GET", "/property/value");
  }
  attribute(name) {
    return this.cmd("GET", `/attribute/${name}`);
  }
  displayed() {
    return this.cmd("GET", "/displayed").catch(() => false);
  }
  /** Picks an <option> of a <select> by its value. */
  async select(value) {
    const options = await this.s.cmd("POST", `/element/${this.id}/elements`, {
      using: "css selector",
      value: `option[value="${value}"]`,
    });
    if (options.length === 0) throw new Error(`no option ${value}`);
    await new Element(this.s, options[0][ELEMENT]).click();
  }
}

async function rawCall(url, method, path, body) {
  const res = await fetch(url + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json)}`);
  }
  return json.value !== undefined && path === "/session" ? json.value : json;
}

export const screenshotsDir = () => {
  const dir = process.env.E2E_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), "loandesk-shots-"));
  return dir;
};
