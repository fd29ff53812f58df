import { defineErrors, makeErrors } from '../core/errors';

/** The CRM's codes: contacts, lifecycle stages, segments, duplicates, merges and contact imports. */
export const CONTACT_ERRORS = defineErrors({
  CONTACT_NOT_FOUND: { kind: 'not_found', en: 'Contact not found' },
  LIFECYCLE_STAGES_EMPTY: { kind: 'invalid', en: 'Keep at least one lifecycle stage' },
  LIFECYCLE_STAGE_UNKNOWN: { kind: 'invalid', en: 'Unknown lifecycle stage: {stage}' },
  CONTACT_OWNER_NOT_ACTIVE: { kind: 'invalid', en: 'The owner is not an active user of this workspace' },
  MERGED_CONTACT_NOT_EDITABLE: { kind: 'conflict', en: 'This contact was merged into another; edit that one' },
  MERGED_CONTACT_NOT_NOTABLE: { kind: 'conflict', en: 'This contact was merged into another; note that one' },

  SEGMENT_NOT_FOUND: { kind: 'not_found', en: 'Segment not found' },
  SEGMENT_UNKNOWN: { kind: 'invalid', en: 'Unknown segment' },
  SEGMENT_NAME_TAKEN: { kind: 'conflict', en: 'A segment named {name} already exists' },

  SUGGESTION_NOT_FOUND: { kind: 'not_found', en: 'Suggestion not found' },
  SUGGESTION_RESOLVED: { kind: 'conflict', en: 'This suggestion is already {status}' },

  MERGE_NOT_FOUND: { kind: 'not_found', en: 'Merge not found' },
  MERGE_NEEDS_OTHERS: { kind: 'invalid', en: 'Name at least one other contact to merge' },
  MERGE_CONTACT_NOT_CHOSEN: { kind: 'invalid', en: 'Choose a contact to merge into this one' },
  CONTACT_ALREADY_MERGED: { kind: 'conflict', en: '{name} was already merged into another contact' },
  MERGE_CHOICE_OUTSIDE: { kind: 'invalid', en: 'The choice for {field} names a contact outside this merge' },
  MERGE_ALREADY_UNDONE: { kind: 'conflict', en: 'This merge was already undone' },
  MERGE_TARGET_DELETED: { kind: 'conflict', en: 'The merged contact was deleted since; nothing to undo' },
  MERGE_TARGET_MERGED_AGAIN: {
    kind: 'conflict',
    en: 'The merged contact was itself merged again since; undo that merge first',
  },
  MERGE_SOURCES_DELETED: {
    kind: 'conflict',
    en: 'Some of the merged contacts were deleted since; the merge cannot be undone',
  },

  CONTACT_IMPORT_NOT_FOUND: { kind: 'not_found', en: 'Import not found' },
  CONTACT_IMPORT_TOO_LARGE: { kind: 'too_large', en: 'Import files may be at most 50 MiB' },
  CONTACT_IMPORT_TOO_MANY_ROWS: {
    kind: 'invalid',
    en: 'The file has {rows} rows; at most {max} are imported at once',
  },
  CONTACT_IMPORT_NOT_CSV: { kind: 'invalid', en: 'The file is not valid CSV: {problem}' },
  CONTACT_IMPORT_EMPTY: { kind: 'invalid', en: 'The file is empty: the first line must name the columns' },
  CONTACT_IMPORT_FILE_NOT_CHOSEN: { kind: 'invalid', en: 'Choose a CSV file to import' },
  CONTACT_IMPORT_COLUMN_MISSING: { kind: 'invalid', en: 'mapping: the file has no column "{column}" (for {field})' },
  CONTACT_IMPORT_NEEDS_NAME_OR_EMAIL: {
    kind: 'invalid',
    en: 'The file has no name or email column: map one, e.g. {"email": "E-mail address"}',
  },
  CONTACT_IMPORT_MAPPING_INVALID: {
    kind: 'invalid',
    en: '{entry}: use field=column with a field from: {fields}, or custom:<key>',
  },
});

export const contactError = makeErrors(CONTACT_ERRORS);
