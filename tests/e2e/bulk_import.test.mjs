// End to end on the real app binary: bulk import of the officer's client list (issue 19, item 8).
// The template is saved (an XLSX); a CSV list with good rows, a client already in the vault (by
// credit code), a row twice in the file (by name) and bad values is previewed with every row's
// problems; cancelling stores nothing; the good rows are imported only after the officer agrees
// to skip the others, all in one go; the imported clients are found by search and show their
// GB/T 4754 industry, which the client form offers as a choice. Screenshots at 1366×768 and
// 1280×800, in Chinese and English. The native picker is answered by LOANDESK_CLIENT_LIST_FILE.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

let driver;
let s;
const shots = screenshotsDir();
const shot = (name) => s.screenshot(join(shots, name));
const work = mkdtempSync(join(tmpdir(), "loandesk-import-"));
const listFile = join(work, "客户名单.csv");
const exportDir = join(work, "export");

before(async () => {
  const { mkdirSync } = await import("node:fs");
  mkdirSync(exportDir);
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4444), {
    LOANDESK_CLIENT_LIST_FILE: listFile,
    LOANDESK_EXPORT_DIR: exportDir,
  });
  s = await Session.create(driver.url, appBinary());
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});


/** A valid 统一社会信用代码: 17 characters and the GB 32100-2015 check character. */
function creditCode(first17) {
  const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((a, c, i) => a + ALPHABET.indexOf(c) * WEIGHTS[i], 0);
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}

/** {row: status} of the preview, and each row's problem text. */
async function previewRows() {
  const rows = await s.cmd("POST", "/execute/sync", {
    script:
      "return [...document.querySelectorAll('[data-testid=\"import-row\"]')].map((r) => [r.dataset.row, { status: r.dataset.status, text: r.textContent }]);",
    args: [],
  });
  return Object.fromEntries(rows);
}

async function search(q) {
  const box = await s.testid("client-search");
  await box.clearAndType(q);
  await s.waitFor(async () => (await s.text("client-count")).length > 0, "the count");
}

test("bulk import: a preview of every row's problems, nothing stored until confirmed, then one import", async () => {
  try {
    await journey();
  } catch (e) {
    await s.screenshot(join(shots, "bulk-import-failure.png")).catch(() => {});
    throw e;
  }
});

