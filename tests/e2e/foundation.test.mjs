// End to end on the real app binary: create a vault, add a client, find it by a two-character
// search, log a touchpoint, lock, fail with a wrong password, unlock, see the client again,
// switch language.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { join } from "node:path";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

const PASSWORD = "Officer-pass-2026";
const CLIENT = "宁波瑞丰精工机械有限公司";
let driver;
let s;
const shots = screenshotsDir();

before(async () => {
  driver = await startDriver();
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

test("officer's first day: vault, client, search, touchpoint, lock, unlock, language", async () => {
  await s.testid("unlock-screen", 30000);
  await (await s.testid("create-password")).type(PASSWORD);
  await (await s.testid("create-confirm")).type(PASSWORD);
  await (await s.testid("create-submit")).click();

  // The app opens on Today; the client list is one click away.
  await (await s.testid("nav-clients", 20000)).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("new-client")).click();
  await (await s.testid("field-name")).type(CLIENT);
  await (await s.testid("field-name-en")).type("Ningbo Ruifeng Precision Machinery");
  // A wrong check character is refused with a message on the field, and nothing is saved.
  await (await s.testid("field-credit-code")).type("91350100M000100Y44");
  await (await s.testid("save-client")).click();
  await s.testid("field-error-credit_code");
  await (await s.testid("field-credit-code")).clearAndType("91350100M000100Y43");
  await (await s.testid("field-tier")).select("A");
  await (await s.testid("contact-name-0")).type("张伟");
  await (await s.testid("contact-phone-0")).type("13800138000");
  await (await s.testid("save-client")).click();
  await s.testid("client-detail");
  assert.equal(await (await s.testid("client-title")).text().then((t) => t.includes(CLIENT)), true);

  await (await s.testid("tp-summary")).type("首次拜访，了解流动资金需求");
  await (await s.testid("tp-next-step")).type("提交申请材料");
  await (await s.testid("tp-save")).click();
  const item = await s.testid("touchpoint-item");
  assert.match(await item.text(), /首次拜访/);

  // Two-character search on the contact's name finds the client.
  await (await s.testid("nav-clients")).click();
  await (await s.testid("client-search")).type("张伟");
  await s.waitFor(async () => {
    const rows = await s.findAll('[data-testid="client-row"]');
    return rows.length === 1 && (await rows[0].text()).includes(CLIENT);
  }, "the search result");
  await s.screenshot(join(shots, "clients-search.png"));

  // Lock with Ctrl+L: the client's data leaves the page.
  await s.ctrl("l");
  await s.testid("unlock-screen");
  assert.equal((await s.pageText()).includes(CLIENT), false);

  await (await s.testid("unlock-password")).type("not the password");
  await (await s.testid("unlock-submit")).click();
  const error = await s.testid("error-message");
  assert.match(await error.text(), /密码|password/i);
  await s.screenshot(join(shots, "wrong-password.png"));

  await (await s.testid("unlock-password")).clearAndType(PASSWORD);
  await (await s.testid("unlock-submit")).click();
  // The app opens on Today; the client list is one click away.
  await (await s.testid("nav-clients", 20000)).click();
  await s.testid("clients-screen", 20000);
  await s.waitFor(async () => (await s.pageText()).includes(CLIENT), "the client after unlock");

  // Language switch: the chrome turns English, and back.
  const before = await s.pageText();
  await (await s.testid("lang-toggle")).click();
  await s.waitFor(async () => /Clients/.test(await s.pageText()), "English labels");
  assert.notEqual(await s.pageText(), before);
  await s.screenshot(join(shots, "clients-en.png"));
  await (await s.testid("lang-toggle")).click();
  await s.waitFor(async () => /客户/.test(await s.pageText()), "Chinese labels");
});
