import { z } from '@hono/zod-openapi';
import { LEXICON_WEIGHT_RANGE } from '../sentiment';

/** The longest term or phrase, and the most entries a workspace keeps (each is checked on every post). */
export const LEXICON_TERM_MAX = 100;
export const LEXICON_MAX_ENTRIES = 500;

// Checked here too, not only by the safe-text middleware: the schema also reads forms and the CLI.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u001f\u007f]/;
const oneDecimal = (w: number) => Math.abs(w * 10 - Math.round(w * 10)) < 1e-9;

/**
 * One schema per action, shared by the JSON API (vocabulary routes) and the Settings > Vocabulary form:
 * adding an entry, and previewing what adding it would change.
 */
export const LexiconEntryInput = z
  .object({
    term: z
      .string()
      .trim()
      .min(1, 'required')
      .max(LEXICON_TERM_MAX)
      .refine((s) => !CONTROL.test(s), 'must be one line without control characters')
      .refine((s) => s.isWellFormed(), 'contains a lone surrogate (not valid Unicode)')
      .openapi({ description: 'A word or phrase, matched whole words, case-insensitive', example: 'sick' }),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'a two-letter language code such as en')
      .nullable()
      .default(null)
      .openapi({ description: 'Only posts in this language (ISO 639-1); null: every language' }),
    weight: z
      .number()
      .min(LEXICON_WEIGHT_RANGE.min)
      .max(LEXICON_WEIGHT_RANGE.max)
      .refine(oneDecimal, 'at most one decimal')
      .openapi({ description: '-4 (very negative) .. 4 (very positive); 0: neutral (a product name)', example: 3 }),
  })
  .openapi('LexiconEntryInput');

export type LexiconEntryInput = z.output<typeof LexiconEntryInput>;
