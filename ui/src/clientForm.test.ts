import { describe, expect, it } from "vitest";
import type { Client } from "./bindings";
import { emptyForm, fieldTestId, formFromClient, inputFromForm } from "./clientForm";

const client: Client = {
  id: 7,
  archived: false,
  created_at: "2025-01-02T03:04:05Z",
  updated_at: "2025-01-02T03:04:05Z",
  name: "杭州示例科技有限公司",
  name_en: null,
  credit_code: "91330100MA2XXXXX0X",
  industry_code: "I65",
  industry: "软件",
  size: "small",
  region: null,
  source_channel: "referral",
  tier: "B",
  status: "active",
  stage: 3,
  product: null,
  contacts: [{ name: "张伟", role: "财务总监", phone: "", email: "" }],
  notes: "",
};

describe("client form", () => {
  it("sends empty optional fields as null and trims text", () => {
    const f = { ...emptyForm(), name: "  华东精密  ", industry: "  ", credit_code: " 91350100m000100y43 " };
    const input = inputFromForm(f);
    expect(input.name).toBe("华东精密");
    expect(input.industry).toBeNull();
    expect(input.name_en).toBeNull();
    expect(input.size).toBeNull();
    expect(input.credit_code).toBe("91350100M000100Y43");
    expect(input.stage).toBe(1);
    expect(input.status).toBe("prospect");
  });

  it("keeps blank contact rows so backend error indexes match the form", () => {
    const f = { ...emptyForm(), name: "x" };
    f.contacts = [
      { name: "", role: "", phone: "", email: "" },
      { name: "李娜", role: "", phone: "", email: "bad" },
    ];
    expect(inputFromForm(f).contacts).toHaveLength(2);
    expect(fieldTestId("contacts.1.email")).toBe("contact-email-1");
  });

  it("round-trips a stored client", () => {
    const f = formFromClient(client);
    expect(f.region).toBe("");
    expect(f.product).toBe("");
    const back = inputFromForm(f);
    expect(back).toEqual({
      name: client.name,
      name_en: null,
      credit_code: client.credit_code,
      industry_code: "I65",
      industry: "软件",
      size: "small",
      region: null,
      source_channel: "referral",
      tier: "B",
      status: "active",
      stage: 3,
      product: null,
      contacts: client.contacts,
      notes: "",
    });
  });

  it("gives a client without contacts one blank row to fill", () => {
    expect(formFromClient({ ...client, contacts: [] }).contacts).toEqual([{ name: "", role: "", phone: "", email: "" }]);
  });

  it("maps backend field names to input test ids", () => {
    expect(fieldTestId("credit_code")).toBe("field-credit-code");
    expect(fieldTestId("source_channel")).toBe("field-source");
    expect(fieldTestId("unknown")).toBeNull();
  });
});
