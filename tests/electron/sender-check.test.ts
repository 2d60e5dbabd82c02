import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../electron/app-origin';
import { isTrustedSender, senderRefusal, type SenderFacts } from '../../electron/sender-check';

const good: SenderFacts = {
  frameUrl: 'app://workstation/index.html#/custody',
  isMainFrame: true,
  senderId: 7,
  mainWindowId: 7,
};

describe('isAppUrl', () => {
  it('accepts only app://workstation without port or credentials', () => {
    expect(isAppUrl('app://workstation/index.html')).toBe(true);
    expect(isAppUrl('app://WORKSTATION/x')).toBe(true);
    for (const u of [
      'app://workstation.evil.cn/',
      'app://evil/',
      'app://workstation:1/',
      'app://a:b@workstation/',
      'https://workstation/',
      'file:///workstation/index.html',
      'app:workstation/index.html',
      'app:///index.html',
      'devtools://devtools/bundled/inspector.html',
      '',
      'about:blank',
    ]) {
      expect(isAppUrl(u), u).toBe(false);
    }
  });
});

describe('senderRefusal', () => {
  it('trusts the main window main frame on app://workstation', () => {
    expect(senderRefusal(good)).toBeUndefined();
    expect(isTrustedSender(good)).toBe(true);
  });

  it('refuses every other sender with a reason', () => {
    const cases: Array<[Partial<SenderFacts>, RegExp]> = [
      [{ mainWindowId: null }, /no main window/],
      [{ senderId: 8 }, /not the main window/],
      [{ frameUrl: null }, /no longer exists/],
      [{ isMainFrame: false }, /main frame/],
      [{ frameUrl: 'https://evil.example/' }, /origin/],
      [{ frameUrl: 'file:///tmp/index.html' }, /origin/],
      [{ frameUrl: 'app://workstation.evil/index.html' }, /origin/],
      [{ frameUrl: 'about:blank' }, /origin/],
    ];
    for (const [change, reason] of cases) {
      const facts = { ...good, ...change };
      expect(senderRefusal(facts), JSON.stringify(change)).toMatch(reason);
      expect(isTrustedSender(facts)).toBe(false);
    }
  });
});
