import { parseCommand, required } from '../args';
import { readPassword } from '../password';
import { print, table } from '../output';
import { withSession } from '../session';
import { EngineError } from '../../core/errors';
import { roles, type Role } from '../../api/types';

export const userUsage = `workstation user add --login L --name N --role officer|clerk|archivist|reviewer|supervisor|admin
  Adds a user with a signing certificate from the agency CA; the initial password comes from
  WORKSTATION_NEW_PASSWORD (or a prompt).
workstation user list
  Lists users, roles and their state.`;

/** `workstation user add|list`. */
export async function userCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'add') {
    const { common, values } = parseCommand(rest, {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    });
    const login = required(values, 'login');
    const name = required(values, 'name');
    const role = required(values, 'role');
    if (!roles.includes(role as Role)) {
      throw new EngineError('BAD_INPUT', `--role ${role} is not a role; use one of ${roles.join(', ')}.`, {
        field: 'role',
      });
    }
    return withSession(common, { login: true }, async ({ call }) => {
      const password = await readPassword('WORKSTATION_NEW_PASSWORD', `Initial password for ${login}: `);
      const u = await call('users.add', { login, name, role: role as Role, password });
      print(
        common,
        u,
        `✔ Added ${u.login} (${u.name}, ${u.role}); certificate ${u.certFingerprint.slice(0, 16)}…`,
      );
      return 0;
    });
  }
  if (sub === 'list') {
    const { common } = parseCommand(rest, {});
    return withSession(common, { login: true }, async ({ call }) => {
      const users = await call('users.list', {});
      const rows = [
        ['LOGIN', 'NAME', 'ROLE', 'STATE', 'CERTIFICATE'],
        ...users.map((u) => [
          u.login,
          u.name,
          u.role,
          u.disabled ? 'disabled' : u.locked ? 'locked' : 'active',
          u.certFingerprint.slice(0, 16),
        ]),
      ];
      print(common, users, table(rows));
      return 0;
    });
  }
  throw new EngineError('BAD_INPUT', `Unknown user command "${sub ?? ''}".`, { hint: userUsage });
}
