// End to end on the real app binary: the portfolio drilled down (issue 19, item 6). On the demo
// vault the overdue and 不良 (次级+可疑+损失) figures add up exactly the loans the list marks
// overdue and non-performing, with their shares of the book to the hundredth of a percent; a bar
// opens exactly the loans behind it (their count and their outstanding, to the fen) and closes
// again; the list sorts and filters; a row opens the loan's page; the CSV export carries the
// loan list. Screenshots at 1366×768 and 1280×800, in Chinese and English.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

let driver;
let s;
const shots = screenshotsDir();
const shot = (name) => s.screenshot(join(shots, name));
const exportDir = mkdtempSync(join(tmpdir(), "loandesk-drill-export-"));

before(async () => {
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4444), { LOANDESK_EXPORT_DIR: exportDir });
  s = await Session.create(driver.url, appBinary());
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

/** A plain decimal ("600000.00") → cents, exactly. */
function cents(v) {
  const negative = v.startsWith("-");
  const [whole, frac = ""] = (negative ? v.slice(1) : v).split(".");
  const c = BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0").slice(0, 2));
  return negative ? -c : c;
}

/** part / whole in percent, two decimals half-up, as the core rounds it: "24.00". */
function percent(part, whole) {
  const scaled = (part * 100n * 100n * 2n + whole) / (whole * 2n);
  return `${scaled / 100n}.${String(scaled % 100n).padStart(2, "0")}`;
}


/** Every row of the loan list as {id, contract, outstanding (cents), overdue, cls}. */
async function loanRows() {
  return s.cmd("POST", "/execute/sync", {
    script:
      "return [...document.querySelectorAll('[data-testid=\"portfolio-loan\"]')].map((r) => ({" +
      " id: r.dataset.loanId, contract: r.dataset.contract, outstanding: r.dataset.outstanding," +
      " overdue: Number(r.dataset.overdue), cls: r.querySelector('[data-testid=\"portfolio-loan-class\"]').dataset.class }));",
    args: [],
  });
}

const sum = (rows) => rows.reduce((a, r) => a + cents(r.outstanding), 0n);

/** The list shows `count` rows (after a filter or a drill has applied). */
const rowsAre = (count, what) => s.waitFor(async () => (await s.findAll('[data-testid="portfolio-loan"]')).length === count, what);

async function attr(testid, name) {
  return (await s.testid(testid)).attribute(name);
}

test("portfolio drill-down: headline figures, bars that open their loans, the loan list and its export", async () => {
  try {
    await journey();
  } catch (e) {
    await s.screenshot(join(shots, "portfolio-drill-failure.png")).catch(() => {});
    throw e;
  }
});

