// End to end on the real app binary: vault safety as the officer meets it. Copy a phone and a
// credit code (the clipboard is cleared after the delay, and at once on lock), lock (no client
// data left anywhere in the DOM), the automatic backup at unlock, "Back up now" with its own
// password, restore from the unlock screen (the current vault set aside, not overwritten), and
// a tampered vault refused with `damaged`.
//
// Native dialogs cannot be clicked through WebDriver, so the app answers them from the
// environment: LOANDESK_BACKUP_DIR (save and folder dialogs) and LOANDESK_RESTORE_FILE.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

const PASSWORD = "Officer-pass-2026";
const BACKUP_PASSWORD = "Backup-only-2026";
const CLIENT = "温州瓯江阀门制造有限公司";
const LATER_CLIENT = "台州海峰塑业有限公司";
const PHONE = "13912345678";
const CREDIT_CODE = "91350100M000100Y43";
const CLEAR_SECONDS = 6;

const backupDir = mkdtempSync(join(tmpdir(), "loandesk-backups-"));
const restoreFile = join(backupDir, "to-restore.ldbackup");
const shots = screenshotsDir();
let driver;
let s;

before(async () => {
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4461), {
    LOANDESK_BACKUP_DIR: backupDir,
    LOANDESK_RESTORE_FILE: restoreFile,
    LOANDESK_CLIPBOARD_CLEAR_SECONDS: String(CLEAR_SECONDS),
  });
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

/** The X11 clipboard as another program sees it (null when nothing is offered). */
function clipboard() {
  try {
    return execFileSync("xclip", ["-o", "-selection", "clipboard"], { timeout: 5000, stdio: ["ignore", "pipe", "ignore"] }).toString();
  } catch {
    return null;
  }
}

const source = () => s.cmd("GET", "/source");

async function unlock(password) {
  await (await s.testid("unlock-password", 20000)).clearAndType(password);
  await (await s.testid("unlock-submit")).click();
}

async function lock() {
  await s.ctrl("l");
  await s.testid("unlock-screen", 20000);
}

async function openClient(name) {
  await (await s.testid("nav-clients", 20000)).click();
  await s.testid("clients-screen", 20000);
  const search = await s.testid("client-search");
  await search.clearAndType(name);
  await s.waitFor(async () => {
    const rows = await s.findAll('[data-testid="client-row"]');
    return rows.length === 1 && (await rows[0].text()).includes(name);
  }, `the row of ${name}`);
  await (await s.testid("client-row")).click();
  await s.testid("client-detail", 20000);
}

async function addClient(name, withContact) {
  await (await s.testid("nav-clients", 20000)).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("new-client")).click();
  await (await s.testid("field-name")).type(name);
  if (withContact) {
    await (await s.testid("field-credit-code")).type(CREDIT_CODE);
    await (await s.testid("contact-name-0")).type("李娜");
    await (await s.testid("contact-phone-0")).type(PHONE);
  }
  await (await s.testid("save-client")).click();
  await s.testid("client-detail", 20000);
}

const files = (dir, re) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)) : []);

