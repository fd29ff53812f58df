import { defineMessages } from '@formatjs/intl';

/** The words of Settings > Imports (English source; German in de.json). */
export const importMessages = defineMessages({
  title: { id: 'imports.settings.title', defaultMessage: 'Imports' },
  heading: { id: 'imports.settings.heading', defaultMessage: 'Import exported mentions' },
  file: { id: 'imports.settings.file', defaultMessage: 'File (CSV or JSON Lines, up to 50 MiB)' },
  mapping: { id: 'imports.settings.mapping', defaultMessage: 'Column mapping (optional)' },
  mappingPlaceholder: {
    id: 'imports.settings.mapping.placeholder',
    defaultMessage: 'text=Message, createdAt=Date, authorHandle=Author',
    description: 'an example mapping: field=column; the field names before "=" stay as they are',
  },
  mappingHelp: {
    id: 'imports.settings.mapping.help',
    defaultMessage: 'Fields: {fields}. Common column names are recognised without a mapping.',
    description: 'fields is the list of field names, which stay as they are',
  },
  inbox: { id: 'imports.settings.inbox', defaultMessage: 'Open inbox conversations for these mentions' },
  inboxHelp: {
    id: 'imports.settings.inbox.help',
    defaultMessage:
      'Off: they go to listening, contacts and reports only, as history. On: each one waits for an answer.',
    description: 'what the checkbox above does, off and on',
  },
  submit: { id: 'imports.settings.submit', defaultMessage: 'Import', description: 'button' },
  status: {
    id: 'imports.settings.status',
    defaultMessage: '{status, select, queued {queued} running {running} done {done} failed {failed} other {{status}}}',
  },
  progressOf: { id: 'imports.settings.progressOf', defaultMessage: 'Progress of {filename}' },
  progress: {
    id: 'imports.settings.progress',
    defaultMessage:
      '{percent} · {processed}/{total, plural, one {# row} other {# rows}} · {inserted} new · ' +
      '{duplicates} already stored · {failed} bad',
    description: 'how far an import is: rows read of the total, new mentions, ones already stored, bad rows',
  },
  badRows: {
    id: 'imports.settings.badRows',
    defaultMessage: '{count, plural, one {# bad row} other {# bad rows}}',
  },
  badRow: {
    id: 'imports.settings.badRow',
    defaultMessage: 'line {line}: {message}',
    description: 'a bad row of the file',
  },
});
