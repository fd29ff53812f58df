import de from '../../src/core/i18n/de.json' with { type: 'json' };
import type { MessageDescriptor } from '../../src/core/i18n/translator';
import { literalRuns } from './catalogue-words';

/**
 * The English sentences (literal runs of three letters or more) of these messages that their German does not
 * write too: what an email "in German" must not contain. "Hashtags: " is German as well, so it is left out.
 */
export function englishRuns(messages: Record<string, MessageDescriptor>): string[] {
  const found = new Set<string>();
  for (const m of Object.values(messages)) {
    const german = (de as Record<string, string>)[m.id!] ?? '';
    for (const run of literalRuns(String(m.defaultMessage)))
      if (/\p{L}{3,}/u.test(run) && !german.includes(run)) found.add(run);
  }
  return [...found];
}

/** Which of `english` a text contains. */
export const englishIn = (text: string, english: string[]) => english.filter((run) => text.includes(run));
