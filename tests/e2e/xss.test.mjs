// End to end on the real app binary: client-supplied text that looks like markup or script is
// shown as text on every screen and in the PDFs, never run. A client whose name, English name,
// notes, contact, touchpoint, checklist item, loan scenario and document name carry
// `<img src=x onerror=alert(1)>` and `<script>window.__pwned=1</script>` is visited on the client
// list, each client tab, Today, the board, the funnel, the portfolio and Settings; a proposal PDF is exported
// and read back with pdftotext.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>window.__pwned=1</script>";
const NAME = `${IMG}恶意测试有限公司`;
const PASSWORD = "Officer-pass-2026";

const exportDir = mkdtempSync(join(tmpdir(), "loandesk-xss-export-"));
const importDir = mkdtempSync(join(tmpdir(), "loandesk-xss-import-"));
// A document whose file name is markup (legal on Linux); the content is a small PDF.
const docName = `${IMG}.pdf`;
writeFileSync(join(importDir, docName), "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const shots = screenshotsDir();
let driver;
let s;

before(async () => {
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4471), {
    LOANDESK_EXPORT_DIR: exportDir,
    LOANDESK_IMPORT_FILES: join(importDir, docName),
  });
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

const run = (script, ...args) => s.cmd("POST", "/execute/sync", { script, args });

/** Nothing ran and nothing was injected: no alert open, no flag set, no stray <img src=x>. */
async function assertInert(where) {
  const alert = await s.cmd("GET", "/alert/text").then(
    (text) => text,
    () => null, // "no such alert": what we want
  );
  assert.equal(alert, null, `an alert is open on ${where}`);
  const state = await run(
    "return { pwned: window.__pwned === undefined ? null : String(window.__pwned)," +
      " imgs: document.querySelectorAll('img[src=\"x\"]').length," +
      " scripts: Array.from(document.scripts).filter(x => x.textContent.includes('__pwned')).length };",
  );
  assert.deepEqual(state, { pwned: null, imgs: 0, scripts: 0 }, `injected markup on ${where}`);
}

async function assertShown(where, ...texts) {
  const body = await s.pageText();
  for (const text of texts) assert.ok(body.includes(text), `${where} shows ${text} as text`);
}

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

test("markup in client text is shown as text everywhere and in the PDF", async () => {
  await (await s.testid("create-password", 30000)).type(PASSWORD);
  await (await s.testid("create-confirm")).type(PASSWORD);
  await (await s.testid("create-submit")).click();

  // The client, every free-text field carrying markup.
  await (await s.testid("nav-clients", 20000)).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("new-client")).click();
  await (await s.testid("field-name")).type(NAME);
  await (await s.testid("field-name-en")).type(SCRIPT);
  await (await s.testid("field-industry")).type(IMG);
  await (await s.testid("contact-name-0")).type(IMG);
  await (await s.testid("contact-role-0")).type(SCRIPT);
  await (await s.testid("contact-phone-0")).type("13800138000");
  await (await s.testid("field-notes")).type(`${SCRIPT} ${IMG}`);
  await (await s.testid("save-client")).click();
  await s.testid("client-detail", 20000);
  await assertShown("the client page", NAME, SCRIPT, IMG);
  await assertInert("the client page");

  // A touchpoint due today (so Today lists it) and a one-off checklist item.
  await (await s.testid("tp-summary")).type(`${IMG} 首次拜访`);
  await (await s.testid("tp-next-step")).type(SCRIPT);
  await s.setValue(await s.testid("tp-next-date"), todayIso());
  await (await s.testid("tp-save")).click();
  await s.waitFor(async () => (await s.pageText()).includes(`${IMG} 首次拜访`), "the touchpoint");
  await (await s.testid("tab-journey")).click();
  await (await s.testid("add-item-label", 15000)).type(IMG);
  await (await s.testid("add-item-save")).click();
  await s.waitFor(async () => (await (await s.testid("journey-panel")).text()).includes(IMG), "the checklist item");
  await assertInert("the client page after edits");
  await s.screenshot(join(shots, "xss-client.png"));

  // Loan calculator tab: a saved scenario whose label is markup.
  await (await s.testid("tab-calculator")).click();
  await s.testid("loan-calculator");
  await (await s.testid("calc-principal")).type("1000000");
  await s.testid("calc-payment", 15000);
  await (await s.testid("scenario-label")).type(IMG);
  await (await s.testid("scenario-proposed")).click();
  await (await s.testid("scenario-save")).click();
  await s.testid("scenario-saved", 15000);
  await assertShown("the calculator", IMG);
  await assertInert("the calculator tab");

  // Documents tab: a file whose name is markup.
  await (await s.testid("tab-documents")).click();
  await (await s.testid("import-pick", 15000)).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="document-row"]')).length === 1, "the imported document", 20000);
  await assertShown("the documents tab", docName);
  await assertInert("the documents tab");
  await s.screenshot(join(shots, "xss-documents.png"));

  // The loans tab (post-disbursement) of the same client.
  await (await s.testid("tab-loans")).click();
  await s.waitFor(async () => (await s.findAll('[role="tabpanel"]:not([hidden])')).length > 0, "the loans tab");
  await assertInert("the loans tab");

  // The PDF: the proposal (from the calculator, which exports what it shows) carries the client's
  // name, the purpose and risks typed here, and the sender the first export asks for.
  await (await s.testid("tab-calculator")).click();
  await (await s.testid("export-purpose")).type(SCRIPT);
  await (await s.testid("export-risks")).type(IMG);
  await (await s.testid("export-proposal")).click();
  await s.testid("sender-dialog", 15000);
  await (await s.testid("sender-bank_name")).type(IMG);
  await (await s.testid("sender-branch")).type("支行");
  await (await s.testid("sender-officer_name")).type(SCRIPT.slice(0, 60));
  await assertInert("the sender dialog");
  await (await s.testid("sender-save-export")).click();
  await s.testid("export-done", 30000);
  const pdfs = readdirSync(exportDir).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 1);
  const text = execFileSync("pdftotext", ["-layout", join(exportDir, pdfs[0]), "-"]).toString();
  // pdftotext keeps the characters; layout may break a long line, so compare without spaces.
  const flat = text.replace(/\s+/g, "");
  for (const literal of [NAME, SCRIPT, IMG]) {
    assert.ok(flat.includes(literal.replace(/\s+/g, "")), `the PDF shows ${literal} literally`);
  }

  // Every other screen that shows client text.
  await (await s.testid("nav-clients")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="client-row"]')).length === 1, "the client row");
  await assertShown("the client list", NAME);
  await assertInert("the client list");
  await s.screenshot(join(shots, "xss-clients.png"));

  await (await s.testid("nav-today")).click();
  await s.testid("reminders", 15000);
  // The client's creation is in the recent activity, a section that opens on request.
  await (await s.find('[data-testid="today-section-recent"] [data-testid="today-section-toggle"]')).click();
  await s.waitFor(async () => (await (await s.testid("today-screen")).text()).includes(NAME), "the client on Today");
  await assertInert("Today");
  await s.screenshot(join(shots, "xss-today.png"));

  await (await s.testid("nav-board")).click();
  await s.find('[data-testid="board-card"]', 15000);
  await assertShown("the board", NAME);
  await assertInert("the board");

  await (await s.testid("nav-funnel")).click();
  await s.testid("funnel-table", 15000);
  await assertInert("the funnel");

  await (await s.testid("nav-portfolio")).click();
  await s.testid("portfolio-screen", 15000);
  await assertInert("the portfolio");

  await (await s.testid("nav-settings")).click();
  await s.testid("settings-screen", 15000);
  await assertInert("Settings");

  // Locking leaves none of it in the DOM.
  await s.ctrl("l");
  await s.testid("unlock-screen", 20000);
  const html = await s.cmd("GET", "/source");
  assert.equal(html.includes("恶意测试有限公司"), false, "client data in the DOM after lock");
  await assertInert("the unlock screen");
});
