import { defineErrors, makeErrors } from '../core/errors';

/** The codes of topics and their queries. */
export const TOPIC_ERRORS = defineErrors({
  TOPIC_NOT_FOUND: { kind: 'not_found', en: 'Topic not found' },
  TOPIC_NAME_TAKEN: { kind: 'conflict', en: 'A topic named {name} already exists' },
  TOPIC_QUERY_INVALID: { kind: 'invalid', en: 'Query: {problem} (at character {position})' },
  TOPIC_QUERY_UNSUPPORTED: { kind: 'invalid', en: 'Query: {problem}' },
});

export const topicError = makeErrors(TOPIC_ERRORS);
