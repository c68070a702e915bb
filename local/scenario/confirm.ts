import { Workspace } from '../emulator';
import { Confirmation, isConfirmation } from '../../src/core/confirm';

/**
 * What cannot be undone asks first (src/core/confirm.ts): the call answers with a question and a token,
 * and does it only when called again with the token. Where each such entry point takes the token: the
 * argument after its own.
 */
export const CONFIRM_ARGUMENT: Readonly<Record<string, number>> = {
  closeRound: 1,
  cancelRound: 2,
  extendDeadline: 2,
  recordReceipt: 2,
  settleRound: 1,
  purgePersonalData: 1,
  archiveRound: 1,
  sendThankYou: 1,
  decideComplaint: 1,
};

/**
 * Runs an entry point the way a person who answers "yes" would: when it asks, `onQuestion` hears the
 * question and the call is made again with its token.
 */
export function runConfirmed<T>(
  ws: Workspace,
  name: string,
  args: unknown[] = [],
  options: { user?: string; onQuestion?: (question: string) => void } = {},
): T {
  const first = ws.run<T | Confirmation>(name, args, { user: options.user });
  const at = CONFIRM_ARGUMENT[name];
  if (!isConfirmation(first) || at === undefined) return first as T;
  options.onQuestion?.(first.confirm.question);
  const again = [...args];
  while (again.length < at) again.push(undefined);
  again[at] = first.confirm.token;
  return ws.run<T>(name, again, { user: options.user });
}
