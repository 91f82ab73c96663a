import { describe, expect, it } from "vitest";
import { blankRows, moveItem, newUid, removeAt, rowOfField } from "./listEdit";

describe("list editing", () => {
  it("moves an element one place and leaves the ends alone", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
    const list = ["x", "y"];
    moveItem(list, 0, 1);
    expect(list).toEqual(["x", "y"]);
  });

  it("removes by index", () => {
    expect(removeAt(["a", "b", "c"], 1)).toEqual(["a", "c"]);
    expect(removeAt(["a"], 3)).toEqual(["a"]);
  });

  it("finds lines with no label in either language", () => {
    const row = (zh: string, en: string) => ({ uid: newUid(), key: null, label_zh: zh, label_en: en });
    expect(blankRows([row("营业执照", ""), row(" ", "\t"), row("", "Licence"), row("", "")])).toEqual([1, 3]);
  });

  it("reads the line a backend field names", () => {
    expect(rowOfField("items.3.label_zh", "items")).toBe(3);
    expect(rowOfField("reasons.0.key", "reasons")).toBe(0);
    expect(rowOfField("reasons.0.key", "items")).toBeNull();
    expect(rowOfField("items", "items")).toBeNull();
    expect(rowOfField(null, "items")).toBeNull();
  });

  it("gives new lines ids that no backend key can take", () => {
    const a = newUid();
    expect(a).not.toBe(newUid());
    expect(a.startsWith("+")).toBe(true);
  });

});
