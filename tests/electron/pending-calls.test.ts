import { describe, expect, it } from 'vitest';
import { hostExitError, PendingCalls, restartDelayMs } from '../../electron/pending-calls';
import { isCallMessage, isReplyMessage, isShutdownMessage } from '../../electron/engine-messages';

describe('PendingCalls', () => {
  it('correlates replies by id, in any order', async () => {
    const p = new PendingCalls();
    const a = p.open();
    const b = p.open();
    expect(a.id).not.toBe(b.id);
    expect(p.settle(b.id, { ok: true, value: 'b' })).toBe(true);
    expect(p.settle(a.id, { ok: true, value: 'a' })).toBe(true);
    await expect(a.result).resolves.toEqual({ ok: true, value: 'a' });
    await expect(b.result).resolves.toEqual({ ok: true, value: 'b' });
    expect(p.size).toBe(0);
  });

  it('ignores late, duplicate and unknown replies', async () => {
    const p = new PendingCalls();
    const a = p.open();
    expect(p.settle(a.id, { ok: true, value: 1 })).toBe(true);
    expect(p.settle(a.id, { ok: true, value: 2 })).toBe(false);
    expect(p.settle(999, { ok: true, value: 3 })).toBe(false);
    await expect(a.result).resolves.toEqual({ ok: true, value: 1 });
  });

  it('fails every waiting call when the host exits, so none hangs', async () => {
    const p = new PendingCalls();
    const calls = [p.open(), p.open(), p.open()];
    p.settle(calls[1]!.id, { ok: true, value: 'done' });
    const error = hostExitError(9, '/data/logs');
    expect(p.failAll(error)).toBe(2);
    expect(p.size).toBe(0);
    const results = await Promise.all(calls.map((c) => c.result));
    expect(results[0]).toEqual({ ok: false, error });
    expect(results[1]).toEqual({ ok: true, value: 'done' });
    expect(results[2]).toEqual({ ok: false, error });
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('exit code 9');
    expect(error.hint).toContain('/data/logs');
  });

  it('fails a single call when its message cannot be sent', async () => {
    const p = new PendingCalls();
    const a = p.open();
    const b = p.open();
    p.fail(a.id, { code: 'INTERNAL', message: 'post failed' });
    await expect(a.result).resolves.toMatchObject({ ok: false, error: { message: 'post failed' } });
    expect(p.size).toBe(1);
    p.settle(b.id, { ok: true, value: null });
  });
});

describe('restartDelayMs', () => {
  it('backs off on consecutive quick crashes and caps at 30 s', () => {
    expect(restartDelayMs(0)).toBe(500);
    expect(restartDelayMs(1)).toBe(1000);
    expect(restartDelayMs(3)).toBe(4000);
    expect(restartDelayMs(20)).toBe(30_000);
    expect(restartDelayMs(-1)).toBe(500);
  });
});

describe('engine messages', () => {
  it('recognises calls, shutdowns and replies, and rejects junk', () => {
    expect(isCallMessage({ id: 1, op: 'auth.me', input: {}, session: 's' })).toBe(true);
    expect(isCallMessage({ id: 1, op: 'auth.me', input: {} })).toBe(true);
    expect(isCallMessage({ id: '1', op: 'auth.me' })).toBe(false);
    expect(isCallMessage({ id: 1, op: 'auth.me', session: 5 })).toBe(false);
    expect(isCallMessage(null)).toBe(false);
    expect(isShutdownMessage({ shutdown: true })).toBe(true);
    expect(isShutdownMessage({ shutdown: 'yes' })).toBe(false);
    expect(isReplyMessage({ id: 3, result: { ok: false, error: { code: 'INTERNAL', message: 'x' } } })).toBe(
      true,
    );
    expect(isReplyMessage({ id: 3, result: {} })).toBe(false);
    expect(isReplyMessage({ id: 1.5, result: { ok: true, value: 1 } })).toBe(false);
  });
});
