// End to end on the real app binary: OCR of a business licence and a scanned balance sheet
// (issue 18). A synthetic licence photo (crates/ocr/src/fixtures.rs, photographed at 200 dpi) is
// drawn at test time by `cargo run -p loandesk-cli --example ocr_fixture`, and the native picker
// is answered by LOANDESK_SCAN_FILE. A new client is filled from it: the review dialog shows the
// page with its boxes and each value beside the (empty) form's; all accepted, the form saved, the
// client reopened with its credit code, name and legal representative, and the photo kept as the
// client's licence document. From that document, "Read licence" again shows the values now equal
// to the client's. Then a scanned balance sheet imported as a document is read into the
// statement preview and accepted. Screenshots in zh and en at 1366×768.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PASSWORD = "correct horse battery staple 42";
// Licence::sample() in crates/ocr/src/fixtures.rs.
const CODE = "91430100MA4L2X8P3Y";
const NAME = "湖南星沙精密机械制造有限公司";
const LEGAL_REP = "张伟";

const pages = mkdtempSync(join(tmpdir(), "loandesk-ocr-e2e-"));
const LICENCE = join(pages, "营业执照-照片.jpg");
const SHEET = join(pages, "资产负债表-扫描.png");

let driver;
let s;
const shots = screenshotsDir();

function fixture(kind, out) {
  execFileSync("cargo", ["run", "-q", "-p", "loandesk-cli", "--example", "ocr_fixture", "--", kind, out], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

before(async () => {
  fixture("licence-photo", LICENCE);
  fixture("balance-sheet", SHEET);
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4470), {
    LOANDESK_SCAN_FILE: LICENCE,
    LOANDESK_IMPORT_FILES: SHEET,
  });
  s = await Session.create(driver.url, appBinary());
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});


async function shot(name) {
  await s.cmd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200)));",
    args: [],
  });
  await s.screenshot(join(shots, name));
}

/** The language switch, pressed through the page: a dialog's backdrop covers it for a pointer. */
async function toggleLang(expect) {
  await s.cmd("POST", "/execute/sync", { script: "document.querySelector('[data-testid=\"lang-toggle\"]').click();", args: [] });
  await s.waitFor(async () => (await s.pageText()).includes(expect), `the page to read “${expect}”`, 10000);
}

/** The review dialog, with its page image drawn: each field's proposed value by key. */
async function reviewValues() {
  const dialog = await s.testid("licence-review", 90000);
  await s.testid("ocr-page-image", 15000);
  await s.waitFor(
    async () => s.cmd("POST", "/execute/sync", { script: "const i = document.querySelector('[data-testid=\"ocr-page-image\"]'); return !!i && i.complete && i.naturalWidth > 0;", args: [] }),
    "the page image drawn",
    10000,
  );
  const out = {};
  for (const row of await s.findAll('[data-testid="licence-field"]')) {
    const key = await row.attribute("data-field");
    out[key] = await (await s.testid(`proposed-${key}`)).value();
  }
  return { dialog, values: out };
}

test("licence OCR: a new client filled from a licence photo, accepted, saved; a scanned statement accepted", async () => {
  try {
    await licence();
  } catch (e) {
    await s.screenshot(join(shots, "ocr-failure.png")).catch(() => {});
    throw e;
  }
});

