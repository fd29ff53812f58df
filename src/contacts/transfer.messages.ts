import { defineMessages } from '@formatjs/intl';

/** The words of the contacts list's import, export and segment tools (English source; German in de.json). */
export const transferMessages = defineMessages({
  importButton: { id: 'contacts.transfer.importButton', defaultMessage: 'Import CSV', description: 'link' },
  exportButton: {
    id: 'contacts.transfer.exportButton',
    defaultMessage: 'Export {filtered, select, yes {these contacts} other {all contacts}} as CSV',
    description: 'link downloading a CSV; filtered is yes when the list is filtered or a segment is chosen',
  },
  importTitle: { id: 'contacts.transfer.importTitle', defaultMessage: 'Import contacts' },
  file: { id: 'contacts.transfer.file', defaultMessage: 'CSV file' },
  fileHelp: {
    id: 'contacts.transfer.fileHelp',
    defaultMessage:
      'The first line names the columns; HubSpot and Salesforce exports are read as they are. A row whose email ' +
      'a contact already has fills in that contact.',
  },
  mapping: { id: 'contacts.transfer.mapping', defaultMessage: 'Columns (optional)' },
  mappingPlaceholder: {
    id: 'contacts.transfer.mappingPlaceholder',
    defaultMessage: 'email=E-mail, company=Organisation, custom:plan=Plan',
    description: 'example mapping: field=column pairs; keep the field names (email, company, custom:plan) as they are',
  },
  mappingHelp: {
    id: 'contacts.transfer.mappingHelp',
    defaultMessage:
      'Only where a column is not found by its name: field=column pairs, a field from {fields} or {custom}.',
    description: 'fields lists the field names; custom is custom:<key>',
  },
  startImport: { id: 'contacts.transfer.startImport', defaultMessage: 'Import', description: 'button' },
  recentImports: { id: 'contacts.transfer.recentImports', defaultMessage: 'Recent imports' },
  status: {
    id: 'contacts.transfer.status',
    defaultMessage: '{status, select, queued {queued} running {running} done {done} failed {failed} other {{status}}}',
  },
  progressOf: { id: 'contacts.transfer.progressOf', defaultMessage: 'Progress of {filename}' },
  progress: {
    id: 'contacts.transfer.progress',
    defaultMessage:
      '{percent} · {processed} of {total, plural, one {# row} other {# rows}} checked · {imported} new · ' +
      '{merged} added to existing contacts · {failed} skipped',
    description: 'how far a contact import is',
  },
  badRows: {
    id: 'contacts.transfer.badRows',
    defaultMessage: '{count, plural, one {# row was skipped} other {# rows were skipped}}: why',
  },
  badRow: { id: 'contacts.transfer.badRow', defaultMessage: 'line {line}: {message}', description: 'a skipped row' },
  moreBadRows: {
    id: 'contacts.transfer.moreBadRows',
    defaultMessage: '{count, plural, one {# more row is not listed} other {# more rows are not listed}}.',
  },
  okStarted: {
    id: 'contacts.transfer.okStarted',
    defaultMessage: 'Import started. This page shows its progress.',
  },
  segments: { id: 'contacts.transfer.segments', defaultMessage: 'Saved segments', description: 'heading of a list' },
  allContacts: { id: 'contacts.transfer.allContacts', defaultMessage: 'Everyone' },
});
