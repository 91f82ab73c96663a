import { describe, expect, it } from "vitest";
import { cleanDecimal, compareDecimal, formatMoney, groupThousands, toWan } from "./money";

describe("money as strings", () => {
  it("groups thousands without touching the digits", () => {
    expect(groupThousands("1000000")).toBe("1,000,000");
    expect(groupThousands("5307.27")).toBe("5,307.27");
    expect(groupThousands("999")).toBe("999");
    expect(groupThousands("-1234567.891")).toBe("-1,234,567.891");
    expect(groupThousands("1900-01-01")).toBe("1900-01-01");
    expect(groupThousands("12345678901234567890.12")).toBe("12,345,678,901,234,567,890.12");
  });

  it("shows amounts with two decimals", () => {
    expect(formatMoney("5307.27")).toBe("5,307.27");
    expect(formatMoney("1000000")).toBe("1,000,000.00");
    expect(formatMoney("0.5")).toBe("0.50");
    expect(formatMoney("910616.19")).toBe("910,616.19");
  });

  it("cleans what officers type", () => {
    expect(cleanDecimal("1,000,000")).toBe("1000000");
    expect(cleanDecimal(" 1，000 000.50 ")).toBe("1000000.50");
    expect(cleanDecimal("5.")).toBe("5");
    expect(cleanDecimal(".5")).toBe("0.5");
    expect(cleanDecimal("-20")).toBe("-20");
    expect(cleanDecimal("+3")).toBe("3");
    for (const bad of ["", "abc", "1.2.3", "1e5", "--1", "."]) expect(cleanDecimal(bad), bad).toBeNull();
  });

  it("compares exactly", () => {
    expect(compareDecimal("0.1", "0.10")).toBe(0);
    expect(compareDecimal("910616.19", "737041.67")).toBe(1);
    expect(compareDecimal("4.9", "4.90001")).toBe(-1);
    expect(compareDecimal("-1", "0")).toBe(-1);
  });
});

describe("万", () => {
  it("moves the point four places", () => {
    expect(toWan("1000000")).toBe("100");
    expect(toWan("12345.6")).toBe("1.23456");
    expect(toWan("500")).toBe("0.05");
    expect(toWan("0")).toBe("0");
    expect(toWan("x")).toBeNull();
  });
});
