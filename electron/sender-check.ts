/**
 * Decides whether an IPC message may reach the engine. Pure, so the rule is tested without
 * Electron: electron/ipc.ts gathers the facts from the event and the main window.
 */
import { isAppUrl } from './app-origin';

/** What the main process knows about who sent an IPC message. */
export interface SenderFacts {
  /** URL of the sending frame; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** True when the sending frame is the main window's main (top-level) frame. */
  isMainFrame: boolean;
  /** webContents id of the sender. */
  senderId: number;
  /** webContents id of the main window, or null when there is no live main window. */
  mainWindowId: number | null;
}

/**
 * Trusted only when the message comes from the main window's top frame showing the workstation UI
 * (`app://workstation`). Subframes, other windows, foreign origins and vanished frames are refused.
 * Returns the reason for a refusal (for the log), or undefined when trusted.
 */
export function senderRefusal(facts: SenderFacts): string | undefined {
  if (facts.mainWindowId === null) return 'there is no main window';
  if (facts.senderId !== facts.mainWindowId) return `webContents ${facts.senderId} is not the main window`;
  if (facts.frameUrl === null) return 'the sending frame no longer exists';
  if (!facts.isMainFrame) return "the sender is not the main window's main frame";
  if (!isAppUrl(facts.frameUrl)) return `the sender's origin is not app://workstation (${facts.frameUrl})`;
  return undefined;
}

/** Convenience form of {@link senderRefusal}. */
export function isTrustedSender(facts: SenderFacts): boolean {
  return senderRefusal(facts) === undefined;
}
