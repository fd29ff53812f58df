import { defineErrors, makeErrors } from '../core/errors';

/** The codes of the community: members, the public board, ideas, reviews, moderation, evidence. */
export const COMMUNITY_ERRORS = defineErrors({
  COMMUNITY_NOT_FOUND: { kind: 'not_found', en: 'Community not found' },
  MEMBER_NOT_FOUND: { kind: 'not_found', en: 'Member not found' },
  MEMBER_LOGIN_REQUIRED: { kind: 'unauthenticated', en: 'Log in to do that' },
  MEMBER_NOT_VERIFIED: { kind: 'forbidden', en: 'Confirm your email first: the link is in your inbox' },
  MEMBER_CREDENTIALS_INVALID: { kind: 'unauthenticated', en: 'Email or password is wrong' },
  MEMBER_LINK_INVALID: { kind: 'invalid', en: 'This link is not valid any more; ask for a new one' },
  TOO_MANY_ATTEMPTS: { kind: 'rate_limited', en: 'Too many attempts; try again later' },

  IDEA_NOT_FOUND: { kind: 'not_found', en: 'Idea not found' },
  COMMENT_NOT_FOUND: { kind: 'not_found', en: 'Comment not found' },
  REVIEW_NOT_FOUND: { kind: 'not_found', en: 'Review not found' },
  CATEGORY_NOT_FOUND: { kind: 'not_found', en: 'Category not found' },
  CATEGORY_UNKNOWN: { kind: 'invalid', en: 'Pick one of the categories' },
  CATEGORY_NAME_MISSING: { kind: 'invalid', en: 'Give the category a name' },
  CATEGORY_NAME_TAKEN: { kind: 'conflict', en: 'A category named {name} already exists' },
  RATING_OUT_OF_RANGE: { kind: 'invalid', en: 'A rating is 1 to 5 stars' },
  PRODUCT_UNKNOWN: { kind: 'invalid', en: 'Pick one of the products' },

  IDEA_NOT_CHOSEN: { kind: 'invalid', en: 'Pick an idea' },
  IDEA_TITLE_LENGTH: { kind: 'invalid', en: 'A title is 3 to 140 characters' },
  MERGE_INTO_NOT_CHOSEN: { kind: 'invalid', en: 'Pick the idea to merge into' },
  IDEA_MERGED_INTO_ITSELF: { kind: 'invalid', en: 'An idea cannot be merged into itself' },
  IDEA_ALREADY_MERGED: { kind: 'conflict', en: 'This idea was already merged into another' },
  IDEA_MERGE_TARGET_MERGED: {
    kind: 'invalid',
    en: 'That idea was itself merged; merge into the one it points to',
  },
  MODERATION_TARGET_UNKNOWN: { kind: 'not_found', en: 'Nothing to moderate there' },
  MODERATION_ACTION_UNKNOWN: { kind: 'invalid', en: 'Choose hide, restore or delete' },
  EVIDENCE_MENTION_UNKNOWN: { kind: 'invalid', en: 'The mention is not one of this workspace' },
  EVIDENCE_OF_ANOTHER_IDEA: { kind: 'conflict', en: 'This mention is already evidence for another idea' },
});

export const communityError = makeErrors(COMMUNITY_ERRORS);
