import { describe, expect, it } from 'vitest';
import { opNames } from '../../native/api/contract';
import { buildBridge, type InvokeCall } from '../../electron/bridge-builder';

describe('buildBridge', () => {
  it('exposes every contract op as domain.verb, sending the full op name', async () => {
    const calls: Array<[string, unknown, string | undefined]> = [];
    const invoke: InvokeCall = async (op, input, session) => {
      calls.push([op, input, session]);
      return { ok: true, value: op };
    };
    const bridge = buildBridge(opNames, invoke) as unknown as Record<
      string,
      Record<string, (i?: unknown, s?: string) => Promise<unknown>>
    >;
    for (const op of opNames) {
      const [domain, verb] = [op.slice(0, op.indexOf('.')), op.slice(op.indexOf('.') + 1)];
      const fn = bridge[domain]?.[verb];
      expect(typeof fn, op).toBe('function');
      await expect(fn!({ a: 1 }, 'tok')).resolves.toEqual({ ok: true, value: op });
    }
    expect(calls.map((c) => c[0])).toEqual(opNames);
    expect(
      calls.every(([, input, session]) => JSON.stringify(input) === '{"a":1}' && session === 'tok'),
    ).toBe(true);
  });

  it('sends {} when input is omitted and has no extra members', async () => {
    let seen: unknown;
    const bridge = buildBridge(['system.status'], async (_op, input) => {
      seen = input;
      return { ok: true, value: null };
    }) as unknown as Record<string, Record<string, () => Promise<unknown>>>;
    await bridge.system!.status!();
    expect(seen).toEqual({});
    expect(Object.keys(bridge)).toEqual(['system']);
    expect(Object.keys(bridge.system!)).toEqual(['status']);
  });

  it('is frozen, so a page script cannot replace a verb', () => {
    const bridge = buildBridge(opNames, async () => ({ ok: true, value: null })) as unknown as Record<
      string,
      object
    >;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.custody)).toBe(true);
  });
});
