import { describe, expect, it } from "vitest";
import { Sessions } from "./session";

describe("Sessions", () => {
  it("a session's lock acts while it is open, and never once it ended", () => {
    const sessions = new Sessions();
    let locks = 0;
    const lock = sessions.lockFor(sessions.begin(), () => {
      locks += 1;
      sessions.end();
    });
    lock();
    expect(locks).toBe(1);
    // A late `locked` answer to a call of that session, while the unlock screen shows...
    lock();
    expect(locks).toBe(1);
    // ...or once the officer unlocked again.
    const second = sessions.begin();
    lock();
    expect(locks).toBe(1);
    sessions.lockFor(second, () => (locks += 1))();
    expect(locks).toBe(2);
  });

  it("an app that starts unlocked has an open first session", () => {
    const sessions = new Sessions();
    let locks = 0;
    sessions.lockFor(sessions.first, () => (locks += 1))();
    expect(locks).toBe(1);
  });
});
