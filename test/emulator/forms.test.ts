import { FORM_NO_ACCESS_ERROR, STRICT, loadScript } from '../../local/emulator';
import type { WorkspaceOptions } from '../../local/emulator';

/**
 * Google Forms as the emulator plays it, under STRICT (the default) and, where Google leaves a behaviour
 * open, under the other reading too. Sources are cited per test; FIDELITY-FORMS-SHEETS.md has the quotes.
 */
const SCRIPT = `
  function makeForm(title) {
    var form = FormApp.create(title || 'Round');
    form.addTextItem().setTitle('Name').setRequired(true);
    form.addTextItem().setTitle('Rice, kg');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
    form.setAllowResponseEdits(true);
    return form.getId();
  }
  function publish(id, on) { FormApp.openById(id).setPublished(on); }
  function state(id) { var f = FormApp.openById(id); return { published: f.isPublished(), accepting: f.isAcceptingResponses() }; }
  function open(id) { return FormApp.openById(id).getTitle(); }
  function share(id, who) { FormApp.openById(id).addEditor(who); }
  function unshare(id, who) { FormApp.openById(id).removeEditor(who); }
  function editors(id) { return FormApp.openById(id).getEditors().map(function (u) { return u.getEmail(); }); }
  function collect(id, type) { FormApp.openById(id).setEmailCollectionType(FormApp.EmailCollectionType[type]); }
  function collectOld(id, on) { var f = FormApp.openById(id); f.setCollectEmail(on); return [String(f.getEmailCollectionType()), f.collectsEmail()]; }
  function rebuild(id) {
    var f = FormApp.openById(id);
    for (var i = f.getItems().length - 1; i >= 0; i--) f.deleteItem(i);
    f.addTextItem().setTitle('Name').setRequired(true);
    f.addTextItem().setTitle('Rice, kg');
  }
  function itemIds(id) { return FormApp.openById(id).getItems().map(function (i) { return i.getId(); }); }
  function rename(id, itemId, title) { FormApp.openById(id).getItemById(itemId).setTitle(title); }
  function answers(id, responseId) {
    var r = FormApp.openById(id).getResponse(responseId);
    return {
      url: r.getEditResponseUrl(),
      email: r.getRespondentEmail(),
      items: r.getItemResponses().map(function (ir) {
        var it = ir.getItem();
        return [it.getId(), it.getTitle(), String(it.getType()), ir.getResponse()];
      }),
    };
  }
  function responseCount(id) { return FormApp.openById(id).getResponses().length; }
  var events = [];
  function onSubmit_(e) { events.push({ values: e.values, namedValues: e.namedValues, row: e.range.getRow() }); }
  function installSubmit() { ScriptApp.newTrigger('onSubmit_').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create(); }
`;

const COORDINATOR = 'coordinator@example.org';
const VOLUNTEER = 'volunteer@example.org';

function setup(options: WorkspaceOptions = {}) {
  const loaded = loadScript(SCRIPT, { user: COORDINATOR, ...options });
  const ws = loaded.workspace;
  const id = ws.run<string>('makeForm');
  return { ...loaded, ws, id, form: ws.forms.byId(id)! };
}

function header(ws: ReturnType<typeof setup>['ws'], sheetId: number | null): unknown[] {
  const sheet = ws.spreadsheet.sheets.find((s) => s.id === sheetId)!;
  return sheet.proxy.getRange(1, 1, 1, sheet.proxy.getLastColumn()).getValues()[0];
}

describe('published forms (developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms)', () => {
  // "forms created by the API after June 30, 2026 will be created in an unpublished state. You must
  // publish the forms before they can accept responses."
  test('a form created after 30 June 2026 is unpublished and refuses a resident until setPublished(true)', () => {
    const { ws, id } = setup({ now: Date.UTC(2026, 10, 2, 9) });
    expect(ws.run('state', [id])).toEqual({ published: false, accepting: false });
    const refused = ws.submitForm(id, { answers: { Name: 'Anna' }, email: 'anna@example.org' });
    expect(refused).toMatchObject({ ok: false, reason: 'unpublished' });
    expect(ws.forms.byId(id)!.responses).toHaveLength(0);

    // publish-form guide, Apps Script sample: "Publish the form. This also enables accepting responses."
    ws.run('publish', [id, true]);
    expect(ws.run('state', [id])).toEqual({ published: true, accepting: true });
    expect(ws.submitForm(id, { answers: { Name: 'Anna' }, email: 'anna@example.org' }).ok).toBe(true);
  });

  test('a form created before the change is published; unpublishing forces "accepting" off', () => {
    const { ws, id } = setup({ now: Date.UTC(2026, 5, 1, 9) });
    expect(ws.run('state', [id])).toEqual({ published: true, accepting: true });
    // Forms API PublishState.isAcceptingResponses: "If is_published is set to false, this field is forced to false."
    ws.run('publish', [id, false]);
    expect(ws.run('state', [id])).toEqual({ published: false, accepting: false });
    expect(ws.submitForm(id, { answers: { Name: 'Anna' } })).toMatchObject({ ok: false, reason: 'unpublished' });
  });

  test('the cut-over date is a switch: a run can put it earlier or never', () => {
    const early = setup({ now: Date.UTC(2026, 0, 10), fidelity: { unpublishedFormsFrom: Date.UTC(2026, 0, 1) } });
    expect(early.ws.run('state', [early.id])).toEqual({ published: false, accepting: false });
    expect(STRICT.unpublishedFormsFrom).toBe(Date.UTC(2026, 6, 1));
  });
});

