import {
  LoadedAddOn,
  SCOPE,
  TOO_MANY_TRIGGERS_ERROR,
  TRIGGER_RUNTIME_ERROR,
  Workspace,
  WorkspaceOptions,
  loadScript,
} from '../../local/emulator';

// One script project behind several files (a published editor add-on), the two deployments, locks,
// trigger rules and the daily trigger runtime. Pages are cited per test; FIDELITY.md lists them all.

const HOUR = 3600_000;

const SCRIPT = `
  var seen = [];
  function holdScriptLockAndLetOthersTry() {
    var lock = LockService.getScriptLock(); lock.waitLock(1000);
    var doc = LockService.getDocumentLock(); doc.waitLock(1000);
    return otherCommunity();
  }
  function tryLocks() { return [LockService.getScriptLock().tryLock(5000), LockService.getDocumentLock().tryLock(5000)]; }
  function writeProps(v) {
    PropertiesService.getScriptProperties().setProperty('s', v);
    PropertiesService.getDocumentProperties().setProperty('d', v);
    PropertiesService.getUserProperties().setProperty('u', v);
  }
  function readProps() {
    return [PropertiesService.getScriptProperties().getProperty('s'), PropertiesService.getDocumentProperties().getProperty('d'),
      PropertiesService.getUserProperties().getProperty('u')];
  }
  function installTick() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
  function tick() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    seen.push({ ss: ss && ss.getId(), lock: LockService.getDocumentLock() !== null, props: PropertiesService.getDocumentProperties() !== null });
  }
  function sourceIds() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getTriggerSourceId(); }); }
  function userTriggers() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map(function (t) { return String(t.getEventType()); }); }
  function installAll() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    ScriptApp.newTrigger('tick').forSpreadsheet(ss).onFormSubmit().create();
    ScriptApp.newTrigger('tick').forSpreadsheet(ss).onOpen().create();
    ScriptApp.newTrigger('tick').forSpreadsheet(ss).onEdit().create();
    ScriptApp.newTrigger('tick').forSpreadsheet(ss).onChange().create();
  }
  function everyMinutes(n) { ScriptApp.newTrigger('tick').timeBased().everyMinutes(n).create(); }
  function openOther(id) { return SpreadsheetApp.openById(id).getName(); }
  function slowTick() { Utilities.sleep(350 * 1000); }
  function installSlowTick() { ScriptApp.newTrigger('slowTick').timeBased().everyHours(1).create(); }
`;

function community(options: WorkspaceOptions = {}): LoadedAddOn {
  return loadScript(SCRIPT, options);
}

describe('a published add-on is one project for every community (https://developers.google.com/apps-script/reference/lock/lock-service)', () => {
  test("two communities' executions contend on the script lock but not on document locks", () => {
    const a = community();
    const b = loadScript(SCRIPT, { project: a.workspace.project, spreadsheetName: 'Other community' });
    // While A holds both locks, B runs (another execution of the same add-on, another file).
    a.context.otherCommunity = () => b.workspace.run('tryLocks');
    expect(a.workspace.run('holdScriptLockAndLetOthersTry')).toEqual([false, true]);
    // Once A's execution has ended, B gets the script lock at once.
    expect(b.workspace.run('tryLocks')).toEqual([true, true]);
  });

  test('a bound script has its own lock: the same two runs do not contend', () => {
    const a = community({ deployment: 'bound' });
    const b = community({ deployment: 'bound', seed: 7 });
    a.context.otherCommunity = () => b.workspace.run('tryLocks');
    expect(a.workspace.run('holdScriptLockAndLetOthersTry')).toEqual([true, true]);
    expect(() => Workspace.sharing(a.workspace.project)).toThrow('a bound script belongs to one spreadsheet');
  });

  test('script and user properties are shared across files, document properties are not (guides/properties)', () => {
    const a = community();
    const b = loadScript(SCRIPT, { project: a.workspace.project });
    a.workspace.run('writeProps', ['from A']);
    expect(b.workspace.run('readProps')).toEqual(['from A', null, 'from A']);
    expect(b.workspace.run('readProps', [], { user: 'other@example.org' })).toEqual(['from A', null, null]);
  });
});

