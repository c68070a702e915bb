import { loadScript } from '../../local/emulator';

/**
 * A response made by a script (Form.createResponse, Item.createResponse, FormResponse.withItemResponse) and
 * the prefilled link it gives (FormResponse.toPrefilledUrl), then a resident opening that link and
 * submitting. Pages: developers.google.com/apps-script/reference/forms/form#createResponse(),
 * …/forms/form-response (withItemResponse, toPrefilledUrl), …/forms/list-item#createResponse(String),
 * …/forms/text-item#createResponse(String), …/utilities/utilities#computeHmacSha256Signature(String,String).
 */
const SCRIPT = `
  function makeForm() {
    var form = FormApp.create('Complaints');
    form.addTextItem().setTitle('Code').setRequired(true);
    form.addListItem().setTitle('Item').setChoiceValues(['Eggs', 'Rice']).setRequired(true);
    form.addTextItem().setTitle('How many')
      .setValidation(FormApp.createTextValidation().requireTextMatchesPattern('\\\\d+').setHelpText('A number').build());
    form.addParagraphTextItem().setTitle('What is wrong');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
    return form.getId();
  }
  function items(id) { return FormApp.openById(id).getItems().map(function (i) { return i.getId(); }); }
  function prefill(id, code, item) {
    var form = FormApp.openById(id);
    var all = form.getItems();
    var r = form.createResponse().withItemResponse(all[0].asTextItem().createResponse(code));
    if (item) r = r.withItemResponse(all[1].asListItem().createResponse(item));
    return { url: r.toPrefilledUrl(), id: r.getId(), answers: r.getItemResponses().map(function (x) { return x.getResponse(); }) };
  }
  function twice(id) {
    var form = FormApp.openById(id);
    var code = form.getItems()[0].asTextItem();
    return form.createResponse().withItemResponse(code.createResponse('first')).withItemResponse(code.createResponse('second')).toPrefilledUrl();
  }
  function foreign(id) {
    var other = FormApp.create('Other');
    var q = other.addTextItem().setTitle('Code');
    return FormApp.openById(id).createResponse().withItemResponse(q.createResponse('x')).toPrefilledUrl();
  }
  function hmac(value, key) { return Utilities.computeHmacSha256Signature(value, key); }
  var events = [];
  function onSubmit_(e) { events.push(e.values); }
  function installSubmit() { ScriptApp.newTrigger('onSubmit_').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create(); }
  function seen() { return events; }
`;

function setup() {
  const { workspace: ws } = loadScript(SCRIPT, { user: 'coordinator@example.org', now: Date.UTC(2026, 5, 1, 9) });
  const id = ws.run<string>('makeForm');
  return { ws, id };
}

describe('a prefilled response (developers.google.com/apps-script/reference/forms/form-response)', () => {
  test('toPrefilledUrl: the viewform page with usp=pp_url and entry.N per answered question, N not the item id', () => {
    const { ws, id } = setup();
    const made = ws.run<{ url: string; id: string | null; answers: string[] }>('prefill', [id, 'R1 ab&c', 'Eggs']);
    const [codeId, itemId] = ws.run<number[]>('items', [id]);
    expect(made.url).toMatch(
      new RegExp(
        `^https://docs\\.google\\.com/forms/d/e/${id}/viewform\\?usp=pp_url&entry\\.\\d+=R1\\+ab%26c&entry\\.\\d+=Eggs$`,
      ),
    );
    // "getId() String|null": a response not submitted has no id.
    expect(made.id).toBeNull();
    expect(made.answers).toEqual(['R1 ab&c', 'Eggs']);
    // The entry numbers are the link's own, never Item.getId(): a link cannot be built from item ids.
    expect(made.url).not.toContain(`entry.${codeId}=`);
    expect(made.url).not.toContain(`entry.${itemId}=`);
  });

  test('withItemResponse: a second answer to the same question replaces the first', () => {
    const { ws, id } = setup();
    const url = ws.run<string>('twice', [id]);
    expect(url).toContain('=second');
    expect(url).not.toContain('=first');
  });

  test('ListItem.createResponse throws for a value that is not one of its choices', () => {
    // list-item#createResponse(String): "Throws an exception if the response argument does not match a valid choice for this item."
    const { ws, id } = setup();
    expect(() => ws.run('prefill', [id, 'R1', 'Milk'])).toThrow('not a choice');
  });

  test('an item response of another form is refused by withItemResponse', () => {
    const { ws, id } = setup();
    expect(() => ws.run('foreign', [id])).toThrow('another form');
  });

  test('a resident opens the link, answers the rest and submits: the answers land in the sheet and the trigger fires', () => {
    const { ws, id } = setup();
    ws.run('installSubmit');
    const { url } = ws.run<{ url: string }>('prefill', [id, 'R1.k.sig', 'Eggs']);
    // The Forms page checks what it always checks: a required question, the number's pattern.
    const bad = ws.submitPrefilled(url, { answers: { 'How many': 'two' } });
    expect(bad).toMatchObject({ ok: false, errors: { 'How many': 'A number' } });
    const done = ws.submitPrefilled(url, { answers: { 'How many': '2', 'What is wrong': 'broken' } });
    expect(done.ok).toBe(true);
    expect(ws.run<string[][]>('seen').map((v) => v.slice(1))).toEqual([['R1.k.sig', 'Eggs', '2', 'broken']]);
  });

  test('a resident may change a prefilled answer: what they submit is what counts', () => {
    const { ws, id } = setup();
    const { url } = ws.run<{ url: string }>('prefill', [id, 'R1.k.sig', 'Eggs']);
    const done = ws.submitPrefilled(url, { answers: { Code: 'R1.k.forged', 'How many': '1' } });
    expect(done.ok).toBe(true);
    expect(ws.forms.byId(id)!.responses[0].answers).toMatchObject({ Code: 'R1.k.forged', Item: 'Eggs' });
  });

  test('a list value edited into the link to something not offered selects nothing (a required list then refuses)', () => {
    const { ws, id } = setup();
    const { url } = ws.run<{ url: string }>('prefill', [id, 'R1', 'Eggs']);
    const edited = url.replace('=Eggs', '=Milk');
    expect(ws.submitPrefilled(edited, { answers: { 'How many': '1' } })).toMatchObject({
      ok: false,
      errors: { Item: expect.any(String) },
    });
  });
});

describe('Utilities.computeHmacSha256Signature (reference/utilities/utilities#computeHmacSha256Signature(String,String))', () => {
  test('gives the 32 signed bytes of HMAC-SHA256 (RFC 4231 test case 2)', () => {
    const { ws } = setup();
    const bytes = ws.run<number[]>('hmac', ['what do ya want for nothing?', 'Jefe']);
    expect(bytes).toHaveLength(32);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    const hex = bytes.map((b) => (b & 255).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
