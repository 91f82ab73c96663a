import { describe, expect, it } from "vitest";
import type { TFunction } from "i18next";
import { ApiError } from "./api";
import { describeError } from "./errors";

// Stands in for i18next's t: returns the key and its options, so tests see what was asked for.
const t = ((key: string, opts?: Record<string, unknown>) => (opts ? `${key} ${JSON.stringify(opts)}` : key)) as unknown as TFunction;

describe("vault safety errors", () => {
  it("says how long to wait after too many wrong passwords", () => {
    const e = new ApiError("try_later", "too many wrong passwords: try again in 8 s", null, null, { seconds: "8" });
    expect(describeError(t, e).message).toBe('error.try_later {"seconds":"8"}');
  });

  it("names a damaged vault and keeps the failing pages as detail", () => {
    const e = new ApiError("damaged", "the vault is damaged: HMAC verification failed for page 21", null);
    const shown = describeError(t, e);
    expect(shown.message).toBe("error.damaged");
    expect(shown.detail).toContain("page 21");
  });
});
