// End to end on the real app binary: the client journey. Open the demo vault (lands on Today) and
// take a stage-1 client to stage 5 through the UI: a refused gate, items ticked, an override with
// a written reason, a move back, and the last step by dragging its card on the pipeline board;
// then lifecycle states and the funnel. A second test edits a checklist template in Settings and
// sees the new item reach a client entering the stage while clients in or past it keep theirs.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appBinary, screenshotsDir, Session, startDriver } from "./webdriver.mjs";

let driver;
let s;
const shots = screenshotsDir();
const exportDir = mkdtempSync(join(tmpdir(), "loandesk-export-"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

before(async () => {
  // Its own default port (the driver takes the next for WebKitWebDriver): never another run's driver.
  driver = await startDriver(Number(process.env.E2E_PORT ?? 4451), { LOANDESK_EXPORT_DIR: exportDir });
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

const panelStage = async () => Number(await (await s.testid("journey-panel")).attribute("data-stage"));
const card = (id) => `[data-testid="board-card"][data-client-id="${id}"]`;
const column = (stage) => `[data-testid="board-column"][data-stage="${stage}"]`;

/** `fn()`, or null when React replaced an element under our feet (the caller polls again). */
async function unlessStale(fn) {
  try {
    return await fn();
  } catch (e) {
    if (/stale element/.test(String(e))) return null;
    throw e;
  }
}

/** Waits until no journey button is disabled (a change and its reload are done). */
async function settled() {
  await s.waitFor(async () => {
    const adv = await s.findAll('[data-testid="advance-stage"]');
    return adv.length === 0 || (await adv[0].cmd("GET", "/enabled"));
  }, "the journey to settle");
}

/** Ticks every item of the current checklist and marks every asked-for document received. */
async function tickAll() {
  for (let round = 0; round < 60; round++) {
    await settled();
    const boxes = await s.findAll('[data-testid="checklist"] [data-testid="check-item"]');
    let clicked = false;
    for (const b of boxes) {
      if (!(await b.cmd("GET", "/selected"))) {
        await b.click();
        clicked = true;
        break;
      }
    }
    if (!clicked) {
      const rec = await s.findAll('[data-testid="checklist"] [data-testid="mark-received"]');
      if (rec.length === 0) break;
      await rec[0].click();
    }
  }
  await settled();
  assert.equal((await s.findAll('[data-testid="open-required-count"]')).length, 0, "no required item left open");
}

/** Advances from the client page without a refusal. */
async function advanceClean(to) {
  await (await s.testid("advance-stage")).click();
  await s.waitFor(async () => (await panelStage()) === to, `stage ${to}`);
  await settled();
}

/** Opens the board, unfiltered, and waits for its columns. */
async function board() {
  await (await s.testid("nav-board")).click();
  await s.testid("board-screen");
  await s.find(column(5), 15000);
}

async function openFromBoard(id) {
  await board();
  await (await s.find(`${card(id)} [data-testid="board-open"]`, 15000)).click();
  await journeyTab();
}

/** The client page's journey tab (the checklist is a tab of its own, issue 19). */
async function journeyTab() {
  await (await s.testid("tab-journey", 15000)).click();
  await s.testid("journey-panel", 15000);
  await settled();
}

/**
 * Drags `fromCss` onto `toCss` with W3C pointer actions: press on the card, move in steps (as a
 * hand does; the first step crosses the drag threshold), release over the target column.
 */
async function drag(fromCss, toCss) {
  const from = await s.find(fromCss);
  const to = await s.find(toCss);
  const at = (el) => ({ [ELEMENT]: el.id });
  // Actions do not scroll: a card far down its column is brought into view first.
  await s.cmd("POST", "/execute/sync", { script: "arguments[0].scrollIntoView({block: 'center'});", args: [at(from)] });
  await s.cmd("POST", "/actions", {
    actions: [
      {
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", duration: 0, origin: at(from), x: 0, y: -10 },
          { type: "pointerDown", button: 0 },
          { type: "pointerMove", duration: 100, origin: at(from), x: 20, y: 0 },
          { type: "pointerMove", duration: 300, origin: at(to), x: 0, y: 0 },
          { type: "pointerUp", button: 0 },
        ],
      },
    ],
  });
  await s.cmd("DELETE", "/actions");
}

let journeyClient = null;

test("journey: stage 1 to 5 with a refused gate, an override, a move back and a drag on the board", async () => {
  await (await s.testid("open-demo", 30000)).click();
  const today = await s.testid("today-screen", 30000);
  await s.waitFor(async () => (await today.text()).length > 20, "Today's lists");
  await sleep(300);
  await s.screenshot(join(shots, "today.png"));

  // A stage-1 client from the board.
  await board();
  const first = await s.find(`[data-testid="board-card"][data-stage="1"]`, 15000);
  const id = await first.attribute("data-client-id");
  journeyClient = id;
  await s.screenshot(join(shots, "board.png"));
  await openFromBoard(id);
  assert.equal(await panelStage(), 1);

  // Stage 1: the gate refuses while required items are open, and says which.
  await (await s.testid("advance-stage")).click();
  const gate = await s.testid("gate-refused");
  assert.ok((await s.findAll('[data-testid="gate-items"] li')).length > 0, "the refused gate lists the open items");
  assert.match(await gate.text(), /必需事项|required/);
  await s.screenshot(join(shots, "gate-refused.png"));
  await (await s.testid("override-cancel")).click();
  assert.equal(await panelStage(), 1, "a refused gate moves nothing");

  await tickAll();
  // A one-off item for this client only.
  await (await s.testid("add-item-label")).type("补充实地走访照片");
  await (await s.testid("add-item-save")).click();
  await s.find('[data-testid="checklist"] [data-testid="remove-item"]');
  await settled();
  await s.screenshot(join(shots, "checklist.png"));
  await advanceClean(2);
  await s.testid("journey-message");
  // The page's own stage badge follows.
  await s.waitFor(async () => (await (await s.find(".detail-badges .stage-num")).text()) === "2", "the stage badge");

  // Stage 2: refused again and overridden with a reason, which the history keeps.
  await (await s.testid("advance-stage")).click();
  await s.testid("gate-refused");
  await (await s.testid("override-submit")).click();
  await s.find('[data-testid="gate-refused"] .field-error'); // an empty reason is not accepted
  assert.equal(await panelStage(), 2);
  await (await s.testid("override-reason")).type("客户急需资金，材料下周补齐");
  await (await s.testid("override-submit")).click();
  await s.waitFor(async () => (await panelStage()) === 3, "stage 3 after the override");
  await s.waitFor(async () => /客户急需资金/.test(await (await s.testid("stage-history")).text()), "the override in the history");
  await settled();
  await s.screenshot(join(shots, "journey-after-override.png"));

  // Moving back is allowed and recorded; stage 2's items are then done for real.
  await (await s.testid("move-back")).click();
  await (await s.testid("move-back-note")).type("需重新评估");
  await (await s.testid("move-back-confirm")).click();
  await s.waitFor(async () => (await panelStage()) === 2, "moved back to 2");
  await tickAll();
  await advanceClean(3);

  // Stage 3: ticked and advanced.
  await tickAll();
  await advanceClean(4);

  // PDF export from the calculator: the schedule of the terms on screen is written.
  await (await s.testid("tab-calculator")).click();
  const principal = await s.testid("calc-principal", 15000);
  if ((await principal.value()) === "") await principal.type("1000000");
  await s.waitFor(async () => (await s.testid("export-schedule")).cmd("GET", "/enabled"), "terms to export");
  await (await s.testid("export-schedule")).click();
  await s.testid("export-done", 20000);
  assert.ok(readdirSync(exportDir).some((f) => f.endsWith("-zh.pdf")), "a PDF in the export dir");
  await journeyTab();

  // Stage 4 ticked, then the last step by dragging the card from column 4 to column 5.
  await tickAll();
  await board();
  await s.find(`${card(id)}[data-stage="4"]`, 15000);
  await drag(card(id), column(5));
  await s.waitFor(async () => (await s.findAll(`${card(id)}[data-stage="5"]`)).length === 1, "the dragged card in column 5");
  assert.match(await (await s.testid("board-message")).text(), /5/);
  await s.screenshot(join(shots, "board-after-drag.png"));

  // A drag skipping a stage is refused with a message; a drag onto the next column meets the
  // gate when items are open, and cancelling leaves the card where it was.
  let other = null;
  for (const c of await s.findAll(`[data-testid="board-card"][data-stage="2"]`)) {
    // A card showing open required items, so the gate has something to refuse on.
    const open = await c.cmd("POST", "/elements", { using: "css selector", value: ".tag-warn" });
    if (open.length > 0) {
      other = await c.attribute("data-client-id");
      break;
    }
  }
  assert.ok(other, "a stage-2 card with open required items");
  await drag(card(other), column(4));
  await s.waitFor(async () => /只能推进到紧接的下一阶段|next stage/.test(await (await s.testid("board-message")).text()), "only-next message");
  await drag(card(other), column(3));
  await s.testid("gate-refused");
  await s.screenshot(join(shots, "board-drag-gate.png"));
  await (await s.testid("override-cancel")).click();
  assert.equal((await s.findAll(`${card(other)}[data-stage="2"]`)).length, 1, "the refused card stays in column 2");
  // Dragged back to an earlier column, after a confirmation.
  await drag(card(other), column(1));
  await (await s.testid("confirm-ok")).click();
  await s.waitFor(async () => (await s.findAll(`${card(other)}[data-stage="1"]`)).length === 1, "the card moved back to column 1");

  // On the client page: stage 5, active, the whole path in the history.
  await openFromBoard(id);
  assert.equal(await panelStage(), 5);
  assert.equal(await (await s.testid("journey-panel")).attribute("data-status"), "active");
  const history = await s.testid("stage-history");
  assert.equal((await s.findAll('[data-testid="history-row"]')).length, 7, "1, 2, 3, back to 2, 3, 4, 5");
  assert.match(await history.text(), /客户急需资金/);
  await s.screenshot(join(shots, "journey-stage5.png"));

  // Lifecycle beside the stages: loyal, then lost (a reason is required, free text kept).
  await (await s.testid("status-select")).select("loyal");
  await (await s.testid("status-save")).click();
  await s.waitFor(async () => (await (await s.testid("journey-panel")).attribute("data-status")) === "loyal", "loyal");
  await settled();
  await (await s.testid("status-select")).select("lost");
  await (await s.testid("status-save")).click();
  await s.find('[data-testid="status-form"] .field-error');
  await (await s.testid("lost-reason")).select("pricing");
  await (await s.testid("status-note")).type("对方报价低 20 个基点");
  await (await s.testid("status-save")).click();
  await s.waitFor(async () => (await (await s.testid("journey-panel")).attribute("data-status")) === "lost", "lost");
  const changes = await (await s.testid("status-changes")).text();
  assert.match(changes, /利率或费用缺乏竞争力/);
  assert.match(changes, /对方报价低 20 个基点/);
  assert.equal(await (await s.testid("lost-reason")).value(), "pricing", "the form shows the reason it was lost for");
  await s.screenshot(join(shots, "journey-lost.png"));

  // The funnel: a row per stage, the chart, and this client's lost reason at stage 5.
  await (await s.testid("nav-funnel")).click();
  await s.testid("funnel-table");
  assert.equal((await s.findAll('[data-testid="funnel-row"]')).length, 5);
  await s.testid("funnel-chart");
  assert.match(await (await s.find('[data-testid="funnel-row"][data-stage="5"]')).text(), /利率或费用缺乏竞争力/);
  await s.screenshot(join(shots, "funnel.png"));
  // A preset period: this year, from 1 January to today.
  await (await s.find('[data-testid="funnel-preset"][data-preset="year"]')).click();
  await s.waitFor(async () => /^\d{4}-01-01$/.test(await (await s.testid("funnel-from")).value()), "this year's start");
  assert.equal((await s.findAll('[data-testid="funnel-row"]')).length, 5);
  assert.ok(existsSync(exportDir));
});

test("settings: a template edit reaches clients entering the stage, not those in or past it", async () => {
  // Working-capital clients before the edit: one in stage 1, one in stage 2, one past stage 2.
  await board();
  await (await s.testid("board-product")).select("working-capital");
  await s.waitFor(
    () =>
      unlessStale(
        async () =>
          (await s.findAll('[data-testid="board-card"]')).length > 0 &&
          (await s.findAll('[data-testid="board-card"]:not([data-product="working-capital"])')).length === 0,
      ),
    "the filtered board",
  );
  const idIn = async (stages) => {
    for (const st of stages) {
      const found = await s.findAll(`[data-testid="board-card"][data-stage="${st}"]`);
      for (const f of found) {
        const id = await f.attribute("data-client-id");
        if (id !== journeyClient) return id;
      }
    }
    return null;
  };
  const ids = await s.waitFor(() => unlessStale(async () => [await idIn([1]), await idIn([2]), await idIn([3, 4, 5])]), "card ids");
  const [entering, inStage, passed] = ids;
  assert.ok(entering && inStage && passed, "working-capital clients in stages 1, 2 and 3+");
  await s.screenshot(join(shots, "board-filtered.png"));

  // Settings: working capital, stage 2.
  await (await s.testid("nav-settings")).click();
  await s.testid("template-editor", 15000);
  await (await s.testid("template-product")).select("working-capital");
  await (await s.find('[data-testid="template-stage"][data-stage="2"]')).click();
  await s.waitFor(async () => /第 1 版|Version 1/.test(await (await s.testid("template-version")).text()), "stage 2's template");
  const before = (await s.findAll('[data-testid="template-row"]')).length;
  assert.ok(before > 3);

  // A blank line is refused with a message on that line, then removed.
  await (await s.testid("template-add")).click();
  await (await s.testid("template-save")).click();
  await s.testid("template-row-error");
  await s.screenshot(join(shots, "settings-template-invalid.png"));
  const removes = await s.findAll('[data-testid="template-remove"]');
  await removes[removes.length - 1].click();
  assert.equal((await s.findAll('[data-testid="template-row-error"]')).length, 0);

  // A new required item asking for a document, moved up one place, saved as version 2.
  await (await s.testid("template-add")).click();
  const zh = await s.findAll('[data-testid="template-label-zh"]');
  await zh[zh.length - 1].type("环保合规证明");
  const en = await s.findAll('[data-testid="template-label-en"]');
  await en[en.length - 1].type("Environmental compliance certificate");
  const docs = await s.findAll('[data-testid="template-doc"]');
  await docs[docs.length - 1].select("other");
  const ups = await s.findAll('[data-testid="template-up"]');
  await ups[ups.length - 1].click();
  const labels = await s.findAll('[data-testid="template-label-zh"]');
  assert.equal(await labels[labels.length - 2].value(), "环保合规证明", "moved up one place");
  await s.screenshot(join(shots, "settings-template.png"));
  await (await s.testid("template-save")).click();
  await s.waitFor(async () => /第 2 版|version 2/.test(await (await s.testid("template-saved")).text()), "saved as version 2");
  assert.equal((await s.findAll('[data-testid="template-row"]')).length, before + 1);

  // Cadence, stuck threshold and a new lost reason.
  await (await s.testid("cadence-a")).clearAndType("0");
  await (await s.testid("cadence-save")).click();
  await s.find('[data-testid="cadence-card"] .field-error');
  await (await s.testid("cadence-a")).clearAndType("10");
  await (await s.testid("cadence-save")).click();
  await s.testid("cadence-saved");
  await (await s.testid("stuck-days")).clearAndType("21");
  await (await s.testid("stuck-save")).click();
  await s.testid("stuck-saved");
  await (await s.testid("lost-add")).click();
  const reasonZh = await s.findAll('[data-testid="lost-label-zh"]');
  await reasonZh[reasonZh.length - 1].type("审批材料不全");
  await (await s.testid("lost-save")).click();
  await s.testid("lost-saved");
  await s.screenshot(join(shots, "settings-journey.png"));

  // The client entering stage 2 now gets the new item (from version 2 of the template).
  await openFromBoard(entering);
  await (await s.testid("advance-stage")).click();
  // Its stage-1 items may all be done already; if not, the gate is overridden.
  const refusedOrMoved = await s.waitFor(async () => {
    if ((await s.findAll('[data-testid="gate-refused"]')).length > 0) return "refused";
    return (await panelStage()) === 2 ? "moved" : null;
  }, "the gate's answer");
  if (refusedOrMoved === "refused") {
    await (await s.testid("override-reason")).type("测试模板");
    await (await s.testid("override-submit")).click();
  }
  await s.waitFor(async () => (await panelStage()) === 2, "stage 2");
  await settled();
  const checklist = await s.testid("checklist");
  assert.match(await checklist.text(), /环保合规证明/);
  const keys = async (css) => Promise.all((await s.findAll(css)).map((e) => e.attribute("data-item-key")));
  assert.ok((await keys('[data-testid="checklist"] [data-testid="checklist-item"]')).some((k) => k.startsWith("s2-v2-")));
  const added = await s.find('[data-testid="checklist"] [data-testid="checklist-item"][data-item-key^="s2-v2-"]');
  await s.cmd("POST", "/execute/sync", { script: "arguments[0].scrollIntoView({block: 'center'});", args: [{ [ELEMENT]: added.id }] });
  await sleep(300);
  await s.screenshot(join(shots, "checklist-new-item.png"));
  // Its lost-reason choice includes the reason just added.
  await (await s.testid("status-select")).select("lost");
  assert.match(await (await s.testid("lost-reason")).cmd("GET", "/property/textContent"), /审批材料不全/);

  // The client already in stage 2 keeps the checklist it got on entering.
  await openFromBoard(inStage);
  assert.equal(await panelStage(), 2);
  const inKeys = await keys('[data-testid="checklist"] [data-testid="checklist-item"]');
  assert.ok(inKeys.includes("s2-meeting"));
  assert.ok(!inKeys.some((k) => k.startsWith("s2-v2-")), "no new item for a client already in the stage");

  // The client past stage 2 keeps its stage-2 history.
  await openFromBoard(passed);
  assert.ok((await panelStage()) >= 3);
  const pastKeys = await keys('[data-testid="checklist-2"] [data-testid="checklist-item"]');
  assert.ok(pastKeys.includes("s2-meeting"), "its stage-2 checklist is there");
  assert.ok(!pastKeys.some((k) => k.startsWith("s2-v2-")), "and unchanged by the edit");

  // Today uses the new threshold.
  await (await s.testid("nav-today")).click();
  await s.waitFor(async () => /超过 21 天/.test(await (await s.testid("today-screen")).text()), "the stuck threshold on Today");
});
