import type { CommonMessages } from "./locales/ko";
import type { EmailMessages } from "./locales/ko-email";

// i18next checks every key given to `t()` against the Korean resources (the reference language): a key
// that does not exist fails the type check instead of showing a raw key to a user.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: { common: CommonMessages; email: EmailMessages };
  }
}
