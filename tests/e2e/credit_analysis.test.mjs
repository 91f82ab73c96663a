// End to end on the real app binary: the credit analysis an approver reads (issue 15). A new
// vault, a working-capital client with a proposed loan of 5,000,000; a two-year statement with
// the new lines (LOANDESK_STATEMENT_FILE answers the picker) imported on the Documents tab. The
// spread shows the years oldest first with exact values in their units, the change on the year
// before, the first year's closing-balance note and "—" with its reason; the working-capital
// need is prefilled from the statements, computes live to the exact figure, flags the proposal
// above it and a negative need as 0, refuses days summing to ≤ 0 under the field and saves
// nothing then, and keeps what was saved across a lock. Screenshots in Chinese and English.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

const PASSWORD = "Officer-pass-2026";
const CLIENT = "江南精密制造有限公司";
const shots = screenshotsDir();
const work = mkdtempSync(join(tmpdir(), "loandesk-credit-"));
const csvPath = join(work, "财务报表-两年.csv");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let driver;
let s;

/**
 * Two years in the template layout, the issue-15 lines included (bonds left out: a company
 * without them; advances under their newer name 合同负债). Worked by hand, 360-day year:
 * 2024 on averages with 2023 — receivable days 360 × 10,000,000 / 90,000,000 = 40.00, inventory
 * 360 × 13,500,000 / 67,500,000 = 72.00, payable 360 × 7,200,000 / 67,500,000 = 38.40, prepaid
 * 6.40, advance 360 × 2,400,000 / 90,000,000 = 9.60, cycle 40 + 72 − 38.40 = 73.60; current
 * 32 / 20 = 1.60; EBITDA 6,000,000 + 1,200,000 + 2,200,000 = 9,400,000; debt / EBITDA
 * 19,000,000 / 9,400,000 = 2.02; ROE 4,500,000 / 32,000,000 = 14.06 %; growth 25.00 %.
 * 2023 on closing balances — receivable 45.00, inventory 80.00, payable 40.00, cycle 85.00,
 * current 1.44, ROE 12.50 %. Need (growth 20 %): days 72 + 40 − 38.40 + 6.40 − 9.60 = 70.40,
 * turnover 360 / 70.40 = 5.1136, working capital 90,000,000 × 0.95 × 1.2 × 70.40 / 360 =
 * 20,064,000.00; less own funds 12,000,000 (32 − 20 million), existing 3,000,000, other
 * 500,000: 4,564,000.00.
 */
const STATEMENT = `单位 Unit,元
项目 Item,2023,2024
货币资金 Cash and cash equivalents,2000000,3000000
应收账款 Accounts receivable,9000000,11000000
预付账款 Prepayments,1000000,1400000
存货 Inventory,12000000,15000000
流动资产合计 Total current assets,26000000,32000000
资产总计 Total assets,60000000,68000000
短期借款 Short-term borrowings,6000000,7000000
应付账款 Accounts payable,6000000,8400000
合同负债,2000000,2800000
一年内到期的非流动负债 Non-current liabilities due within one year,1000000,1000000
流动负债合计 Total current liabilities,18000000,20000000
长期借款 Long-term borrowings,10000000,11000000
负债合计 Total liabilities,30000000,34000000
所有者权益合计 Total equity,30000000,34000000
营业收入 Revenue,72000000,90000000
营业成本 Cost of sales,54000000,67500000
财务费用 Finance costs,900000,1100000
利息支出 Interest expense,1000000,1200000
利润总额 Profit before tax,5000000,6000000
所得税费用 Income tax expense,1250000,1500000
净利润 Net profit,3750000,4500000
折旧与摊销 Depreciation and amortisation,2000000,2200000
经营活动现金流量净额 Net cash flow from operating activities,4500000,5400000
`;

