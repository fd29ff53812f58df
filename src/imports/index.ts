/**
 * Imports: files of posts (CSV, JSON Lines) fed through the one flow in the background, resumable.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Starts an import of a file of posts (CSV, JSON Lines), run in the background. */
export { createImport } from './import.service';
/** Runs (or resumes) an import in batches, saving progress after each (the page and CLI show it). */
export { runImport } from './import.service';
/** The format a file name says (".csv", ".jsonl", ".json", ".ndjson"), or null when it says nothing. */
export { formatFromFilename } from './parse';
/** Reads an import mapping ("text=Message, createdAt=Date") into fields. */
export { parseMappingText } from './parse';
/** What an import needs to run. */
export type { ImportDeps } from './import-types';
/** Frees the import leases this instance held before a restart. */
export { releaseImportLeases } from './import.service';
/** Fails uploads whose uploader died mid-upload, with the reason, and deletes their stored pieces. */
export { failAbandonedUploads } from './import.service';
/** Imports that were queued or cut short (lease run out) */
export { resumableImportIds } from './import.service';
/** The import format (csv, jsonl) a raw upload's Content-Type names, or undefined. */
export { rawTypeOf } from './routes';
/** The imports' error codes, with their kinds and messages (the error catalogue lists them). */
export { IMPORT_ERRORS } from './errors';
