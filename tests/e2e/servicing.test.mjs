// End to end on the real app binary: post-disbursement (issue #8). A demo client at stage 4
// has a proposed loan; book it with the signing and disbursement three months back (the real
// clock is used, so periods are already due), see the first period overdue on the loan page and
// the reminder on Today, record a repayment of what is due, see the period paid and the overdue
// reminder gone, set a classification with a reason, save the reminder text and look at the
// portfolio, whose totals moved by exactly this loan.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

const CONTRACT = "HT-E2E-2026-0001";
let driver;
let s;
const shots = screenshotsDir();
const shot = (name) => s.screenshot(join(shots, name));
// Save dialogs answer into this folder (see src-tauri/src/commands/dialogs.rs).
const exportDir = mkdtempSync(join(tmpdir(), "loandesk-e2e-export-"));

before(async () => {
  // E2E_PORT lets two e2e runs share a machine (the default is the suite's 4444).
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4444), { LOANDESK_EXPORT_DIR: exportDir });
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

/** The local calendar date as the app's backend sees it ("today" in Rust is Local::now()). */
function iso(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const TODAY = iso(new Date());
const daysBetween = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);

/** "CNY 12,345,678.90" → 1234567890n (cents), exactly. */
function cents(shown) {
  const m = /(-?[\d,]+)\.(\d\d)/.exec(shown);
  assert.ok(m, `an amount in "${shown}"`);
  return BigInt(m[1].replace(/,/g, "")) * 100n + BigInt(m[2]) * (m[1].startsWith("-") ? -1n : 1n);
}

/** A plain decimal ("35000000", "1234.5") → cents. */
function centsPlain(v) {
  const [whole, frac = ""] = v.split(".");
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0").slice(0, 2));
}

/** Waits as Session.waitFor does, reading a replaced element as "not yet". */

const periodRow = (n) => `[data-testid="period-row"][data-period="${n}"]`;
const reminderRow = (kind, loanId) => `[data-testid="reminder-row"][data-kind="${kind}"][data-loan-id="${loanId}"]`;

/** The loan's outstanding principal exactly (the page shows it in the officer's unit). */
async function outstandingCents() {
  return centsPlain(await (await s.testid("loan-outstanding")).attribute("data-value"));
}

async function readPortfolio() {
  await (await s.testid("nav-portfolio")).click();
  await s.testid("portfolio-screen", 15000);
  const loans = Number(await s.text("portfolio-loans"));
  // The headline is shown in the officer's unit; the exact amount is its data-value.
  const outstanding = centsPlain(await (await s.testid("portfolio-outstanding")).attribute("data-value"));
  return { loans, outstanding };
}

test("servicing: book a proposed loan, see it overdue, cure it, reminders and portfolio", async () => {
  try {
    await servicingJourney();
  } catch (e) {
    await s.screenshot(join(shots, "servicing-failure.png")).catch(() => {});
    throw e;
  }
});

/** The remaining periods' rows of the loan page: [no, due date] of each not yet paid. */
async function openPeriods() {
  const rows = [];
  for (const r of await s.findAll('[data-testid="period-row"]')) {
    if ((await r.attribute("data-status")) !== "paid") {
      rows.push([await r.attribute("data-period"), /\d{4}-\d\d-\d\d/.exec(await r.text())[0]]);
    }
  }
  return rows;
}

/**
 * 提前还款 of 1,000,000 today, 减少月份 (same maturity): the preview shows old and new side by
 * side, the saved loan is a new schedule version with the principal down by what was prepaid
 * and the same last due date. Returns the outstanding principal after.
 */