async function licence() {
  await s.testid("unlock-screen", 30000);
  await (await s.testid("create-password")).type(PASSWORD);
  await (await s.testid("create-confirm")).type(PASSWORD);
  await (await s.testid("create-submit")).click();
  await (await s.testid("nav-clients", 20000)).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("new-client")).click();
  await s.testid("client-form", 10000);

  // Fill from the licence photo: progress while the models load and the page is read.
  const started = Date.now();
  await (await s.testid("fill-from-licence")).click();
  await s.testid("ocr-progress", 10000);
  const { values } = await reviewValues();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`licence read in the app (debug build, models loaded first): ${seconds} s`);
  assert.equal(values.credit_code, CODE);
  assert.equal(values.name, NAME);
  assert.equal(values.legal_representative, LEGAL_REP);
  assert.equal(values.registered_capital, "伍佰万元整");
  assert.equal(values.established_on, "2016-03-15");
  assert.equal(await (await s.testid("credit-code-state")).attribute("data-state"), "valid");
  // The form was empty: nothing to compare with, every field ticked.
  assert.equal(await (await s.testid("current-name")).text(), "—");
  const boxes = await s.findAll('[data-testid="ocr-boxes"] polygon');
  assert.ok(boxes.length >= 15, `boxes drawn: ${boxes.length}`);
  await shot("ocr-licence-review-zh.png");
  await toggleLang("Business licence: check the values read");
  await shot("ocr-licence-review-en.png");
  await toggleLang("营业执照：核对识别结果");

  // Untick one, then "tick all": every field is applied to the form, nothing saved yet.
  await (await s.testid("accept-business_scope")).click();
  assert.equal(await (await s.testid("licence-apply")).text(), "应用所选（7）");
  await (await s.testid("licence-accept-all")).click();
  assert.equal(await (await s.testid("licence-apply")).text(), "应用所选（8）");
  await (await s.testid("licence-apply")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="licence-review"]')).length === 0, "the dialog closed");
  assert.equal(await (await s.testid("field-name")).value(), NAME);
  assert.equal(await (await s.testid("field-credit-code")).value(), CODE);
  assert.equal(await (await s.testid("contact-name-0")).value(), LEGAL_REP);
  assert.equal(await (await s.testid("contact-role-0")).value(), "法定代表人");
  assert.match(await (await s.testid("field-notes")).value(), /注册资本：伍佰万元整/);
  await (await s.testid("save-client")).click();
  await s.testid("client-detail", 20000);

  // Reopened from the list: saved as accepted, and the photo is the client's licence document.
  await (await s.testid("back-to-list")).click();
  await s.testid("clients-screen", 20000);
  await s.waitFor(async () => (await s.findAll('[data-testid="client-row"]')).length === 1, "the client's row", 15000);
  await (await s.testid("client-row")).click();
  await s.testid("client-detail", 20000);
  await s.waitFor(async () => (await (await s.testid("client-title")).text()).includes(NAME), "the name");
  assert.match(await (await s.testid("client-info")).text(), new RegExp(CODE));
  const contacts = await (await s.testid("contact-list")).text();
  assert.match(contacts, new RegExp(LEGAL_REP));
  assert.match(contacts, /法定代表人/);
  await (await s.testid("tab-documents")).click();
  await s.testid("documents-tab", 10000);
  const row = await s.waitFor(async () => {
    const rows = await s.findAll('[data-testid="document-row"]');
    return rows.length === 1 ? rows[0] : null;
  }, "the licence document", 15000);
  assert.equal(await row.attribute("data-kind"), "business-licence");

  // Read from the document in the vault: the values now match the client's.
  const again = Date.now();
  await (await s.testid("document-read-licence")).click();
  await reviewValues();
  console.log(`licence read again in the app (models already loaded): ${((Date.now() - again) / 1000).toFixed(1)} s`);
  assert.equal(await (await s.testid("current-credit_code")).text(), CODE);
  assert.equal(await (await s.testid("current-legal_representative")).text(), LEGAL_REP);
  // Values already the client's are marked so, and left unticked.
  await s.testid("same-credit_code");
  await s.testid("same-name");
  assert.equal(await (await s.testid("accept-name")).cmd("GET", "/property/checked"), false);
  await shot("ocr-licence-document-zh.png");
  await toggleLang("Client now");
  await shot("ocr-licence-document-en.png");
  await (await s.testid("licence-cancel")).click();
  await toggleLang("识别营业执照");

  // A scanned balance sheet imported as a document, read into the statement preview.
  await (await s.testid("import-kind")).select("financial-statements");
  await (await s.testid("import-pick")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="document-read-statement"]')).length === 1, "the scanned statement", 20000);
  await (await s.testid("document-read-statement")).click();
  await s.testid("statement-preview", 90000);
  assert.equal(await (await s.testid("figure-total-assets-2024")).value(), "30065290.32");
  assert.equal(await (await s.testid("figure-cash-2023")).value() !== "", true);
  await shot("ocr-statement-preview-zh.png");
  await toggleLang("Scanned statement: check the figures read");
  await shot("ocr-statement-preview-en.png");
  await toggleLang("纸质报表：核对识别的数字");
  await (await s.testid("statement-accept")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="statement-preview"]')).length === 0, "the preview closed", 15000);
  await s.testid("ratio-table", 15000);
  await s.waitFor(async () => /2024/.test(await (await s.testid("documents-message")).text()), "the figures stored");
}
