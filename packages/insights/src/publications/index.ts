export {
  type AggregateInsightsResult,
  aggregateInsights,
  STALLED_PUBLICATION_MS,
} from "./aggregate-insights";
