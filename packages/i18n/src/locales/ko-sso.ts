/** Korean messages of the sso screens (part of the "common" namespace, under "sso"). */
export const koSso = {};