/** The year before, on its own: 2022's receivables 7,000,000 on revenue 60,000,000 = 42.00 days. */
const STATEMENT_2022 = `单位 Unit,元
项目 Item,2022
货币资金 Cash and cash equivalents,1500000
应收账款 Accounts receivable,7000000
预付账款 Prepayments,900000
存货 Inventory,10000000
流动资产合计 Total current assets,22000000
资产总计 Total assets,55000000
短期借款 Short-term borrowings,5000000
应付账款 Accounts payable,6000000
预收账款 Advances from customers,1500000
一年内到期的非流动负债 Non-current liabilities due within one year,1000000
流动负债合计 Total current liabilities,16000000
长期借款 Long-term borrowings,9000000
负债合计 Total liabilities,28000000
所有者权益合计 Total equity,27000000
营业收入 Revenue,60000000
营业成本 Cost of sales,45000000
利息支出 Interest expense,900000
利润总额 Profit before tax,4000000
净利润 Net profit,3000000
折旧与摊销 Depreciation and amortisation,1800000
经营活动现金流量净额 Net cash flow from operating activities,3600000
`;

before(async () => {
  writeFileSync(csvPath, STATEMENT);
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4455), { LOANDESK_STATEMENT_FILE: csvPath });
  s = await Session.create(driver.url, appBinary());
  // A 1366×768 screen, the usual bank laptop: the spread must fit it without sideways scroll.
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

const run = (script, ...args) => s.cmd("POST", "/execute/sync", { script, args });

/**
 * Scrolls the first match to the top (or centre) of the page's scrolling content, then lets
 * WebKit repaint. The window itself is put back at its top so the app's header stays in view.
 */
async function show(css, block = "start") {
  await run(
    "document.querySelector(arguments[0])?.scrollIntoView({ block: arguments[1] });" +
      "document.scrollingElement.scrollTop = 0; document.scrollingElement.scrollLeft = 0;",
    css,
    block,
  );
  await sleep(600);
}

const at = (kind, year) => `[data-testid="ratio-row"][data-ratio="${kind}"] [data-testid="ratio-value"][data-year="${year}"]`;
const cell = (kind, year) => s.find(at(kind, year));
/** The value as shown, without its change line and flags. */
const value = async (kind, year) => (await s.find(`${at(kind, year)} .spread-value`)).text();
const change = async (kind, year) => (await s.find(`${at(kind, year)} [data-testid="ratio-change"]`)).text();
/** No sideways scroll: neither the page's content nor the spread is wider than its box. */
async function assertNoSidewaysScroll(where) {
  const widths = await run(
    "const c = document.querySelector('.content'); const sp = document.querySelector('.spread');" +
      "return { content: [c.scrollWidth, c.clientWidth], spread: [sp.scrollWidth, sp.clientWidth], window: window.innerWidth };",
  );
  assert.ok(widths.content[0] <= widths.content[1], `${where}: the page scrolls sideways ${JSON.stringify(widths)}`);
  assert.ok(widths.spread[0] <= widths.spread[1], `${where}: the spread scrolls sideways ${JSON.stringify(widths)}`);
}

async function openDocuments() {
  await (await s.testid("nav-clients", 20000)).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("client-search")).clearAndType(CLIENT);
  await s.waitFor(async () => {
    const rows = await s.findAll('[data-testid="client-row"]');
    return rows.length === 1 && (await rows[0].text()).includes(CLIENT);
  }, "the client's row");
  await (await s.testid("client-row")).click();
  await s.testid("client-detail", 20000);
  await (await s.testid("tab-documents", 15000)).click();
  await s.testid("documents-tab");
}

