import { defineMessages } from '@formatjs/intl';

/**
 * The board's emails to members and its in-app notifications, English source; German in de.json, where
 * sentences that address the reader take `form` (du/Sie, the workspace's choice).
 */
export const verifyMail = defineMessages({
  subject: { id: 'community.mail.verify.subject', defaultMessage: 'Confirm your email for {community}' },
  welcome: {
    id: 'community.mail.verify.welcome',
    defaultMessage: 'Welcome to the {community} community! Confirm your email to post, vote and comment:',
    description: 'the link follows on the next line',
  },
  expires: {
    id: 'community.mail.verify.expires',
    defaultMessage: 'The link works for {days, plural, one {# day} other {# days}}.',
  },
});

export const signUpExistingMail = defineMessages({
  subject: {
    id: 'community.mail.signUpExisting.subject',
    defaultMessage: 'Someone tried to sign up at {community} with your email',
  },
  body: {
    id: 'community.mail.signUpExisting.body',
    defaultMessage: 'You already have an account. Log in at {login}, or reset your password at {forgot}.',
    description: 'login and forgot are links',
  },
  notYou: { id: 'community.mail.signUpExisting.notYou', defaultMessage: 'If this was not you, ignore this email.' },
});

export const resetMail = defineMessages({
  subject: { id: 'community.mail.reset.subject', defaultMessage: 'Reset your password for {community}' },
  body: {
    id: 'community.mail.reset.body',
    defaultMessage: 'Choose a new password here (the link works for {hours, plural, one {an hour} other {# hours}}):',
    description: 'the link follows on the next line',
  },
  notAsked: { id: 'community.mail.reset.notAsked', defaultMessage: 'If you did not ask for this, ignore this email.' },
});

export const statusMail = defineMessages({
  subject: {
    id: 'community.mail.status.subject',
    defaultMessage: '{community}: “{title}” is now {status}',
    description: 'status is the status in words (Planned, Shipped …)',
  },
  body: {
    id: 'community.mail.status.body',
    defaultMessage: 'An idea you voted for changed: {status}.',
    description: 'status is the status in words (Planned, Shipped …)',
  },
});

export const notificationMessages = defineMessages({
  status: {
    id: 'community.notification.status',
    defaultMessage: '“{title}” is now {status}',
    description: 'in-app notification; status is the status in words (Planned, Shipped …)',
  },
  statusWithNote: {
    id: 'community.notification.statusWithNote',
    defaultMessage: '“{title}” is now {status}: {note}',
    description: 'in-app notification; note is the team’s public note, as they wrote it',
  },
});
