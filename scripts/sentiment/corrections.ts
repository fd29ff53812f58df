import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { unguardCell } from '../../src/core/csv';
import type { Label } from './metrics';
import type { Example } from './train-data';

const LABELS = new Set(['positive', 'neutral', 'negative']);

/**
 * Staff corrections as training examples, from `GET /api/v1/analysis/corrections.csv` (columns
 * text, language and sentiment; rows without a corrected sentiment or a language are skipped).
 */
export function readCorrections(file: string): Example[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows
    .filter((r) => LABELS.has(r.sentiment ?? '') && r.language && r.text)
    .map((r) => ({
      // The export guards cells a spreadsheet would run ("=…"); the model reads what was written.
      text: unguardCell(r.text!),
      label: r.sentiment as Label,
      set: 'corrections',
      language: r.language!,
      rated: false,
    }));
}