test("vault safety: clipboard, lock, backups, restore, damage", async () => {
  // A new vault and a client with a phone and a credit code.
  await (await s.testid("create-password", 30000)).type(PASSWORD);
  await (await s.testid("create-confirm")).type(PASSWORD);
  await (await s.testid("create-submit")).click();
  await addClient(CLIENT, true);

  // Copy the phone: on the clipboard now, gone after the delay (nothing else was copied).
  await (await s.testid("copy-phone-0")).click();
  await s.testid("copy-phone-0-done");
  await s.waitFor(() => clipboard() === PHONE, "the phone on the clipboard");
  await s.screenshot(join(shots, "copied.png"));
  await s.waitFor(() => clipboard() !== PHONE, "the clipboard to be cleared", (CLEAR_SECONDS + 10) * 1000);

  // Copy the credit code, then lock: it leaves the clipboard at once, not after the delay.
  await (await s.testid("copy-credit-code")).click();
  await s.waitFor(() => clipboard() === CREDIT_CODE, "the credit code on the clipboard");
  const lockedAt = Date.now();
  await lock();
  await s.waitFor(() => clipboard() !== CREDIT_CODE, "the clipboard cleared by the lock");
  assert.ok(Date.now() - lockedAt < CLEAR_SECONDS * 1000, "cleared by the lock, before the timer");

  // Locked: no client data anywhere in the DOM (hidden elements and attributes included).
  const html = await source();
  for (const secret of [CLIENT, PHONE, CREDIT_CODE, "李娜"]) {
    assert.equal(html.includes(secret), false, `${secret} left in the DOM after lock`);
  }

  // Unlocking runs the automatic backup (due: never backed up) into the default folder.
  const autoDir = join(driver.dataDir, "backups");
  await unlock(PASSWORD);
  await s.testid("nav-clients", 20000);
  await s.waitFor(() => files(autoDir, /^loandesk-\d{8}-\d{6}\.ldbackup$/).length === 1, "the automatic backup", 20000);

  await (await s.testid("nav-settings", 20000)).click();
  const card = await s.testid("backup-card", 20000);
  await s.waitFor(async () => (await (await s.testid("backup-last")).attribute("data-last")) !== "", "the last backup time");
  assert.equal(await (await s.testid("backup-folder")).text(), autoDir);
  assert.equal(await (await s.testid("backup-keep")).value(), "7");
  assert.equal(await (await s.testid("backup-interval")).value(), "1");

  // Back up now, with a separate password: a mismatch is caught first.
  await (await s.testid("backup-separate")).click();
  await (await s.testid("backup-password")).type(BACKUP_PASSWORD);
  await (await s.testid("backup-password-confirm")).type("something else");
  await (await s.testid("backup-now")).click();
  await s.testid("backup-password-mismatch");
  await (await s.testid("backup-password-confirm")).clearAndType(BACKUP_PASSWORD);
  await (await s.testid("backup-now")).click();
  const written = await s.testid("backup-written", 30000);
  const made = files(backupDir, /^loandesk-backup-.*\.ldbackup$/);
  assert.equal(made.length, 1);
  assert.ok((await written.text()).includes(made[0]));
  await s.cmd("POST", "/execute/sync", {
    script: "arguments[0].scrollIntoView({block: 'start'})",
    args: [{ "element-6066-11e4-a52e-4f735466cecf": card.id }],
  });
  await s.screenshot(join(shots, "settings-backup.png"));
  await s.cmd("POST", "/execute/sync", {
    script: "arguments[0].scrollIntoView({block: 'end'})",
    args: [{ "element-6066-11e4-a52e-4f735466cecf": (await s.testid("backup-schedule")).id }],
  });
  await s.screenshot(join(shots, "settings-backup-schedule.png"));
  await (await s.testid("lang-toggle")).click();
  await s.waitFor(async () => (await (await s.testid("backup-now")).text()).includes("Back up now"), "the English labels");
  await s.screenshot(join(shots, "settings-backup-schedule-en.png"));
  await (await s.testid("lang-toggle")).click();
  // The backup is encrypted: no client name in its bytes.
  const bytes = readFileSync(join(backupDir, made[0]));
  assert.equal(bytes.includes(Buffer.from(CLIENT)), false);
  copyFileSync(join(backupDir, made[0]), restoreFile);

  // Work after the backup, then restore from the unlock screen.
  await addClient(LATER_CLIENT, false);
  await lock();
  await (await s.testid("restore-open")).click();
  await (await s.testid("restore-pick")).click();
  assert.equal(await (await s.testid("restore-file")).text(), "to-restore.ldbackup");
  assert.match(await (await s.testid("restore-consequence")).text(), /不会被删除|not deleted/);
  await (await s.testid("restore-password")).type(PASSWORD); // the vault's, not the backup's
  await (await s.testid("restore-submit")).click();
  await (await s.testid("confirm-ok", 10000)).click();
  const wrong = await s.testid("error-message", 30000);
  assert.equal(await wrong.attribute("data-error-code"), "wrong_password");
  await (await s.testid("restore-password")).type(BACKUP_PASSWORD);
  await s.screenshot(join(shots, "restore-form.png"));
  await (await s.testid("restore-submit")).click();
  await s.testid("confirm-dialog");
  await s.screenshot(join(shots, "restore-confirm.png"));
  await (await s.testid("confirm-ok")).click();
  const aside = await s.testid("restore-aside", 30000);
  assert.match(await aside.text(), /vault-before-restore-\d{8}-\d{6}\.loandesk/);
  await s.screenshot(join(shots, "restore-done.png"));
  assert.equal(files(driver.dataDir, /^vault-before-restore-.*\.loandesk$/).length, 1);
  await (await s.testid("restore-continue")).click();

  // The restored vault holds what the backup held, and opens with the backup's password.
  await openClient(CLIENT);
  await (await s.testid("nav-clients")).click();
  await (await s.testid("client-search")).clearAndType(LATER_CLIENT);
  await s.testid("clients-empty");
  assert.equal((await s.findAll('[data-testid="client-row"]')).length, 0, "the client added after the backup");
  await lock();
  await unlock(BACKUP_PASSWORD);
  await (await s.testid("nav-clients", 20000)).click();
  await lock();

  // A tampered byte in the vault: the next unlock refuses it as damaged and reads nothing.
  const vaultFile = join(driver.dataDir, "vault.loandesk");
  const vault = readFileSync(vaultFile);
  vault[4096 + 2000] ^= 0x5a;
  writeFileSync(vaultFile, vault);
  await unlock(BACKUP_PASSWORD);
  const damaged = await s.testid("error-message", 30000);
  await s.screenshot(join(shots, "damaged.png"));
  assert.equal(await damaged.attribute("data-error-code"), "damaged", await damaged.text());
  assert.match(await damaged.text(), /完整性|integrity/);
  await s.screenshot(join(shots, "damaged.png"));
});
