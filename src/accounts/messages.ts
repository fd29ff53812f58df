import { defineMessages } from '@formatjs/intl';

/** The words of sign-in, setup, invitations and Settings > Users and API keys (English source; German in de.json). */
export const m = defineMessages({
  email: { id: 'accounts.field.email', defaultMessage: 'Email' },
  password: { id: 'accounts.field.password', defaultMessage: 'Password' },
  yourName: { id: 'accounts.field.yourName', defaultMessage: 'Your name' },
  workspaceName: { id: 'accounts.field.workspaceName', defaultMessage: 'Workspace name' },
  newPassword: {
    id: 'accounts.field.newPassword',
    defaultMessage: 'Password (at least {min} characters)',
    description: 'label of a password being chosen; min is a number',
  },
  signInLink: { id: 'accounts.signIn.link', defaultMessage: 'Sign in', description: 'link to the sign-in page' },

  loginTitle: { id: 'accounts.login.title', defaultMessage: 'Sign in', description: 'page title and heading' },
  loginSubmit: { id: 'accounts.login.submit', defaultMessage: 'Sign in', description: 'button' },
  loginMissing: { id: 'accounts.login.missing', defaultMessage: 'Enter your email and password.' },

  setupTitle: { id: 'accounts.setup.title', defaultMessage: 'Set up' },
  setupHeading: { id: 'accounts.setup.heading', defaultMessage: 'Create the owner account' },
  setupIntro: {
    id: 'accounts.setup.intro',
    defaultMessage: 'This link works once. You become the owner of the first workspace.',
  },
  setupSubmit: { id: 'accounts.setup.submit', defaultMessage: 'Create owner' },
  setupInvalidHeading: { id: 'accounts.setupInvalid.heading', defaultMessage: 'Setup link not valid' },
  setupInvalidBody: {
    id: 'accounts.setupInvalid.body',
    defaultMessage: 'This setup link is used, expired or wrong. Restart the app to print a new one, or sign in.',
  },

  acceptTitle: { id: 'accounts.accept.title', defaultMessage: 'Join workspace' },
  acceptHeading: { id: 'accounts.accept.heading', defaultMessage: 'Join {workspace}' },
  acceptIntro: {
    id: 'accounts.accept.intro',
    defaultMessage:
      'You are invited as {role}, with the email {email}. If you already sign in here with this email, enter ' +
      'its password; otherwise choose a new password of at least {min} characters.',
    description: 'role is the role already in words; min is a number',
  },
  acceptSubmit: { id: 'accounts.accept.submit', defaultMessage: 'Join' },
  acceptWrongPassword: {
    id: 'accounts.accept.wrongPassword',
    defaultMessage: 'This email already signs in here, and that is not its password',
  },
  invitationInvalidTitle: { id: 'accounts.invitationInvalid.title', defaultMessage: 'Invitation' },
  invitationInvalidHeading: { id: 'accounts.invitationInvalid.heading', defaultMessage: 'Invitation link not valid' },
  invitationInvalidBody: {
    id: 'accounts.invitationInvalid.body',
    defaultMessage:
      'This invitation is used, expired, revoked or wrong. Ask whoever invited you for a new one, or sign in.',
  },

  usersTitle: { id: 'accounts.users.title', defaultMessage: 'Users' },
  usersNoSmtp: {
    id: 'accounts.users.noSmtp',
    defaultMessage: 'Email is not set up (SMTP_URL): send this link to the person yourself. It is not shown again.',
  },
  usersUser: { id: 'accounts.users.user', defaultMessage: 'User', description: 'column heading' },
  usersRole: { id: 'accounts.users.role', defaultMessage: 'Role', description: 'column heading and field label' },
  usersStatus: { id: 'accounts.users.status', defaultMessage: 'Status', description: 'column heading' },
  usersLastSignIn: { id: 'accounts.users.lastSignIn', defaultMessage: 'Last sign-in', description: 'column heading' },
  usersActions: { id: 'accounts.users.actions', defaultMessage: 'Actions', description: 'column heading' },
  usersDisabled: { id: 'accounts.users.disabled', defaultMessage: 'disabled', description: "a user's status" },
  usersActive: { id: 'accounts.users.active', defaultMessage: 'active', description: "a user's status" },
  never: { id: 'accounts.users.never', defaultMessage: 'never', description: 'last sign-in or last use: never' },
  usersRoleOf: { id: 'accounts.users.roleOf', defaultMessage: 'Role of {email}', description: 'aria-label' },
  usersSave: { id: 'accounts.users.save', defaultMessage: 'Save' },
  usersRemove: { id: 'accounts.users.remove', defaultMessage: 'Remove' },
  usersSaved: { id: 'accounts.users.saved', defaultMessage: 'Changes saved.' },
  usersRemoved: { id: 'accounts.users.removed', defaultMessage: 'User removed.' },

  inviteHeading: { id: 'accounts.invite.heading', defaultMessage: 'Invite a user' },
  inviteIntro: {
    id: 'accounts.invite.intro',
    defaultMessage:
      'They get a link (by email, or from you when email is not set up) that works once, for ' +
      '{days, plural, one {# day} other {# days}}, and choose their own password.',
  },
  inviteName: { id: 'accounts.invite.name', defaultMessage: 'Name' },
  inviteSubmit: { id: 'accounts.invite.submit', defaultMessage: 'Invite' },
  invitedColumn: { id: 'accounts.invite.invited', defaultMessage: 'Invited', description: 'column heading' },
  expiresColumn: { id: 'accounts.invite.expires', defaultMessage: 'Expires', description: 'column heading' },
  revoke: { id: 'accounts.revoke', defaultMessage: 'Revoke', description: 'button: an invitation or an API key' },
  invitationMade: {
    id: 'accounts.invite.made',
    defaultMessage: 'Invitation made for {email}.',
    description: 'when the link is shown here to pass on by hand',
  },
  invitationSent: { id: 'accounts.invite.sent', defaultMessage: 'Invitation sent to {email}.' },
  invitationRevoked: { id: 'accounts.invite.revoked', defaultMessage: 'Invitation revoked.' },

  rolesHeading: { id: 'accounts.roles.heading', defaultMessage: 'What each role may do' },
  rolesPermission: { id: 'accounts.roles.permission', defaultMessage: 'Permission', description: 'column heading' },

  keysTitle: { id: 'accounts.apiKeys.title', defaultMessage: 'API keys' },
  keysCopyNow: { id: 'accounts.apiKeys.copyNow', defaultMessage: 'Copy this key now: it is not shown again.' },
  keysNone: { id: 'accounts.apiKeys.none', defaultMessage: 'No API keys yet.' },
  keysName: { id: 'accounts.apiKeys.name', defaultMessage: 'Name' },
  keysRole: { id: 'accounts.apiKeys.role', defaultMessage: 'Role' },
  keysKey: { id: 'accounts.apiKeys.key', defaultMessage: 'Key', description: 'column heading: the start of the key' },
  keysLastUsed: { id: 'accounts.apiKeys.lastUsed', defaultMessage: 'Last used', description: 'column heading' },
  keysRevoked: { id: 'accounts.apiKeys.revoked', defaultMessage: 'revoked', description: "a key's state" },
  keysCreateHeading: { id: 'accounts.apiKeys.createHeading', defaultMessage: 'Create an API key' },
  keysCreate: { id: 'accounts.apiKeys.create', defaultMessage: 'Create key' },
});

/** What the accounts' schemas say about a field (said() gives zod these in the reader's language). */
export const accountInput = defineMessages({
  atLeastCharacters: {
    id: 'accounts.input.atLeastCharacters',
    defaultMessage: 'at least {min, number} characters',
    description: 'a password that is too short',
  },
  timeZone: { id: 'accounts.input.timeZone', defaultMessage: 'not an IANA time zone (e.g. Europe/Berlin)' },
});
