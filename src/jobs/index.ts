/**
 * Jobs: the scheduled work (polling, replies, imports, sweeps, digests), in process or driven by Inngest.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** What a job gets to work with, and a job the scheduler runs. */
export type { JobDeps, ScheduledJob } from './job';
/** Every scheduled job of the app. */
export { SCHEDULED_JOBS } from './schedule';
/** Runs the scheduled jobs inside this process when no Inngest server is configured (the laptop shape). */
export { createInProcessRunner } from './runner';
/** Frees every lease this instance held before a restart (run at start, before any job). */
export { releaseOwnLeases } from './leases';

/** The Inngest client and handler, loaded only when an Inngest server drives the jobs (~0.1 s at start). */
export const loadInngest = () => import('./inngest');
