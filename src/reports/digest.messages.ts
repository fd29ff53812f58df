import { defineMessages } from '@formatjs/intl';

/**
 * The weekly digest email's sentences (English source; German in de.json). Its figures' small phrases
 * (the change on the week before, followers, a sentiment) are the digest page's (messages.ts).
 */
export const digestMail = defineMessages({
  subject: { id: 'reports.digestMail.subject', defaultMessage: '{workspace}: your week in mentions' },
  heading: {
    id: 'reports.digestMail.heading',
    defaultMessage: '{workspace}: the week of {from} to {to}',
    description: 'from and to are dates',
  },
  mentions: {
    id: 'reports.digestMail.mentions',
    defaultMessage: 'Mentions: {count} ({change})',
    description: 'change: "+200% on the week before" (reports.digest.change)',
  },
  net: {
    id: 'reports.digestMail.net',
    defaultMessage: 'Net sentiment: {net} (the week before: {before})',
  },
  talked: { id: 'reports.digestMail.talked', defaultMessage: 'People talked about: {terms}' },
  hashtags: { id: 'reports.digestMail.hashtags', defaultMessage: 'Hashtags: {hashtags}' },
  biggest: { id: 'reports.digestMail.biggest', defaultMessage: 'Biggest mentions:' },
  mention: {
    id: 'reports.digestMail.mention',
    defaultMessage: '- {author} ({followers}, {sentiment}): {text}',
    description: 'one of the biggest mentions; followers: "3 followers"; sentiment: "negative"',
  },
  openWork: {
    id: 'reports.digestMail.openWork',
    defaultMessage:
      'Open work: {open, plural, one {# open conversation} other {# open conversations}}, {unassigned} unassigned, ' +
      '{overdue} past their first-response time.',
  },
  alerts: { id: 'reports.digestMail.alerts', defaultMessage: 'Spike alerts this week: {count}' },
});
