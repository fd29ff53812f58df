import { defineMessages } from '@formatjs/intl';

/** The invite form's language pick. */
export const invitationForm = defineMessages({
  language: {
    id: 'accounts.invite.language',
    defaultMessage: 'Language',
    description: 'of the invitation email, and the new teammate’s first language in the app',
  },
});

/** The invitation email, in the language the inviter chose for the invitee. */
export const invitationMail = defineMessages({
  subject: {
    id: 'accounts.invitationMail.subject',
    defaultMessage: 'You are invited to {workspace} on Social CRM',
  },
  intro: {
    id: 'accounts.invitationMail.intro',
    defaultMessage: 'You are invited to join {workspace} on Social CRM as {role}.',
    description: 'role is the role already in words (web.role)',
  },
  accept: {
    id: 'accounts.invitationMail.accept',
    defaultMessage:
      'Accept within {days, plural, one {# day} other {# days}}, by {expires} (the link works once): {link}',
    description: 'expires is a date and time in the workspace time zone',
  },
  ignore: {
    id: 'accounts.invitationMail.ignore',
    defaultMessage: 'If you did not expect this, ignore this email.',
  },
});
