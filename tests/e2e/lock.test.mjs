// End to end on the real app binary: a lock wins over long work, and the support log holds no
// client data. Open the demo vault, raise the import limit, start importing a 450 MB file (several
// seconds of work), press Ctrl+L while its progress bar shows: the unlock screen appears while the
// import would still be running, and after unlocking again the file is not in the vault (the
// import was stopped, not waited for). Then the log written during the run is searched for every
// demo client's name, contact and credit code, and none is found.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

let driver;
let s;
const shots = screenshotsDir();
const work = mkdtempSync(join(tmpdir(), "loandesk-lock-"));
const bigName = "可研报告-lock-e2e.pdf";
const bigPath = join(work, bigName);
const BIG = 450 * 1024 * 1024;

/** A PDF header then zeros: the sniffer accepts it as a PDF, and it costs no time to write. */
function makeBigPdf() {
  const fd = openSync(bigPath, "w");
  writeSync(fd, Buffer.from("%PDF-1.4\n% LoanDesk lock e2e\n", "latin1"));
  ftruncateSync(fd, BIG - 6);
  writeSync(fd, Buffer.from("%%EOF\n", "latin1"), 0, 6, BIG - 6);
  closeSync(fd);
}

before(async () => {
  makeBigPdf();
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4481), { LOANDESK_IMPORT_FILES: bigPath });
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => undefined);
  await driver?.stop();
});

test("lock: Ctrl+L during a long import locks at once and the import stores nothing", async () => {
  await (await s.testid("open-demo", 30000)).click();
  await s.testid("today-screen", 30000);

  // Settings: let a 450 MB file in (the default limit is 50 MB).
  await (await s.testid("nav-settings", 20000)).click();
  // Enabled once the current limit has loaded.
  await (await s.enabled("document-limit-mb", 20000)).clearAndType("500");
  await (await s.testid("save-document-limit")).click();
  await s.testid("document-limit-saved", 10000);

  await (await s.testid("nav-clients")).click();
  const first = await s.find('[data-testid="client-row"]', 15000);
  // The same client after unlocking, whatever the list's order is then.
  const clientId = await first.attribute("data-client-id");
  await first.click();
  await s.testid("client-detail");
  await (await s.testid("tab-documents", 15000)).click();
  await s.testid("documents-tab");
  const before = await documentCount();

  await (await s.testid("import-pick")).click();
  await s.find('[data-testid="import-progress"]', 20000);
  const asked = Date.now();
  await s.ctrl("l");
  await s.testid("unlock-screen", 20000);
  // The figure for the note; the proof is below (the import did not finish first).
  console.log(`lock honoured ${Date.now() - asked} ms after Ctrl+L, during the import`);
  await s.screenshot(join(shots, "lock-during-import.png"));

  await (await s.testid("unlock-password", 20000)).clearAndType("demo-loandesk");
  await (await s.testid("unlock-submit")).click();
  await s.testid("today-screen", 30000);
  await (await s.testid("nav-clients")).click();
  await (await s.find(`[data-testid="client-row"][data-client-id="${clientId}"]`, 15000)).click();
  await (await s.testid("tab-documents", 15000)).click();
  await s.testid("documents-tab");
  assert.equal(await documentCount(), before, "the stopped import stored nothing");
  const rows = await s.findAll('[data-testid="document-row"]');
  for (const r of rows) assert.equal((await r.text()).includes(bigName), false);
});

/** The documents listed once the list has loaded (rows, or the empty note). */
async function documentCount() {
  await s.waitFor(
    async () => (await s.findAll('[data-testid="document-row"], [data-testid="documents-empty"]')).length > 0,
    "the document list loaded",
    15000,
  );
  return (await s.findAll('[data-testid="document-row"]')).length;
}

test("log: the support log written during the run names no client", async () => {
  const logDir = join(driver.dataDir, "logs");
  const files = readdirSync(logDir).filter((f) => f.startsWith("loandesk"));
  assert.ok(files.length > 0, "a log file was written");
  const log = files.map((f) => readFileSync(join(logDir, f), "utf8")).join("\n");
  // The log is there to be useful: it names commands and their durations.
  assert.match(log, /documents_import_pick/);
  assert.match(log, /vault_lock/);
  assert.match(log, /time\.busy/);

  // Everything sensitive the demo vault holds, read back through the CLI.
  const cli = process.env.CLI_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, ".cache/loandesk-target"), "debug/loandesk");
  const clients = JSON.parse(
    execFileSync(cli, ["clients", "list", "--vault", join(driver.dataDir, "demo.loandesk"), "--format", "json"], {
      env: { ...process.env, LOANDESK_PASSWORD: "demo-loandesk" },
    }).toString(),
  );
  const secrets = [];
  const list = Array.isArray(clients) ? clients : clients.items;
  for (const c of list) {
    for (const v of [c.name, c.name_en, c.credit_code, c.primary_contact]) {
      if (typeof v === "string" && v.length >= 2) secrets.push(v);
    }
  }
  assert.ok(secrets.length >= 50, `the demo vault's names were read (${secrets.length})`);
  for (const secret of [...secrets, bigName, work, "demo-loandesk"]) {
    assert.equal(log.includes(secret), false, `the log holds ${JSON.stringify(secret)}`);
  }
});
