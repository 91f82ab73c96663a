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
const shot = (name) => s.screenshot(join(shots, name));
const csv = join(mkdtempSync(join(tmpdir(), "loandesk-e2e-calendar-")), "calendar.csv");

before(async () => {
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4444), { LOANDESK_CSV_FILE: csv });
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

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
  await s.waitText("calendar-built-in", "2020–2026");
  assert.equal((await s.findAll('[data-testid="calendar-imported"]')).length, 0);

  // Line 3 has no such day: refused, naming the line, nothing stored.
  writeFileSync(csv, "date,kind,name,source\n2030-02-04,holiday,E2E 测试假日,测试数据\n2030-02-31,holiday,E2E 测试假日,测试数据\n");
  await (await s.testid("calendar-import")).click();
  await s.waitText("calendar-error", "第 3 行");
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
  await s.waitText("calendar-preview", "新增 4 天");
  assert.equal((await s.findAll('[data-testid="calendar-added"]')).length, 4);
  assert.equal((await s.findAll('[data-testid="calendar-error"]')).length, 0);
  await s.scrollTo(card);
  await shot("calendar-preview-zh.png");

  await (await s.testid("calendar-apply")).click();
  await s.waitText("calendar-applied", "已保存 4 天");
  await s.waitText("calendar-imported", "2026, 2030");

  // Kept in the vault: leaving Settings and coming back still shows it; then in English.
  await (await s.testid("nav-today")).click();
  await (await s.testid("nav-settings")).click();
  await s.waitText("calendar-imported", "2026, 2030", 15000);
  await (await s.testid("lang-toggle")).click();
  await s.waitText("calendar-built-in", "Built in: 2020–2026.");
  writeFileSync(csv, "2030-02-04,workday,E2E test worked day,test data\n");
  await (await s.testid("calendar-import")).click();
  await s.waitText("calendar-preview", "1 changed");
  await s.scrollTo(await s.testid("holiday-calendar-card"));
  await shot("calendar-preview-en.png");
}
