/** Staff roles, from most to least access. */
export const ROLES = ['owner', 'admin', 'agent', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role matrix: what each staff role may do. Routes ask for a permission, never a role, so
 * changing who may do what is an edit of this table alone (README shows it to admins).
 */
export const PERMISSIONS = {
  'workspace:manage': 'Change workspace settings and manage owners',
  'users:read': 'See teammates (to assign work)',
  'users:manage': 'Invite, change and remove staff users',
  'api-keys:manage': 'Create and revoke API keys',
  'audit:read': 'Read the audit log',
  'settings:manage': 'Connect sources, edit topics, routing rules and saved replies',
  'inbox:read': 'Read the inbox and mentions',
  'inbox:write': 'Assign, tag, note, reply and close conversations',
  'contacts:read': 'Read contacts',
  'contacts:write': 'Edit, merge, import and export contacts',
  'community:moderate': 'Moderate the community board and harvest ideas',
  'reports:read': 'Read sentiment reports and export them',
} as const;

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
