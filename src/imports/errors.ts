import { defineErrors, makeErrors } from '../core/errors';

/** The codes of imports of posts (files of posts, uploaded and run in the background). */
export const IMPORT_ERRORS = defineErrors({
  IMPORT_NOT_FOUND: { kind: 'not_found', en: 'Import not found' },
  IMPORT_TOO_LARGE: { kind: 'too_large', en: 'Import files may be at most 50 MiB' },
  // Too slow to keep its lease: the sweep failed it meanwhile (the text is also the failed row's error).
  IMPORT_UPLOAD_CUT_OFF: {
    kind: 'conflict',
    en: 'The upload was cut off before the whole file arrived: upload the file again',
  },
  IMPORT_FILE_MISSING: { kind: 'invalid', en: 'Send the file as the form field "file", or as a text/csv body' },
  IMPORT_FILE_NOT_CHOSEN: { kind: 'invalid', en: 'Choose a file to import' },
  IMPORT_BODY_EMPTY: { kind: 'invalid', en: 'The request has no file in it' },
  IMPORT_FORMAT_UNKNOWN: { kind: 'invalid', en: 'Say format=csv or format=jsonl (the file name does not tell)' },
  IMPORT_MAPPING_NOT_JSON: { kind: 'invalid', en: 'mapping must be a JSON object' },
  IMPORT_MAPPING_UNKNOWN_FIELD: { kind: 'invalid', en: 'mapping: unknown field or bad column name' },
  IMPORT_MAPPING_INVALID: { kind: 'invalid', en: '{entry}: use field=column with a field from: {fields}' },
});

export const importError = makeErrors(IMPORT_ERRORS);
