export {
  type BrandingImage,
  type BrandingKind,
  type BrandingProblem,
  brandingKinds,
  checkBrandingImage,
  MAX_BRANDING_BYTES,
  MAX_BRANDING_SIDE,
  MIN_BRANDING_SIDE,
} from "../records/branding-image";
export type { BrandingLog } from "../records/branding-keys";
export { getBrandingImage } from "./get-branding-image";
export { removeBranding } from "./remove-branding";
export { updateBranding } from "./update-branding";
