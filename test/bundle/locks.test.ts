import { Workspace } from '../../local/emulator';
import { loadAddOn } from '../harness/bundle';
import { openCommunity } from '../harness/community';

// Issue 12, item 3. A published Editor add-on is one script project for every community: "A code section
// guarded by a script lock cannot be executed simultaneously regardless of the identity of the user", while
// a document lock "can be executed simultaneously by script instances running in the context of different
// documents" (https://developers.google.com/apps-script/reference/lock/lock-service).

/** Runs `other` in the middle of `ws`'s next execution, at its first write to a sheet (a lock is held then). */
function duringNextWrite(ws: Workspace, other: () => unknown): { result?: unknown; error?: string } {
  const seen: { result?: unknown; error?: string } = {};
  const inner = ws.runtime.interceptor;
  let done = false;
  ws.runtime.interceptor = {
    beforeCall(runtime, service, method) {
      inner?.beforeCall(runtime, service, method);
      if (done || method !== 'Range.setValues') return;
      done = true;
      try {
        seen.result = other();
      } catch (err) {
        seen.error = (err as Error).message;
      }
    },
  };
  return seen;
}

test('two communities sharing one add-on project never wait for each other', () => {
  const a = openCommunity();
  const b = loadAddOn({ project: a.ws.project, spreadsheetName: 'Другое сообщество' }).workspace;
  b.session.locales.set(b.owner, 'ru_RU');
  b.run('setUpCommunity');
  const startedAt = a.ws.clock.now();
  // While community A's coordinator saves an order (its lock held), community B's coordinator sets up again.
  const seen = duringNextWrite(a.ws, () => b.run('setUpCommunity'));
  a.ws.run('saveOfflineOrder', [{ roundId: a.roundId, name: 'Нина', quantities: { EGGS: '1' } }]);
  expect(seen).toEqual({ result: { created: [], problems: false } });
  // Nobody waited for a lock: the clock moved by service latencies only, never by a 30-second wait.
  expect(a.ws.clock.now() - startedAt).toBeLessThan(30_000);
});

test('within one community an action still waits for another execution holding its lock, and then says so', () => {
  const a = openCommunity();
  a.ws.locks.holdElsewhere('document', 5 * 60_000);
  expect(() => a.ws.run('saveOfflineOrder', [{ roundId: a.roundId, name: 'Нина', quantities: { EGGS: '1' } }])).toThrow(
    'Сейчас выполняется другое действие. Попробуйте через минуту.',
  );
});
