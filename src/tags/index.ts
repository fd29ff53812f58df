/**
 * Tags: the workspace's tag list, shared by conversations and contacts.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Registers tags in the workspace's vocabulary and answers them in its spelling. */
export { canonicalTags } from './tags.service';
/** Trimmed, without repeats (ignoring case), at most 60 characters each. */
export { cleanTags } from './tags.service';
/** A workspace's tags. */
export { listTags } from './tags.service';
