// End to end on the real app binary: the client's feedback loop (issue 16). On a demo client,
// log a touchpoint of ten days ago with the client's feedback (a score, the mood and a problem
// raised), see the problem on Today as open past its 7 days, resolve it there with what was
// done, see it gone from Today and closed on the client's page, and the journey map's open and
// closed problems for the stage move by exactly one. Screenshots in zh and en at 1366×768.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

let driver;
let s;
const shots = screenshotsDir();
const shot = (name) => s.screenshot(join(shots, name));

before(async () => {
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4444));
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

const PROBLEM = "抵押登记要跑三次，太折腾";
const RESOLUTION = "已与不动产登记中心约定一次办结，电话告知客户";

function iso(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const TEN_DAYS_AGO = iso(new Date(Date.now() - 10 * 86400000));


/** The open problem reminders on Today naming `clientName`. */
async function openProblemRows(clientName) {
  const rows = [];
  for (const r of await s.findAll('[data-testid="reminder-row"][data-kind="open_problem"]')) {
    if ((await r.text()).includes(clientName)) rows.push(r);
  }
  return rows;
}

/** The journey map's problem counts for `stage` over the default period. */
async function mapProblems(stage) {
  await (await s.testid("nav-funnel")).click();
  const row = await s.find(`[data-testid="journey-map-row"][data-stage="${stage}"]`, 20000);
  return {
    open: Number(await row.attribute("data-open-problems")),
    closed: Number(await row.attribute("data-closed-problems")),
  };
}

test("feedback loop: a problem raised at a touchpoint is on Today, resolved there, closed on the map", async () => {
  try {
    await feedbackLoop();
  } catch (e) {
    await s.screenshot(join(shots, "feedback-loop-failure.png")).catch(() => {});
    throw e;
  }
});

async function feedbackLoop() {
  await (await s.testid("open-demo", 30000)).click();
  await s.testid("reminders", 30000);

  // A stage-2 client: its feedback is about stage 2 (the stage it is in).
  await (await s.testid("nav-clients")).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("filter-stage")).select("2");
  await s.waitFor(
    async () => {
      const nums = await s.findAll('[data-testid="client-row"] .stage-num');
      return nums.length > 0 && (await Promise.all(nums.map((n) => n.text()))).every((t) => t === "2");
    },
    "the list filtered to stage 2",
    15000,
  );
  const row = await s.testid("client-row");
  const clientId = await row.attribute("data-client-id");
  const before = await mapProblems(2);
  await (await s.testid("nav-clients")).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("filter-stage")).select("2");
  await (await s.find(`[data-testid="client-row"][data-client-id="${clientId}"]`, 15000)).click();
  await s.waitFor(async () => (await (await s.testid("client-detail", 20000)).attribute("data-client-id")) === clientId, "the client page");
  const clientName = await (await s.testid("client-title")).text();

  // The touchpoint, ten days ago, with the client's feedback. Without a score the form says so
  // and writes nothing.
  await s.setValue(await s.testid("tp-date"), TEN_DAYS_AGO);
  await (await s.testid("tp-summary")).type("上门沟通抵押登记进度");
  await (await s.testid("tp-feedback-open")).click();
  await (await s.testid("tp-problem-add")).click();
  await (await s.testid("tp-problem-category")).select("slow_approval");
  await (await s.testid("tp-problem-text")).type(PROBLEM);
  await (await s.testid("tp-save")).click();
  await s.testid("field-error-score");
  await (await s.testid("tp-score-2")).click();
  await (await s.testid("tp-mood")).select("anxious");
  const form = await s.testid("touchpoint-form");
  await s.scrollTo(form);
  await shot("feedback-touchpoint-form-zh.png");
  await (await s.testid("tp-save")).click();
  await s.testid("tp-saved", 15000);

  // On Today: open for ten days, past the 7 in Settings.
  await (await s.testid("nav-today")).click();
  await s.testid("reminders", 20000);
  const [reminder] = await s.waitFor(async () => {
    // Beyond the first five, Today's sections open on request; each lists its first rows, the
    // rest on "show all".
    for (const open of await s.findAll('[data-testid="today-section-problems"][data-open="false"] [data-testid="today-section-toggle"]')) await open.click();
    for (const more of await s.findAll('[data-testid="today-section-problems"] [data-testid="today-show-all"][aria-expanded="false"]')) await more.click();
    const rows = await openProblemRows(clientName);
    return rows.length === 1 ? rows : null;
  }, "the open problem on Today", 20000);
  await s.scrollTo(reminder);
  await shot("feedback-today-open-problem-zh.png");
  const key = await reminder.attribute("data-key");
  await (await s.find(`[data-testid="reminder-row"][data-key="${key}"] [data-testid="reminder-resolve"]`)).click();
  await s.testid("resolve-dialog", 10000);
  // A resolution needs what was done.
  await (await s.testid("resolve-confirm")).click();
  await s.testid("field-error-note");
  await (await s.testid("resolve-note")).type(RESOLUTION);
  await (await s.testid("resolve-confirm")).click();
  await s.waitFor(async () => (await openProblemRows(clientName)).length === 0, "the problem gone from Today", 20000);

  // Closed on the map: one fewer open, one more closed for stage 2.
  const afterResolve = await mapProblems(2);
  assert.deepEqual(afterResolve, { open: before.open, closed: before.closed + 1 }, "the map moved by exactly this problem");
  // The map sits below the funnel: bring it into view for the officer's-eye screenshots.
  await s.scrollTo(await s.testid("journey-map"));
  await shot("feedback-journey-map-zh.png");
  await (await s.testid("lang-toggle")).click();
  await s.find('[data-testid="journey-map-row"][data-stage="2"]', 10000);
  await s.scrollTo(await s.testid("journey-map"));
  await shot("feedback-journey-map-en.png");
  await (await s.testid("lang-toggle")).click();

  // On the client's page: the profile counts no open problem from it, the feedback lists it
  // resolved with what was done.
  await (await s.testid("nav-clients")).click();
  await s.testid("clients-screen", 20000);
  await (await s.testid("filter-stage")).select("2");
  await (await s.find(`[data-testid="client-row"][data-client-id="${clientId}"]`, 15000)).click();
  await s.testid("client-profile", 20000);
  const problem = await s.waitFor(async () => {
    for (const p of await s.findAll('[data-testid="feedback-problem"]')) if ((await p.text()).includes(PROBLEM)) return p;
    return null;
  }, "the problem on the client's page", 15000);
  assert.equal(await problem.attribute("data-open"), "0");
  assert.ok((await problem.text()).includes(RESOLUTION), "the resolution shown beside the problem");
  const score = await s.testid("profile-score");
  assert.ok((await score.attribute("data-avg")) !== "", "the profile shows the mean score");
  await shot("feedback-client-profile-zh.png");
  await s.scrollTo(await s.testid("feedback-section"));
  await shot("feedback-client-section-zh.png");
  await (await s.testid("lang-toggle")).click();
  await s.testid("client-profile", 10000);
  await s.scrollTo(await s.testid("client-detail"));
  await shot("feedback-client-profile-en.png");
  await (await s.testid("lang-toggle")).click();
}
