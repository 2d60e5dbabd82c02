/**
 * Electron main process: one instance per data directory, the hardened window serving the UI from
 * `app://workstation`, the IPC gate, and the engine host in a utility process. Bundled by esbuild
 * to dist/electron/main.cjs; dist/electron/{preload,engine-host}.cjs and dist/renderer/ sit beside it.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { stderrLogger, type Logger } from '../native/core/context';
import { dataLayout } from '../native/storage/data-dir';
import { APP_START_URL } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { chooseDataDir, type DataDirChoice } from './data-dir-arg';
import { EngineClient } from './engine-client';
import { teeLogger } from './file-logger';
import { hardenSession, installHardening } from './hardening';
import { registerIpc } from './ipc';

const PRODUCT = 'Evidence Workstation';
// Until the data directory is known, log to stderr; then also to <data>/logs/main.log.
let logger: Logger = stderrLogger();

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();

const paths = {
  renderer: path.join(__dirname, '..', 'renderer'),
  preload: path.join(__dirname, 'preload.cjs'),
  engineHost: path.join(__dirname, 'engine-host.cjs'),
  icon: app.isPackaged
    ? path.join(process.resourcesPath, 'resources', 'icons', '512x512.png')
    : path.join(__dirname, '..', '..', 'resources', 'icons', '512x512.png'),
};

let mainWindow: BrowserWindow | null = null;

function pickDataDir(): DataDirChoice | undefined {
  try {
    return chooseDataDir(process.argv, process.env, process.cwd());
  } catch (err) {
    dialog.showErrorBox(PRODUCT, (err as Error).message);
    app.exit(2);
    return undefined;
  }
}

/**
 * Chromium's profile (and with it the single-instance lock) lives in userData. A data directory
 * chosen with --data or EVIDENCE_DATA gets a profile of its own, so the lock is per data
 * directory and two workstations on different directories can run side by side.
 */
function isolateProfile(choice: DataDirChoice): void {
  if (choice.source === 'default') return;
  const key = createHash('sha256').update(choice.dir).digest('hex').slice(0, 16);
  app.setPath('userData', path.join(app.getPath('userData'), 'profiles', key));
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: PRODUCT,
    icon: existsSync(paths.icon) ? paths.icon : undefined,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('did-fail-load', (_event, code, description, url) => {
    logger.error('window failed to load', { code, description, url });
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  win.loadURL(APP_START_URL).catch((err: unknown) => logger.error('loadURL failed', { error: String(err) }));
  return win;
}

async function start(choice: DataDirChoice): Promise<void> {
  await app.whenReady();
  if (!existsSync(path.join(paths.renderer, 'index.html'))) {
    dialog.showErrorBox(
      PRODUCT,
      `The user interface is not built (${paths.renderer} has no index.html). Run \`npm run build\`.`,
    );
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);

  const engine = new EngineClient({
    hostPath: paths.engineHost,
    dataDir: choice.dir,
    logsDir: dataLayout(choice.dir).logs,
    logger,
  });
  engine.start();
  serveAppProtocol(paths.renderer, logger, (ticket) => engine.resolveMedia(ticket));
  registerIpc({ mainWindow: () => mainWindow, call: (op, input, s) => engine.call(op, input, s), logger });

  let engineStopped = false;
  app.on('will-quit', (event) => {
    if (engineStopped) return;
    // Let the engine write its final checkpoint and close the database before the app exits.
    event.preventDefault();
    void engine.stop().finally(() => {
      engineStopped = true;
      app.quit();
    });
  });

  mainWindow = createMainWindow();
  logger.info('workstation started', { dataDir: choice.dir, source: choice.source });
}

function main(): void {
  const choice = pickDataDir();
  if (!choice) return;
  logger = teeLogger(path.join(dataLayout(choice.dir).logs, 'main.log'), 'main');
  installHardening(logger);
  isolateProfile(choice);
  if (!app.requestSingleInstanceLock({ dataDir: choice.dir })) {
    // Another window already has this data directory open: it is focused instead (second-instance).
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  start(choice).catch((err: unknown) => {
    logger.error('start-up failed', { error: String(err) });
    dialog.showErrorBox(PRODUCT, `The workstation could not start: ${String(err)}`);
    app.exit(1);
  });
}

main();
