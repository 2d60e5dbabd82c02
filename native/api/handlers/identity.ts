import type { HandlerTable } from '../dispatch';
import type { Engine } from '../../engine';
import { initAgency, loadCa } from '../../identity/agency';
import { updateAgency } from '../../identity/agency-update';
import {
  authenticate,
  changePassword,
  createUser,
  listUsers,
  resetPassword,
  unlockUser,
  updateUser,
} from '../../identity/users';
import { permissionsOf, roleTable } from '../../identity/permissions';
import { latestCheckpoint } from '../../custody/checkpoints';
import type { IdentityDeps } from '../../identity/deps';

type IdentityOps =
  | 'system.status'
  | 'system.init'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.me'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.add'
  | 'users.update'
  | 'users.unlock'
  | 'users.resetPassword'
  | 'agency.update'
  | 'roles.table';

const deps = (e: Engine): IdentityDeps => ({ db: e.db, custody: e.custody, clock: e.ctx.clock });

/** Set-up, sign-in and user administration. */
export const identityHandlers: Pick<HandlerTable, IdentityOps> = {
  'system.status': (e) => {
    const agency = e.agency();
    const cp = latestCheckpoint(e.db);
    return {
      initialized: Boolean(agency),
      version: process.env.npm_package_version ?? '0.1.0',
      agency,
      dataDir: e.layout.root,
      checkpoint: cp ? { size: cp.size, shortRoot: cp.shortRoot, createdAt: cp.createdAt } : undefined,
    };
  },
  'system.init': (e, { agency, admin, caPkcs12 }) =>
    initAgency(
      { ...deps(e), layout: e.layout },
      {
        agency,
        admin,
        caPkcs12: caPkcs12
          ? { der: Buffer.from(caPkcs12.base64, 'base64'), passphrase: caPkcs12.passphrase }
          : undefined,
      },
    ),
  'auth.login': (e, { login, password }) => {
    const user = authenticate(deps(e), login, password);
    return { token: e.sessions.open(user.id), user, permissions: permissionsOf(user.role) };
  },
  'auth.logout': (e, _i, caller) => {
    if (caller.token) e.sessions.close(caller.token);
    e.custody.append({
      actor: caller.user!.login,
      action: 'auth.logout',
      subjects: [`user:${caller.user!.id}`],
    });
    return { ok: true as const };
  },
  'auth.me': (_e, _i, caller) => ({
    token: caller.token!,
    user: caller.user!,
    permissions: permissionsOf(caller.user!.role),
  }),
  'auth.changePassword': (e, { oldPassword, newPassword }, caller) => {
    changePassword(deps(e), caller.user!.id, oldPassword, newPassword);
    return { ok: true as const };
  },
  'users.list': (e) => listUsers(e.db),
  'users.add': (e, input, caller) => createUser(deps(e), input, loadCa(e.db, e.layout), caller.user!.login),
  'users.update': (e, { id, role, disabled }, caller) => {
    const u = updateUser(deps(e), id, { role, disabled }, caller.user!.login);
    e.sessions.closeUser(id); // a changed role or a disabled account takes effect at once
    return u;
  },
  'users.unlock': (e, { id }, caller) => unlockUser(deps(e), id, caller.user!.login),
  'users.resetPassword': async (e, { id, password }, caller) => {
    const u = await resetPassword(deps(e), id, password, loadCa(e.db, e.layout), caller.user!.login);
    e.sessions.closeUser(id);
    return u;
  },
  'agency.update': (e, input, caller) => updateAgency(deps(e), input, caller.user!.login),
  'roles.table': () => roleTable(),
};