describe('who may open a form (developers.google.com/apps-script/reference/forms/form#addEditor(String))', () => {
  test("FormApp.openById refuses a user who is neither owner nor editor, with Apps Script's message", () => {
    const { ws, id } = setup();
    expect(() => ws.run('open', [id], { user: VOLUNTEER })).toThrow(FORM_NO_ACCESS_ERROR);
    ws.run('share', [id, VOLUNTEER]);
    expect(ws.run('open', [id], { user: VOLUNTEER })).toBe('Round');
    expect(ws.run('editors', [id])).toEqual([COORDINATOR, VOLUNTEER]);
    ws.run('unshare', [id, VOLUNTEER]);
    expect(() => ws.run('open', [id], { user: VOLUNTEER })).toThrow(FORM_NO_ACCESS_ERROR);
    // The old open-to-anyone reading stays available as a switch.
    const open = setup({ fidelity: { formAccess: 'anyone' } });
    expect(open.ws.run('open', [open.id], { user: VOLUNTEER })).toBe('Round');
  });
});

describe('email collection (Form.setEmailCollectionType, FormApp.EmailCollectionType)', () => {
  test('VERIFIED needs a Google account and records the account; the sheet has an Email Address column', () => {
    const { ws, id, form } = setup({ now: Date.UTC(2026, 5, 1) });
    ws.run('collect', [id, 'VERIFIED']);
    const noAccount = ws.submitForm(id, { answers: { Name: 'Nina' }, googleAccount: false });
    expect(noAccount).toMatchObject({ ok: false, reason: 'signIn' });
    const r = ws.submitForm(id, { answers: { Name: 'Anna' }, email: 'anna@gmail.com' });
    expect(r.ok).toBe(true);
    expect(header(ws, form.destinationSheetId)).toEqual(['Timestamp', 'Name', 'Rice, kg', 'Email Address']);
    const row = ws.spreadsheet.sheets
      .find((s) => s.id === form.destinationSheetId)!
      .proxy.getRange(2, 4)
      .getValue();
    expect(row).toBe('anna@gmail.com');
  });

  test('RESPONDER_INPUT lets a resident without an account type an address, which must look like one', () => {
    const { ws, id } = setup({ now: Date.UTC(2026, 5, 1) });
    ws.run('collect', [id, 'RESPONDER_INPUT']);
    expect(ws.submitForm(id, { answers: { Name: 'Nina' }, googleAccount: false, email: 'nina' })).toMatchObject({
      ok: false,
      errors: { 'Email Address': expect.any(String) },
    });
    const r = ws.submitForm(id, { answers: { Name: 'Nina' }, googleAccount: false, email: 'nina@mail.ru' });
    expect(r.ok).toBe(true);
    expect((ws.run('answers', [id, r.ok ? r.responseId : '']) as { email: string }).email).toBe('nina@mail.ru');
  });

  test('DO_NOT_COLLECT keeps no address and adds no column', () => {
    const { ws, id, form } = setup({ now: Date.UTC(2026, 5, 1) });
    ws.run('collect', [id, 'DO_NOT_COLLECT']);
    const r = ws.submitForm(id, { answers: { Name: 'Anna' }, email: 'anna@gmail.com' });
    expect((ws.run('answers', [id, r.ok ? r.responseId : '']) as { email: string }).email).toBe('');
    expect(header(ws, form.destinationSheetId)).toEqual(['Timestamp', 'Name', 'Rice, kg']);
  });

  test('the deprecated setCollectEmail(true) means VERIFIED (stricter) or RESPONDER_INPUT (switch)', () => {
    const strict = setup();
    expect(strict.ws.run('collectOld', [strict.id, true])).toEqual(['VERIFIED', true]);
    const loose = setup({ fidelity: { collectEmailMeans: 'RESPONDER_INPUT' } });
    expect(loose.ws.run('collectOld', [loose.id, true])).toEqual(['RESPONDER_INPUT', true]);
    expect(loose.ws.run('collectOld', [loose.id, false])).toEqual(['DO_NOT_COLLECT', false]);
  });
});

