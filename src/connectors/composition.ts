/**
 * What only composition (src/server, src/cli, src/jobs) wires in: the default connector registry.
 * Kept out of index.ts, so a feature that uses the Connector types does not load every platform client.
 */
/** The connector of every platform, by name. */
export { defaultConnectors } from './registry';
