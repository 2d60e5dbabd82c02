/**
 * Electron security checklist, applied to every session and every webContents: no permissions,
 * no navigation away from app://workstation, no new windows, no <webview>.
 */
import { app, type Session, type WebContents } from 'electron';
import type { Logger } from '../native/core/context';
import { isAppUrl } from './app-origin';

/** Denies every permission request and check (camera, notifications, clipboard-read, …) and device access. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** Navigation, new-window and webview rules for one webContents. */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn(`blocked ${kind}`, { url: event.url });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('blocked new window', { url });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked <webview>');
  });
}

/** Hardens every webContents the app ever creates, including ones created later. Call before `ready`. */
export function installHardening(logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
}
