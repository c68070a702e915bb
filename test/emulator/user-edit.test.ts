import { INVALID_INPUT_ERROR, PROTECTED_CELL_ERROR, loadScript } from '../../local/emulator';
import type { WorkspaceOptions } from '../../local/emulator';

/**
 * People editing the sheet (a volunteer ticking "handed out" from the Sheets mobile app) and the edit
 * triggers that follow, after https://developers.google.com/apps-script/guides/triggers/events#edit:
 * authMode, oldValue ("Only available if the edited range is a single cell. Is undefined if the cell had
 * no previous content."), range, source, triggerUid ("installable triggers only"), user ("if available
 * (depending on a complex set of security restrictions)"), value ("Only available if the edited range is
 * a single cell.").
 */
const OWNER = 'coordinator@example.org';
const VOLUNTEER = 'volunteer@example.org';

const SCRIPT = `
  var seen = [];
  function record_(kind, e) {
    seen.push({
      kind: kind,
      a1: e.range.getA1Notation(),
      sheet: e.range.getSheet().getName(),
      value: e.value,
      oldValue: e.oldValue,
      hasValue: 'value' in e,
      hasOld: 'oldValue' in e,
      user: e.user ? e.user.getEmail() : null,
      authMode: String(e.authMode),
      triggerUid: e.triggerUid,
      source: e.source.getId(),
      runAs: Session.getActiveUser().getEmail(),
    });
  }
  function onHandout_(e) { record_('installable', e); }
  function install() { return ScriptApp.newTrigger('onHandout_').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create().getUniqueId(); }
  function prepare() {
    var s = SpreadsheetApp.getActive().insertSheet('Handout');
    s.getRange('A1:C1').setValues([['Flat', 'Name', 'Given']]);
    s.getRange('C2:C20').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    s.getRange('C2:C20').setValue(false);
    return s.getSheetId();
  }
  function lockNames(warningOnly) {
    var p = SpreadsheetApp.getActive().getSheetByName('Handout').getRange('A2:B20').protect().setDescription('names');
    p.removeEditors(p.getEditors());
    p.setWarningOnly(!!warningOnly);
    return p.getEditors().map(function (u) { return u.getEmail(); });
  }
  function allow(who) { SpreadsheetApp.getActive().getSheetByName('Handout').getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].addEditor(who); }
  function domainEdit() { SpreadsheetApp.getActive().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].setDomainEdit(true); }
  function canEdit() { return SpreadsheetApp.getActive().getSheetByName('Handout').getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].canEdit(); }
  function scriptWrite() { SpreadsheetApp.getActive().getSheetByName('Handout').getRange('B2').setValue('x'); }
  function read(a1) { return SpreadsheetApp.getActive().getSheetByName('Handout').getRange(a1).getValues(); }
`;

const SIMPLE = `
  function onEdit(e) { record_('simple', e); }
`;

function setup(options: WorkspaceOptions = {}, withSimple = false) {
  const { workspace: ws, context } = loadScript(SCRIPT + (withSimple ? SIMPLE : ''), { user: OWNER, ...options });
  ws.run('prepare');
  return { ws, context, uid: ws.run<string>('install') };
}

describe('a person edits a cell; the installable edit trigger runs as its owner', () => {
  test('ticking a checkbox stores TRUE and the event carries the cell, its old and new value as text', () => {
    const { ws, context, uid } = setup();
    const result = ws.edit(VOLUNTEER, 'Handout', 'C2', true);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(ws.run('read', ['C2'])).toEqual([[true]]);
    expect(context.seen).toEqual([
      {
        kind: 'installable',
        a1: 'C2',
        sheet: 'Handout',
        value: 'TRUE',
        oldValue: 'FALSE',
        hasValue: true,
        hasOld: true,
        user: '',
        authMode: 'FULL',
        triggerUid: uid,
        source: ws.spreadsheet.id,
        runAs: OWNER,
      },
    ]);
  });

  test("e.user is the editor's address when the editor owns the trigger, or under the same-domain reading", () => {
    const own = setup();
    own.ws.edit(OWNER, 'Handout', 'B2', 'Анна');
    expect(own.context.seen[0]).toMatchObject({ user: OWNER, value: 'Анна', hasOld: false });
    const domain = setup({ fidelity: { editEventUser: 'email' } });
    domain.ws.edit(VOLUNTEER, 'Handout', [2, 3], true);
    expect(domain.context.seen[0].user).toBe(VOLUNTEER);
  });

  test('a pasted block fires once, with no value or oldValue', () => {
    const { ws, context } = setup();
    ws.paste(VOLUNTEER, 'Handout', 'A2', [
      ['12', 'Анна'],
      ['14', 'Борис'],
    ]);
    expect(context.seen).toHaveLength(1);
    expect(context.seen[0]).toMatchObject({ a1: 'A2:B3', hasValue: false, hasOld: false });
    expect(ws.run('read', ['A2:B3'])).toEqual([
      [12, 'Анна'],
      [14, 'Борис'],
    ]);
  });

  test('a checkbox refuses anything but TRUE/FALSE when the rule rejects invalid input, and nothing fires', () => {
    const { ws, context } = setup();
    expect(ws.edit(VOLUNTEER, 'Handout', 'C3', 'yes')).toMatchObject({ ok: false, error: INVALID_INPUT_ERROR });
    expect(ws.run('read', ['C3'])).toEqual([[false]]);
    expect(context.seen).toHaveLength(0);
  });

  test('a script writing a cell fires no edit trigger ("Script executions and API requests do not cause triggers to run")', () => {
    const { ws, context } = setup();
    ws.run('scriptWrite');
    expect(context.seen).toHaveLength(0);
    ws.edit(OWNER, 'Handout', 'B2', 'y');
    expect(context.seen).toHaveLength(1);
  });
});

