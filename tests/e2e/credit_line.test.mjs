// End to end on the real app binary: credit lines (issue 14). A demo stage-5 client's loan is
// drawn under a revolving line: the panel shows what is used (the loan's outstanding principal
// plus the other uses' exposure) and what is available, to the fen. A bank acceptance at 40 %
// cash margin uses exactly 60 % of its amount; one above what is available is refused under
// the amount and nothing is stored. A stage-4 client gets a new line. Settings keep a changed
// collateral cap and refuse one above 100 % under its row; the portfolio charts the book by
// collateral and by coverage. Screenshots in both languages.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

let driver;
let s;
const shots = screenshotsDir();
const shot = (name) => s.screenshot(join(shots, name));

before(async () => {
  // E2E_PORT lets two e2e runs share a machine (the default is the suite's 4444).
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4444));
  s = await Session.create(driver.url, appBinary());
  // The screenshots are of a 1366×768 screen, the usual bank laptop.
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

/** The local calendar date as the app's backend sees it. */
function iso(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const TODAY = iso(new Date());

/** "CNY 12,345,678.90" → 1234567890n (cents), exactly. */
function cents(shown) {
  const m = /(-?[\d,]+)\.(\d\d)/.exec(shown);
  assert.ok(m, `an amount in "${shown}"`);
  return BigInt(m[1].replace(/,/g, "")) * 100n + BigInt(m[2]) * (m[1].startsWith("-") ? -1n : 1n);
}

/** A plain decimal ("600000.00") → cents. */
function centsPlain(v) {
  const negative = v.startsWith("-");
  const [whole, frac = ""] = (negative ? v.slice(1) : v).split(".");
  const c = BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0").slice(0, 2));
  return negative ? -c : c;
}

/** Cents → "1234567.89" as an officer could type it. */
const plain = (c) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`;


const gone = (css, what) => s.waitFor(async () => (await s.findAll(css)).length === 0, what);

async function toggleLanguage(probeTestid, pattern) {
  await (await s.testid("lang-toggle")).click();
  await s.waitText(probeTestid, pattern);
}

/** Opens the first client at `stage` on its loans tab; returns its id. */
async function openClientAt(stage) {
  await (await s.testid("nav-clients")).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("filter-stage")).select(String(stage));
  await s.waitFor(
    async () => {
      const nums = await s.findAll('[data-testid="client-row"] .stage-num');
      if (nums.length === 0) return false;
      return (await Promise.all(nums.map((n) => n.text()))).every((t) => t === String(stage));
    },
    `the list filtered to stage ${stage}`,
    15000,
  );
  const row = await s.testid("client-row");
  const clientId = await row.attribute("data-client-id");
  await row.click();
  await s.waitFor(async () => (await (await s.testid("client-detail", 20000)).attribute("data-client-id")) === clientId, "the client page");
  await (await s.testid("tab-loans")).click();
  await s.testid("credit-line-panel", 15000);
  return clientId;
}

/** The figures of the first line on the page, in cents, and its open uses. */
async function readLine() {
  const card = await s.find('[data-testid="facility-card"]', 15000);
  const id = await card.attribute("data-facility-id");
  const within = (tid) => s.find(`[data-testid="facility-card"][data-facility-id="${id}"] [data-testid="${tid}"]`);
  const amount = cents(await (await within("facility-amount-shown")).text());
  const used = cents(await (await within("facility-used")).text());
  const available = cents(await (await within("facility-available")).text());
  const loans = cents(await (await within("facility-loans-used")).text());
  const exposure = cents(await (await within("facility-exposure")).text());
  const uses = await s.findAll(`[data-testid="facility-card"][data-facility-id="${id}"] [data-testid="use-row"]`);
  const openExposure = [];
  for (const u of uses) if ((await u.attribute("data-closed")) === "") openExposure.push(centsPlain(await u.attribute("data-exposure")));
  return { id, amount, used, available, loans, exposure, uses: uses.length, openExposure: openExposure.reduce((a, b) => a + b, 0n) };
}

test("credit lines: used and available to the fen, uses with cash margin, refusals, Settings and portfolio", async () => {
  try {
    await journey();
  } catch (e) {
    await s.screenshot(join(shots, "credit-line-failure.png")).catch(() => {});
    throw e;
  }
});

async function journey() {
  await (await s.testid("open-demo", 30000)).click();
  await s.testid("reminders", 30000);

  // A stage-5 client: its demo loan is drawn under a revolving line half as large again.
  await openClientAt(5);
  const loanRows = await s.findAll('[data-testid="loan-row"]');
  assert.equal(loanRows.length, 1, "the demo books one loan per stage-5 client");
  // Shown in the officer's unit; the exact amount is its data-value.
  const loanOutstanding = centsPlain(await (await s.testid("loan-outstanding")).attribute("data-value"));
  await s.waitFor(async () => (await s.findAll('[data-testid="facility-loan-row"]')).length === 1, "the loan under the line");
  const before = await readLine();
  assert.match(await s.text("facility-kind"), /可循环/);
  assert.equal(before.loans, loanOutstanding, "a revolving line counts the loan's outstanding principal");
  assert.equal(before.exposure, before.openExposure, "and the open uses' exposure");
  assert.equal(before.used, loanOutstanding + before.openExposure);
  assert.equal(before.available, before.amount - before.used, "available = amount − used, to the fen");
  assert.ok(before.available > 60000000n, `room for the acceptance: ${before.available}`);
  const panel = await s.testid("credit-line-panel");
  await s.scrollTo(panel);
  await shot("credit-line-panel-zh.png");

  // A bank acceptance of 1,000,000 at 40 % cash margin counts 600,000.00 against the line.
  await (await s.testid("use-add")).click();
  await s.testid("use-dialog");
  await (await s.testid("use-kind")).select("acceptance");
  await (await s.testid("use-amount")).type("1,000,000");
  await (await s.testid("use-margin")).type("40");
  await s.waitText("use-exposure", "CNY 600,000.00");
  assert.equal(await (await s.testid("use-date")).value(), TODAY);
  await shot("credit-line-use-dialog-zh.png");
  await (await s.testid("use-save")).click();
  await gone('[data-testid="use-dialog"]', "the use dialog closed");
  await s.waitFor(async () => (await readLine()).uses === before.uses + 1, "the new use listed");
  const withAcceptance = await readLine();
  assert.equal(withAcceptance.used - before.used, 60000000n, "used grew by exactly 600,000.00");
  assert.equal(withAcceptance.available, before.available - 60000000n);
  assert.equal(withAcceptance.available, withAcceptance.amount - withAcceptance.used);
  const newRow = (await s.findAll('[data-testid="use-row"]')).at(-1);
  assert.match(await newRow.text(), new RegExp(`银行承兑汇票[\\s\\S]*1,000,000\\.00[\\s\\S]*40%[\\s\\S]*600,000\\.00[\\s\\S]*${TODAY}`));

  // An acceptance a fen above what is available (no margin): refused under the amount.
  const refused = async (pattern, name) => {
    await (await s.testid("use-amount")).clearAndType(plain(withAcceptance.available + 1n));
    await (await s.testid("use-margin")).clearAndType("0");
    await (await s.testid("use-save")).click();
    await s.waitText("field-error-use_amount", pattern);
    assert.equal(cents(await s.text("field-error-use_amount")), withAcceptance.available, "the error names what is available");
    await shot(name);
    await (await s.testid("use-cancel")).click();
    await gone('[data-testid="use-dialog"]', "the use dialog closed");
    const now = await readLine();
    assert.equal(now.uses, withAcceptance.uses, "nothing added");
    assert.equal(now.used, withAcceptance.used);
  };
  await (await s.testid("use-add")).click();
  await s.testid("use-dialog");
  await refused(/超过授信可用额度（可用 [\d,]+\.\d\d）/, "credit-line-use-refused-zh.png");

  // The same in English (the language is switched with no dialog open, as an officer would).
  await s.scrollTo(panel);
  await toggleLanguage("credit-line-panel", "Credit line");
  await shot("credit-line-panel-en.png");
  await (await s.testid("use-add")).click();
  await s.waitText("use-dialog", "New use of the line");
  await (await s.testid("use-amount")).type("1,000,000");
  await (await s.testid("use-margin")).type("40");
  await s.waitText("use-exposure", "Counts against the line: CNY 600,000.00");
  await shot("credit-line-use-dialog-en.png");
  await refused(/Above what is available on the credit line \([\d,]+\.\d\d\)/, "credit-line-use-refused-en.png");
  await toggleLanguage("credit-line-panel", "授信");

  // Closing the acceptance (paid at maturity) frees its room on the revolving line.
  const lastClose = (await s.findAll('[data-testid="use-row"] [data-testid="use-close"]')).at(-1);
  await lastClose.click();
  await s.testid("close-use-dialog");
  await (await s.testid("use-close-confirm")).click();
  await gone('[data-testid="close-use-dialog"]', "the close dialog closed");
  await s.waitFor(async () => (await readLine()).used === before.used, "the acceptance's room freed");
  assert.equal((await readLine()).available, before.available);

  // A stage-4 client has no loan and no line: a new one, refused first for its dates.
  await openClientAt(4);
  await s.testid("facility-none");
  await s.scrollTo(await s.testid("credit-line-panel"));
  await (await s.testid("facility-add")).click();
  await s.testid("facility-dialog");
  await (await s.testid("facility-amount")).type("5,000,000");
  const yearAgo = new Date();
  yearAgo.setFullYear(yearAgo.getFullYear() - 1);
  await s.setValue(await s.testid("facility-to"), iso(yearAgo));
  await (await s.testid("facility-save")).click();
  await s.waitText("field-error-facility_to", "不能早于");
  await shot("credit-line-facility-dialog-zh.png");
  const inTwoYears = new Date();
  inTwoYears.setFullYear(inTwoYears.getFullYear() + 2);
  await s.setValue(await s.testid("facility-to"), iso(inTwoYears));
  await (await s.testid("facility-save")).click();
  await gone('[data-testid="facility-dialog"]', "the facility dialog closed");
  const fresh = await readLine();
  assert.equal(fresh.amount, 500000000n);
  assert.equal(fresh.used, 0n);
  assert.equal(fresh.available, 500000000n);
  assert.match(await s.text("facility-dates"), new RegExp(`${TODAY} 至 ${iso(inTwoYears)}`));
  await s.testid("facility-no-loans");
  await s.scrollTo(await s.testid("credit-line-panel"));
  await shot("credit-line-new-facility-zh.png");

  await securitySettings();
  await portfolio();
}

async function securitySettings() {
  await (await s.testid("nav-settings")).click();
  await s.testid("security-settings", 15000);
  await s.waitFor(async () => (await (await s.testid("security-cap-property")).value()) === "70", "the default property cap");
  await (await s.testid("security-cap-property")).clearAndType("65");
  await (await s.testid("security-settings-save")).click();
  await s.testid("security-settings-saved", 10000);
  await (await s.testid("nav-today")).click();
  await s.testid("reminders", 15000);
  await (await s.testid("nav-settings")).click();
  await s.testid("security-settings", 15000);
  await s.waitFor(async () => (await (await s.testid("security-cap-property")).value()) === "65", "the cap kept after reopening Settings");

  // 101 %: the core's refusal, under the property row's cap.
  await (await s.testid("security-cap-property")).clearAndType("101");
  await (await s.testid("security-settings-save")).click();
  await s.waitText("field-error-cap_percent-property", "应在 0 至 100 之间");
  assert.equal((await s.findAll('[data-testid="security-settings-saved"]')).length, 0);
  await s.scrollTo(await s.testid("security-settings"));
  await shot("credit-line-settings-zh.png");
  await toggleLanguage("security-settings", "Collateral and credit lines");
  await (await s.testid("security-settings-save")).click();
  await s.waitText("field-error-cap_percent-property", "Must be between 0 and 100");
  await s.scrollTo(await s.testid("security-settings"));
  await shot("credit-line-settings-en.png");
  await toggleLanguage("security-settings", "押品与授信");
  // Nothing stored by the refusal: reopened, the cap is still 65.
  await (await s.testid("nav-today")).click();
  await (await s.testid("nav-settings")).click();
  await s.testid("security-settings", 15000);
  await s.waitFor(async () => (await (await s.testid("security-cap-property")).value()) === "65", "the refused cap not stored");
}

async function portfolio() {
  await (await s.testid("nav-portfolio")).click();
  await s.testid("portfolio-screen", 15000);
  for (const dim of ["by_collateral", "by_coverage"]) {
    await s.find(`[data-testid="chart-${dim}"] [data-testid="bar"]`, 15000);
    assert.ok((await s.findAll(`[data-testid="chart-${dim}"] [data-testid="bar"]`)).length > 0, dim);
  }
  // The demo mortgages odd loans on property and pledges equipment on the second.
  assert.match(await s.text("portfolio-by_collateral"), /房产/);
  assert.match(await s.text("portfolio-by_coverage"), /足额覆盖/);
  await s.scrollTo(await s.testid("portfolio-by_collateral"));
  await shot("credit-line-portfolio-zh.png");
  await toggleLanguage("portfolio-by_collateral", "By collateral");
  await s.waitText("portfolio-by_coverage", "Fully covered");
  await shot("credit-line-portfolio-en.png");
  await toggleLanguage("portfolio-by_collateral", "按押品种类");
}
