// End to end on the real app binary: the client journey. Open the demo vault (lands on Today),
// open a stage-1 client from the pipeline board, meet a refused gate, tick the required items
// and advance, override the next gate with a written reason, see the client's card in its new
// column on the board, advance it from the board, look at the funnel and export a PDF.
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

before(async () => {
  driver = await startDriver(4444, { LOANDESK_EXPORT_DIR: exportDir });
  s = await Session.create(driver.url, appBinary());
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
});

const panelStage = async () => Number(await (await s.testid("journey-panel")).attribute("data-stage"));

/** Waits until no journey button is disabled (a change and its reload are done). */
async function settled() {
  await s.waitFor(async () => {
    const adv = await s.findAll('[data-testid="advance-stage"]');
    return adv.length === 0 || (await adv[0].cmd("GET", "/enabled"));
  }, "the journey to settle");
}

test("journey: gate refused, items ticked, override, board, funnel, export", async () => {
  await (await s.testid("open-demo", 30000)).click();
  const today = await s.testid("today-screen", 30000);
  await s.waitFor(async () => (await today.text()).length > 20, "Today's lists");
  await sleep(300);
  await s.screenshot(join(shots, "today.png"));

  // A stage-1 client from the board.
  await (await s.testid("nav-board")).click();
  await s.testid("board-screen");
  const first = await s.find('[data-testid="board-card"][data-stage="1"]', 15000);
  const id = await first.attribute("data-client-id");
  await s.screenshot(join(shots, "board.png"));
  await (await s.find(`[data-testid="board-card"][data-client-id="${id}"] [data-testid="board-open"]`)).click();
  await s.testid("client-detail");
  await s.testid("journey-panel", 15000);
  assert.equal(await panelStage(), 1);

  // The gate refuses while required items are open, and says which.
  await (await s.testid("advance-stage")).click();
  const gate = await s.testid("gate-refused");
  const open = await s.findAll('[data-testid="gate-items"] li');
  assert.ok(open.length > 0, "the refused gate lists the open items");
  assert.match(await gate.text(), /必需事项|required/);
  await s.screenshot(join(shots, "gate-refused.png"));
  await (await s.testid("override-cancel")).click();

  // Tick every item of the current checklist and mark documents received.
  for (let round = 0; round < 40; round++) {
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
  // A one-off item and a note.
  await (await s.testid("add-item-label")).type("补充实地走访照片");
  await (await s.testid("add-item-save")).click();
  await s.find('[data-testid="checklist-item"] .tag');
  await settled();
  await s.screenshot(join(shots, "checklist.png"));

  await (await s.testid("advance-stage")).click();
  await s.waitFor(async () => (await panelStage()) === 2, "stage 2");
  await s.testid("journey-message");
  // The page's own stage badge follows.
  await s.waitFor(async () => (await (await s.find(".detail-badges .stage-num")).text()) === "2", "the stage badge");

  // Stage 2: refused again, overridden once with a reason, which the history keeps.
  await settled();
  await (await s.testid("advance-stage")).click();
  await s.testid("gate-refused");
  await (await s.testid("override-reason")).type("客户急需资金，材料下周补齐");
  await (await s.testid("override-submit")).click();
  await s.waitFor(async () => (await panelStage()) === 3, "stage 3 after the override");
  await s.waitFor(async () => /客户急需资金/.test(await (await s.testid("stage-history")).text()), "the override in the history");
  await s.screenshot(join(shots, "journey-after-override.png"));

  // Move back and forward again is recorded too.
  await settled();
  await (await s.testid("move-back")).click();
  await (await s.testid("move-back-note")).type("需重新评估");
  await (await s.testid("move-back-confirm")).click();
  await s.waitFor(async () => (await panelStage()) === 2, "moved back to 2");
  await settled();
  await (await s.testid("advance-stage")).click();
  await s.testid("gate-refused");
  await (await s.testid("override-reason")).type("已复核");
  await (await s.testid("override-submit")).click();
  await s.waitFor(async () => (await panelStage()) === 3, "stage 3 again");

  // PDF export: with a saved scenario the file is written, without one the officer is told.
  await settled();
  await (await s.testid("export-schedule")).click();
  const outcome = await s.waitFor(async () => {
    const done = await s.findAll('[data-testid="export-done"]');
    if (done.length) return "done";
    const err = await s.findAll('[data-testid="export-error"]');
    if (err.length) return await err[0].attribute("data-error-code");
    return null;
  }, "the export result", 20000);
  if (outcome === "done") {
    assert.ok(readdirSync(exportDir).some((f) => f.endsWith(".pdf")), "a PDF in the export dir");
  } else {
    assert.equal(outcome, "no_scenario");
  }
  await s.screenshot(join(shots, "export.png"));

  // The board shows the card in its new column; advance it from the card (keyboard path).
  await (await s.testid("nav-board")).click();
  const card = await s.find(`[data-testid="board-card"][data-client-id="${id}"]`, 15000);
  assert.equal(await card.attribute("data-stage"), "3");
  await (await s.find(`[data-testid="board-card"][data-client-id="${id}"] [data-testid="board-advance"]`)).click();
  await s.testid("gate-refused");
  await s.screenshot(join(shots, "board-gate.png"));
  await (await s.testid("override-reason")).type("看板上推进");
  await (await s.testid("override-submit")).click();
  await s.waitFor(
    async () => (await s.findAll(`[data-testid="board-card"][data-client-id="${id}"][data-stage="4"]`)).length === 1,
    "the card in column 4",
  );
  await s.screenshot(join(shots, "board-after.png"));

  // The funnel: a row per stage and the chart.
  await (await s.testid("nav-funnel")).click();
  await s.testid("funnel-table");
  assert.equal((await s.findAll('[data-testid="funnel-row"]')).length, 5);
  await s.testid("funnel-chart");
  await s.screenshot(join(shots, "funnel.png"));
  assert.ok(existsSync(exportDir));
});
