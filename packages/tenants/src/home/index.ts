export { getHomeCounts } from "./get-home-counts";
