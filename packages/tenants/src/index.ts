export * from "./accounts";
export * from "./audit";
export * from "./branding";
export * from "./home";
export * from "./members";
export * from "./onboarding";
export * from "./settings";
export * from "./sso";
