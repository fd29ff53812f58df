import { defineMessages } from '@formatjs/intl';

/** What Settings > Users and API keys say before a removal and after a change (English source; German in de.json). */
export const settingsWords = defineMessages({
  removeConfirm: { id: 'accounts.users.remove.confirm', defaultMessage: 'Yes, remove {name}' },
  removeExplain: {
    id: 'accounts.users.remove.explain',
    defaultMessage:
      '{name} can no longer sign in to this workspace. Conversations assigned to them become unassigned; their ' +
      'replies and notes stay, and their own saved replies are deleted.',
  },
  revokeKeyConfirm: { id: 'accounts.apiKeys.revoke.confirm', defaultMessage: 'Yes, revoke {name}' },
  revokeKeyExplain: {
    id: 'accounts.apiKeys.revoke.explain',
    defaultMessage: 'Anything that still uses {name} is refused from now on. A revoked key cannot be used again.',
  },
  keyRevoked: { id: 'accounts.apiKeys.revokedNotice', defaultMessage: 'API key revoked.' },
});
