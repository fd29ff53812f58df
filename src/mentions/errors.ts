import { defineErrors, makeErrors } from '../core/errors';

/** The codes of stored mentions; the features above them (corrections, evidence) throw them too. */
export const MENTION_ERRORS = defineErrors({
  MENTION_NOT_FOUND: { kind: 'not_found', en: 'Mention not found' },
});

export const mentionError = makeErrors(MENTION_ERRORS);
