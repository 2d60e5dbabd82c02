import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isMediaUrl, mediaTicketFromUrl } from '../../electron/media-url';

// The same shape native/library/tickets.ts grants.
const ticket = randomBytes(18).toString('base64url');

describe('mediaTicketFromUrl', () => {
  it('extracts a ticket from exactly /media/<base64url>', () => {
    expect(mediaTicketFromUrl(`app://workstation/media/${ticket}`)).toBe(ticket);
    expect(mediaTicketFromUrl('app://workstation/media/Ab-_0123456789xyzQ')).toBe('Ab-_0123456789xyzQ');
    // Chromium never sends the fragment; when present it changes nothing.
    expect(mediaTicketFromUrl(`app://workstation/media/${ticket}#t=10`)).toBe(ticket);
  });

  it('rejects everything else', () => {
    const refused = [
      `app://elsewhere/media/${ticket}`,
      `app://workstation:8080/media/${ticket}`,
      `app://user@workstation/media/${ticket}`,
      `http://workstation/media/${ticket}`,
      `file:///media/${ticket}`,
      'app://workstation/media/',
      'app://workstation/media',
      `app://workstation/media/${ticket}/`,
      `app://workstation/media//${ticket}`,
      `app://workstation/media/${ticket}/x`,
      `app://workstation/Media/${ticket}`,
      `app://workstation/x/media/${ticket}`,
      `app://workstation/media/${ticket}?v=1`,
      `app://workstation/media/${ticket}%2f..`,
      `app://workstation/media/${ticket}.mp4`,
      `app://workstation/media/${ticket.slice(0, 10)}+/=${ticket.slice(10)}`,
      `app://workstation/media/${ticket.slice(0, 10)}%41${ticket.slice(10)}`,
      'app://workstation/media/..%2F..%2Findex.html',
      'app://workstation/media/short',
      `app://workstation/media/${'A'.repeat(129)}`,
      'not a url',
    ];
    for (const url of refused) expect(mediaTicketFromUrl(url), url).toBeUndefined();
  });
});

describe('isMediaUrl', () => {
  it('claims everything under /media/ on the workstation origin, valid or not', () => {
    expect(isMediaUrl(`app://workstation/media/${ticket}`)).toBe(true);
    expect(isMediaUrl('app://workstation/media/../../etc')).toBe(false); // folded by URL parsing to /etc
    expect(isMediaUrl('app://workstation/media/bad/path')).toBe(true);
    expect(isMediaUrl('app://workstation/media')).toBe(true);
  });

  it('leaves the renderer files and other origins alone', () => {
    expect(isMediaUrl('app://workstation/index.html')).toBe(false);
    expect(isMediaUrl('app://workstation/mediafile.js')).toBe(false);
    expect(isMediaUrl('app://workstation/assets/media/x.png')).toBe(false);
    expect(isMediaUrl(`app://other/media/${ticket}`)).toBe(false);
  });
});
