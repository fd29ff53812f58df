import { defineErrors, makeErrors } from '../core/errors';

/** The codes of corrections (a missing mention is the mentions' MENTION_NOT_FOUND). */
export const REANALYSIS_ERRORS = defineErrors({
  POST_NOT_IN_CONVERSATION: { kind: 'not_found', en: 'This post is not part of the conversation' },
});

export const reanalysisError = makeErrors(REANALYSIS_ERRORS);