async function journey() {
  await (await s.testid("open-demo", 30000)).click();
  await s.testid("reminders", 30000);
  await (await s.testid("nav-clients")).click();
  await s.testid("clients-screen", 20000);
  // A client already in the vault, whose credit code the list repeats.
  const existing = await s.find('[data-testid="client-row"]');
  const existingCode = (await (await s.find('[data-testid="client-row"] .mono')).text()).trim();
  assert.match(existingCode, /^[0-9A-Z]{18}$/, "the demo client has a credit code");
  const existingId = await existing.attribute("data-client-id");

  const good1 = creditCode("91320594MA1P0001K");
  const good2 = creditCode("91330212MA2H0002L");
  const lines = [
    "客户名称,统一社会信用代码,联系人,联系电话,行业,客户分层,阶段,备注",
    `无锡导入测试精密铸造有限公司,${good1},张伟,13800138000,C34,A,2,老客户`,
    `宁波导入测试物流有限公司,${good2},李娜,0574-8888 6666,物流,B类,深入与需求分析,`,
    `合肥导入测试新能源科技有限公司,,王强,13700000000,新能源,C,1,`,
    `苏州重复信用代码有限公司,${existingCode},赵敏,13600000000,,,1,`,
    `无锡导入测试精密铸造有限公司,,周杰,13500000000,,,1,`,
    `杭州导入测试电子有限公司,91330100MA2B0000X,吴磊,1340000000x,电子,D,7,`,
  ];
  writeFileSync(listFile, "\uFEFF" + lines.join("\r\n") + "\r\n");

  await (await s.testid("import-clients")).click();
  await s.testid("import-dialog");
  await shot("bulk-import-intro-zh-1366.png");
  // The template, saved where the officer chooses: an XLSX workbook.
  await (await s.testid("import-template-xlsx")).click();
  await s.waitText("import-template-saved", exportDir);
  const template = readdirSync(exportDir).find((f) => f.endsWith(".xlsx"));
  assert.ok(template, "the template was written");
  assert.equal(readFileSync(join(exportDir, template)).subarray(0, 4).toString("latin1"), "PK\x03\x04");

  // The preview: every row checked, nothing stored.
  await (await s.testid("import-pick")).click();
  await s.waitText("import-summary", "共 6 行：可导入 3 行，重复 2 行，有错误 1 行。", 15000);
  assert.match(await s.text("import-ignored"), /备注/);
  const rows = await previewRows();
  assert.deepEqual(
    Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.status])),
    { 2: "ok", 3: "ok", 4: "ok", 5: "duplicate", 6: "duplicate", 7: "invalid" },
  );
  assert.match(rows[3].text, /G 交通运输、仓储和邮政业/);
  assert.match(rows[4].text, /新能源[\s\S]*（其他）/);
  assert.match(rows[5].text, new RegExp(`已被另一家客户（编号 ${existingId}）使用`));
  assert.match(rows[6].text, /与文件第 2 行重复/);
  assert.match(rows[7].text, /无法识别的取值「D」/);
  assert.match(rows[7].text, /应在 1 至 5 之间/);
  assert.match(rows[7].text, /应为 18 位，当前为 17 位/);
  assert.match(rows[7].text, /只能包含数字、空格和 \+ - \( \)/);
  // Rows with problems are skipped only when the officer says so.
  assert.equal(await (await s.testid("import-confirm")).attribute("disabled"), "true");
  await shot("bulk-import-preview-zh-1366.png");
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1280, height: 800 });
  await shot("bulk-import-preview-zh-1280.png");
  // Cancelled: nothing was stored.
  await (await s.testid("import-cancel")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="import-dialog"]')).length === 0, "the dialog closed");
  await search("导入测试");
  await s.testid("clients-empty", 10000);

  // The same preview in English (the language is switched outside the dialog).
  await (await s.testid("lang-toggle")).click();
  await (await s.testid("import-clients")).click();
  await (await s.testid("import-pick")).click();
  await s.waitText("import-summary", "6 rows: 3 ready, 2 duplicates, 1 with errors.", 15000);
  assert.match((await previewRows())[7].text, /Must be 18 characters; this has 17/);
  await shot("bulk-import-preview-en-1280.png");
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });
  await (await s.testid("import-only-problems")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="import-row"]')).length === 3, "only the rows with problems");
  await shot("bulk-import-problems-en-1366.png");
  await (await s.testid("import-cancel")).click();
  await s.waitFor(async () => (await s.findAll('[data-testid="import-dialog"]')).length === 0, "closed again");
  await (await s.testid("lang-toggle")).click();
  await s.testid("clients-empty", 10000);

  // Again, and this time confirmed: the three good rows, in one go.
  await (await s.testid("import-clients")).click();
  await (await s.testid("import-pick")).click();
  await s.waitText("import-summary", "可导入 3 行", 15000);
  await (await s.testid("import-skip-bad")).click();
  await s.waitFor(async () => (await (await s.testid("import-confirm")).attribute("disabled")) === null, "the import allowed");
  assert.match(await s.text("import-confirm"), /导入 3 位客户/);
  await shot("bulk-import-confirm-zh-1366.png");
  await (await s.testid("import-confirm")).click();
  await s.waitText("import-done", "已导入 3 位客户。", 15000);
  await s.waitFor(async () => (await s.findAll('[data-testid="client-row"]')).length === 3, "the three imported clients found");
  await shot("bulk-import-done-zh-1366.png");

  // The imported machinery maker: its GB/T 4754 division on the page and in the form's choice.
  await search("无锡导入测试");
  await s.waitFor(async () => (await s.findAll('[data-testid="client-row"]')).length === 1, "one match");
  await (await s.testid("client-row")).click();
  await s.waitText("client-detail", "C34 通用设备制造业", 15000);
  await (await s.testid("edit-client")).click();
  const select = await s.testid("field-industry-code", 15000);
  assert.equal(await select.value(), "C34");
  await shot("bulk-import-client-form-zh-1366.png");
  await (await s.testid("lang-toggle")).click();
  await s.waitFor(async () => /Manufacture of general-purpose machinery/.test(await (await s.find('[data-testid="field-industry-code"] option[value="C34"]')).text()), "the English division");
  await shot("bulk-import-client-form-en-1366.png");
  await (await s.testid("lang-toggle")).click();
}
