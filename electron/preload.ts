/**
 * Sandboxed preload: exposes `window.workstation` — domain objects with one verb per contract
 * operation — through contextBridge. The page never sees ipcRenderer; every verb sends on the one
 * call channel, and a failed invoke becomes an error result instead of a rejected promise.
 * Bundled by esbuild with only `electron` external (a sandboxed preload cannot require packages).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { opNames } from '../native/api/contract';
import type { ApiResult } from '../native/api/types';
import { buildBridge } from './bridge-builder';
import { CALL_CHANNEL } from './call-channel';

const bridge = buildBridge(opNames, async (op, input, session) => {
  try {
    return (await ipcRenderer.invoke(CALL_CHANNEL, op, input, session)) as ApiResult<unknown>;
  } catch (err) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The call ${op} did not reach the engine: ${String(err)}` },
    };
  }
});

contextBridge.exposeInMainWorld('workstation', bridge);
