import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import type { CustodySink } from '../identity/deps';
import type { OfficerView } from '../api/types';

/** An officer (执法人员) as the registry knows them; a login is optional. */
export type Officer = OfficerView;

export interface OfficerInput {
  code: string;
  name: string;
  unit?: string;
  certNo?: string;
  userId?: number | null;
}

interface Row {
  id: number;
  code: string;
  name: string;
  unit: string;
  cert_no: string;
  user_id: number | null;
  active: number;
}

const toOfficer = (r: Row): Officer => ({
  id: r.id,
  code: r.code,
  name: r.name,
  unit: r.unit,
  certNo: r.cert_no,
  userId: r.user_id,
  active: r.active === 1,
});

/** All officers, by code. */
export function listOfficers(db: Db): Officer[] {
  return (db.prepare('SELECT * FROM officers ORDER BY code').all() as Row[]).map(toOfficer);
}

/** One officer by 警号, or undefined. */
export function officerByCode(db: Db, code: string): Officer | undefined {
  const r = db.prepare('SELECT * FROM officers WHERE code = ?').get(code) as Row | undefined;
  return r && toOfficer(r);
}

/** One officer by id, or undefined. */
export function officerById(db: Db, id: number): Officer | undefined {
  const r = db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as Row | undefined;
  return r && toOfficer(r);
}

/** Adds an officer, or updates the one with the same 警号; logged either way. */
export function upsertOfficer(
  deps: { db: Db; custody: CustodySink; clock: Clock },
  input: OfficerInput,
  actor: string,
): Officer {
  const code = input.code.trim();
  const name = input.name.trim();
  if (!/^[0-9A-Za-z-]{2,20}$/.test(code)) {
    throw new EngineError(
      'BAD_INPUT',
      `Officer code (警号) "${input.code}" must be 2–20 letters or digits.`,
      { field: 'code' },
    );
  }
  if (!name) throw new EngineError('BAD_INPUT', `Officer ${code}: the name is missing.`, { field: 'name' });
  return deps.db.transaction(() => {
    const prev = officerByCode(deps.db, code);
    const fields = {
      name,
      unit: input.unit?.trim() ?? prev?.unit ?? '',
      certNo: input.certNo?.trim() ?? prev?.certNo ?? '',
    };
    const userId = input.userId === undefined ? (prev?.userId ?? null) : input.userId;
    if (prev) {
      deps.db
        .prepare('UPDATE officers SET name = ?, unit = ?, cert_no = ?, user_id = ? WHERE id = ?')
        .run(fields.name, fields.unit, fields.certNo, userId, prev.id);
    } else {
      deps.db
        .prepare(
          'INSERT INTO officers(code, name, unit, cert_no, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(code, fields.name, fields.unit, fields.certNo, userId, deps.clock.now().toISOString());
    }
    const now = officerByCode(deps.db, code)!;
    deps.custody.append({
      actor,
      action: prev ? 'officer.update' : 'officer.add',
      subjects: [`officer:${now.id}`],
      details: { code, ...fields, userId },
    });
    return now;
  })();
}

/**
 * Imports officers from CSV (columns 警号/code, 姓名/name, 单位/unit, 执法证号/certNo; a header
 * row is required). All rows or none: the first bad row is reported by line number.
 */
export function importOfficersCsv(
  deps: { db: Db; custody: CustodySink; clock: Clock },
  csv: string,
  actor: string,
): { added: number; updated: number } {
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
  if (rows.length < 2)
    throw new EngineError('BAD_INPUT', 'The CSV has no data rows.', {
      hint: 'First row: 警号,姓名,单位,执法证号',
    });
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const ci = {
    code: col(['警号', 'code']),
    name: col(['姓名', 'name']),
    unit: col(['单位', 'unit']),
    cert: col(['执法证号', 'certno', 'cert_no']),
  };
  if (ci.code < 0 || ci.name < 0) {
    throw new EngineError('BAD_INPUT', 'The CSV header needs at least 警号 (code) and 姓名 (name) columns.', {
      hint: 'First row: 警号,姓名,单位,执法证号',
    });
  }
  let added = 0;
  let updated = 0;
  deps.db.transaction(() => {
    rows.slice(1).forEach((r, i) => {
      if (r.every((c) => c.trim() === '')) return;
      const code = r[ci.code] ?? '';
      const existed = Boolean(officerByCode(deps.db, code.trim()));
      try {
        upsertOfficer(
          deps,
          {
            code,
            name: r[ci.name] ?? '',
            unit: ci.unit >= 0 ? r[ci.unit] : undefined,
            certNo: ci.cert >= 0 ? r[ci.cert] : undefined,
          },
          actor,
        );
      } catch (err) {
        const e = err as EngineError;
        throw new EngineError('BAD_INPUT', `CSV line ${i + 2}: ${e.message}`, {
          field: e.field,
          hint: 'Nothing was imported; correct the line and import again.',
        });
      }
      if (existed) updated++;
      else added++;
    });
  })();
  return { added, updated };
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
