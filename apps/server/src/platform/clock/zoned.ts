// The web app reads times in the estate's zone too, so the arithmetic lives in the shared package.
export { DEFAULT_TIME_ZONE, type ZonedParts, zonedParts } from '@guanjia/shared';