async function prepay(outstanding) {
  const versions = async () => (await s.findAll('[data-testid="loan-versions"] > div')).length;
  const versionsBefore = await versions();
  const lastDue = (await openPeriods()).at(-1)[1];
  await (await s.testid("loan-prepay")).click();
  await s.testid("prepay-dialog");
  // More than the payoff amount: refused under the field, nothing to confirm.
  await (await s.testid("prepay-amount")).type("999,999,999,999");
  await s.waitText("field-error-amount", /\d/);
  assert.equal(await (await s.testid("change-confirm")).attribute("disabled"), "true");
  await (await s.testid("prepay-amount")).clearAndType("1,000,000");
  await (await s.testid("prepay-mode-reduce-payment")).click();
  await s.testid("change-preview", 10000);
  const newMaturity = await s.text("change-new-maturity");
  assert.equal(newMaturity, lastDue, "减少月供 keeps the maturity");
  const saved = await (await s.testid("change-interest-saved")).attribute("data-value");
  assert.ok(Number(saved) > 0, `interest saved ${saved}`);
  const prepaidLine = await s.text("change-prepaid");
  assert.match(prepaidLine, /提前归还本金 CNY [\d,]+\.\d\d/);
  const prepaid = cents(prepaidLine);
  assert.ok(prepaid > 0n && prepaid <= 100000000n, prepaidLine);
  await shot("servicing-prepay-preview-zh.png");
  await (await s.testid("change-confirm")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="prepay-dialog"]')).length === 0, "the dialog closed");
  await s.waitFor(async () => (await versions()) > versionsBefore, "a new schedule version");
  assert.match(await s.text("loan-versions"), /提前还款 · 减少月供/);
  const after = await outstandingCents();
  assert.equal(after, outstanding - prepaid, "the principal fell by what was prepaid");
  assert.equal((await openPeriods()).at(-1)[1], lastDue, "same maturity on the loan page");
  const version = await versions();
  await s.waitText("loan-notice", `第 ${version} 版`);
  // The client gets the new schedule: the PDF of this version, read back.
  await (await s.testid("loan-schedule-pdf")).click();
  const notice = await s.waitText("loan-notice", exportDir);
  const pdfPath = notice.slice(notice.indexOf(exportDir)).trim();
  const pdf = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
  assert.match(pdf, new RegExp(`${CONTRACT}\\s*（第\\s*${version}\\s*版）`));
  assert.ok(pdf.includes(lastDue), "the PDF ends on the same maturity");
  await s.scrollTo(await s.testid("loan-periods"));
  await shot("servicing-periods-after-prepay-zh.png");
  await s.scrollTo(await s.testid("tab-loans"));
  return after;
}

/**
 * Settings: the bank's template of penalty terms that bookings start from. Misuse of funds is
 * one loan's fact and not offered; a markup outside 30–50 % is refused under its field.
 */
async function penaltyTemplate() {
  await (await s.testid("nav-settings")).click();
  const card = await s.testid("penalty-template", 15000);
  await s.waitFor(async () => (await (await s.testid("loan-penalty-markup")).value()) === "50", "the template's markup");
  assert.equal((await s.findAll('[data-testid="penalty-template"] [data-testid="loan-penalty-misuse"]')).length, 0, "no misuse in the template");
  await (await s.testid("loan-penalty-markup")).clearAndType("60");
  await (await s.testid("save-penalty-template")).click();
  await s.waitText("field-error-penalty_markup", "30");
  await (await s.testid("loan-penalty-markup")).clearAndType("45");
  await (await s.testid("loan-penalty-basis")).select("365");
  await (await s.testid("save-penalty-template")).click();
  await s.testid("penalty-template-saved", 10000);
  await s.scrollTo(card);
  await shot("servicing-penalty-template-zh.png");
  await (await s.testid("lang-toggle")).click();
  await s.waitText("penalty-template", "Penalty terms for new loans");
  await shot("servicing-penalty-template-en.png");
  await (await s.testid("lang-toggle")).click();
  await s.waitText("penalty-template", "新贷款的罚息条款");
}