describe('a rebuilt form: columns and events (developers.google.com/apps-script/guides/triggers/events#form-submit)', () => {
  // namedValues: "An object containing the question names and values from the form submission";
  // values: "Array with values in the same order as they appear in the spreadsheet."
  test('re-added questions get new columns and new ids; namedValues holds one value per column of a title', () => {
    const { ws, id, form, context } = setup({ now: Date.UTC(2026, 5, 1) });
    ws.run('installSubmit');
    const oldIds = ws.run<number[]>('itemIds', [id]);
    ws.submitForm(id, { answers: { Name: 'Anna', 'Rice, kg': '2' } });
    ws.run('rebuild', [id]);
    const newIds = ws.run<number[]>('itemIds', [id]);
    expect(newIds.some((n) => oldIds.includes(n))).toBe(false);
    expect(header(ws, form.destinationSheetId)).toEqual(['Timestamp', 'Name', 'Rice, kg', 'Name', 'Rice, kg']);

    ws.submitForm(id, { answers: { Name: 'Boris', 'Rice, kg': '5' } });
    const event = context.events[1];
    expect(event.values).toHaveLength(5);
    expect(event.values.slice(1)).toEqual(['', '', 'Boris', '5']);
    expect(event.namedValues.Name).toEqual(['', 'Boris']);
    expect(event.namedValues['Rice, kg']).toEqual(['', '5']);

    // Under the "reuse" reading the old columns take the new questions.
    const reuse = setup({ now: Date.UTC(2026, 5, 1), fidelity: { rebuiltItemColumns: 'reuse' } });
    reuse.ws.run('installSubmit');
    reuse.ws.run('rebuild', [reuse.id]);
    reuse.ws.submitForm(reuse.id, { answers: { Name: 'Boris', 'Rice, kg': '5' } });
    expect(header(reuse.ws, reuse.form.destinationSheetId)).toEqual(['Timestamp', 'Name', 'Rice, kg']);
    expect(reuse.context.events[0].namedValues.Name).toEqual(['Boris']);
  });

  test('an edited response: the row is rewritten whole, the event carries blanks for unchanged answers (strict) or all (switch)', () => {
    const { ws, id, form, context } = setup({ now: Date.UTC(2026, 5, 1) });
    ws.run('installSubmit');
    const first = ws.submitForm(id, { answers: { Name: 'Anna', 'Rice, kg': '2' } });
    if (!first.ok) throw new Error('submit failed');
    ws.submitForm(id, { answers: { Name: 'Anna', 'Rice, kg': '3' }, editResponseId: first.responseId });
    const edit = context.events[1];
    expect(edit.row).toBe(first.row);
    expect(edit.namedValues).toMatchObject({ Name: [''], 'Rice, kg': ['3'] });
    const sheet = ws.spreadsheet.sheets.find((s) => s.id === form.destinationSheetId)!;
    expect(sheet.proxy.getRange(first.row, 2, 1, 2).getValues()[0]).toEqual(['Anna', 3]);

    // Under the "full" reading the edit's event carries every answer.
    const full = setup({ now: Date.UTC(2026, 5, 1), fidelity: { editedResponseEvent: 'full' } });
    full.ws.run('installSubmit');
    const again = full.ws.submitForm(full.id, { answers: { Name: 'Anna', 'Rice, kg': '2' } });
    full.ws.submitForm(full.id, { answers: { Name: 'Anna', 'Rice, kg': '3' }, editResponseId: again.ok ? again.responseId : '' });
    expect(full.context.events[1].namedValues).toMatchObject({ Name: ['Anna'], 'Rice, kg': ['3'] });
  });
});

describe('FormResponse by item id (developers.google.com/apps-script/reference/forms/form-response)', () => {
  test("getItemResponses names each answer's item by a stable id, also after the question is renamed", () => {
    const { ws, id } = setup({ now: Date.UTC(2026, 5, 1) });
    const [nameId, riceId] = ws.run<number[]>('itemIds', [id]);
    const r = ws.submitForm(id, { answers: {}, answersByItem: { [nameId]: 'Anna', [riceId]: '2,5' } });
    if (!r.ok) throw new Error('submit failed');
    ws.run('rename', [id, riceId, 'Рис, кг']);
    const seen = ws.run<{ url: string; items: unknown[][] }>('answers', [id, r.responseId]);
    expect(seen.url).toBe(r.editUrl);
    expect(seen.items).toEqual([
      [nameId, 'Name', 'TEXT', 'Anna'],
      [riceId, 'Рис, кг', 'TEXT', '2,5'],
    ]);
    expect(ws.run('responseCount', [id])).toBe(1);
  });

  test('answers to a deleted question are no longer item responses', () => {
    const { ws, id } = setup({ now: Date.UTC(2026, 5, 1) });
    const r = ws.submitForm(id, { answers: { Name: 'Anna', 'Rice, kg': '2' } });
    ws.run('rebuild', [id]);
    expect(ws.run<{ items: unknown[] }>('answers', [id, r.ok ? r.responseId : '']).items).toEqual([]);
  });
});
