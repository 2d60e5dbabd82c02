import { describe, expect, it } from 'vitest';
import { opNames } from '../../native/api/contract';
import { validateCall } from '../../electron/call-validation';

describe('validateCall', () => {
  it('passes a known op with valid input, applying schema defaults and stripping unknown keys', () => {
    const r = validateCall('custody.list', { page: 2, extra: 'dropped' }, 'tok');
    expect(r).toEqual({ ok: true, op: 'custody.list', input: { page: 2, pageSize: 50 }, session: 'tok' });
  });

  it('treats missing input as {} and a missing session as none', () => {
    expect(validateCall('system.status', undefined, undefined)).toEqual({
      ok: true,
      op: 'system.status',
      input: {},
      session: undefined,
    });
    expect(validateCall('system.status', null, null)).toMatchObject({ ok: true, session: undefined });
  });

  it('accepts every op in the contract by name', () => {
    for (const op of opNames) {
      const r = validateCall(op, {}, undefined);
      // Some ops need fields; the point is that none is refused as unknown.
      if (!r.ok) expect(r.error.field, op).not.toBe('op');
    }
  });

  it('refuses unknown ops, including prototype keys', () => {
    for (const op of ['custody.drop', '__proto__', 'constructor', 'toString', '', 42, null, { op: 'x' }]) {
      const r = validateCall(op, {}, undefined);
      expect(r.ok, String(op)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_INPUT');
        expect(r.error.field).toBe('op');
      }
    }
  });

  it('names the failing field in a BAD_INPUT result', () => {
    const r = validateCall('custody.list', { pageSize: 10_000 }, 'tok');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'BAD_INPUT', field: 'pageSize' });
      expect(r.error.message).toContain('custody.list');
      expect(r.error.message).toContain('pageSize');
    }
    const nested = validateCall('system.init', { agency: { name: 'X' }, admin: {} }, undefined);
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(nested.error.field).toMatch(/^(agency|admin)\./);
  });

  it('refuses extra keys on strict (empty) inputs and non-object input', () => {
    const r = validateCall('auth.logout', { sneaky: 1 }, 'tok');
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const s = validateCall('custody.list', 'page=1', 'tok');
    expect(s).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'input' } });
  });

  it('refuses a session that is not a short string', () => {
    for (const session of [123, { token: 'x' }, 'x'.repeat(513)]) {
      expect(validateCall('auth.me', {}, session)).toMatchObject({ ok: false, error: { field: 'session' } });
    }
  });
});
