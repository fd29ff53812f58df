import { defineMessages } from '@formatjs/intl';

/** Settings > Profile and Settings > Workspace: a person's own settings and the workspace's defaults. */
export const profileMessages = defineMessages({
  title: { id: 'accounts.profile.title', defaultMessage: 'Profile' },
  you: { id: 'accounts.profile.you', defaultMessage: 'You' },
  name: { id: 'accounts.profile.name', defaultMessage: 'Name' },
  email: { id: 'accounts.profile.email', defaultMessage: 'Email' },
  language: { id: 'accounts.profile.language', defaultMessage: 'Language' },
  languageDefault: {
    id: 'accounts.profile.languageDefault',
    defaultMessage: 'As my browser asks, else the workspace’s ({language})',
  },
  timeZone: { id: 'accounts.profile.timeZone', defaultMessage: 'Time zone' },
  timeZoneDefault: { id: 'accounts.profile.timeZoneDefault', defaultMessage: 'The workspace’s ({zone})' },
  timeZoneHelp: {
    id: 'accounts.profile.timeZoneHelp',
    defaultMessage: 'Times in the app are shown in this zone, and times you type are read in it. Now: {now}.',
  },
  keyboardShortcuts: {
    id: 'accounts.profile.keyboardShortcuts',
    defaultMessage: 'Single-key shortcuts in the inbox (j, k, o, e, a …)',
  },
  keyboardShortcutsHelp: {
    id: 'accounts.profile.keyboardShortcutsHelp',
    defaultMessage:
      'Turn them off if you use speech input or press keys by accident. Shortcuts with Ctrl or ⌘ keep working.',
  },
  afterTriage: {
    id: 'accounts.profile.afterTriage',
    defaultMessage: 'After closing, assigning away or snoozing a conversation',
  },
  afterTriageNext: { id: 'accounts.profile.afterTriageNext', defaultMessage: 'Open the next conversation' },
  afterTriageList: { id: 'accounts.profile.afterTriageList', defaultMessage: 'Go back to the list' },
  save: { id: 'accounts.profile.save', defaultMessage: 'Save' },
  saved: { id: 'accounts.profile.saved', defaultMessage: 'Saved.' },
  password: { id: 'accounts.profile.password', defaultMessage: 'Password' },
  passwordHelp: {
    id: 'accounts.profile.passwordHelp',
    defaultMessage: 'Changing it signs you out everywhere, in every workspace; sign in again with the new one.',
  },
  currentPassword: { id: 'accounts.profile.currentPassword', defaultMessage: 'Current password' },
  newPassword: { id: 'accounts.profile.newPassword', defaultMessage: 'New password (at least 12 characters)' },
  changePassword: { id: 'accounts.profile.changePassword', defaultMessage: 'Change password' },
  workspaceTitle: { id: 'accounts.workspace.title', defaultMessage: 'Workspace' },
  workspaceName: { id: 'accounts.workspace.name', defaultMessage: 'Name' },
  workspaceLanguage: { id: 'accounts.workspace.language', defaultMessage: 'Default language' },
  workspaceLanguageHelp: {
    id: 'accounts.workspace.languageHelp',
    defaultMessage:
      'For teammates who chose none and whose browser asks for no language we speak, and for the public board.',
  },
  workspaceTimeZone: { id: 'accounts.workspace.timeZone', defaultMessage: 'Time zone' },
  workspaceTimeZoneHelp: {
    id: 'accounts.workspace.timeZoneHelp',
    defaultMessage: 'Reports count days and weeks in this zone; teammates who chose no zone see times in it.',
  },
  weekStart: { id: 'accounts.workspace.weekStart', defaultMessage: 'Weeks start on' },
  workspaceReadOnly: {
    id: 'accounts.workspace.readOnly',
    defaultMessage: 'Only owners change the workspace’s settings.',
  },
});
