/** The one IPC channel between preload and main: every engine call goes through it. */
export const CALL_CHANNEL = 'workstation:call';
