import { describe, expect, it } from "vitest";
import { activityText } from "./activity";
import type { Activity } from "./bindings";
import i18n from "./i18n";

const act = (action: string, detail: string, zh: string | null = null, en: string | null = null): Activity => ({
  at: "2026-03-01T10:00:00+08:00",
  action,
  client_id: 1,
  client_name: "苏州恒远",
  detail,
  item_label_zh: zh,
  item_label_en: en,
});

describe("recent activity text", () => {
  const zh = i18n.getFixedT("zh-CN");
  const en = i18n.getFixedT("en");

  it("says stage moves in words, overrides included", () => {
    expect(activityText(zh, act("journey.advance", "1>2"), "zh")).toBe("推进到阶段 2");
    expect(activityText(zh, act("journey.advance", "2>3 override"), "zh")).toBe("越过关卡推进到阶段 3");
    expect(activityText(en, act("journey.back", "3>2"), "en")).toBe("Moved back to stage 2");
  });

  it("names checklist items by label in the UI language, else by key", () => {
    const tick = act("journey.tick", "s2-licence", "核验营业执照", "Business licence verified");
    expect(activityText(zh, tick, "zh")).toBe("完成：核验营业执照");
    expect(activityText(en, tick, "en")).toBe("Done: Business licence verified");
    expect(activityText(zh, act("journey.item_remove", "extra-7"), "zh")).toBe("删除事项：extra-7");
  });

  it("translates statuses and changed fields", () => {
    expect(activityText(zh, act("journey.status", "prospect>active"), "zh")).toBe("状态：潜在客户 → 合作中");
    expect(activityText(en, act("client.update", "name,tier"), "en")).toBe("Changed: Client name, Tier");
    expect(activityText(zh, act("client.update", ""), "zh")).toBe("修改了客户资料");
    expect(activityText(zh, act("client.create", ""), "zh")).toBe("新建客户");
  });

  it("shows an action it does not know as it is", () => {
    expect(activityText(zh, act("loan.future", "x 1"), "zh")).toBe("loan.future · x 1");
  });
});
