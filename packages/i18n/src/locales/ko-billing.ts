/** Korean messages of the billing screens (part of the "common" namespace, under "billing"). */
export const koBilling = {};
