/**
 * Server: composition. Builds the dependencies and the app from every feature; nothing in src imports it but cli.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** APP_SECRET (sealing credentials and mail links): from the environment, or generated beside PGlite's data. */
export { resolveAppSecret } from './app-secret';
/** Thrown when the environment's configuration is invalid; its message says which variable. */
export { ConfigError } from './config';
/** Parses and checks the environment into the app's configuration. */
export { loadConfig } from './config';
/** OUTBOUND_ALLOWLIST, OUTBOUND_(FEED_)MAX_BYTES and OUTBOUND_DEADLINE_MS as the guard's policy. */
export { outboundPolicy } from './deps';
/** Where sources hand their posts: the one flow, and the mentions it stored. */
export { sourceFlow } from './deps';
/** Makes the heap grow in smaller steps (Node entries: service, CLI), before work starts. */
export { tuneHeap } from './heap';
/** Registers the one flow's listeners (the live stream) on a bus: for the CLI's jobs. */
export { registerFlowListeners } from './listeners';
