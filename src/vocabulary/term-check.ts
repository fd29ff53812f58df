import { compileLexicon, loadAnalyzer } from '../sentiment';
import { vocabularyError } from './errors';
import type { LexiconEntryInput } from './lexicon.input';

/** The words the analyzer matches of a term (lower case, NFC, no leading #): what makes two entries one. */
export function termKeyOf(term: string): string {
  const [compiled] = [...compileLexicon([{ term, language: null, weight: 0 }]).values()];
  return compiled?.[0]?.words.join(' ') ?? '';
}

/**
 * A term the analyzer would never match is refused now rather than sit in the list doing nothing: the
 * analyzer's tokens decide ("don't" is read as "do" + "n't", "l'app" as "l'" + "app"). Asked of the analyzer
 * itself, so the check cannot drift from what analyze() does: the term, read as a post, must score
 * differently with the term at +4 than at -4. A language the analyzer does not score is refused the same way.
 */
export async function checkTermIsRead(input: LexiconEntryInput): Promise<void> {
  const { analyze } = await loadAnalyzer();
  const language = input.language ?? 'en';
  if (analyze(input.term, { language }).label === 'unscored')
    throw vocabularyError('LEXICON_LANGUAGE_UNSCORED', { language }, { field: 'language' });
  const scoreAt = (weight: number) =>
    analyze(input.term, { language, lexicon: compileLexicon([{ term: input.term, language: null, weight }]) }).score;
  if (scoreAt(4) === scoreAt(-4)) throw vocabularyError('LEXICON_TERM_UNREAD', { term: input.term }, { field: 'term' });
}
