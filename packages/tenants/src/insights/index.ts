export { getInsightsPublication } from "./get-insights-publication";
export { getNationalDistributions } from "./get-national-distributions";
export {
  getNationalInsights,
  governmentTypes,
  type InsightGroup,
  type InsightGrouping,
  insightGroupings,
  type NamedFigure,
  type NationalInsights,
  type NationalInsightsQuery,
  nationalInsightsQuery,
} from "./get-national-insights";
export {
  getOwnInsightFigures,
  type OwnInsightFigure,
  type OwnInsightFigures,
} from "./get-own-insight-figures";
