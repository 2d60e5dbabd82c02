/**
 * The one string catalog. Every entry is a [简体中文, English] pair, side by side, so a key can
 * never exist in one language only; `resources` splits it into i18next's per-language trees.
 * Interpolation uses i18next's {{name}}. Error codes (native/core/errors.ts ErrorCode plus the
 * client's own) live under `errors.<CODE>`.
 */
import type { ErrorCode } from '../../../native/core/errors';
import type { ClientErrorCode } from '../api/client';
import { ingestStrings } from './catalog-ingest';
import { libraryStrings } from './catalog-library';

type Pair = readonly [zh: string, en: string];
/** A catalog subtree; the Dock and Library strings live in catalog-ingest.ts and catalog-library.ts. */
export interface Tree {
  readonly [key: string]: Pair | Tree;
}

/** Compile-time check that every engine and client error code has a message. */
const errors: Record<ErrorCode | ClientErrorCode, Pair> = {
  BAD_INPUT: ['输入内容不符合要求', 'The input is not valid'],
  UNAUTHENTICATED: ['登录已失效，请重新登录', 'Your session has ended; please sign in again'],
  FORBIDDEN: ['您的角色无权执行此操作', 'Your role is not allowed to do this'],
  WRONG_PASSWORD: ['登录名或密码错误', 'Wrong login or password'],
  LOCKED: [
    '账号已锁定（连续多次输错密码），请联系系统管理员解锁',
    'The account is locked after repeated wrong passwords; ask an administrator to unlock it',
  ],
  DISABLED: ['账号已停用，请联系系统管理员', 'The account is disabled; contact an administrator'],
  NOT_FOUND: ['未找到所请求的记录', 'The requested record was not found'],
  CONFLICT: [
    '与已有数据冲突（例如登录名已存在）',
    'This conflicts with existing data (for example, the login is taken)',
  ],
  NOT_INITIALIZED: ['工作站尚未初始化', 'The workstation has not been set up yet'],
  ALREADY_INITIALIZED: ['工作站已经初始化，不能重复设置', 'The workstation is already set up'],
  DATABASE_MISSING: ['找不到工作站数据库', 'The workstation database is missing'],
  DATABASE_CORRUPT: ['工作站数据库已损坏', 'The workstation database is damaged'],
  READ_ONLY: ['数据目录不可写入', 'The data directory cannot be written'],
  DISK_FULL: ['数据盘已满，未写入任何内容', 'The data disk is full; nothing was written'],
  STORAGE: ['存储读写失败', 'A storage read or write failed'],
  CANCELLED: ['操作已取消', 'The operation was cancelled'],
  INTERNAL: ['工作站内部错误', 'Internal workstation error'],
  NETWORK: ['无法连接工作站服务', 'Cannot reach the workstation service'],
  BAD_RESPONSE: ['工作站服务返回了无法识别的应答', 'The workstation service sent an unreadable answer'],
  NO_LAUNCH_TOKEN: ['缺少或无效的启动令牌', 'Missing or invalid launch token'],
};

