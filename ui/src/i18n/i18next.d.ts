// Makes t("some.key") a compile error when the key is not in the Chinese catalogue (the UI's
// own, or the core's generated one); the catalogue test keeps the English one in step.
import "i18next";
import type { CATALOGUE } from "../bindings";
import type zhCN from "./zh-CN.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof zhCN & (typeof CATALOGUE)["zh-CN"] };
  }
}