describe('the simple onEdit(e) (developers.google.com/apps-script/guides/triggers#onedite)', () => {
  test('runs as the person editing in AuthMode.LIMITED, without triggerUid, and hides their address', () => {
    const { ws, context } = setup({}, true);
    ws.edit(VOLUNTEER, 'Handout', 'C4', true);
    const simple = context.seen.find((s: { kind: string }) => s.kind === 'simple');
    // Session.getActiveUser() is blank in a simple trigger too: "not available in any context that allows a script
    // to run without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger" (reference/base/user).
    expect(simple).toMatchObject({ authMode: 'LIMITED', user: '', runAs: '', value: 'TRUE' });
    expect(simple.triggerUid).toBeUndefined();
    expect(context.seen.map((s: { kind: string }) => s.kind)).toEqual(['simple', 'installable']);
    expect(ws.executions.at(-2)).toMatchObject({ functionName: 'onEdit', cause: 'simple:onEdit', user: VOLUNTEER });
  });
});

describe('protected ranges (developers.google.com/apps-script/reference/spreadsheet/protection)', () => {
  test('a volunteer who is not an editor of a protected range is refused, nothing is written and nothing fires', () => {
    const { ws, context } = setup();
    // removeEditors: "Neither the owner of the spreadsheet nor the current user can be removed."
    expect(ws.run('lockNames')).toEqual([OWNER]);
    expect(ws.edit(VOLUNTEER, 'Handout', 'B2', 'Мария')).toMatchObject({ ok: false, error: PROTECTED_CELL_ERROR });
    expect(ws.run('read', ['B2'])).toEqual([['']]);
    expect(context.seen).toHaveLength(0);
    // The unprotected checkbox column still works, and the owner can always edit.
    expect(ws.edit(VOLUNTEER, 'Handout', 'C2', true).ok).toBe(true);
    expect(ws.edit(OWNER, 'Handout', 'B2', 'Мария').ok).toBe(true);
  });

  test('a script running as that volunteer is refused the same way; addEditor lets them in', () => {
    const { ws } = setup();
    ws.run('lockNames');
    expect(() => ws.run('scriptWrite', [], { user: VOLUNTEER })).toThrow(PROTECTED_CELL_ERROR);
    expect(ws.run('canEdit', [], { user: VOLUNTEER })).toBe(false);
    ws.run('allow', [VOLUNTEER]);
    expect(ws.run('canEdit', [], { user: VOLUNTEER })).toBe(true);
    expect(ws.edit(VOLUNTEER, 'Handout', 'B2', 'Мария').ok).toBe(true);
  });

  test('a warning-only protection lets the edit through after its prompt', () => {
    const { ws, context } = setup();
    ws.run('lockNames', [true]);
    const r = ws.edit(VOLUNTEER, 'Handout', 'B2', 'Мария');
    expect(r).toMatchObject({ ok: true, warnings: ['names'] });
    expect(context.seen).toHaveLength(1);
  });

  test("setDomainEdit(true) opens the range to the owner's domain only", () => {
    const { ws } = setup();
    ws.run('lockNames');
    ws.run('domainEdit');
    expect(ws.edit(VOLUNTEER, 'Handout', 'B2', 'Мария').ok).toBe(true);
    expect(ws.edit('stranger@gmail.com', 'Handout', 'B3', 'Х')).toMatchObject({ ok: false, error: PROTECTED_CELL_ERROR });
  });
});
