import { z } from '@hono/zod-openapi';
import { LEXICON_WEIGHT_RANGE } from '../sentiment';
import { inputWords as w, said } from '../http/input-words';

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
      .min(1, said(w.required))
      .max(LEXICON_TERM_MAX)
      .refine((s) => !CONTROL.test(s), said(w.oneLine))
      .refine((s) => s.isWellFormed(), said(w.wellFormed))
      .openapi({ description: 'A word or phrase, matched whole words, case-insensitive', example: 'sick' }),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, said(w.languageCode))
      .nullable()
      .default(null)
      .openapi({ description: 'Only posts in this language (ISO 639-1); null: every language' }),
    weight: z
      .number()
      .min(LEXICON_WEIGHT_RANGE.min)
      .max(LEXICON_WEIGHT_RANGE.max)
      .refine(oneDecimal, said(w.oneDecimal))
      .openapi({ description: '-4 (very negative) .. 4 (very positive); 0: neutral (a product name)', example: 3 }),
  })
  .openapi('LexiconEntryInput');

export type LexiconEntryInput = z.output<typeof LexiconEntryInput>;
