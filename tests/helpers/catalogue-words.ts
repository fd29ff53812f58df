import { readFileSync } from 'node:fs';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/**
 * The texts of one language of the catalogue that the other language does not share, for tests that say
 * "this page shows no English" (or no German). A message's literal runs count (the words between its
 * arguments), so "{n} new mentions" is found as " new mentions"; runs too short to mean anything alone
 * ("{a}, {b}") and runs the other language also writes anywhere (product names, "E-Mail") are left out.
 */

const en = JSON.parse(readFileSync('src/core/i18n/en.json', 'utf8')) as Record<string, { defaultMessage: string }>;
const de = JSON.parse(readFileSync('src/core/i18n/de.json', 'utf8')) as Record<string, string>;

/**
 * The literal runs of an ICU message, plural and select branches included, trimmed (line breaks inside kept:
 * an email's run is found in the email as written).
 */
export function literalRuns(message: string): string[] {
  const runs: string[] = [];
  let current = '';
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.literal) {
        current += e.value;
        continue;
      }
      runs.push(current);
      current = '';
      if ('options' in e)
        for (const option of Object.values(e.options)) {
          walk(option.value);
          runs.push(current);
          current = '';
        }
      if ('children' in e) walk(e.children);
      current = '';
    }
  };
  try {
    walk(parse(message, { ignoreTag: true }));
  } catch {
    // Error templates are `{name}` templates, not ICU (one holds a JSON example): split at the braces.
    return message
      .split(/\{[^}]*\}/)
      .map((r) => r.trim())
      .filter(Boolean);
  }
  runs.push(current);
  return runs.map((r) => r.trim()).filter(Boolean);
}

// A run shorter than this is a word or two that may well be a name, a number's unit or shared by both.
const MIN_RUN = 4;

function only(mine: string[], theirs: string[]): string[] {
  // What the other language writes: its runs, not its raw messages (a select's keys are English in both).
  const flat = (r: string) => r.replace(/\s+/g, ' ');
  const other = theirs.flatMap(literalRuns).map(flat).join('\n');
  const words = new Set<string>();
  for (const message of mine)
    for (const run of literalRuns(message).map(flat)) {
      // A run needs a letter-word of its own; pure punctuation and runs the other language shares are not telling.
      if (run.length < MIN_RUN || !/\p{L}{3,}/u.test(run) || other.includes(run)) continue;
      words.add(run);
    }
  return [...words].sort((a, b) => b.length - a.length);
}

const english = Object.values(en).map((m) => m.defaultMessage);
const german = Object.values(de);

/** English texts of the catalogue that German never writes. */
export const ENGLISH_ONLY = only(english, german);
/** German texts of the catalogue that English never writes. */
export const GERMAN_ONLY = only(german, english);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The runs of `words` that `text` contains as whole words (a run "Open" is not found in "Opener"), so a
 * page's own content written in the right language cannot trip it by a shared prefix.
 */
export function foundIn(text: string, words: readonly string[]): string[] {
  const flat = text.replace(/\s+/g, ' ');
  return words.filter((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'u').test(flat));
}
