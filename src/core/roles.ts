import { defineMessages } from '@formatjs/intl';

/** Staff roles, from most to least access. */
export const ROLES = ['owner', 'admin', 'agent', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role matrix: what each staff role may do. Routes ask for a permission, never a role, so
 * changing who may do what is an edit of this table alone. Each permission is said in the catalogue's
 * words (Settings > Users shows them to admins, in their language), so there is one wording to keep.
 */
export const PERMISSIONS = defineMessages({
  'workspace:manage': {
    id: 'core.permission.workspaceManage',
    defaultMessage: 'Change workspace settings and manage owners',
  },
  'users:read': { id: 'core.permission.usersRead', defaultMessage: 'See teammates (to assign work)' },
  'users:manage': { id: 'core.permission.usersManage', defaultMessage: 'Invite, change and remove staff users' },
  'api-keys:manage': { id: 'core.permission.apiKeysManage', defaultMessage: 'Create and revoke API keys' },
  'audit:read': { id: 'core.permission.auditRead', defaultMessage: 'Read the audit log' },
  'settings:manage': {
    id: 'core.permission.settingsManage',
    defaultMessage: 'Connect sources, edit topics, routing rules and saved replies',
  },
  'inbox:read': { id: 'core.permission.inboxRead', defaultMessage: 'Read the inbox and mentions' },
  'inbox:write': {
    id: 'core.permission.inboxWrite',
    defaultMessage: 'Assign, tag, note, reply and close conversations',
  },
  'contacts:read': { id: 'core.permission.contactsRead', defaultMessage: 'Read contacts' },
  'contacts:write': { id: 'core.permission.contactsWrite', defaultMessage: 'Edit, merge, import and export contacts' },
  'community:moderate': {
    id: 'core.permission.communityModerate',
    defaultMessage: 'Moderate the community board and harvest ideas',
  },
  'reports:read': { id: 'core.permission.reportsRead', defaultMessage: 'Read sentiment reports and export them' },
});

export type Permission = keyof typeof PERMISSIONS;

const everything = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: everything,
  admin: everything.filter((p) => p !== 'workspace:manage'),
  agent: [
    'users:read',
    'inbox:read',
    'inbox:write',
    'contacts:read',
    'contacts:write',
    'community:moderate',
    'reports:read',
  ],
  analyst: ['users:read', 'inbox:read', 'contacts:read', 'reports:read'],
};

export const can = (role: Role, permission: Permission) => ROLE_PERMISSIONS[role].includes(permission);

/** Roles a given role may hand out: nobody grants more than they hold; only owners make owners. */
export const assignableRoles = (role: Role): Role[] =>
  role === 'owner' ? ['owner', 'admin', 'agent', 'analyst'] : role === 'admin' ? ['admin', 'agent', 'analyst'] : [];
