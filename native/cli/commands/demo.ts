import { parseCommand } from '../args';
import { print, table } from '../output';
import { withSession } from '../session';
import type { Role } from '../../api/types';

export const demoUsage = `workstation demo [--data DIR]
  Prepares a demo data directory (a demo agency and one user per role, all with the printed
  demo password) so a newcomer can look around at once. Does nothing to an existing one.`;

/** The demo password, printed for newcomers; demo data only. */
export const demoPassword = 'demo-pass-2026';

const demoUsers: { login: string; name: string; role: Role }[] = [
  { login: 'officer', name: '王警官', role: 'officer' },
  { login: 'clerk', name: '李证据', role: 'clerk' },
  { login: 'archivist', name: '赵档案', role: 'archivist' },
  { login: 'reviewer', name: '陈法制', role: 'reviewer' },
  { login: 'supervisor', name: '刘督察', role: 'supervisor' },
];

/** `workstation demo`. */
export async function demoCommand(argv: string[]): Promise<number> {
  const { common } = parseCommand(argv, {});
  return withSession(common, { login: false, create: true }, async ({ call, signIn }) => {
    const status = await call('system.status', {});
    if (!status.initialized) {
      await call('system.init', {
        agency: {
          name: '示范市综合行政执法局',
          creditCode: '11110000MB0000000X',
          address: '示范市人民路 1 号',
          supervisionPhone: '010-12345678',
        },
        admin: { login: 'admin', name: '系统管理员', password: demoPassword },
      });
      await signIn('admin', demoPassword);
      for (const u of demoUsers) await call('users.add', { ...u, password: demoPassword });
    }
    const rows = [
      ['LOGIN', 'ROLE', 'PASSWORD'],
      ['admin', 'admin', demoPassword],
      ...demoUsers.map((u) => [u.login, u.role, demoPassword]),
    ];
    print(
      common,
      { dataDir: common.dataDir, password: demoPassword, users: ['admin', ...demoUsers.map((u) => u.login)] },
      `Demo data directory: ${common.dataDir}\n${table(rows)}\n(Demo passwords — for looking around only.)`,
    );
    return 0;
  });
}
