import { defineErrors, makeErrors } from '../core/errors';

/** The codes of a workspace's vocabulary (its own terms for the analyzer). */
export const VOCABULARY_ERRORS = defineErrors({
  LEXICON_ENTRY_NOT_FOUND: { kind: 'not_found', en: 'Vocabulary entry not found' },
  LEXICON_TERM_TAKEN: { kind: 'conflict', en: 'The vocabulary already has "{term}" for {language}' },
  LEXICON_FULL: { kind: 'conflict', en: 'A workspace keeps at most {max} terms: remove one before adding another' },
  LEXICON_TERM_UNREAD: {
    kind: 'invalid',
    en: 'The analyzer does not read "{term}" as written (it splits or drops part of it); try it without punctuation',
  },
  LEXICON_LANGUAGE_UNSCORED: {
    kind: 'invalid',
    en: 'The analyzer does not score {language}: a term for it would change nothing',
  },
});

export const vocabularyError = makeErrors(VOCABULARY_ERRORS);
