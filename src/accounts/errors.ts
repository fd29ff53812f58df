import { defineErrors, makeErrors } from '../core/errors';

/** The codes of accounts: logins, staff and their roles, API keys, invitations, the first setup. */
export const ACCOUNT_ERRORS = defineErrors({
  INVALID_CREDENTIALS: { kind: 'unauthenticated', en: 'Email or password is wrong' },
  PASSWORD_WRONG: { kind: 'invalid', en: 'The current password is wrong' },
  TOO_MANY_LOGINS: { kind: 'rate_limited', en: 'Too many failed logins; try again in {seconds} s' },
  WORKSPACE_NOT_FOUND: { kind: 'not_found', en: 'Workspace not found' },
  API_KEY_CANNOT_SWITCH: {
    kind: 'forbidden',
    en: 'An API key belongs to one workspace; sign in as a person to switch',
  },
  SETUP_TOKEN_INVALID: {
    kind: 'invalid',
    en: 'This setup link is invalid, used or expired; restart the app for a new one',
  },

  USER_NOT_FOUND: { kind: 'not_found', en: 'User not found' },
  EMAIL_TAKEN: { kind: 'conflict', en: 'This email is already staff of this workspace' },
  ROLE_NOT_GRANTABLE: { kind: 'forbidden', en: 'Your role cannot grant the role {role}' },
  OWNER_CHANGED_BY_OWNERS_ONLY: { kind: 'forbidden', en: 'Only an owner can change an owner' },
  OWNER_REMOVED_BY_OWNERS_ONLY: { kind: 'forbidden', en: 'Only an owner can remove an owner' },
  CANNOT_DISABLE_SELF: { kind: 'conflict', en: 'You cannot disable yourself' },
  CANNOT_DELETE_SELF: { kind: 'conflict', en: 'You cannot delete yourself' },
  LAST_OWNER: { kind: 'conflict', en: 'A workspace needs at least one active owner' },
  PASSWORD_OF_SHARED_LOGIN: {
    kind: 'forbidden',
    en: 'This person also belongs to another workspace: only they can change their password',
  },

  API_KEY_NOT_FOUND: { kind: 'not_found', en: 'API key not found' },
  API_KEY_ROLE_NOT_ALLOWED: { kind: 'forbidden', en: 'An API key cannot have the role {role}' },

  INVITATION_NOT_FOUND: { kind: 'not_found', en: 'Invitation not found' },
  // A link that is wrong, used or expired names nothing one can act on.
  INVITATION_INVALID: {
    kind: 'not_found',
    en: 'This invitation link is invalid, used or expired; ask for a new one',
  },
  ACCESS_DISABLED: { kind: 'forbidden', en: 'Your access to this workspace is disabled; ask an admin' },
});

export const accountError = makeErrors(ACCOUNT_ERRORS);
