import { describe, expect, it } from "vitest";
import type { TFunction } from "i18next";
import { ApiError } from "./api";
import { wholeIn } from "./components/BackupCard";
import { describeError } from "./errors";

// Stands in for i18next's t: returns the key and its options, so tests see what was asked for.
const t = ((key: string, opts?: Record<string, unknown>) => (opts ? `${key} ${JSON.stringify(opts)}` : key)) as unknown as TFunction;

describe("backup schedule inputs", () => {
  it("takes whole numbers in range only", () => {
    expect(wholeIn("7", 1, 100)).toBe(7);
    expect(wholeIn(" 30 ", 1, 30)).toBe(30);
    expect(wholeIn("0", 1, 30)).toBeNull();
    expect(wholeIn("31", 1, 30)).toBeNull();
    expect(wholeIn("1.5", 1, 30)).toBeNull();
    expect(wholeIn("", 1, 30)).toBeNull();
  });
});

describe("vault safety errors", () => {
  it("says how long to wait after too many wrong passwords", () => {
    const e = new ApiError("try_later", "too many wrong passwords: try again in 8 s", null, null, { seconds: "8" });
    expect(describeError(t, e).message).toBe('errors.try_later {"seconds":"8"}');
  });

  it("names a damaged vault and keeps the failing pages as detail", () => {
    const e = new ApiError("damaged", "the vault is damaged: HMAC verification failed for page 21", null);
    const shown = describeError(t, e);
    expect(shown.message).toBe("errors.damaged");
    expect(shown.detail).toContain("page 21");
  });
});
