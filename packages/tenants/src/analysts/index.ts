export { ANALYST_LINK_DAYS, type AnalystInput, analystForm, createAnalyst } from "./create-analyst";
export { disableAnalyst } from "./disable-analyst";
export { type AnalystRow, type AnalystStatus, listAnalysts } from "./list-analysts";
