// End to end on the real app binary (issue 19, items 2 and 3): the client page opens on the work
// and its exports say what is on screen and who sends them. On a stage-5 demo client: the header
// shows stage, days in it, next contact, proposed amount, outstanding and overdue, and the tabs
// sit at the top, the checklist in its own tab with notes opened on demand. With the bank and
// officer cleared in Settings, the first export asks for them; the proposal of the calculator's
// unsaved terms, compared with the one saved scenario ticked, is read back with pdftotext (bank,
// branch, officer, phone, number, date), and its English copy keeps the number under another
// file name. Screenshots in zh and en at 1366×768 and 1280×800.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

let driver;
let s;
const shots = screenshotsDir();
const exportDir = mkdtempSync(join(tmpdir(), "loandesk-clientpage-export-"));
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const SIZES = [
  [1366, 768],
  [1280, 800],
];

before(async () => {
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4471), { LOANDESK_EXPORT_DIR: exportDir });
  s = await Session.create(driver.url, appBinary());
  await size(1366, 768);
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

const size = (width, height) => s.cmd("POST", "/window/rect", { x: 0, y: 0, width, height });
const flat = (t) => t.replace(/\s+/g, "");
const pdfText = (file) => execFileSync("pdftotext", ["-layout", join(exportDir, file), "-"]).toString();

/** Where an element is, in CSS pixels of the window. */
async function rect(el) {
  return s.cmd("POST", "/execute/sync", {
    script: "const r = arguments[0].getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height };",
    args: [{ [ELEMENT]: el.id }],
  });
}

async function scrollTop() {
  await s.cmd("POST", "/execute/sync", { script: "document.querySelector('.content').scrollTop = 0;", args: [] });
}

/** Switches the app's language (the shell's toggle) and waits for the labels to follow. */
async function toggleLanguage(to) {
  await (await s.testid("lang-toggle")).click();
  const label = to === "en" ? /Overview|Settings/ : /概览|设置/;
  await s.waitFor(async () => label.test(await s.pageText()), `${to} labels`);
}

/** At both sizes in the language shown, named with it. */
async function shootSizes(name, lang, prepare = async () => {}) {
  for (const [w, h] of SIZES) {
    await size(w, h);
    await prepare();
    await s.screenshot(join(shots, `${name}-${lang}-${w}x${h}.png`));
  }
  await size(1366, 768);
}

/** Both languages at both sizes, ending in Chinese (where it starts). */
async function shootAll(name, prepare = async () => {}) {
  await shootSizes(name, "zh", prepare);
  await toggleLanguage("en");
  await shootSizes(name, "en", prepare);
  await toggleLanguage("zh");
}

/** Sets the bank-and-officer fields shown (the Settings card or the export's dialog). */
async function fillSender(values) {
  for (const [key, v] of Object.entries(values)) {
    const input = await s.testid(`sender-${key}`);
    // Select all and delete, as an officer would: React sees the input events.
    await input.type("\uE009a\uE000\uE003");
    if (v !== "") await input.type(v);
    assert.equal(await input.value(), v);
  }
}

async function openStage5Client() {
  await (await s.testid("nav-board")).click();
  await s.testid("board-screen", 20000);
  const open = await s.find('[data-testid="board-column"][data-stage="5"] [data-testid="board-card"] [data-testid="board-open"]', 20000);
  await open.click();
  await s.testid("client-profile", 20000);
}

test("client page: header facts, tabs at the top, compact checklist; exports named, numbered and per language", async () => {
  try {
    await clientPage();
  } catch (e) {
    await s.screenshot(join(shots, "client-page-failure.png")).catch(() => {});
    throw e;
  }
});