const source = {
  app: {
    title: ['执法音像证据工作站', 'Evidence Workstation'],
    loading: ['正在连接工作站…', 'Connecting to the workstation…'],
    statusFailed: ['无法读取工作站状态', 'Cannot read the workstation status'],
    version: ['版本 {{version}}', 'Version {{version}}'],
    launchTitle: ['请使用启动地址打开', 'Open the start-up address'],
    launchDesc: [
      '浏览器模式下，请打开启动命令打印的完整地址（包含 ?token=…）。没有启动令牌的请求会被工作站拒绝。',
      'In browser mode, open the full address printed by the start command (including ?token=…). The workstation refuses requests without the launch token.',
    ],
  },
  common: {
    ok: ['确定', 'OK'],
    cancel: ['取消', 'Cancel'],
    close: ['关闭', 'Close'],
    retry: ['重试', 'Retry'],
    refresh: ['刷新', 'Refresh'],
    print: ['打印', 'Print'],
    none: ['无', 'None'],
    details: ['详情', 'Details'],
    edit: ['编辑', 'Edit'],
    save: ['保存', 'Save'],
    back: ['返回', 'Back'],
    actions: ['操作', 'Actions'],
    loading: ['加载中…', 'Loading…'],
  },
  lang: {
    label: ['界面语言', 'Language'],
    zh: ['简体中文', '简体中文'],
    en: ['English', 'English'],
  },
  errors,
  errorDetail: {
    field: ['相关字段：{{field}}', 'Field: {{field}}'],
    hint: ['处理建议：{{hint}}', 'What to do: {{hint}}'],
    engine: ['技术信息：{{message}}', 'Technical detail: {{message}}'],
  },
  fields: {
    agency: {
      name: ['执法主体名称', 'Agency name'],
      creditCode: ['统一社会信用代码', 'Unified social credit code'],
      address: ['地址', 'Address'],
      supervisionPhone: ['监督电话', 'Supervision phone'],
    },
    admin: {
      login: ['管理员登录名', 'Administrator login'],
      name: ['管理员姓名', 'Administrator name'],
      password: ['管理员密码', 'Administrator password'],
    },
    login: ['登录名', 'Login'],
    name: ['姓名', 'Name'],
    role: ['角色', 'Role'],
    password: ['密码', 'Password'],
    oldPassword: ['当前密码', 'Current password'],
    newPassword: ['新密码', 'New password'],
    code: ['警号', 'Officer code'],
    unit: ['单位', 'Unit'],
    certNo: ['执法证号', 'Certificate no.'],
    userId: ['关联登录账号', 'Linked login'],
    serial: ['设备序列号', 'Serial number'],
    model: ['型号', 'Model'],
    officerId: ['执法人员', 'Officer'],
    deviceId: ['设备', 'Device'],
    officerCode: ['执法人员', 'Officer'],
    deviceSerial: ['设备', 'Device'],
    volumeId: ['设备卷', 'Volume'],
    path: ['文件夹路径', 'Folder path'],
    label: ['名称', 'Label'],
    category: ['分类', 'Category'],
    title: ['标题', 'Title'],
    csv: ['CSV 文件', 'CSV file'],
  },
  validation: {
    required: ['请填写{{field}}', 'Please enter the {{field}}'],
    tooLong: ['{{field}}不能超过 {{max}} 个字符', 'The {{field}} may have at most {{max}} characters'],
    creditCode: [
      '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V），请核对营业执照或登记证书',
      'The credit code has 18 digits or capital letters (no I, O, Z, S, V); check the registration certificate',
    ],
    phone: [
      '电话号码格式不正确：5–30 位数字，可含 + - ( ) 和空格',
      'Phone number: 5–30 digits, may contain + - ( ) and spaces',
    ],
    login: [
      '登录名为 2–32 位字母、数字、点、短横线或下划线',
      'A login has 2–32 letters, digits, dots, dashes or underscores',
    ],
    passwordMin: ['密码至少 8 个字符', 'The password needs at least 8 characters'],
    passwordMismatch: ['两次输入的密码不一致', 'The two passwords differ'],
    roleRequired: ['请选择角色', 'Please choose a role'],
  },
  roles: {
    officer: ['执法人员', 'Officer'],
    clerk: ['证据管理员', 'Evidence clerk'],
    archivist: ['档案管理员', 'Archivist'],
    reviewer: ['法制审核人员', 'Legal reviewer'],
    supervisor: ['负责人/督察', 'Supervisor'],
    admin: ['系统管理员', 'Administrator'],
  },
  permissions: {
    users: { manage: ['管理用户', 'Manage users'], view: ['查看用户', 'View users'] },
    custody: {
      view: ['查看保管日志', 'View custody log'],
      verify: ['校验日志', 'Verify the log'],
      export: ['导出日志与检查点', 'Export log and checkpoints'],
    },
    settings: { manage: ['管理设置', 'Manage settings'] },
    evidence: {
      ingest: ['接入采集证据', 'Ingest evidence'],
      view: ['查看证据', 'View evidence'],
      edit: ['编辑证据信息', 'Edit evidence details'],
    },
    cases: { edit: ['编辑案件', 'Edit cases'], view: ['查看案件', 'View cases'] },
    review: { decide: ['作出法制审核意见', 'Decide legal reviews'] },
    archive: { seal: ['封存归档', 'Seal and archive'] },
    publicity: { manage: ['管理执法公示', 'Manage publicity'] },
  },
  setup: {
    title: ['首次设置', 'First-run setup'],
    subtitle: [
      '本工作站尚未初始化。请填写执法主体信息，并创建第一位系统管理员。',
      'This workstation is not set up yet. Enter the agency details and create the first administrator.',
    ],
    stepAgency: ['执法主体', 'Agency'],
    stepAdmin: ['系统管理员', 'Administrator'],
    stepConfirm: ['确认', 'Confirm'],
    namePlaceholder: [
      '例如：某某市某某区城市管理综合执法局',
      'e.g. Urban Management Enforcement Bureau of X District',
    ],
    creditCodeExtra: [
      '18 位，数字和大写字母（不含 I、O、Z、S、V）',
      '18 characters: digits and capital letters (no I, O, Z, S, V)',
    ],
    loginExtra: [
      '2–32 位字母、数字、点、短横线或下划线',
      '2–32 letters, digits, dots, dashes or underscores',
    ],
    passwordExtra: [
      '至少 8 个字符。签名时需要再次输入，请牢记。',
      'At least 8 characters. You will enter it again to sign; keep it safe.',
    ],
    confirmPassword: ['确认密码', 'Confirm password'],
    confirmTitle: ['请核对以下信息', 'Please check these details'],
    confirmNote: [
      '提交后，工作站将生成机构根证书、工作站签名密钥和管理员证书，并写入保管日志的第一条记录。',
      'On submit the workstation creates the agency root certificate, its signing key and the administrator certificate, and writes the first custody log entry.',
    ],
    next: ['下一步', 'Next'],
    prev: ['上一步', 'Back'],
    submit: ['完成初始化', 'Set up workstation'],
    done: ['初始化完成，请使用管理员账号登录。', 'Setup complete. Sign in with the administrator account.'],
  },
  login: {
    title: ['登录', 'Sign in'],
    submit: ['登录', 'Sign in'],
    expired: ['会话已失效，请重新登录。', 'Your session has ended; please sign in again.'],
    failed: ['登录失败', 'Sign-in failed'],
  },
  nav: {
    dock: ['接入', 'Dock'],
    library: ['媒体库', 'Library'],
    cases: ['案件', 'Cases'],
    review: ['审核', 'Review'],
    publicity: ['公示', 'Publicity'],
    archive: ['归档', 'Archive'],
    custody: ['日志', 'Custody log'],
    admin: ['管理', 'Admin'],
    noPermission: ['您的角色无权使用此功能', 'Your role cannot use this'],
  },
  header: {
    rootLabel: ['日志根', 'Log root'],
    rootTooltip: [
      '最新检查点的日志根哈希（前 16 位）。证据管理员请将其抄写在纸质交接班表上：日后用它可以核对日志未被改写。',
      'Root hash (first 16 hex digits) of the latest checkpoint. The clerk writes it on the paper shift form, so it can later prove the log was not rewritten.',
    ],
    rootDetail: ['覆盖 {{size}} 条日志，创建于 {{time}}', 'Covers {{size}} entries, created {{time}}'],
    noCheckpoint: ['尚无检查点', 'No checkpoint yet'],
    exportCheckpoint: ['导出检查点', 'Export checkpoint'],
    exported: ['检查点已导出：{{file}}', 'Checkpoint exported: {{file}}'],
    logout: ['退出登录', 'Sign out'],
    changePassword: ['修改密码', 'Change password'],
  },
  password: {
    title: ['修改密码', 'Change password'],
    old: ['当前密码', 'Current password'],
    new: ['新密码', 'New password'],
    confirm: ['确认新密码', 'Confirm new password'],
    changed: ['密码已修改', 'Password changed'],
  },
  later: {
    note: ['此版本不显示任何示例数据。', 'This release shows no sample data.'],
    dock: ['接入功能将在“接入与采集”版本中提供。', 'Docking arrives with the “Docking and ingest” release.'],
    library: [
      '媒体库将在“接入与采集”版本中提供。',
      'The library arrives with the “Docking and ingest” release.',
    ],
    cases: [
      '案件管理将在“案件与证据关联”版本中提供。',
      'Cases arrive with the “Cases and evidence linking” release.',
    ],
    review: [
      '法制审核将在“重大执法决定法制审核”版本中提供。',
      'Legal review arrives with the “Legal review of major decisions” release.',
    ],
    publicity: [
      '执法公示将在“行政执法公示”版本中提供。',
      'Publicity arrives with the “Enforcement publicity” release.',
    ],
    archive: [
      '案卷封存与归档将在“封存案卷包”版本中提供。',
      'Sealing and archiving arrive with the “Sealed case packages” release.',
    ],
  },
  admin: {
    title: ['管理', 'Administration'],
    tabUsers: ['用户', 'Users'],
    tabRoles: ['角色与权限', 'Roles and permissions'],
    tabAgency: ['执法主体', 'Agency'],
    tabOfficers: ['执法人员', 'Officers'],
    tabDevices: ['设备', 'Devices'],
    tabWatched: ['监视文件夹', 'Watched folders'],
  },
  agency: {
    note: [
      '执法主体信息由系统管理员维护，每次修改都会写入保管日志。',
      'Administrators maintain the agency details; every change is written to the custody log.',
    ],
    save: ['保存', 'Save'],
    saved: ['执法主体信息已保存', 'Agency details saved'],
  },
  users: {
    add: ['添加用户', 'Add user'],
    status: ['状态', 'Status'],
    active: ['正常', 'Active'],
    locked: ['已锁定', 'Locked'],
    disabled: ['已停用', 'Disabled'],
    cert: ['证书指纹', 'Certificate fingerprint'],
    certSubject: ['证书主体：{{subject}}', 'Certificate subject: {{subject}}'],
    createdAt: ['创建时间', 'Created'],
    changeRole: ['修改角色', 'Change role'],
    changeRoleTitle: ['修改 {{name}} 的角色', 'Change the role of {{name}}'],
    disable: ['停用', 'Disable'],
    enable: ['启用', 'Enable'],
    unlock: ['解锁', 'Unlock'],
    resetPassword: ['重置密码', 'Reset password'],
    resetTitle: ['重置 {{name}} 的密码', 'Reset the password of {{name}}'],
    resetNote: [
      '重置后，该用户的签名密钥将以新密码重新加密。请将新密码当面交给本人。',
      'The user’s signing key is re-encrypted under the new password. Hand the new password to the user in person.',
    ],
    confirmDisable: [
      '停用 {{name}}？停用后该用户无法登录。',
      'Disable {{name}}? The user will not be able to sign in.',
    ],
    confirmEnable: ['启用 {{name}}？', 'Enable {{name}}?'],
    confirmUnlock: ['解锁 {{name}}？', 'Unlock {{name}}?'],
    initialPassword: ['初始密码', 'Initial password'],
    added: ['已添加用户 {{name}}', 'User {{name}} added'],
    saved: ['已保存', 'Saved'],
    self: ['不能对自己的账号执行此操作', 'You cannot do this to your own account'],
    empty: ['暂无用户', 'No users yet'],
    viewOnly: [
      '您只能查看用户；添加或修改用户需要“管理用户”权限。',
      'You can only view users; adding or changing users needs the “Manage users” permission.',
    ],
  },
  rolesTable: {
    note: [
      '下表来自工作站引擎的权限表，只读；引擎按此表检查每一项操作。',
      'Read-only: the engine’s permission table, which it checks on every operation.',
    ],
    permission: ['权限', 'Permission'],
  },
  custody: {
    title: ['保管日志', 'Custody log'],
    subtitle: [
      '每一项涉及证据、记录、用户或设置的操作都写入一条防篡改日志，日志条目构成默克尔树并定期签名。',
      'Every action on evidence, records, users or settings appends a tamper-evident entry; entries form a Merkle tree that is signed at checkpoints.',
    ],
    tabEntries: ['日志条目', 'Entries'],
    tabCheckpoints: ['检查点', 'Checkpoints'],
    seq: ['序号', 'Seq'],
    time: ['时间', 'Time'],
    actor: ['操作人', 'Actor'],
    action: ['操作', 'Action'],
    subjects: ['对象', 'Subjects'],
    filterActor: ['全部操作人', 'All actors'],
    filterAction: ['全部操作', 'All actions'],
    startDate: ['开始日期', 'From'],
    endDate: ['结束日期', 'To'],
    clearFilters: ['清除筛选', 'Clear filters'],
    total: ['共 {{total}} 条', '{{total}} entries'],
    empty: ['没有符合条件的日志条目', 'No entries match'],
    entryTitle: ['日志条目 #{{seq}}', 'Log entry #{{seq}}'],
    hashes: ['内容哈希', 'Content hashes'],
    details: ['详细数据', 'Details'],
    prev: ['前一条的叶哈希', 'Previous leaf hash'],
    leafHash: ['叶哈希', 'Leaf hash'],
    entryText: ['条目原文（叶哈希所计算的精确字节）', 'Entry text (the exact bytes the leaf hash covers)'],
    proof: ['包含证明', 'Inclusion proof'],
    treeSize: ['树大小', 'Tree size'],
    root: ['根哈希', 'Root hash'],
    path: ['路径哈希', 'Path hashes'],
    noPath: ['（无：树中只有这一条）', '(none: the tree has this entry only)'],
    verified: ['证明已验证', 'Proof verified'],
    notVerified: ['证明未通过验证', 'Proof did NOT verify'],
  },
  verify: {
    button: ['校验', 'Verify'],
    title: ['日志与存储完整性校验', 'Log and storage integrity check'],
    running: ['正在校验…', 'Verifying…'],
    again: ['再次校验', 'Verify again'],
    phases: {
      start: ['准备', 'Starting'],
      entries: ['重算日志条目、哈希链与默克尔树', 'Recomputing entries, hash chain and Merkle tree'],
      checkpoints: ['校验检查点签名与一致性', 'Checking checkpoint signatures and consistency'],
      objects: ['重新计算存储文件哈希', 'Re-hashing stored files'],
    },
    phase: ['阶段：{{phase}}', 'Phase: {{phase}}'],
    cancel: ['取消校验', 'Cancel'],
    okTitle: ['校验通过', 'Verification passed'],
    failTitle: ['校验发现问题', 'Verification found problems'],
    jobFailed: ['校验未能完成', 'Verification could not finish'],
    entries: ['日志条目', 'Log entries'],
    checkpoints: ['检查点', 'Checkpoints'],
    objects: ['存储文件', 'Stored files'],
    root: ['根哈希', 'Root hash'],
    period: ['校验时间', 'Checked'],
    firstEntry: ['第一个问题：日志条目 #{{seq}}', 'First problem: log entry #{{seq}}'],
    firstFile: ['第一个问题：文件 {{file}}', 'First problem: file {{file}}'],
    firstOther: ['第一个问题：{{message}}', 'First problem: {{message}}'],
    problems: ['全部问题（{{count}}）', 'All problems ({{count}})'],
    kind: ['类型', 'Kind'],
    where: ['位置', 'Where'],
    message: ['说明', 'Message'],
    kinds: {
      entry: ['日志条目', 'Entry'],
      chain: ['哈希链', 'Hash chain'],
      tree: ['默克尔树', 'Merkle tree'],
      checkpoint: ['检查点', 'Checkpoint'],
      object: ['存储文件', 'Stored file'],
      index: ['索引', 'Index'],
    },
  },
  checkpoints: {
    size: ['日志条数', 'Entries'],
    shortRoot: ['短根', 'Short root'],
    createdAt: ['创建时间', 'Created'],
    note: ['签名检查点原文', 'Signed checkpoint text'],
    createNow: ['立即创建检查点', 'Create checkpoint now'],
    created: [
      '已创建检查点：{{size}} 条，短根 {{root}}',
      'Checkpoint created: {{size}} entries, short root {{root}}',
    ],
    empty: [
      '尚无检查点。工作站在每批操作后和每天自动创建检查点，也可以立即创建。',
      'No checkpoints yet. The workstation writes one after each batch of work and daily; you can also create one now.',
    ],
  },
  ...ingestStrings,
  ...libraryStrings,
} satisfies Tree;

type Strings<T> = { [K in keyof T]: T[K] extends Pair ? string : Strings<T[K]> };
/** One language's strings, in i18next resource shape. */
export type CatalogStrings = Strings<typeof source>;

function pick(tree: Tree, index: 0 | 1): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = Array.isArray(value) ? (value as Pair)[index] : pick(value as Tree, index);
  }
  return out;
}

/** Languages the UI offers, in menu order; zh-CN is the default. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** The catalog split per language, ready for i18next `resources[lng].translation`. */
export const catalog: Record<Language, CatalogStrings> = {
  'zh-CN': pick(source, 0) as CatalogStrings,
  en: pick(source, 1) as CatalogStrings,
};
