/**
 * The one typed API contract: operation name → runtime-validated input (zod) → output type.
 * Served over Electron IPC and loopback HTTP from this same table; the renderer imports it as
 * types only. `access` says who may call: 'public' (no session), 'session' (any signed-in user),
 * or a permission the engine checks against the caller's role.
 */
import { z } from 'zod';
import type {
  AgencyInfo,
  DeviceView,
  DockView,
  MediaItemView,
  MediaPage,
  OfficerView,
  PlaybackView,
  VolumeView,
  CheckpointView,
  ConsistencyProofView,
  CustodyEntryView,
  CustodyPage,
  InclusionProofView,
  JobView,
  Permission,
  SessionInfo,
  SystemStatus,
  UserInfo,
  VerifyReport,
} from './types';

const text = (max: number) => z.string().trim().min(1).max(max);
const login = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');
/** Passwords: at least 8 characters; the engine never stores or logs them. */
export const passwordSchema = z.string().min(8).max(256);
const roleSchema = z.enum(['officer', 'clerk', 'archivist', 'reviewer', 'supervisor', 'admin']);

export const agencySchema = z.object({
  name: text(200),
  // 统一社会信用代码: 18 characters, digits and capital letters (no I, O, Z, S, V).
  creditCode: z
    .string()
    .trim()
    .regex(
      /^([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})?$/,
      '18-character unified social credit code',
    )
    .default(''),
  address: z.string().trim().max(300).default(''),
  supervisionPhone: z
    .string()
    .trim()
    .regex(/^([0-9+\-() ]{5,30})?$/, 'phone number')
    .default(''),
});

type Access = 'public' | 'session' | Permission;

interface OpDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type. */
  output?: O;
}

function op<O>() {
  return <I extends z.ZodType>(input: I, access: Access): OpDef<I, O> => ({ input, access });
}

const empty = z.object({}).strict();

