import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../args';
import { generateCameraVolume } from '../../fixtures/camera-volume';
import { print, table } from '../output';
import { withSession } from '../session';
import type { Role } from '../../api/types';

export const demoUsage = `workstation demo [--data DIR]
  Prepares a demo data directory (a demo agency, one user per role with the printed demo
  password, an officer and a camera in the registries) and docks a generated camera in the
  watched folder DIR-dock, which \`serve\` then ingests. Does nothing to an existing one.`;

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
      const added = [];
      for (const u of demoUsers) added.push(await call('users.add', { ...u, password: demoPassword }));
      const officer = await call('officers.save', {
        code: '010001',
        name: '王警官',
        unit: '第一执法大队',
        certNo: 'ZF-0100001',
        userId: added[0]!.id,
      });
      await call('devices.save', { serial: 'DSJ-A8-000123', model: 'DSJ-A8', officerId: officer.id });
      // A watched folder with one generated body camera in it: `serve` docks it at once.
      const dockDir = `${common.dataDir.replace(/[\\/]+$/, '')}-dock`;
      mkdirSync(dockDir, { recursive: true });
      await call('watched.add', { path: dockDir, label: '演示采集站' });
      await generateCameraVolume(join(dockDir, 'DSJ-A8-000123'), {
        officerCode: '010001',
        deviceSerial: 'DSJ-A8-000123',
      });
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
