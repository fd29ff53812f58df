import { defineMessages } from '@formatjs/intl';

/** Settings > Workspace: how the public board addresses its readers in German. */
export const workspaceSettingsMessages = defineMessages({
  boardAddress: { id: 'accounts.workspace.boardAddress', defaultMessage: 'The board addresses members as' },
  boardAddressOption: {
    id: 'accounts.workspace.boardAddressOption',
    defaultMessage: '{address, select, sie {“Sie” (formal)} du {“du” (informal)} other {{address}}}',
    description: 'German forms of address; the words Sie and du stay German',
  },
  boardAddressHelp: {
    id: 'accounts.workspace.boardAddressHelp',
    defaultMessage: 'For the board’s pages and its emails to members in German; English has one form.',
  },
});
