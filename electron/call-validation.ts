/**
 * Validates an IPC call against the API contract before it leaves the main process: the op name
 * must be in the contract and the input must pass its zod schema. The engine validates again;
 * this gate keeps junk (unknown ops, stray keys, huge strings) off the utility-process channel.
 */
import { contract, opNames, type OpName } from '../native/api/contract';
import type { ErrorInfo } from '../native/core/errors';

export type ValidatedCall =
  { ok: true; op: OpName; input: unknown; session: string | undefined } | { ok: false; error: ErrorInfo };

const known = new Set<string>(opNames);

/**
 * Checks `op`, `input` and `session` as they arrived from the renderer. On success `input` is the
 * schema's parsed output (unknown keys stripped, defaults filled), which is still valid input.
 */
export function validateCall(op: unknown, input: unknown, session: unknown): ValidatedCall {
  if (typeof op !== 'string' || !known.has(op)) {
    const shown = typeof op === 'string' ? `"${op.slice(0, 80)}"` : typeof op;
    return bad(
      'op',
      `Unknown operation ${shown}.`,
      'The UI and the engine disagree on the API; reinstall the workstation.',
    );
  }
  if (session !== undefined && session !== null && (typeof session !== 'string' || session.length > 512)) {
    return bad('session', 'The session token must be a string of at most 512 characters.', 'Sign in again.');
  }
  const name = op as OpName;
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    const what = issue?.message ?? 'invalid input';
    return bad(
      field,
      `Invalid input for ${name}: ${field}: ${what}.`,
      'Correct the highlighted field and try again.',
    );
  }
  return {
    ok: true,
    op: name,
    input: parsed.data,
    session: typeof session === 'string' ? session : undefined,
  };
}

function bad(field: string, message: string, hint: string): ValidatedCall {
  return { ok: false, error: { code: 'BAD_INPUT', message, field, hint } };
}