test("credit analysis: the spread of a two-year statement and the working-capital need", async () => {
  await (await s.testid("create-password", 30000)).type(PASSWORD);
  await (await s.testid("create-confirm")).type(PASSWORD);
  await (await s.testid("create-submit")).click();

  // A working-capital client with a proposed loan of 5,000,000.
  await (await s.testid("nav-clients", 20000)).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("new-client")).click();
  await (await s.testid("field-name")).type(CLIENT);
  await (await s.testid("field-product")).select("working-capital");
  await (await s.testid("save-client")).click();
  await s.testid("client-detail", 20000);
  await (await s.testid("tab-calculator")).click();
  await s.testid("loan-calculator");
  await (await s.testid("calc-principal")).type("5000000");
  await s.testid("calc-payment", 15000);
  await (await s.testid("scenario-proposed")).click();
  await (await s.testid("scenario-save")).click();
  await s.testid("scenario-saved", 15000);

  // The statement: the spread, oldest year first.
  await (await s.testid("tab-documents")).click();
  await s.testid("credit-empty", 15000);
  await (await s.testid("statement-import")).click();
  await s.testid("ratio-table", 15000);
  const years = await Promise.all((await s.findAll('[data-testid="spread-year"]')).map((h) => h.text()));
  assert.deepEqual(years, ["2023", "2024"]);
  const groups = await Promise.all((await s.findAll('[data-testid="ratio-group"]')).map((g) => g.attribute("data-group")));
  assert.deepEqual(groups, ["liquidity", "leverage", "turnover", "profitability"]);
  assert.equal((await s.findAll('[data-testid="ratio-row"]')).length, 21);

  assert.equal(await value("receivable-days", 2024), "40.00天");
  assert.equal(await value("receivable-days", 2023), "45.00天*");
  assert.equal(await change("receivable-days", 2024), "▼ -5.00天");
  assert.equal(await (await cell("receivable-days", 2023)).attribute("data-basis"), "closing");
  assert.equal(await (await cell("receivable-days", 2024)).attribute("data-basis"), "average");
  assert.equal(await value("inventory-days", 2024), "72.00天");
  assert.equal(await value("payable-days", 2024), "38.40天");
  assert.equal(await value("prepaid-days", 2024), "6.40天");
  assert.equal(await value("advance-days", 2024), "9.60天");
  assert.equal(await value("cash-conversion-cycle", 2024), "73.60天");
  assert.equal(await value("cash-conversion-cycle", 2023), "85.00天*");
  assert.equal(await change("cash-conversion-cycle", 2024), "▼ -11.40天");
  assert.equal(await value("current-ratio", 2024), "1.60倍");
  assert.equal(await change("current-ratio", 2024), "▲ +0.16倍");
  assert.equal(await value("ebitda", 2024), "9,400,000.00元");
  assert.equal(await value("debt-to-ebitda", 2024), "2.02倍");
  assert.equal(await (await cell("debt-to-ebitda", 2024)).attribute("data-status"), "ok");
  assert.equal(await value("return-on-equity", 2024), "14.06%");
  assert.equal(await value("return-on-equity", 2023), "12.50%*");
  assert.equal(await change("return-on-equity", 2024), "▲ +1.56个百分点");
  assert.equal(await value("revenue-growth", 2024), "25.00%");
  // No year before 2023: "—", and why on hover.
  const growth2023 = await cell("revenue-growth", 2023);
  assert.equal(await growth2023.attribute("data-status"), "not-available");
  assert.equal(await value("revenue-growth", 2023), "—");
  assert.equal(await growth2023.attribute("title"), "未导入上年报表");
  // Not judged without a threshold: shown plainly, its rule column "—".
  assert.equal(await (await cell("gross-margin", 2024)).attribute("data-status"), "no-threshold");
  assert.equal(await (await s.find('[data-testid="ratio-row"][data-ratio="gross-margin"] [data-testid="ratio-rule"]')).text(), "—");
  assert.match(await s.text("closing-note"), /无上年数据，按期末余额计算（2023 年度）/);
  await assertNoSidewaysScroll("the spread");
  await show('[data-testid="credit-panel"]');
  await s.screenshot(join(shots, "credit-spread-zh.png"));
  await show('[data-testid="ratio-group"][data-group="turnover"]');
  await s.screenshot(join(shots, "credit-spread-turnover-zh.png"));

  // The need: prefilled from 2024 on average balances, waiting for the growth.
  const panel = await s.testid("wc-need-panel", 15000);
  assert.match(await panel.text(), /流动资金贷款需求测算/);
  assert.equal(await s.text("wc-revenue"), "90,000,000.00 元");
  assert.equal(await s.text("wc-net-margin"), "5.00%");
  const field = (id) => s.testid(id);
  const days = { "wc-inventory-days": "72.00", "wc-receivable-days": "40.00", "wc-payable-days": "38.40", "wc-prepaid-days": "6.40", "wc-advance-days": "9.60" };
  for (const [id, want] of Object.entries(days)) assert.equal(await (await field(id)).value(), want, id);
  assert.equal(await (await field("wc-own-funds")).value(), "12,000,000");
  await s.testid("wc-result-empty");
  assert.equal(await (await field("wc-save")).cmd("GET", "/enabled"), false);

  await (await field("wc-growth")).type("20");
  await (await field("wc-existing")).type("3,000,000");
  await (await field("wc-other")).type("500000");
  await s.waitText("wc-new-need", "4,564,000.00 元");
  assert.equal(await s.text("wc-turnover"), "5.1136");
  assert.equal(await s.text("wc-working-capital"), "20,064,000.00 元");
  assert.match(await s.text("wc-days-sum"), /70\.40 天/);
  // The proposed 5,000,000 is above the need.
  assert.match(await s.text("wc-warning-above"), /申请金额超过测算需求/);
  assert.match(await s.text("wc-warning-above"), /5,000,000\.00/);
  assert.equal((await s.findAll('[data-testid="wc-warning-negative"]')).length, 0);
  await show('[data-testid="wc-need-panel"]', "center");
  await s.screenshot(join(shots, "wc-need-zh.png"));

  // Own funds covering it all: 0 and the warning, never a negative loan.
  await (await field("wc-own-funds")).clearAndType("20,000,000");
  await s.waitText("wc-new-need", "0.00 元");
  assert.match(await s.text("wc-warning-negative"), /测算结果为负/);
  await (await field("wc-own-funds")).clearAndType("12000000");
  await s.waitText("wc-new-need", "4,564,000.00 元");
  await (await field("wc-save")).click();
  await s.testid("wc-saved", 10000);

  // Days summing to ≤ 0: the reason under the days, in Chinese; saving stores nothing.
  await (await field("wc-payable-days")).clearAndType("200");
  await s.waitText("field-error-days", "存货 + 应收 − 应付 + 预付 − 预收 的周转天数合计：必须大于 0。");
  assert.equal((await s.findAll('[data-testid="wc-new-need"]')).length, 0);
  await (await field("wc-save")).click();
  await sleep(800);
  assert.equal((await s.findAll('[data-testid="wc-saved"]')).length, 0);
  await s.testid("field-error-days");
  assert.match(await s.text("wc-save-state"), /有未保存的修改/);
  await show('[data-testid="wc-need-panel"]', "center");
  await s.screenshot(join(shots, "wc-need-error-zh.png"));
  await (await s.testid("lang-toggle")).click();
  await s.waitText("field-error-days", "Inventory + receivable − payable + prepaid − advance days: Must be greater than 0.");
  await (await s.testid("lang-toggle")).click();

  // Locked and unlocked: what was saved comes back (the refused days did not replace it).
  await s.ctrl("l");
  await s.testid("unlock-screen", 10000);
  await (await s.testid("unlock-password")).type(PASSWORD);
  await (await s.testid("unlock-submit")).click();
  await openDocuments();
  await s.testid("wc-need-panel", 15000);
  assert.equal(await (await field("wc-growth")).value(), "20");
  // Amounts are read as exact yuan (500万 is 5000000.00) and come back to the fen.
  assert.equal(await (await field("wc-existing")).value(), "3,000,000.00");
  assert.equal(await (await field("wc-other")).value(), "500,000.00");
  assert.equal(await (await field("wc-payable-days")).value(), "38.40");
  await s.waitText("wc-new-need", "4,564,000.00 元");
  assert.equal((await s.findAll('[data-testid="wc-save-state"]')).length, 0, "nothing unsaved");
  await s.testid("wc-saved");

  // The same in English.
  await (await s.testid("lang-toggle")).click();
  await s.waitFor(async () => /Working-capital loan need/.test(await (await s.testid("wc-need-panel")).text()), "English labels");
  assert.equal(await value("receivable-days", 2024), "40.00 days");
  assert.equal(await change("receivable-days", 2024), "▼ -5.00 days");
  assert.equal(await value("current-ratio", 2024), "1.60×");
  assert.equal(await value("ebitda", 2024), "9,400,000.00 yuan");
  assert.match(await s.text("closing-note"), /No prior year: closing balance used \(2023\)/);
  assert.equal(await s.text("wc-new-need"), "4,564,000.00 yuan");
  assert.match(await s.text("wc-warning-above"), /The amount applied for exceeds the calculated need/);
  await assertNoSidewaysScroll("the spread in English");
  await show('[data-testid="credit-panel"]');
  await s.screenshot(join(shots, "credit-spread-en.png"));
  await show('[data-testid="ratio-group"][data-group="turnover"]');
  await s.screenshot(join(shots, "credit-spread-turnover-en.png"));
  await show('[data-testid="wc-need-panel"]', "center");
  await s.screenshot(join(shots, "wc-need-en.png"));
  await (await s.testid("lang-toggle")).click();
  await s.waitFor(async () => /流动资金贷款需求测算/.test(await (await s.testid("wc-need-panel")).text()), "Chinese labels");
});

