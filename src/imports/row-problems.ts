import { defineMessages } from '@formatjs/intl';
import { ENGLISH, type Translator } from '../core/i18n/translator';
import type { RowError } from '../db/import-job';

/**
 * Why a row of an import was not imported: a code and its values, kept with the row's English (what the API
 * says) and said in the reader's language on the imports page. A row stored before the codes keeps its English.
 */
const m = defineMessages({
  not_valid_file: { id: 'imports.problem.notValidFile', defaultMessage: 'The file is not valid {format}: {problem}' },
  not_valid_csv_on: {
    id: 'imports.problem.notValidCsvOn',
    defaultMessage: 'The file is not valid CSV from here on: {problem}',
    description: 'problem is the CSV reader’s own (English) words',
  },
  too_many_rows: {
    id: 'imports.problem.tooManyRows',
    defaultMessage: 'The file has {rows, number} rows; at most {max, number} are imported at once',
  },
  rows_after_limit: {
    id: 'imports.problem.rowsAfterLimit',
    defaultMessage: 'At most {max, number} rows are imported at once: this row and those after it were not',
  },
  no_text_column: {
    id: 'imports.problem.noTextColumn',
    defaultMessage: 'No text column: map one with {example}',
    description: 'example is text=<column>, as typed',
  },
  unreadable_row: { id: 'imports.problem.unreadableRow', defaultMessage: 'unreadable row' },
  not_json: { id: 'imports.problem.notJson', defaultMessage: 'not valid JSON' },
  not_json_object: { id: 'imports.problem.notJsonObject', defaultMessage: 'not a JSON object' },
  too_deep: { id: 'imports.problem.tooDeep', defaultMessage: 'nested deeper than {max} levels' },
  empty_text: { id: 'imports.problem.emptyText', defaultMessage: 'empty text (column {column})' },
  unreadable_date: {
    id: 'imports.problem.unreadableDate',
    defaultMessage: 'unreadable date {value} (column {column})',
    description: 'value is the cell as written, in quotes',
  },
  followers_not_number: {
    id: 'imports.problem.followersNotNumber',
    defaultMessage: 'followers must be a number, got {value}',
  },
  followers_out_of_range: {
    id: 'imports.problem.followersOutOfRange',
    defaultMessage: 'followers must be a whole number from 0 to {max}, got {value}',
  },
});

export type RowProblem = keyof typeof m;

/** A problem before its line is known to the caller: the code and its values. */
export interface RawProblem {
  code: RowProblem;
  values?: Record<string, string | number>;
}

/** A row's problem as its code, values and English. */
export function rowProblem(line: number, code: RowProblem, values: Record<string, string | number> = {}): RowError {
  return { line, code, values, message: ENGLISH.t(m[code], values) };
}

/** A row's problem in the reader's language (as stored when it has no code). */
export function rowProblemText(t: Translator, e: RowError): string {
  const message = e.code && Object.hasOwn(m, e.code) ? m[e.code as RowProblem] : null;
  return message ? t.t(message, e.values ?? {}) : e.message;
}
