import { defineMessages } from '@formatjs/intl';
import type { Translator } from '../core/i18n/translator';
import { CONTACT_ERRORS } from './errors';

/**
 * A failed contact import's note in the reader's language. The note is stored as English (what the API says;
 * db/import-job.ts writes it), so the page knows it again by its words: one of the CRM's import errors, or the
 * short sentence core/redact-error.ts failureNote makes for a failure that is no domain error. Any other note is
 * shown as written.
 */
const m = defineMessages({
  failed: {
    id: 'contacts.import.failedNote',
    defaultMessage:
      'The import failed ({database, select, none {internal error} other {database error {database}}}); ' +
      'nothing was imported. See the log, ref {ref}',
    description: 'database is the database’s error code (none when there is none); ref names the log line',
  },
});

// failureNote's sentence for the label 'The contact import' (import.service.ts).
const FAILED =
  /^The contact import failed \((?:database error ([0-9A-Z]{5})|internal error)\); see the log, ref (\S+)$/;
const TOO_MANY_ROWS = /^The file has (\d+) rows; at most (\d+) are imported at once$/;

// The import errors that take no values, by their English (the words a failed run stores).
const OWN = new Map<string, string>(
  Object.entries(CONTACT_ERRORS)
    .filter(([code, e]) => code.startsWith('CONTACT_IMPORT_') && !e.en.includes('{'))
    .map(([code, e]) => [e.en, code]),
);

/** The note in the reader's language when it is one the page knows; otherwise as written. */
export function contactImportNoteText(t: Translator, note: string): string {
  const code = OWN.get(note);
  if (code) return t.error(code, note, {});
  const rows = TOO_MANY_ROWS.exec(note);
  if (rows) return t.error('CONTACT_IMPORT_TOO_MANY_ROWS', note, { rows: Number(rows[1]), max: Number(rows[2]) });
  const failed = FAILED.exec(note);
  if (failed) return t.t(m.failed, { database: failed[1] ?? 'none', ref: failed[2]! });
  return note;
}