describe('time-driven runs have no open file (Fidelity.clockActiveDocument)', () => {
  test('strict: in an add-on, no active spreadsheet, no document lock, no document properties (reference/lock/lock-service#getDocumentLock(), reference/properties/properties-service#getDocumentProperties())', () => {
    const { workspace: ws, context } = community();
    ws.run('installTick');
    ws.advance(2 * HOUR);
    expect(context.seen[0]).toEqual({ ss: null, lock: false, props: false });
  });

  test("the other reading: the file the trigger was created in (what the add-on's tick relies on today)", () => {
    const { workspace: ws, context } = community({ fidelity: { clockActiveDocument: 'container' } });
    ws.run('installTick');
    ws.advance(2 * HOUR);
    expect(context.seen[0]).toEqual({ ss: ws.documentId, lock: true, props: true });
  });

  test('a bound script\'s tick has its container, whatever the add-on reading ("only available to bound scripts run from … triggers": guides/bound#special_methods)', () => {
    const { workspace: ws, context } = community({ deployment: 'bound' });
    ws.run('installTick');
    ws.advance(2 * HOUR);
    expect(context.seen[0]).toEqual({ ss: ws.documentId, lock: true, props: true });
  });

  test('openById reaches another community only with the spreadsheets scope (reference/spreadsheet/spreadsheet-app#openById(String))', () => {
    const a = community({ oauthScopes: [SCOPE.spreadsheetsCurrentOnly] });
    const b = loadScript(SCRIPT, { project: a.workspace.project, spreadsheetName: 'Other community' });
    expect(() => a.workspace.run('openOther', [b.workspace.documentId])).toThrow(
      'Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    const c = community({ oauthScopes: [SCOPE.spreadsheets] });
    const d = loadScript(SCRIPT, { project: c.workspace.project, spreadsheetName: 'Other community' });
    expect(c.workspace.run('openOther', [d.workspace.documentId])).toBe('Other community');
    expect(() => c.workspace.run('openOther', ['no-such-id'])).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });
});

describe('triggers (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, guides/triggers/installable)', () => {
  test('a clock trigger has no source document: getTriggerSourceId() is null (reference/script/trigger#getTriggerSourceId())', () => {
    const { workspace: ws } = community();
    ws.run('installTick');
    expect(ws.run('sourceIds')).toEqual([null]);
  });

  test('getUserTriggers(spreadsheet) leaves out clock triggers (strict); the other reading lists them', () => {
    const strict = community().workspace;
    strict.run('installAll');
    expect(strict.run<string[]>('userTriggers').sort()).toEqual(['ON_CHANGE', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_OPEN']);
    const lenient = community({ fidelity: { userTriggersListClock: true } }).workspace;
    lenient.run('installAll');
    expect(lenient.run<string[]>('userTriggers')).toContain('CLOCK');
  });

  test('an add-on: one trigger of each type per user per document, 20 per user across all its documents (guides/services/quotas)', () => {
    const first = community();
    const files = [first, ...[1, 2, 3, 4].map(() => loadScript(SCRIPT, { project: first.workspace.project }))];
    for (const f of files.slice(0, 4)) f.workspace.run('installAll'); // 4 files × 5 types = 20
    expect(() => first.workspace.run('installTick')).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(() => files[4].workspace.run('installTick')).toThrow(TOO_MANY_TRIGGERS_ERROR);
    // Another coordinator has their own 20.
    expect(() => files[4].workspace.run('installTick', [], { user: 'other@example.org' })).not.toThrow();
  });

  test('a bound script may add several clock triggers, every 1, 5, 10, 15 or 30 minutes (reference/script/clock-trigger-builder#everyMinutes(Integer))', () => {
    const { workspace: ws } = community({ deployment: 'bound' });
    ws.run('everyMinutes', [5]);
    ws.run('everyMinutes', [15]);
    expect(() => ws.run('everyMinutes', [7])).toThrow('everyMinutes must be one of 1, 5, 10, 15 or 30');
    expect(() => community().workspace.run('everyMinutes', [5])).toThrow('at most once per hour');
  });
});

describe('daily trigger runtime: 90 min a day on a consumer account, 6 h on Workspace (https://developers.google.com/apps-script/guides/services/quotas)', () => {
  test('past the quota a trigger run fails with "Service using too much computer time for one day"; it comes back 24 h later', () => {
    const { workspace: ws } = community();
    ws.run('installSlowTick');
    const runs = ws.advance(19 * HOUR);
    const failed = runs.filter((r) => r.error === TRIGGER_RUNTIME_ERROR);
    // 350 s a run: 15 runs use 87.5 min, the 16th is cut at 90 and the rest fail at once.
    expect(runs.slice(0, 15).every((r) => r.error === undefined)).toBe(true);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(ws.triggerMinutesToday()).toBeGreaterThanOrEqual(90);
    expect(ws.triggerMinutesToday()).toBeLessThan(91);
    ws.advance(6 * HOUR);
    const later = ws.advance(2 * HOUR);
    expect(later.every((r) => r.error === undefined)).toBe(true);
  });

  test('a Workspace account has 6 hours: the same day runs through', () => {
    const { workspace: ws } = community({ account: 'workspace' });
    ws.run('installSlowTick');
    expect(ws.advance(17 * HOUR).every((r) => r.error === undefined)).toBe(true);
    expect(ws.triggerMinutesToday()).toBeGreaterThan(90);
  });

  test("runs a user starts from the editor do not count; another user's triggers have their own quota", () => {
    const { workspace: ws } = community();
    ws.run('slowTick');
    expect(ws.triggerMinutesToday()).toBe(0);
  });
});
