import { readFileSync } from 'node:fs';
import { parseCommand, required } from '../args';
import { readPassword } from '../password';
import { print } from '../output';
import { withSession } from '../session';
import { EngineError } from '../../core/errors';

export const initUsage = `workstation init --agency NAME --admin LOGIN [--admin-name NAME] [--credit-code CODE]
                 [--address TEXT] [--phone TEL] [--ca-p12 FILE]
  Sets up a new data directory: the agency (执法主体), its root CA (or one imported from a
  PKCS#12 file, passphrase in WORKSTATION_CA_PASSPHRASE), the workstation's signing keys and the
  first administrator (password from WORKSTATION_PASSWORD, or prompted).`;

/** `workstation init`: creates the agency, keys and first administrator. */
export async function initCommand(argv: string[]): Promise<number> {
  const { common, values } = parseCommand(argv, {
    agency: { type: 'string' },
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
    'credit-code': { type: 'string' },
    address: { type: 'string' },
    phone: { type: 'string' },
    'ca-p12': { type: 'string' },
  });
  const agencyName = required(values, 'agency');
  const adminLogin = required(values, 'admin');
  let caPkcs12: { base64: string; passphrase: string } | undefined;
  if (values['ca-p12']) {
    const file = values['ca-p12'] as string;
    let der: Buffer;
    try {
      der = readFileSync(file);
    } catch (err) {
      throw new EngineError('BAD_INPUT', `Cannot read --ca-p12 ${file}: ${(err as Error).message}`, {
        field: 'ca-p12',
      });
    }
    caPkcs12 = { base64: der.toString('base64'), passphrase: process.env.WORKSTATION_CA_PASSPHRASE ?? '' };
  }
  const password = await readPassword('WORKSTATION_PASSWORD', `New password for ${adminLogin}: `);
  return withSession(common, { login: false, create: true }, async ({ call }) => {
    const r = await call('system.init', {
      agency: {
        name: agencyName,
        creditCode: (values['credit-code'] as string | undefined) ?? '',
        address: (values.address as string | undefined) ?? '',
        supervisionPhone: (values.phone as string | undefined) ?? '',
      },
      admin: {
        login: adminLogin,
        name: (values['admin-name'] as string | undefined) ?? adminLogin,
        password,
      },
      caPkcs12,
    });
    print(
      common,
      r,
      `✔ Initialised ${agencyName} in ${common.dataDir}\n  administrator: ${r.admin.login} (${r.admin.certFingerprint.slice(0, 16)}…)`,
    );
    return 0;
  });
}
