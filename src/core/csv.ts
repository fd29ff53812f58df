import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer: every export goes through it. Names and posts come from the internet, and a
 * cell a spreadsheet would run as a formula (= + - @, or a tab or carriage return before one) is
 * written with a leading apostrophe. A plain negative number (a sentiment of -0.4) is no formula
 * and stays a number.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

/** A text cell as it is written: a formula-looking one gets a leading apostrophe. */
export const guardCell = (v: string) => (FORMULA_START.test(v) && !NEGATIVE_NUMBER.test(v) ? `'${v}` : v);

/** Undoes guardCell for our own files read back (contacts import): only an apostrophe guardCell added. */
export const unguardCell = (v: string) => (v.startsWith("'") && guardCell(v.slice(1)) === v ? v.slice(1) : v);

/** Rows (and, when given, a header of column names) as CSV text, every text cell guarded. */
export function toCsv(rows: CsvCell[][], columns?: readonly string[]): string {
  const cells = rows.map((row) => row.map((v) => (typeof v === 'string' ? guardCell(v) : (v ?? ''))));
  return stringify(cells, columns ? { header: true, columns: columns.map(guardCell) } : {});
}
