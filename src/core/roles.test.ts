import { describe, expect, it } from 'vitest';
import { assignableRoles, can, PERMISSIONS, type Permission } from './roles';

describe('role matrix', () => {
  it('gives the owner every permission', () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can('owner', p)).toBe(true);
  });

  it.each([
    ['admin', 'users:manage', true],
    ['admin', 'workspace:manage', false],
    ['agent', 'inbox:write', true],
    ['agent', 'users:manage', false],
    ['agent', 'api-keys:manage', false],
    ['analyst', 'reports:read', true],
    ['analyst', 'inbox:write', false],
    ['analyst', 'contacts:write', false],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('lets only owners grant the owner role, and agents grant nothing', () => {
    expect(assignableRoles('owner')).toContain('owner');
    expect(assignableRoles('admin')).not.toContain('owner');
    expect(assignableRoles('agent')).toEqual([]);
  });
});
