import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCOPE } from '../../local/emulator';
import { scopesOf } from '../../local/emulator/authorization';
import { DIST } from '../harness/bundle';
import { HOUR, openCommunity, submit } from '../harness/community';

// Issue 12, item 1. Explicit oauthScopes are all the script gets
// (https://developers.google.com/apps-script/concepts/scopes: "Published applications, such as add-ons,
// must use the narrowest scopes possible"), so the manifest must hold every scope the add-on calls and
// nothing it does not.

const manifestScopes = (): string[] =>
  (JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] }).oauthScopes;

/** A round from set-up to bills, as the add-on runs it for a coordinator and its residents. */
function aWholeRound() {
  const c = openCommunity({ deadlineInHours: 3 });
  submit(c, { name: 'Анна', items: { RICE: '2' } });
  c.ws.run('saveOfflineOrder', [{ roundId: c.roundId, name: 'Нина', quantities: { EGGS: '1' } }]);
  c.ws.advance(4 * HOUR);
  c.ws.run('showSidebar');
  c.ws.run('roundsScreen');
  c.ws.run('sendQueuedEmails');
  return c;
}

test('the add-on declares who is calling (userinfo.email): every action asks Session.getActiveUser for roles', () => {
  expect(manifestScopes()).toContain(SCOPE.userinfoEmail);
  const c = openCommunity();
  expect(() => c.ws.run('setUpCommunity')).not.toThrow();
});

test('least privilege: each declared scope is the only one some call of a whole round can use', () => {
  const c = aWholeRound();
  const declared = manifestScopes();
  const called = Object.keys(c.ws.calls.snapshot()).filter((m) => scopesOf(m).length);
  for (const method of called) expect([method, scopesOf(method).some((s) => declared.includes(s))]).toEqual([method, true]);
  for (const scope of declared) {
    const others = declared.filter((s) => s !== scope);
    const needs = called.filter((m) => !scopesOf(m).some((s) => others.includes(s)));
    expect([scope, needs.length > 0]).toEqual([scope, true]);
  }
  expect(declared).not.toContain(SCOPE.spreadsheets);
  expect(declared.join(' ')).not.toMatch(/gmail|drive|external_request/);
});

test('a whole round runs with the manifest as the only grant: no execution is refused a scope', () => {
  const c = aWholeRound();
  expect(c.ws.executions.filter((e) => /not sufficient|permission/.test(e.error ?? ''))).toEqual([]);
});
