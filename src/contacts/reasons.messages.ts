import { defineMessages } from '@formatjs/intl';

/** What added to a contact's score, one message a part (English source; German in de.json). */
export const scoreWords = defineMessages({
  reach: {
    id: 'contacts.score.reach',
    defaultMessage: 'Reach: {followers, plural, one {# follower} other {# followers}}',
  },
  engagement: {
    id: 'contacts.score.engagement',
    defaultMessage:
      'Engagement: {engagement, plural, one {# like, repost or reply} other {# likes, reposts and replies}} ' +
      'on their posts',
  },
  activity: {
    id: 'contacts.score.activity',
    defaultMessage: 'Activity: {mentions, plural, one {# mention} other {# mentions}}',
  },
  recency: {
    id: 'contacts.score.recency',
    defaultMessage: 'Recency: active in the last {days} days',
  },
  sentiment: {
    id: 'contacts.score.sentiment',
    defaultMessage: 'Sentiment: {warm, select, yes {warm} other {cold}} on average ({mean})',
    description: 'mean is the mean sentiment from -1 to 1 (0.42)',
  },
  purchaseIntent: {
    id: 'contacts.score.purchaseIntent',
    defaultMessage: 'Purchase intent: {count, plural, one {# mention} other {# mentions}}',
  },
  questions: {
    id: 'contacts.score.questions',
    defaultMessage: 'Questions asked: {count, number}',
  },
  limit: {
    id: 'contacts.score.limit',
    defaultMessage:
      '{limit, select, 100 {Capped: a score is at most 100} 0 {Floor: a score is at least 0} ' +
      'other {Adjusted when the score was saved}}',
    description: 'the points past 100 (or below 0) taken off so the score stays within 0 to 100',
  },
});

/** Why two contacts may be one person, one message a kind of evidence. */
export const duplicateWords = defineMessages({
  sameEmail: { id: 'contacts.duplicate.sameEmail', defaultMessage: 'shares an email address' },
  sameEmailInBio: {
    id: 'contacts.duplicate.sameEmailInBio',
    defaultMessage: '{email}, written in the {platform} bio (not verified)',
  },
  sameHandle: { id: 'contacts.duplicate.sameHandle', defaultMessage: '@{handle} on another platform' },
  sameHandleOn: {
    id: 'contacts.duplicate.sameHandleOn',
    defaultMessage: '@{handle} on {platform} and {otherPlatform}',
  },
  sameAvatar: { id: 'contacts.duplicate.sameAvatar', defaultMessage: 'same profile picture' },
  nameAlike: {
    id: 'contacts.duplicate.nameAlike',
    defaultMessage: 'name {percent} alike',
    description: 'percent like 85%',
  },
  similarName: { id: 'contacts.duplicate.similarName', defaultMessage: 'similar name: {name}' },
});
