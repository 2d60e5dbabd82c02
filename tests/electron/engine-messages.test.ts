import { describe, expect, it } from 'vitest';
import {
  isCallMessage,
  isMediaReplyMessage,
  isReplyMessage,
  isResolveMediaMessage,
  isShutdownMessage,
} from '../../electron/engine-messages';
import { PendingMedia } from '../../electron/pending-media';

describe('isResolveMediaMessage', () => {
  it('accepts a well-formed request', () => {
    expect(isResolveMediaMessage({ type: 'resolveMedia', id: 3, ticket: 'abc' })).toBe(true);
  });

  it('rejects anything else', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'resolveMedia',
      {},
      { type: 'resolveMedia', id: 3 },
      { type: 'resolveMedia', ticket: 'abc' },
      { type: 'resolveMedia', id: 1.5, ticket: 'abc' },
      { type: 'resolveMedia', id: '3', ticket: 'abc' },
      { type: 'resolveMedia', id: 3, ticket: 42 },
      { type: 'resolve', id: 3, ticket: 'abc' },
      { id: 3, ticket: 'abc' },
    ];
    for (const m of bad) expect(isResolveMediaMessage(m), JSON.stringify(m)).toBe(false);
  });

  it('is not mistaken for a call or a shutdown, and a call is not mistaken for it', () => {
    const m = { type: 'resolveMedia', id: 3, ticket: 'abc' };
    expect(isCallMessage(m)).toBe(false);
    expect(isShutdownMessage(m)).toBe(false);
    expect(isResolveMediaMessage({ id: 3, op: 'library.list', input: {} })).toBe(false);
  });
});

describe('isMediaReplyMessage', () => {
  it('accepts a file or null', () => {
    expect(isMediaReplyMessage({ id: 1, media: { path: '/d/objects/ab/cd', mime: 'video/mp4' } })).toBe(true);
    expect(isMediaReplyMessage({ id: 1, media: null })).toBe(true);
  });

  it('rejects a missing or malformed media field', () => {
    const bad: unknown[] = [
      null,
      { id: 1 },
      { id: 1, media: undefined },
      { media: null },
      { id: -0.5, media: null },
      { id: 1, media: 'path' },
      { id: 1, media: {} },
      { id: 1, media: { path: '/x' } },
      { id: 1, media: { path: '', mime: 'video/mp4' } },
      { id: 1, media: { path: '/x', mime: '' } },
      { id: 1, media: { path: 7, mime: 'video/mp4' } },
    ];
    for (const m of bad) expect(isMediaReplyMessage(m), JSON.stringify(m)).toBe(false);
  });

  it('is not mistaken for a call reply, and a call reply is not mistaken for it', () => {
    expect(isReplyMessage({ id: 1, media: null })).toBe(false);
    expect(isMediaReplyMessage({ id: 1, result: { ok: true, value: 1 } })).toBe(false);
  });
});

describe('PendingMedia', () => {
  it('correlates replies by id and maps null to undefined', async () => {
    const p = new PendingMedia();
    const a = p.open();
    const b = p.open();
    expect(a.id).not.toBe(b.id);
    expect(p.settle(b.id, null)).toBe(true);
    expect(p.settle(a.id, { path: '/f', mime: 'video/mp4' })).toBe(true);
    await expect(a.media).resolves.toEqual({ path: '/f', mime: 'video/mp4' });
    await expect(b.media).resolves.toBeUndefined();
    expect(p.size).toBe(0);
  });

  it('ignores late and unknown replies', async () => {
    const p = new PendingMedia();
    const a = p.open();
    expect(p.settle(a.id, null)).toBe(true);
    expect(p.settle(a.id, { path: '/f', mime: 'video/mp4' })).toBe(false);
    expect(p.settle(99, null)).toBe(false);
    await expect(a.media).resolves.toBeUndefined();
  });

  it('answers every waiting look-up "unknown" when the host exits', async () => {
    const p = new PendingMedia();
    const all = [p.open(), p.open()];
    expect(p.failAll()).toBe(2);
    for (const x of all) await expect(x.media).resolves.toBeUndefined();
    expect(p.size).toBe(0);
  });
});
