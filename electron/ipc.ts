/**
 * The one IPC entry point: `workstation:call`. Checks who is calling, validates the call against
 * the contract, and forwards it to the engine host. Never throws to the renderer: every outcome,
 * including a refusal or an internal failure, is an ApiResult.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../native/api/types';
import type { Logger } from '../native/core/context';
import { toEngineError } from '../native/core/errors';
import { CALL_CHANNEL } from './call-channel';
import { validateCall } from './call-validation';
import { senderRefusal, type SenderFacts } from './sender-check';

export interface IpcDeps {
  /** The main window, or null while there is none. */
  mainWindow: () => BrowserWindow | null;
  /** Forwards a validated call to the engine host. */
  call: (op: string, input: unknown, session: string | undefined) => Promise<ApiResult<unknown>>;
  logger: Logger;
}

/** Registers the `workstation:call` handler. Call once, after `ready`. */
export function registerIpc(deps: IpcDeps): void {
  ipcMain.handle(
    CALL_CHANNEL,
    async (event, op: unknown, input: unknown, session: unknown): Promise<ApiResult<unknown>> => {
      try {
        const refusal = senderRefusal(senderFacts(event, deps.mainWindow()));
        if (refusal) {
          deps.logger.warn('IPC call refused', { reason: refusal });
          return {
            ok: false,
            error: {
              code: 'FORBIDDEN',
              message: `IPC call refused: ${refusal}.`,
              hint: 'Only the workstation window may call the engine.',
            },
          };
        }
        const call = validateCall(op, input, session);
        if (!call.ok) return { ok: false, error: call.error };
        return await deps.call(call.op, call.input, call.session);
      } catch (err) {
        deps.logger.error('IPC call failed', { error: String(err) });
        return { ok: false, error: toEngineError(err).toInfo() };
      }
    },
  );
}

/** Gathers the facts sender-check decides on. `senderFrame` is null once the frame is gone. */
function senderFacts(event: IpcMainInvokeEvent, win: BrowserWindow | null): SenderFacts {
  const frame = event.senderFrame;
  const live = win && !win.isDestroyed() ? win : null;
  return {
    frameUrl: frame ? frame.url : null,
    // Compared by frame tree node id rather than object identity: wrappers are not promised to be unique.
    isMainFrame:
      frame !== null &&
      frame.parent === null &&
      live !== null &&
      frame.frameTreeNodeId === live.webContents.mainFrame.frameTreeNodeId,
    senderId: event.sender.id,
    mainWindowId: live ? live.webContents.id : null,
  };
}
