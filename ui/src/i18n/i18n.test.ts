import { describe, expect, it } from "vitest";
import i18n from "./index";

describe("i18n", () => {
  it("starts in Chinese", () => {
    expect(i18n.language).toBe("zh-CN");
    expect(i18n.t("nav.clients")).toBe("客户");
  });

  it("counts clients in both languages", async () => {
    expect(i18n.t("clients.count", { count: 1 })).toBe("共 1 家客户");
    await i18n.changeLanguage("en");
    expect(i18n.t("clients.count", { count: 1 })).toBe("1 client");
    expect(i18n.t("clients.count", { count: 12 })).toBe("12 clients");
    await i18n.changeLanguage("zh-CN");
  });
});
