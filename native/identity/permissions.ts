/**
 * The one role → permission table. The engine checks every guarded operation against it (the API
 * contract names the permission each operation needs); the UI only reads it to hide what a role
 * cannot do. Separation of duties: who administers accounts does not handle evidence, who handles
 * evidence does not decide cases, and the reviewer's opinion stays independent of the case file.
 */
import { EngineError } from '../core/errors';
import type { Permission, Role } from '../api/types';

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  // 执法人员: builds the case record and looks at the footage for it. Does not dock cameras
  // (the clerk ingests, so originals have one accountable custodian) and cannot alter evidence.
  officer: ['cases.view', 'cases.edit', 'evidence.view'],
  // 证据管理员: the custodian of originals — ingests, views and edits evidence metadata, and must be
  // able to prove custody (view, verify, export the log) when evidence is handed over.
  clerk: [
    'evidence.ingest',
    'evidence.view',
    'evidence.edit',
    'custody.view',
    'custody.verify',
    'custody.export',
  ],
  // 档案管理员: seals finished case files and keeps them; proves their custody; publishes final
  // decisions (公示) because publication works from the finished, sealed file and its redacted copy.
  archivist: [
    'archive.seal',
    'cases.view',
    'evidence.view',
    'custody.view',
    'custody.verify',
    'custody.export',
    'publicity.manage',
  ],
  // 法制审核人员: reads the case and its evidence and gives the legal-review opinion; edits neither,
  // so the opinion stays independent of the material it judges.
  reviewer: ['review.decide', 'cases.view', 'evidence.view'],
  // 负责人/督察: oversight — sees cases, evidence, staff and the custody log, and can re-verify it;
  // does not edit records, so the overseer is not also the author.
  supervisor: ['cases.view', 'evidence.view', 'custody.view', 'custody.verify', 'users.view'],
  // 系统管理员: accounts and settings, and the custody log to audit them; never evidence content,
  // so running the machine does not grant access to the footage.
  admin: [
    'users.manage',
    'users.view',
    'settings.manage',
    'custody.view',
    'custody.verify',
    'custody.export',
  ],
});

/** Display names of the roles, Chinese first (the UI default) and English. */
export const roleLabels: Readonly<Record<Role, { zh: string; en: string }>> = Object.freeze({
  officer: { zh: '执法人员', en: 'Enforcement officer' },
  clerk: { zh: '证据管理员', en: 'Evidence clerk' },
  archivist: { zh: '档案管理员', en: 'Archivist' },
  reviewer: { zh: '法制审核人员', en: 'Legal reviewer' },
  supervisor: { zh: '负责人/督察', en: 'Supervisor' },
  admin: { zh: '系统管理员', en: 'System administrator' },
});

/** True for a string that names a role. */
export function isRole(value: string): value is Role {
  return Object.prototype.hasOwnProperty.call(rolePermissions, value);
}

/** The permissions of a role (a copy; empty for an unknown role). */
export function permissionsOf(role: Role): Permission[] {
  return isRole(role) ? [...rolePermissions[role]] : [];
}

/** Whether `role` holds `permission`. An unknown role holds nothing. */
export function can(role: Role, permission: Permission): boolean {
  return isRole(role) && rolePermissions[role].includes(permission);
}

/** Throws FORBIDDEN, naming the role and the missing permission, unless `role` holds `permission`. */
export function requirePermission(role: Role, permission: Permission): void {
  if (can(role, permission)) return;
  const label = isRole(role) ? `${roleLabels[role].en} (${role})` : `unknown role '${String(role)}'`;
  throw new EngineError('FORBIDDEN', `The role ${label} does not have the permission '${permission}'.`, {
    hint: 'Ask an administrator to do this, or to give your account a role that may.',
  });
}

/** The whole table as plain JSON (for the 'roles.table' operation). */
export function roleTable(): Record<Role, Permission[]> {
  const out = {} as Record<Role, Permission[]>;
  for (const role of Object.keys(rolePermissions) as Role[]) out[role] = permissionsOf(role);
  return out;
}