export const contract = {
  'system.status': op<SystemStatus>()(empty, 'public'),
  'system.init': op<{ admin: UserInfo }>()(
    z.object({
      agency: agencySchema,
      admin: z.object({ login, name: text(64), password: passwordSchema }),
      /** Import an existing agency CA instead of creating one. */
      caPkcs12: z.object({ base64: z.string().min(1), passphrase: z.string() }).optional(),
    }),
    'public',
  ),
  'auth.login': op<SessionInfo>()(
    z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
    'public',
  ),
  'auth.logout': op<{ ok: true }>()(empty, 'session'),
  'auth.me': op<SessionInfo>()(empty, 'session'),
  'auth.changePassword': op<{ ok: true }>()(
    z.object({ oldPassword: z.string().min(1), newPassword: passwordSchema }),
    'session',
  ),
  'users.list': op<UserInfo[]>()(empty, 'users.view'),
  'users.add': op<UserInfo>()(
    z.object({ login, name: text(64), role: roleSchema, password: passwordSchema }),
    'users.manage',
  ),
  'users.update': op<UserInfo>()(
    z.object({
      id: z.number().int().positive(),
      role: roleSchema.optional(),
      disabled: z.boolean().optional(),
    }),
    'users.manage',
  ),
  'users.unlock': op<UserInfo>()(z.object({ id: z.number().int().positive() }), 'users.manage'),
  'users.resetPassword': op<UserInfo>()(
    z.object({ id: z.number().int().positive(), password: passwordSchema }),
    'users.manage',
  ),
  'agency.update': op<AgencyInfo>()(agencySchema, 'settings.manage'),
  'roles.table': op<Record<string, Permission[]>>()(empty, 'session'),
  'custody.list': op<CustodyPage>()(
    z.object({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(500).default(50),
      actor: z.string().max(64).optional(),
      action: z.string().max(64).optional(),
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
    }),
    'custody.view',
  ),
  'custody.entry': op<{ entry: CustodyEntryView; entryText: string; proof: InclusionProofView }>()(
    z.object({ seq: z.number().int().min(0) }),
    'custody.view',
  ),
  'custody.consistency': op<ConsistencyProofView>()(
    z.object({ fromSize: z.number().int().min(1), toSize: z.number().int().min(1) }),
    'custody.view',
  ),
  'custody.checkpoints': op<CheckpointView[]>()(empty, 'custody.view'),
  'custody.checkpointNow': op<CheckpointView>()(empty, 'custody.view'),
  'custody.exportLog': op<{ entries: number; files: string[] }>()(
    z.object({ outDir: z.string().min(1).max(4096) }),
    'custody.export',
  ),
  'custody.exportCheckpoint': op<{ fileName: string; text: string }>()(empty, 'custody.export'),
  'custody.verifyStart': op<{ jobId: string }>()(empty, 'custody.verify'),
  'volumes.list': op<VolumeView[]>()(empty, 'evidence.ingest'),
  'ingest.start': op<{ dockId: number }>()(
    z
      .object({
        /** A detected volume's id, or a folder path ("Import folder…"). */
        volumeId: z.string().min(1).max(512).optional(),
        path: z.string().min(1).max(4096).optional(),
        officerCode: z.string().trim().min(1).max(20).optional(),
        deviceSerial: z.string().trim().min(1).max(40).optional(),
      })
      .refine((v) => Boolean(v.volumeId) !== Boolean(v.path), {
        message: 'give either volumeId or path',
        path: ['volumeId'],
      }),
    'evidence.ingest',
  ),
  'ingest.status': op<DockView[]>()(empty, 'evidence.ingest'),
  'ingest.dock': op<DockView>()(z.object({ dockId: z.number().int().positive() }), 'evidence.view'),
  'ingest.docks': op<DockView[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    'evidence.view',
  ),
  'ingest.cancel': op<{ ok: true }>()(z.object({ dockId: z.number().int().positive() }), 'evidence.ingest'),
  'ingest.retry': op<{ ok: true }>()(z.object({ dockId: z.number().int().positive() }), 'evidence.ingest'),
  'officers.list': op<OfficerView[]>()(empty, 'session'),
  'officers.save': op<OfficerView>()(
    z.object({
      code: z.string().trim().min(2).max(20),
      name: text(64),
      unit: z.string().trim().max(100).optional(),
      certNo: z.string().trim().max(40).optional(),
      userId: z.number().int().positive().nullable().optional(),
    }),
    'settings.manage',
  ),
  'officers.importCsv': op<{ added: number; updated: number }>()(
    z.object({ csv: z.string().min(1).max(5_000_000) }),
    'settings.manage',
  ),
  'devices.list': op<DeviceView[]>()(empty, 'session'),
  'devices.save': op<DeviceView>()(
    z.object({
      serial: z.string().trim().min(2).max(40),
      model: z.string().trim().max(60).optional(),
      officerId: z.number().int().positive().nullable().optional(),
      clearAfterIngest: z.boolean().optional(),
    }),
    'settings.manage',
  ),
  'watched.list': op<{ id: number; path: string; label: string }[]>()(empty, 'session'),
  'watched.add': op<{ id: number; path: string; label: string }>()(
    z.object({ path: z.string().min(1).max(4096), label: z.string().trim().max(60).default('') }),
    'settings.manage',
  ),
  'watched.remove': op<{ ok: true }>()(z.object({ id: z.number().int().positive() }), 'settings.manage'),
  'media.list': op<MediaPage>()(
    z.object({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
      officerId: z.number().int().positive().optional(),
      deviceId: z.number().int().positive().optional(),
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
      kind: z.enum(['video', 'audio', 'photo', 'other']).optional(),
      important: z.boolean().optional(),
      linked: z.boolean().optional(),
      unreadable: z.boolean().optional(),
      unclassified: z.boolean().optional(),
      q: z.string().trim().max(100).optional(),
    }),
    'evidence.view',
  ),
  'media.get': op<MediaItemView>()(z.object({ id: z.number().int().positive() }), 'evidence.view'),
  'media.update': op<MediaItemView>()(
    z.object({
      id: z.number().int().positive(),
      officerId: z.number().int().positive().nullable().optional(),
      deviceId: z.number().int().positive().nullable().optional(),
      category: z.string().trim().min(1).max(40).optional(),
      title: z.string().trim().max(200).optional(),
    }),
    'evidence.edit',
  ),
  'media.play': op<PlaybackView>()(z.object({ id: z.number().int().positive() }), 'evidence.view'),
  'jobs.get': op<JobView<VerifyReport>>()(z.object({ jobId: z.string().min(1).max(64) }), 'session'),
  'jobs.cancel': op<{ ok: true }>()(z.object({ jobId: z.string().min(1).max(64) }), 'session'),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = NonNullable<Contract[K]['output']>;
export const opNames = Object.keys(contract) as OpName[];

/** Re-exported so clients can name entries without a second import path. */
export type { CustodyEntryView };
