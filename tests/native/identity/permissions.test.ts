import { describe, expect, it } from 'vitest';
import { roles, type Permission } from '../../../native/api/types';
import {
  can,
  permissionsOf,
  requirePermission,
  roleLabels,
  rolePermissions,
  roleTable,
} from '../../../native/identity/permissions';
import { caught } from './helpers';

const allPermissions: Permission[] = [
  'users.manage',
  'users.view',
  'custody.view',
  'custody.verify',
  'custody.export',
  'settings.manage',
  'evidence.ingest',
  'evidence.view',
  'evidence.edit',
  'cases.edit',
  'cases.view',
  'review.decide',
  'archive.seal',
  'publicity.manage',
];

describe('role permission table', () => {
  it('covers exactly the six roles, each with a Chinese and English label', () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...roles].sort());
    expect(roleLabels.officer.zh).toBe('执法人员');
    expect(roleLabels.clerk.zh).toBe('证据管理员');
    expect(roleLabels.archivist.zh).toBe('档案管理员');
    expect(roleLabels.reviewer.zh).toBe('法制审核人员');
    expect(roleLabels.supervisor.zh).toBe('负责人/督察');
    expect(roleLabels.admin.zh).toBe('系统管理员');
    for (const r of roles) expect(roleLabels[r].en.length).toBeGreaterThan(0);
  });

  it('grants every permission to some role and nothing unknown', () => {
    const granted = new Set(roles.flatMap((r) => permissionsOf(r)));
    expect([...granted].sort()).toEqual([...allPermissions].sort());
  });

  it('keeps duties apart', () => {
    // The administrator runs accounts but never touches evidence content.
    expect(permissionsOf('admin').filter((p) => p.startsWith('evidence.'))).toEqual([]);
    expect(can('admin', 'users.manage')).toBe(true);
    // A clerk cannot add users (acceptance criterion), the reviewer cannot edit cases.
    expect(can('clerk', 'users.manage')).toBe(false);
    expect(can('clerk', 'evidence.ingest')).toBe(true);
    expect(can('reviewer', 'cases.edit')).toBe(false);
    expect(can('reviewer', 'review.decide')).toBe(true);
    // Only the reviewer decides reviews; only the archivist seals.
    expect(roles.filter((r) => can(r, 'review.decide'))).toEqual(['reviewer']);
    expect(roles.filter((r) => can(r, 'archive.seal'))).toEqual(['archivist']);
    expect(roles.filter((r) => can(r, 'users.manage'))).toEqual(['admin']);
  });

  it('refuses unknown roles', () => {
    expect(can('root' as never, 'users.manage')).toBe(false);
    expect(permissionsOf('root' as never)).toEqual([]);
  });

  it('requirePermission throws FORBIDDEN naming role and permission', async () => {
    expect(() => requirePermission('admin', 'users.manage')).not.toThrow();
    const err = await caught(() => requirePermission('clerk', 'users.manage'));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('clerk');
    expect(err.message).toContain('users.manage');
  });

  it('roleTable returns copies that cannot change the table', () => {
    const t = roleTable();
    t.clerk.push('users.manage');
    expect(can('clerk', 'users.manage')).toBe(false);
    expect(() => ((rolePermissions as Record<string, unknown>).clerk = [])).toThrow();
  });
});
