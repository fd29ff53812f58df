/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
/** PATCH /mentions/{id}/sentiment and /intents: staff correct the analyzer. */
export { correctionsApi } from './routes';
/** GET /analysis/corrections.csv: staff corrections as labelled examples for training. */
export { correctionsExportApi } from './export.routes';
/** The correction form under each post of a conversation. */
export { correctionPages } from './pages';
/** GET /mentions/{id}: one mention with its analysis explained. */
export { explainApi } from './explain.routes';
/** "Why negative?" under a post: what decided the label, as a fragment for the disclosure or a page. */
export { explainPages } from './explain.pages';
/** GET and PUT /analysis/settings: the confidence threshold. */
export { analysisSettingsApi } from './analysis-settings.routes';
/** Settings > Analysis: the confidence threshold form. */
export { analysisSettingsPages } from './analysis-settings.pages';