async function servicingJourney() {
  await (await s.testid("open-demo", 30000)).click();
  await s.testid("reminders", 30000);
  const before = await readPortfolio();
  assert.ok(before.loans > 0, "the demo books loans for its stage-5 clients");

  await penaltyTemplate();

  // A stage-4 client: it has a proposed loan and nothing booked yet.
  await (await s.testid("nav-clients")).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("filter-stage")).select("4");
  await s.waitFor(
    async () => {
      const nums = await s.findAll('[data-testid="client-row"] .stage-num');
      if (nums.length === 0) return false;
      return (await Promise.all(nums.map((n) => n.text()))).every((t) => t === "4");
    },
    "the list filtered to stage 4",
    15000,
  );
  const row = await s.testid("client-row");
  const clientId = await row.attribute("data-client-id");
  await row.click();
  await s.waitFor(async () => (await (await s.testid("client-detail", 20000)).attribute("data-client-id")) === clientId, "the client page");
  const clientName = await s.text("client-title");

  await (await s.testid("tab-loans")).click();
  await s.testid("loans-empty");
  await (await s.testid("loan-book-open")).click();
  const proposal = await s.text("loan-book-proposal");
  assert.match(proposal, /拟议方案/);
  // Prefilled from the proposal: one disbursement of the whole principal.
  const principal = await (await s.testid("loan-tranche-amount")).value();
  assert.match(principal, /^\d+(\.\d+)?$/);

  // Nothing typed: the contract number is required, said under its field in Chinese.
  await (await s.testid("loan-book-submit")).click();
  await s.waitText("field-error-contract_no", "请填写此项");
  // A signing date in the future is the backend's refusal, translated under the date.
  await (await s.testid("loan-contract-no")).type(CONTRACT);
  // A floating loan's repricing day is the contract's: chosen, never assumed.
  if ((await s.findAll('[data-testid="loan-reprice-rule"]')).length > 0) await (await s.testid("loan-reprice-rule")).select("jan1");
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  await s.setValue(await s.testid("loan-signed-on"), iso(tomorrow));
  await (await s.testid("loan-book-submit")).click();
  await s.waitText("field-error-signed_on", "不能晚于今天");
  await shot("servicing-book-error-zh.png");
  assert.equal((await s.findAll('[data-testid="loan-panel"]')).length, 0, "nothing booked");

  // Signed and paid out three months ago.
  const back = new Date();
  back.setMonth(back.getMonth() - 3);
  const signed = iso(back);
  await s.setValue(await s.testid("loan-signed-on"), signed);
  await s.setValue(await s.testid("loan-tranche-date"), signed);
  // Paid out in two parts: the principal less a million at signing, a million a month later.
  const later = new Date(back);
  later.setMonth(later.getMonth() + 1);
  const firstPart = centsPlain(principal) - 100000000n;
  await (await s.testid("loan-tranche-amount")).clearAndType(`${firstPart / 100n}.${String(firstPart % 100n).padStart(2, "0")}`);
  await (await s.testid("loan-tranche-add")).click();
  const second = (await s.findAll('[data-testid="loan-tranche"]'))[1];
  assert.ok(second, "a second disbursement row");
  await s.setValue((await s.findAll('[data-testid="loan-tranche-date"]'))[1], iso(later));
  await (await s.findAll('[data-testid="loan-tranche-amount"]'))[1].type("1,000,000");
  await (await s.testid("loan-account")).type("6222 0210 8888 0001");
  // The contract's penalty terms start at the bank's template from Settings (45 %, 365 days,
  // compound first); a markup above 50 % without misuse of funds is the core's refusal, under
  // its field.
  assert.equal(await (await s.testid("loan-penalty-markup")).value(), "45");
  assert.equal(await (await s.testid("loan-penalty-basis")).value(), "365");
  await (await s.testid("loan-penalty-basis")).select("360");
  const order = await s.findAll('[data-testid="allocation-part"]');
  assert.deepEqual(await Promise.all(order.map((o) => o.attribute("data-part"))), ["compound", "penalty", "interest", "principal"]);
  await (await s.testid("loan-penalty-markup")).clearAndType("60");
  await (await s.testid("loan-book-submit")).click();
  await s.waitText("field-error-penalty_markup", "30");
  assert.equal((await s.findAll('[data-testid="loan-panel"]')).length, 0, "nothing booked");
  await (await s.testid("loan-penalty-markup")).clearAndType("40");
  await s.scrollTo(await s.testid("loan-penalty-fields"));
  await shot("servicing-book-terms-zh.png");
  await (await s.testid("loan-book-submit")).click();

  const panel = await s.testid("loan-panel", 15000);
  assert.match(await s.text("loan-penalty-terms"), /1 \+ 40%[\s\S]*复利 → 罚息 → 利息 → 本金/);
  const loanId = await panel.attribute("data-loan-id");
  assert.equal(await s.text("loan-contract"), CONTRACT);
  await s.find(`[data-testid="loan-row"][data-loan-id="${loanId}"]`);
  const parts = await s.text("loan-disbursement-list");
  assert.match(parts, new RegExp(`${signed}[\\s\\S]*${iso(later)} · CNY 1,000,000\\.00`));
  assert.equal(await outstandingCents(), centsPlain(principal));

  // The first period fell due two months or more ago and nothing was paid: overdue by exactly
  // the days since its due date; the loan's overdue days are the oldest period's.
  const first = await s.find(periodRow(1));
  assert.equal(await first.attribute("data-status"), "overdue");
  const firstDue = /\d{4}-\d\d-\d\d/.exec(await first.text())[0];
  const late = daysBetween(firstDue, TODAY);
  assert.ok(late > 30, `period 1 due ${firstDue} is well past due`);
  assert.equal(await (await s.find(`${periodRow(1)} [data-testid="period-status"]`)).text(), `逾期 ${late} 天`);
  assert.equal(await s.text("loan-overdue-days"), String(late));
  assert.equal(await s.text("loan-state"), `逾期 ${late} 天`);
  assert.equal(await (await s.testid("loan-class")).attribute("data-class"), late <= 90 ? "special_mention" : "substandard");
  assert.equal(await s.text("loan-age"), late <= 60 ? "31–60 天" : late <= 90 ? "61–90 天" : "90 天以上");
  const dueNow = await s.text("loan-due-now");
  assert.ok(cents(dueNow) >= cents(await s.text("loan-overdue-amount")));
  assert.ok(cents(await s.text("loan-overdue-amount")) > 0n);
  assert.match(await s.text("allocation-rule"), /先还复利，再还罚息/);
  // Penalty interest (罚息) runs on the late principal from the day after the due date.
  assert.ok(cents(await s.text("loan-penalty")) > 0n, "penalty accrued on the overdue period");
  assert.ok(cents(await (await s.find(`${periodRow(1)} [data-testid="period-penalty"]`)).text()) > 0n);

  // The reminder text for the client: overdue, the amount in words, the account.
  const reminderText = await (await s.testid("reminder-text")).value();
  assert.match(reminderText, new RegExp(`合同编号 ${CONTRACT}`));
  assert.match(reminderText, /已逾期/);
  // It asks for everything due, penalty included, and says how much of it is penalty.
  assert.ok(reminderText.includes(dueNow), `the reminder quotes the amount due ${dueNow}`);
  assert.match(reminderText, /其中罚息及复利 CNY [\d,]+\.\d\d/);
  assert.match(reminderText, /大写：.+元/);
  assert.match(reminderText, /6222 0210 8888 0001/);
  await (await s.testid("reminder-text-copy")).click();
  // The web clipboard works in this webview (checked once with xclip; not a CI dependency).
  await s.waitText("reminder-text-done", "已复制到剪贴板");
  await (await s.testid("reminder-text-save")).click();
  await s.waitText("reminder-text-done", exportDir);
  const saved = readFileSync(join(exportDir, `reminder-${loanId}.txt`), "utf8");
  assert.equal(saved, reminderText);
  // Far past the 7 days of a technical overdue: the core does not offer the exception.
  assert.equal((await s.findAll('[data-testid="technical-overdue"]')).length, 0);

  // 罚息减免: waive part of what is owed today, with a reason; the waiver is in the history
  // and the penalty owed falls by exactly that much.
  const penaltyBefore = cents(await s.text("loan-penalty")) + cents(await s.text("loan-compound"));
  await (await s.testid("loan-waive")).click();
  await s.testid("waive-dialog");
  await s.waitFor(async () => (await (await s.testid("waive-owed")).attribute("data-value")) !== "", "what is owed today");
  const owedToday = centsPlain(await (await s.testid("waive-owed")).attribute("data-value"));
  assert.equal(owedToday, penaltyBefore);
  assert.equal(centsPlain(await (await s.testid("waive-amount")).value()), owedToday, "the amount starts at what is owed");
  await (await s.testid("waive-amount")).clearAndType("1.00");
  await (await s.testid("waive-confirm")).click();
  await s.waitText("field-error-waive_reason", "请写明理由");
  await (await s.testid("waive-reason")).type("客户因疫情延误，经审批减免");
  await shot("servicing-waive-zh.png");
  await (await s.testid("waive-confirm")).click();
  await s.waitText("loan-notice", "减免已记录");
  assert.match(await s.text("loan-waivers"), new RegExp(`${TODAY} · CNY 1\\.00 · 客户因疫情延误`));
  assert.equal(cents(await s.text("loan-penalty")) + cents(await s.text("loan-compound")), penaltyBefore - 100n);
  const dueAfterWaiver = await s.text("loan-due-now");
  assert.equal(cents(dueAfterWaiver), cents(dueNow) - 100n, "the amount due falls by the waiver");

  await s.scrollTo(await s.testid("tab-loans"));
  await shot("servicing-loan-overdue-zh.png");
  await s.scrollTo(await s.testid("loan-periods"));
  await shot("servicing-periods-overdue-zh.png");

  // Today: the overdue reminder for this loan, with the days; one click opens the loan.
  await (await s.testid("nav-today")).click();
  await s.testid("today-section-overdue", 15000);
  // Each section lists its first three; ours (the longest overdue) is among them, but do not rely on it.
  for (const more of await s.findAll('[data-testid="today-section-overdue"] [data-testid="today-show-all"][aria-expanded="false"]')) await more.click();
  const reminder = await s.find(reminderRow("overdue", loanId), 15000);
  const rtext = await reminder.text();
  assert.ok(rtext.includes(clientName) && rtext.includes(CONTRACT), rtext);
  assert.match(rtext, new RegExp(`逾期 ${late} 天`));
  await shot("servicing-today-reminders-zh.png");
  await (await s.find(`${reminderRow("overdue", loanId)} [data-testid="reminder-open"]`)).click();
  await s.waitFor(async () => (await (await s.testid("loan-panel", 15000)).attribute("data-loan-id")) === loanId, "the loan from its reminder");
  assert.equal(await (await s.testid("tab-loans")).attribute("aria-selected"), "true");

  // A repayment today of what is due now (prefilled): every due period is settled.
  const amount = await (await s.testid("repay-amount")).value();
  assert.equal(centsPlain(amount), cents(dueAfterWaiver));
  await (await s.testid("repay-note")).type("客户补缴逾期本息");
  await (await s.testid("repay-submit")).click();
  await s.testid("repay-saved");
  await s.waitFor(async () => (await (await s.find(periodRow(1))).attribute("data-status")) === "paid", "period 1 paid");
  assert.equal(await (await s.find(`${periodRow(1)} [data-testid="period-status"]`)).text().then((t) => t.startsWith("已还")), true);
  assert.equal(await s.text("loan-overdue-days"), "0");
  assert.equal(await s.text("loan-state"), "正常还款");
  assert.equal(await s.text("loan-age"), "未逾期");
  assert.equal(cents(await s.text("loan-overdue-amount")), 0n);
  assert.equal(cents(await s.text("loan-due-now")), 0n);
  assert.equal(await (await s.testid("loan-class")).attribute("data-class"), "pass");
  let outstanding = await outstandingCents();
  assert.ok(outstanding < centsPlain(principal), "principal was repaid");
  const repayments = await s.findAll('[data-testid="repayment-row"]');
  assert.equal(repayments.length, 1);
  assert.match(await repayments[0].text(), new RegExp(`${TODAY}[\\s\\S]*客户补缴逾期本息`));
  // A repayment entered by mistake, then deleted: the allocation is redone without it. Paid
  // ahead, it goes to the next period's interest first, so the principal does not move.
  let next = null;
  for (const r of await s.findAll('[data-testid="period-row"]')) {
    if ((await r.attribute("data-status")) === "upcoming") {
      next = await r.attribute("data-period");
      break;
    }
  }
  assert.ok(next, "a period still to come");
  await (await s.testid("repay-amount")).type("1,000");
  await (await s.testid("repay-note")).type("误录");
  await (await s.testid("repay-submit")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="repayment-row"]')).length === 2, "the second repayment");
  assert.equal(await outstandingCents(), outstanding, "paid ahead: interest first");
  assert.equal(await (await s.find(periodRow(next))).attribute("data-status"), "partly_paid");
  assert.match(await (await s.find(periodRow(next))).text(), /1,000\.00/);
  const mistaken = (await s.findAll('[data-testid="repayment-row"]'))[1];
  assert.match(await mistaken.text(), /误录/);
  await (await s.find(`[data-testid="repayment-row"][data-repayment-id="${await mistaken.attribute("data-repayment-id")}"] [data-testid="repayment-delete"]`)).click();
  await (await s.testid("confirm-ok")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="repayment-row"]')).length === 1, "the mistaken repayment gone");
  assert.equal(await outstandingCents(), outstanding);
  assert.equal(await (await s.find(periodRow(next))).attribute("data-status"), "upcoming");

  for (const r of await s.findAll('[data-testid="period-row"]')) {
    const no = await r.attribute("data-period");
    assert.notEqual(await r.attribute("data-status"), "overdue", `period ${no}`);
  }

  // The officer keeps it under watch all the same: a classification with a reason, kept.
  await (await s.testid("class-select")).select("special_mention");
  await (await s.testid("class-save")).click();
  await s.waitText("field-error-reason", "请填写理由");
  await (await s.testid("class-reason")).type("逾期两个月后才补缴，继续关注现金流");
  await (await s.testid("class-save")).click();
  await s.waitFor(async () => (await (await s.testid("loan-class")).attribute("data-class")) === "special_mention", "the class set");
  assert.equal(await (await s.testid("loan-class-suggested")).attribute("data-class"), "pass");
  assert.match(await s.text("class-history"), /关注[\s\S]*正常[\s\S]*继续关注现金流/);
  await s.scrollTo(await s.testid("tab-loans"));
  await shot("servicing-loan-cured-zh.png");
  await s.scrollTo(await s.testid("loan-periods"));
  await shot("servicing-periods-cured-zh.png");
  await s.scrollTo(await s.testid("tab-loans"));

  await (await s.testid("lang-toggle")).click();
  await s.waitText("loan-state", "Current");
  await s.waitText("allocation-rule", "First compound interest");
  // The reminder for the client follows the language on screen, at once.
  await s.waitFor(async () => /^Dear .+\nInstallment \d+ of your loan HT-E2E/.test(await (await s.testid("reminder-text")).value()), "the English reminder text");
  await shot("servicing-loan-cured-en.png");
  assert.match(await s.text("loan-penalty-terms"), /1 \+ 40 %[\s\S]*Compound interest → Penalty interest → Interest → Principal/);
  // An extension previewed in English, then cancelled: nothing saved.
  await (await s.testid("loan-extend")).click();
  await (await s.testid("extend-months")).clearAndType("6");
  await (await s.testid("extend-reason")).type("Client's project delayed by the permit");
  await s.testid("change-preview", 10000);
  assert.match(await s.text("change-interest-saved"), /^Extra interest: CNY [\d,]+\.\d\d$/);
  await shot("servicing-extend-preview-en.png");
  await (await s.testid("change-cancel")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="change-preview"]')).length === 0, "the dialog closed");
  await (await s.testid("lang-toggle")).click();
  await s.waitText("loan-state", "正常还款");

  outstanding = await prepay(outstanding);

  // Cured: no overdue reminder for this loan on Today any more.
  await (await s.testid("nav-today")).click();
  await s.testid("reminders", 15000);
  await s.waitFor(async () => (await s.findAll('[data-testid="reminder-row"]')).length > 0 || (await s.findAll('[data-testid="reminders-empty"]')).length > 0, "the reminders");
  for (const more of await s.findAll('[data-testid="today-section-overdue"] [data-testid="today-show-all"][aria-expanded="false"]')) await more.click();
  assert.equal((await s.findAll(reminderRow("overdue", loanId))).length, 0, "the overdue reminder is gone");
  for (const more of await s.findAll('[data-testid="today-section-reviews"] [data-testid="today-show-all"][aria-expanded="false"]')) await more.click();
  // The quarterly statements fall due three months after signing, i.e. about now: snooze them.
  const review = await s.find(reminderRow("quarterly_review", loanId));
  assert.match(await review.text(), /应于 \d{4}-\d\d-\d\d/);
  // Snoozing is behind the row's ⋯ (each row has one primary action: done).
  await (await s.find(`${reminderRow("quarterly_review", loanId)} [data-testid="reminder-later"]`)).click();
  await (await s.find(`${reminderRow("quarterly_review", loanId)} [data-testid="reminder-snooze-3"]`)).click();
  await s.waitFor(async () => (await s.findAll(reminderRow("quarterly_review", loanId))).length === 0, "the review snoozed");
  await (await s.testid("nav-clients")).click();
  await (await s.testid("nav-today")).click();
  await s.testid("reminders", 15000);
  await s.waitFor(async () => (await s.findAll('[data-testid="reminder-row"]')).length > 0, "the reminders again");
  assert.equal((await s.findAll(reminderRow("quarterly_review", loanId))).length, 0, "still snoozed after reopening Today");

  // The portfolio moved by exactly this loan: one more, its outstanding principal added.
  const now = await readPortfolio();
  // The demo has late loans: their penalty and compound interest is shown beside the principal.
  assert.ok(centsPlain(await (await s.testid("portfolio-penalty")).attribute("data-value")) > 0n, "penalty accrued in the portfolio");
  assert.equal(now.loans, before.loans + 1);
  assert.equal(now.outstanding, before.outstanding + outstanding);
  for (const dim of ["by_tier", "by_industry", "by_classification", "by_age"]) {
    assert.ok((await s.findAll(`[data-testid="chart-${dim}"] [data-testid="bar"]`)).length > 0, dim);
  }
  assert.equal((await s.findAll('[data-testid="cash-row"]')).length, 12);
  assert.match(await s.text("portfolio-by_classification"), /关注/);
  await shot("servicing-portfolio-zh.png");
  await s.scrollTo(await s.testid("portfolio-cash-in"));
  await shot("servicing-portfolio-cash-zh.png");
  await (await s.testid("lang-toggle")).click();
  await s.waitText("portfolio-screen", "Expected cash-in by month");
  await s.scrollTo(await s.testid("portfolio-screen"));
  await shot("servicing-portfolio-en.png");
  await (await s.testid("nav-today")).click();
  await s.waitText("reminders", "Overdue repayments");
  await shot("servicing-today-reminders-en.png");
  await (await s.testid("lang-toggle")).click();
  await (await s.testid("nav-portfolio")).click();
  await s.waitText("portfolio-screen", "按月预计回款");

  await (await s.testid("portfolio-export")).click();
  await s.waitText("portfolio-exported", exportDir);
  const csvName = readdirSync(exportDir).find((f) => f.startsWith("portfolio-") && f.endsWith(".csv"));
  assert.ok(csvName && existsSync(join(exportDir, csvName)), "the CSV was written");
  const csv = readFileSync(join(exportDir, csvName), "utf8");
  assert.match(csv, /^\uFEFF维度,分组,笔数,贷款余额/);
  assert.match(csv, /五级分类,关注,/);
  await (await s.testid("portfolio-export-xlsx")).click();
  await s.waitFor(
    () => readdirSync(exportDir).some((f) => f.startsWith("portfolio-") && f.endsWith(".xlsx")),
    "the XLSX was written",
  );
  const xlsxName = readdirSync(exportDir).find((f) => f.startsWith("portfolio-") && f.endsWith(".xlsx"));
  // An XLSX is a zip: it starts with the local file header "PK\x03\x04".
  assert.equal(readFileSync(join(exportDir, xlsxName)).subarray(0, 4).toString("latin1"), "PK\x03\x04");

  // Settings: holidays and make-up working days, kept in the vault.
  await (await s.testid("nav-settings")).click();
  await s.testid("working-days-card", 15000);
  await s.setValue(await s.testid("wd-holidays-input"), "2027-02-16");
  await (await s.testid("wd-holidays-add")).click();
  await s.setValue(await s.testid("wd-extra_working_days-input"), "2027-02-16");
  await (await s.testid("wd-extra_working_days-add")).click();
  await s.waitText("working-days-card", "该日期已在另一列表中");
  await s.setValue(await s.testid("wd-extra_working_days-input"), "2027-02-20");
  await (await s.testid("wd-extra_working_days-add")).click();
  await (await s.testid("working-days-save")).click();
  await s.testid("working-days-saved");
  await (await s.testid("nav-today")).click();
  await (await s.testid("nav-settings")).click();
  await s.find('[data-testid="wd-holidays"] [data-testid="wd-date"][data-date="2027-02-16"]', 15000);
  await s.find('[data-testid="wd-extra_working_days"] [data-testid="wd-date"][data-date="2027-02-20"]');
  await s.scrollTo(await s.testid("working-days-card"));
  await shot("servicing-working-days-zh.png");

  // Settings: the LPR table. A figure entered by hand is kept; a bad rate is refused.
  await s.testid("lpr-card");
  await s.setValue(await s.testid("lpr-date"), "2026-11-20");
  await (await s.testid("lpr-tenor")).select("5y");
  await (await s.testid("lpr-percent")).type("abc");
  await (await s.testid("lpr-add")).click();
  await s.waitText("field-error-percent", "请输入数字");
  await (await s.testid("lpr-percent")).clearAndType("3.50");
  await (await s.testid("lpr-add")).click();
  await s.find('[data-testid="lpr-row"][data-date="2026-11-20"][data-tenor="5y"]', 10000);
  await (await s.testid("nav-today")).click();
  await (await s.testid("nav-settings")).click();
  const lprRow = await s.find('[data-testid="lpr-row"][data-date="2026-11-20"][data-tenor="5y"]', 15000);
  // Stored as the exact decimal entered, normalised (3.50 → 3.5).
  assert.match(await lprRow.text(), /5年期以上[\s\S]*3\.5%/);
  await s.scrollTo(await s.testid("lpr-card"));
  await shot("servicing-lpr-zh.png");
}