test("credit analysis: a third year fits the window, and 2023 turns to average balances", async () => {
  // 2022 alone, answered by the same picker: 2023's receivables average (7 + 9) / 2 = 8,000,000,
  // 360 × 8,000,000 / 72,000,000 = 40.00 days.
  writeFileSync(csvPath, STATEMENT_2022);
  await (await s.testid("statement-import")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="spread-year"]')).length === 3, "three years", 15000);
  const years = await Promise.all((await s.findAll('[data-testid="spread-year"]')).map((h) => h.text()));
  assert.deepEqual(years, ["2022", "2023", "2024"]);
  assert.equal(await value("receivable-days", 2023), "40.00天");
  assert.equal(await (await cell("receivable-days", 2023)).attribute("data-basis"), "average");
  assert.equal(await value("receivable-days", 2022), "42.00天*");
  assert.equal(await change("receivable-days", 2023), "▼ -2.00天");
  assert.match(await s.text("closing-note"), /（2022 年度）/);
  // The need still reads 2024 and the saved assumptions.
  await s.waitText("wc-new-need", "4,564,000.00 元", 15000);
  await assertNoSidewaysScroll("three years");
  await show('[data-testid="credit-panel"]');
  await s.screenshot(join(shots, "credit-spread-3y-zh.png"));
  await show('[data-testid="ratio-group"][data-group="turnover"]');
  await s.screenshot(join(shots, "credit-spread-3y-turnover-zh.png"));
  await (await s.testid("lang-toggle")).click();
  await s.waitFor(async () => (await value("receivable-days", 2023)) === "40.00 days", "English values");
  await assertNoSidewaysScroll("three years in English");
  await show('[data-testid="credit-panel"]');
  await s.screenshot(join(shots, "credit-spread-3y-en.png"));
  await show('[data-testid="ratio-group"][data-group="leverage"]');
  await s.screenshot(join(shots, "credit-spread-3y-leverage-en.png"));
  await (await s.testid("lang-toggle")).click();
});

test("credit analysis: an optional threshold set in Settings judges its ratio", async () => {
  await (await s.testid("nav-settings")).click();
  const field = await s.testid("threshold-receivable-days", 15000);
  await s.waitFor(async () => (await (await s.testid("threshold-current_ratio")).value()) !== "", "the thresholds loaded");
  assert.equal(await field.value(), "");
  assert.equal(await (await s.testid("threshold-debt-to-ebitda")).value(), "5");
  await field.type("40");
  await (await s.testid("save-thresholds")).click();
  await s.testid("thresholds-saved");
  await show('[data-testid="threshold-receivable-days"]', "center");
  await s.screenshot(join(shots, "credit-thresholds-zh.png"));

  await openDocuments();
  const rule = await s.find('[data-testid="ratio-row"][data-ratio="receivable-days"] [data-testid="ratio-rule"]', 15000);
  assert.equal(await rule.text(), "≤ 40天");
  assert.equal(await (await cell("receivable-days", 2022)).attribute("data-status"), "breach");
  assert.equal(await (await cell("receivable-days", 2024)).attribute("data-status"), "ok");
});
