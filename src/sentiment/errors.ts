import { defineErrors, makeErrors } from '../core/errors';

/** The codes of the analysis API. */
export const SENTIMENT_ERRORS = defineErrors({
  TEXT_OR_TEXTS: { kind: 'invalid', en: 'Send either text or texts' },
  TOO_MANY_TEXTS: { kind: 'too_large', en: 'At most {max} texts per request (got {count})' },
  TEXT_TOO_LONG: { kind: 'invalid', en: 'Text {index} is longer than {max} characters' },
});

export const sentimentError = makeErrors(SENTIMENT_ERRORS);