async function journey() {
  await (await s.testid("open-demo", 30000)).click();
  await s.testid("reminders", 30000);
  await (await s.testid("nav-portfolio")).click();
  await s.testid("portfolio-loan-list", 20000);

  // Every open CNY loan is listed, and they add up to the book.
  // Shown in the officer's unit; the exact amount is its data-value.
  const total = cents(await attr("portfolio-outstanding", "data-value"));
  const all = await loanRows();
  assert.equal(all.length, Number(await s.text("portfolio-loans")), "one row per loan");
  assert.equal(sum(all), total, "the rows add up to the book, to the fen");

  // 逾期: the whole balance of every loan with days overdue; 不良: 次级 + 可疑 + 损失.
  const overdue = all.filter((r) => r.overdue > 0);
  const npl = all.filter((r) => ["substandard", "doubtful", "loss"].includes(r.cls));
  assert.ok(overdue.length > 0, "the demo has late loans");
  assert.equal(await attr("portfolio-overdue", "data-loans"), String(overdue.length));
  assert.equal(cents(await attr("portfolio-overdue", "data-outstanding")), sum(overdue));
  assert.equal(await attr("portfolio-overdue", "data-percent"), percent(sum(overdue), total));
  assert.equal(await attr("portfolio-non_performing", "data-loans"), String(npl.length));
  assert.equal(cents(await attr("portfolio-non_performing", "data-outstanding")), sum(npl));
  assert.equal(await attr("portfolio-non_performing", "data-percent"), percent(sum(npl), total));
  assert.match(await s.text("portfolio-overdue-ratio"), new RegExp(`${percent(sum(overdue), total).replace(".", "\\.")}%`));
  await shot("portfolio-drill-headlines-zh-1366.png");

  // A bar of the industry chart (GB/T 4754 sections) opens exactly the loans behind it.
  const firstBar = await s.find('[data-testid="chart-by_industry"] [data-testid="bar"]');
  const key = await firstBar.attribute("data-key");
  const slice = await s.find(`[data-testid="portfolio-by_industry"] [data-testid="slice-row"][data-key="${key}"]`);
  const sliceLoans = Number(await slice.attribute("data-loans"));
  const sliceOutstanding = cents(await slice.attribute("data-outstanding"));
  await firstBar.click();
  await rowsAre(sliceLoans, `the ${sliceLoans} loans of industry ${key}`);
  assert.equal(sum(await loanRows()), sliceOutstanding, "the bar's loans add up to the bar");
  assert.match(await s.text("drill-chip"), /^按行业：/);
  assert.equal(await firstBar.attribute("aria-pressed"), "true");
  await shot("portfolio-drill-industry-zh-1366.png");
  // The same bar again closes the drill.
  await firstBar.click();
  await rowsAre(all.length, "every loan again");

  // The classification bar of 关注: every row shown is 关注.
  const watch = await s.find('[data-testid="chart-by_classification"] [data-testid="bar"][data-key="special_mention"]');
  await watch.click();
  await s.waitFor(async () => (await s.findAll('[data-testid="drill-chip"]')).length === 1, "the drill chip");
  const watched = await loanRows();
  assert.ok(watched.length > 0 && watched.every((r) => r.cls === "special_mention"), JSON.stringify(watched));
  await (await s.testid("drill-clear")).click();
  await rowsAre(all.length, "cleared");

  // The overdue headline opens the late loans; sorted by days overdue, the latest first.
  await (await s.testid("portfolio-overdue")).click();
  await rowsAre(overdue.length, "the overdue loans");
  await (await s.testid("loans-sort-days_overdue")).click();
  await s.waitFor(async () => {
    const days = (await loanRows()).map((r) => r.overdue);
    return days.every((d, i) => i === 0 || days[i - 1] >= d);
  }, "latest first");
  assert.ok((await loanRows()).every((r) => r.overdue > 0));
  await s.scrollTo(await s.testid("portfolio-loan-list"));
  await shot("portfolio-drill-overdue-zh-1366.png");
  await (await s.testid("drill-clear")).click();
  await rowsAre(all.length, "cleared again");

  // Text filter: one contract.
  const one = all[all.length - 1];
  await (await s.testid("loans-search")).type(one.contract);
  await rowsAre(1, `only ${one.contract}`);
  assert.equal((await loanRows())[0].id, one.id);

  // A row opens the loan's page on its client.
  await (await s.find(`[data-testid="portfolio-loan"][data-loan-id="${one.id}"] td`)).click();
  await s.waitText("loan-contract", one.contract, 15000);
  assert.equal(await attr("loan-panel", "data-loan-id"), one.id);

  // The officer classifies it 次级 there: the portfolio's 不良 figure is that loan, at once.
  await (await s.testid("class-select")).select("substandard");
  await (await s.testid("class-reason")).type("主要客户流失，现金流不足以按期还款");
  await (await s.testid("class-save")).click();
  await s.waitFor(async () => (await attr("loan-class", "data-class")) === "substandard", "the loan classified 次级");
  await (await s.testid("nav-portfolio")).click();
  await s.testid("portfolio-loan-list", 20000);
  const classified = all.filter((r) => r.id === one.id || ["substandard", "doubtful", "loss"].includes(r.cls));
  await s.waitFor(async () => (await attr("portfolio-non_performing", "data-loans")) === String(classified.length), "the 不良 figure");
  assert.equal(cents(await attr("portfolio-non_performing", "data-outstanding")), sum(classified));
  assert.equal(await attr("portfolio-non_performing", "data-percent"), percent(sum(classified), total));
  await (await s.testid("portfolio-non_performing")).click();
  await rowsAre(classified.length, "the non-performing loans");
  assert.ok((await loanRows()).every((r) => r.cls === "substandard" || r.cls === "doubtful" || r.cls === "loss"));
  await shot("portfolio-drill-npl-zh-1366.png");
  await (await s.testid("drill-clear")).click();

  // English, and the other laptop size.
  await (await s.testid("lang-toggle")).click();
  await s.waitText("portfolio-loan-list", "Loans");
  assert.match(await s.text("portfolio-non_performing"), /Non-performing \(substandard \+ doubtful \+ loss\)/);
  await shot("portfolio-drill-headlines-en-1366.png");
  await (await s.find('[data-testid="chart-by_industry"] [data-testid="bar"]')).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="drill-chip"]')).length === 1, "the drill in English");
  assert.match(await s.text("drill-chip"), /^By industry: /);
  await s.scrollTo(await s.testid("portfolio-loan-list"));
  await shot("portfolio-drill-industry-en-1366.png");
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1280, height: 800 });
  await shot("portfolio-drill-industry-en-1280.png");
  await s.scrollTo(await s.testid("portfolio-screen"));
  await shot("portfolio-drill-headlines-en-1280.png");
  await (await s.testid("lang-toggle")).click();
  await s.waitText("portfolio-loan-list", "贷款明细");
  await shot("portfolio-drill-headlines-zh-1280.png");
  await s.scrollTo(await s.testid("portfolio-loan-list"));
  await shot("portfolio-drill-loans-zh-1280.png");
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });

  // The CSV export carries the headline figures and every loan.
  await (await s.testid("portfolio-export")).click();
  await s.waitText("portfolio-exported", exportDir);
  const name = readdirSync(exportDir).find((f) => f.startsWith("portfolio-") && f.endsWith(".csv"));
  const csv = readFileSync(join(exportDir, name), "utf8");
  assert.match(csv, new RegExp(`\\n逾期贷款,${overdue.length},`));
  assert.match(csv, /\n不良贷款（次级\+可疑\+损失）,/);
  assert.match(csv, /\n贷款明细\n借款人,合同编号,贷款余额,下一还款日,逾期天数,五级分类,客户分层,行业,逾期账龄,主要押品,押品覆盖率 %\n/);
  for (const r of all) assert.ok(csv.includes(`,${r.contract},${r.outstanding},`), `${r.contract} in the CSV`);
}