async function clientPage() {
  await (await s.testid("open-demo", 30000)).click();
  await s.testid("nav-board", 30000);

  // Clear the demo's bank and officer, so the first export has to ask for them.
  await (await s.testid("nav-settings")).click();
  const card = await s.testid("bank-officer-card", 20000);
  await s.waitFor(async () => (await (await s.testid("sender-bank_name")).value()) !== "", "the demo's bank in Settings");
  assert.equal(await (await s.testid("sender-officer_phone")).value(), "0512-6288 1234");
  await fillSender({ bank_name: "", branch: "", officer_name: "", officer_phone: "" });
  await (await s.testid("save-sender")).click();
  await s.testid("sender-saved");

  await openStage5Client();
  const clientName = await s.text("client-title");

  // The header: the facts an officer looks for first, each with a value.
  for (const id of ["profile-stage", "profile-next-contact", "profile-proposed", "profile-loans", "profile-overdue"]) {
    assert.notEqual((await s.text(id)).trim(), "", id);
  }
  assert.match(await s.text("profile-stage"), /5/);
  assert.match(await (await s.testid("profile-stage")).attribute("data-days"), /^\d+$/);
  const proposed = await (await s.testid("profile-proposed")).attribute("data-amount");
  assert.match(proposed, /^\d+(\.\d+)?$/, "a stage-5 demo client has a proposed amount");
  assert.match(await s.text("profile-loans"), /\d/);
  // In the client screens' unit (元 until changed): whole yuan, the unit after the figure.
  assert.match(await s.text("profile-proposed"), /^\d{1,3}(,\d{3})* 元$/);

  // The tabs are at the top: in the first screen, before any checklist.
  const tabs = await s.find('[role="tablist"]');
  assert.ok((await rect(tabs)).bottom < 400, `tabs at ${JSON.stringify(await rect(tabs))}`);
  for (const t of ["overview", "journey", "calculator", "loans", "documents"]) await s.testid(`tab-${t}`);
  assert.equal((await s.findAll('[data-testid="journey-panel"]')).length, 0, "no checklist on the overview");
  await shootAll("client-overview", scrollTop);

  // The journey tab: a compact checklist, a note box only when asked for.
  await (await s.testid("profile-stage-open")).click();
  await s.testid("journey-panel", 15000);
  const items = await s.findAll('[data-testid="checklist"] [data-testid="checklist-item"]');
  assert.ok(items.length >= 3, `${items.length} items`);
  assert.equal((await s.findAll('[data-testid="item-note"]')).length, 0, "no note box until one is opened");
  const list = await rect(await s.testid("checklist"));
  assert.ok(list.height / items.length <= 48, `${(list.height / items.length).toFixed(1)} px per item`);
  const openers = await s.findAll('[data-testid="checklist"] [data-testid="item-note-open"]');
  assert.ok(openers.length > 0, "an item without a note offers one");
  const key = await openers[0].attribute("data-item-key");
  await openers[0].click();
  const note = await s.find(`[data-testid="item-note"][data-item-key="${key}"]`);
  await note.type("客户周五补交原件");
  await (await s.find(`[data-testid="item-note-save"][data-item-key="${key}"]`)).click();
  let seen = [];
  await s
    .waitFor(async () => {
      const shown = await s.findAll(`[data-testid="item-note-text"][data-item-key="${key}"]`);
      seen = await Promise.all(shown.map((e) => e.cmd("GET", "/property/textContent")));
      return seen.length === 1 && seen[0].includes("客户周五补交原件");
    }, "the saved note shown on its line")
    .catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(seen)}`);
    });
  assert.equal((await s.findAll('[data-testid="item-note"]')).length, 0, "the box closes once saved");
  await shootAll("client-journey", scrollTop);

  // The calculator opens on the proposed scenario; the export prints what is on screen.
  await (await s.testid("tab-calculator")).click();
  await s.testid("loan-calculator");
  await s.waitFor(async () => Number(await (await s.testid("calc-principal")).value()) === Number(proposed), "the proposed scenario loaded");
  await s.waitFor(async () => (await s.testid("export-proposal")).cmd("GET", "/enabled"), "the scenario shown, ready to export");
  const saved = await s.findAll('[data-testid="scenario-item"]');
  assert.ok(saved.length >= 1);
  // The scenario shown is not offered to compare with itself.
  const shownId = await (await s.find('[data-testid="scenario-item"][data-proposed="true"]')).attribute("data-scenario-id");
  assert.equal((await s.findAll(`[data-testid="export-compare-item"][data-scenario-id="${shownId}"]`)).length, 0);

  // Unsaved terms: exported as shown, compared with the saved proposal when it is ticked.
  await (await s.testid("calc-principal")).clearAndType("1234567");
  await s.waitFor(async () => (await s.text("export-shown")).includes("1,234,567"), "the export line follows the terms");
  const compare = await s.find(`[data-testid="export-compare-item"][data-scenario-id="${shownId}"]`);
  assert.equal(await compare.cmd("GET", "/selected"), false, "nothing compared by default");
  await compare.click();
  await (await s.testid("export-lang")).select("zh");
  await (await s.testid("export-purpose")).type("补充流动资金");
  await s.scrollTo(await s.testid("export-panel"));
  await shootAll("client-calculator-export", async () => s.scrollTo(await s.testid("export-panel")));

  // The first export asks who sends it (the dialog covers the language toggle: closed, switched,
  // opened again for the English screenshots).
  const exportButton = async (label) => s.waitFor(async () => (await s.text("export-proposal")) === label, label);
  const dialogTitle = async (label) => s.waitFor(async () => (await s.text("sender-dialog")).includes(label), label);
  const closeDialog = async () => {
    await s.cmd("POST", "/execute/sync", { script: "document.querySelector('.modal-backdrop')?.click();", args: [] });
    await s.waitFor(async () => (await s.findAll('[data-testid="sender-dialog"]')).length === 0, "the dialog closed");
  };
  await (await s.testid("export-proposal")).click();
  await s.testid("sender-dialog", 10000);
  await dialogTitle("这份文件由谁出具");
  await shootSizes("client-sender-dialog", "zh");
  await closeDialog();
  await (await s.testid("lang-toggle")).click();
  await exportButton("Export proposal");
  await (await s.testid("export-proposal")).click();
  await s.testid("sender-dialog", 10000);
  await dialogTitle("Who is this document from?");
  await shootSizes("client-sender-dialog", "en");
  await closeDialog();
  await (await s.testid("lang-toggle")).click();
  await exportButton("导出方案建议书");
  assert.equal(readdirSync(exportDir).length, 0, "closing the dialog exports nothing");
  await (await s.testid("export-proposal")).click();
  await s.testid("sender-dialog", 10000);
  await fillSender({ bank_name: "中国工商银行", branch: "苏州工业园区支行", officer_name: "周晓东", officer_phone: "0512-6288 9999" });
  await (await s.testid("sender-save-export")).click();
  await s.testid("export-done", 30000);
  const zhFile = readdirSync(exportDir).find((f) => f.endsWith("-zh.pdf"));
  assert.equal(zhFile, `${clientName}-贷款方案建议书-zh.pdf`);
  const zh = flat(pdfText(zhFile));
  const number = zh.match(/方案编号(\d{4}-\d{4})/)?.[1];
  assert.ok(number, "a proposal number");
  const now = new Date();
  assert.equal(number.slice(0, 4), String(now.getFullYear()));
  for (const expected of [
    "银行中国工商银行",
    "经办机构苏州工业园区支行",
    "客户经理周晓东",
    "联系电话0512-62889999",
    `日期${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`,
    "1,234,567.00元", // the loan amount in the officer's PDF unit (元 here, to the fen)
    "方案一（建议）方案二",
    "出具机构中国工商银行苏州工业园区支行",
  ]) {
    assert.ok(zh.includes(expected), `${expected} in the Chinese proposal`);
  }

  // The English copy: asked nothing, another file, the same number.
  await (await s.testid("export-lang")).select("en");
  await (await s.testid("export-proposal")).click();
  await s.waitFor(async () => readdirSync(exportDir).some((f) => f.endsWith("-en.pdf")), "the English file", 30000);
  assert.equal((await s.findAll('[data-testid="sender-dialog"]')).length, 0, "asked only once");
  const enFile = readdirSync(exportDir).find((f) => f.endsWith("-en.pdf"));
  assert.equal(enFile, `${clientName}-loan-proposal-en.pdf`);
  const en = flat(pdfText(enFile));
  for (const expected of [`ProposalNo.${number}`, "Bank中国工商银行", "Branch苏州工业园区支行", "Phone0512-62889999", "Option1(proposed)Option2"]) {
    assert.ok(en.includes(expected), `${expected} in the English proposal`);
  }
  assert.ok(readdirSync(exportDir).includes(zhFile), "the Chinese file is still there");

  // The schedule of the terms shown, in Chinese.
  await (await s.testid("export-lang")).select("zh");
  await (await s.testid("export-schedule")).click();
  await s.waitFor(async () => readdirSync(exportDir).some((f) => f.endsWith("还款计划表-zh.pdf")), "the schedule file", 30000);
  const schedule = flat(pdfText(`${clientName}-还款计划表-zh.pdf`));
  assert.ok(schedule.includes("1,234,567.00元"), "the schedule of the terms on screen");
  assert.ok(schedule.includes("客户经理周晓东"), "the schedule names the officer");

  // Settings shows what the dialog saved.
  await (await s.testid("nav-settings")).click();
  await s.testid("bank-officer-card", 20000);
  await s.waitFor(async () => (await (await s.testid("sender-bank_name")).value()) === "中国工商银行", "the saved bank");
  assert.equal(await (await s.testid("sender-officer_phone")).value(), "0512-6288 9999");
  // A phone with letters is refused and changes nothing.
  await (await s.testid("sender-officer_phone")).clearAndType("call me");
  await (await s.testid("save-sender")).click();
  await s.find('[data-testid="bank-officer-card"] .field-error', 10000);
  await shootAll("settings-bank-officer", async () => s.scrollTo(await s.testid("bank-officer-card")));
  assert.ok(card);
}
