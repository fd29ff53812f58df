import { defineMessages } from '@formatjs/intl';
import type { Translator } from '../core/i18n/translator';
import { IMPORT_ERRORS } from './errors';

/**
 * A failed import's note in the reader's language. The note is stored as English text (what the API says;
 * db/import-job.ts writes it), so the page knows it again by its words: one of this feature's own error
 * messages, or the short sentence core/redact-error.ts failureNote makes for a failure that is no domain
 * error. Any other note (another feature's error) is shown as written.
 */
const m = defineMessages({
  failed: {
    id: 'imports.failure.failed',
    defaultMessage:
      'The import failed ({database, select, none {internal error} other {database error {database}}}); ' +
      'see the log, ref {ref}',
    description: 'database is the database’s error code (none when there is none); ref names the log line',
  },
});

// failureNote's sentence for the label 'The import' (import.service.ts).
const FAILED = /^The import failed \((?:database error ([0-9A-Z]{5})|internal error)\); see the log, ref (\S+)$/;

// This feature's errors that take no values, by their English (the words a failed run stores).
const OWN = new Map<string, string>(
  Object.entries(IMPORT_ERRORS)
    .filter(([, e]) => !e.en.includes('{'))
    .map(([code, e]) => [e.en, code]),
);

/** The note in the reader's language when it is one the page knows; otherwise as written. */
export function failureNoteText(t: Translator, note: string): string {
  const code = OWN.get(note);
  if (code) return t.error(code, note, {});
  const failed = FAILED.exec(note);
  if (failed) return t.t(m.failed, { database: failed[1] ?? 'none', ref: failed[2]! });
  return note;
}
