// End to end on the real app binary: the official holiday calendar in Settings (issue 19,
// item 9). The built-in years are shown; a CSV for a later year is chosen (the dialog is
// answered by LOANDESK_CSV_FILE, read by Rust at the click): a bad row is refused with its
// line number and nothing stored, a good file is previewed (what it adds and changes), then
// applied and shown as imported, in Chinese and English. The rows are test data, not a notice.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

let driver;
let s;
const shots = screenshotsDir();
const csv = join(mkdtempSync(join(tmpdir(), "loandesk-e2e-calendar-")), "calendar.csv");
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

before(async () => {
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4444), { LOANDESK_CSV_FILE: csv });
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

async function scrollTo(el) {
  await s.cmd("POST", "/execute/sync", {
    script:
      "const el = arguments[0], pane = el.closest('.content');" +
      "pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;",
    args: [{ [ELEMENT]: el.id }],
  });
}

async function shot(name) {
  await s.cmd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
    args: [],
  });
  await s.screenshot(join(shots, name));
}

async function waitText(testid, pattern, timeoutMs = 10000) {
  let last = "";
  try {
    return await s.waitFor(
      async () => {
        try {
          const els = await s.findAll(`[data-testid="${testid}"]`);
          last = els.length > 0 ? await els[0].text() : "(missing)";
        } catch (e) {
          if (/stale element/.test(String(e?.message))) return null;
          throw e;
        }
        return (typeof pattern === "string" ? last.includes(pattern) : pattern.test(last)) ? last : null;
      },
      `${testid} to show ${pattern}`,
      timeoutMs,
    );
  } catch (e) {
    throw new Error(`${e.message}; it shows "${last}"`);
  }
}

test("holiday calendar: built-in years, a refused row, a previewed and applied import", async () => {
  try {
    await journey();
  } catch (e) {
    await s.screenshot(join(shots, "calendar-failure.png")).catch(() => {});
    throw e;
  }
});

async function journey() {
  // The screenshots are of a 1366×768 screen, the usual bank laptop.
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });
  await (await s.testid("open-demo", 30000)).click();
  await s.testid("reminders", 30000);
  await (await s.testid("nav-settings", 20000)).click();
  const card = await s.testid("holiday-calendar-card", 15000);
  await waitText("calendar-built-in", "2020–2026");
  assert.equal((await s.findAll('[data-testid="calendar-imported"]')).length, 0);

  // Line 3 has no such day: refused, naming the line, nothing stored.
  writeFileSync(csv, "date,kind,name,source\n2030-02-04,holiday,E2E 测试假日,测试数据\n2030-02-31,holiday,E2E 测试假日,测试数据\n");
  await (await s.testid("calendar-import")).click();
  await waitText("calendar-error", "第 3 行");
  assert.equal((await s.findAll('[data-testid="calendar-preview"]')).length, 0);

  writeFileSync(
    csv,
    "\uFEFFdate,kind,name,source\n" +
      "2030-02-04,holiday,E2E 测试假日,测试数据\n" +
      "2030-02-05,holiday,E2E 测试假日,测试数据\n" +
      "2030-02-09,workday,E2E 测试调休,测试数据\n" +
      "2026-02-24,holiday,E2E 测试延长,测试数据\n",
  );
  await (await s.testid("calendar-import")).click();
  await waitText("calendar-preview", "新增 4 天");
  assert.equal((await s.findAll('[data-testid="calendar-added"]')).length, 4);
  assert.equal((await s.findAll('[data-testid="calendar-error"]')).length, 0);
  await scrollTo(card);
  await shot("calendar-preview-zh.png");

  await (await s.testid("calendar-apply")).click();
  await waitText("calendar-applied", "已保存 4 天");
  await waitText("calendar-imported", "2026, 2030");

  // Kept in the vault: leaving Settings and coming back still shows it; then in English.
  await (await s.testid("nav-today")).click();
  await (await s.testid("nav-settings")).click();
  await waitText("calendar-imported", "2026, 2030", 15000);
  await (await s.testid("lang-toggle")).click();
  await waitText("calendar-built-in", "Built in: 2020–2026.");
  writeFileSync(csv, "2030-02-04,workday,E2E test worked day,test data\n");
  await (await s.testid("calendar-import")).click();
  await waitText("calendar-preview", "1 changed");
  await scrollTo(await s.testid("holiday-calendar-card"));
  await shot("calendar-preview-en.png");
}
