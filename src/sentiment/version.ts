/** Bump when results change, so stored analyses can be recomputed (`npm run cli -- reanalyze`). */
export const ANALYSIS_VERSION = 5;
