// Memory of the running app after an officer's walk through every screen (issue 19, item 11):
// the real app through tauri-driver under Xvfb, the demo vault, then Today, the board, the
// client list, clients on each of their tabs (a project-finance one with its model chart), the
// funnel, the portfolio and Settings, and back. Memory is sampled at the unlock screen, after the
// unlock and after the walk, for the app and its WebKit processes: RSS (what `top` shows; the
// shared libraries counted once per process) and PSS (shared pages split between the processes
// that map them: the sum is what the walk really costs the machine).
//
//   xvfb-run -a -s "-screen 0 1366x768x24" node scripts/bench-memory.mjs [APP_BINARY] [--json] [--steps] [--maps]
//
// Linux only (it reads /proc); a benchmark, not a test: it prints figures and asserts nothing.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { appBinary, Session, startDriver } from "../tests/e2e/webdriver.mjs";

const args = process.argv.slice(2);
const json = args.includes("--json");
// --steps: the web process's PSS after each screen of the first round, to see what grows it.
const steps = args.includes("--steps");
// --maps: after the walk, each process's largest holders of PSS by mapping (library, heap, anon).
const maps = args.includes("--maps");
const binary = args.find((a) => !a.startsWith("--")) ?? appBinary();
const PORT = Number(process.env.BENCH_PORT ?? 4497);
// The demo's project-finance client, whose model tab draws the ECharts chart.
const PF_CLIENT = "东莞新纪元光伏电力";

function processes() {
  const all = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      all.push({ pid: Number(pid), ppid, exe: readlinkSync(`/proc/${pid}/exe`) });
    } catch {
      /* gone, or not ours */
    }
  }
  return all;
}

/** The app (by its binary) and every process under it (WebKit's web and network processes). */
function appTree() {
  const all = processes();
  const root = all.find((p) => p.exe === binary);
  if (!root) throw new Error(`the app ${binary} is not running`);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i].pid));
  return tree;
}

function memory() {
  const out = {};
  for (const p of appTree()) {
    const rollup = readFileSync(`/proc/${p.pid}/smaps_rollup`, "utf8");
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(rollup)?.[1] ?? 0);
    const name = p.exe.split("/").pop();
    const prev = out[name] ?? { rss: 0, pss: 0 };
    out[name] = { rss: prev.rss + kb("Rss") / 1024, pss: prev.pss + kb("Pss") / 1024 };
  }
  const total = Object.values(out).reduce((t, m) => ({ rss: t.rss + m.rss, pss: t.pss + m.pss }), { rss: 0, pss: 0 });
  return { ...out, total };
}

/** The `n` mappings of a process holding the most PSS, summed by name ("[anon]" for unnamed). */
function topMappings(pid, n = 8) {
  const sums = new Map();
  let name = "[anon]";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) name = head[1] || "[anon]";
    else if (line.startsWith("Pss:")) sums.set(name, (sums.get(name) ?? 0) + Number(line.split(/\s+/)[1]) / 1024);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, n);
}

async function settle() {
  // Let the screen finish loading and WebKit's timers collect what the last screen dropped.
  await sleep(2500);
}

const driver = await startDriver(PORT);
const s = await Session.create(driver.url, binary);
const samples = {};
try {
  await s.cmd("POST", "/window/rect", { x: 0, y: 0, width: 1366, height: 768 });
  await s.testid("unlock-screen", 30000);
  await settle();
  samples.unlock_screen = memory();

  await (await s.testid("open-demo", 30000)).click();
  await s.testid("today-screen", 60000);
  await settle();
  samples.after_unlock = memory();

  const go = async (section, screen) => {
    await (await s.testid(`nav-${section}`, 10000)).click();
    await s.testid(screen, 20000);
    await sleep(800);
    if (steps) step(section);
  };
  const step = (what) => {
    const web = memory().WebKitWebProcess;
    console.log(`  ${what.padEnd(24)} web process PSS ${web.pss.toFixed(0)} MB`);
  };
  const openClient = async (name) => {
    await go("clients", "clients-screen");
    const search = await s.testid("client-search", 10000);
    await search.clearAndType(name);
    await s.waitFor(async () => (await s.findAll('[data-testid="client-row"]')).length >= 1, "a client row", 15000);
    await sleep(500);
    await (await s.testid("client-row")).click();
    await s.testid("client-detail", 20000);
    const tabs = await s.findAll('[role="tab"][data-testid^="tab-"]');
    for (const tab of tabs) {
      await tab.click();
      await sleep(1200);
      if (steps) step(`${name.slice(0, 4)}… ${await tab.attribute("data-testid")}`);
    }
  };

  for (let round = 0; round < 2; round++) {
    await go("today", "today-screen");
    await go("board", "board-screen");
    await go("clients", "clients-screen");
    await openClient(PF_CLIENT);
    await openClient("长沙");
    await go("funnel", "funnel-screen");
    await go("portfolio", "portfolio-screen");
    await go("settings", "settings-screen");
  }
  await go("today", "today-screen");
  await settle();
  samples.after_walk = memory();
  if (maps) {
    for (const p of appTree()) {
      console.log(`${p.exe.split("/").pop()} (pid ${p.pid}):`);
      for (const [name, mb] of topMappings(p.pid)) console.log(`  ${mb.toFixed(1).padStart(7)} MB  ${name.split("/").pop()}`);
    }
  }
} finally {
  await s.close().catch(() => {});
  await driver.stop();
}

if (json) {
  console.log(JSON.stringify(samples, null, 2));
} else {
  for (const [when, m] of Object.entries(samples)) {
    const parts = Object.entries(m).map(([name, v]) => `${name} ${v.rss.toFixed(0)}/${v.pss.toFixed(0)}`);
    console.log(`${when.padEnd(14)} MB RSS/PSS: ${parts.join(", ")}`);
  }
}
