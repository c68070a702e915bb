import { UNPUBLISHED_FORM_MESSAGE, type EmuForm } from '../emulator/forms';
import { escapeHtml } from '../emulator/html';

/**
 * The round's Google Form as a resident sees it, rendered from the emulated FormApp model: every
 * question, its help text and its validation message, the email field, the closed message.
 */
export function renderForm(
  form: EmuForm,
  options: {
    answers?: Record<string, string>;
    email?: string;
    errors?: Record<string, string>;
    editId?: string;
    notice?: string;
  },
): string {
  const e = escapeHtml;
  const answers = options.answers ?? {};
  const errors = options.errors ?? {};
  const field = (title: string, control: string, help: string, required: boolean) => `
    <div class="q${errors[title] ? ' invalid' : ''}">
      <label>${e(title)}${required ? ' <span class="req" aria-label="required">*</span>' : ''}</label>
      ${help ? `<div class="help">${e(help)}</div>` : ''}
      ${control}
      ${errors[title] ? `<div class="error" role="alert">${e(errors[title])}</div>` : ''}
    </div>`;
  const questions = form.items
    .map((item, n) => {
      const name = `q${n}`;
      const value = answers[item.title] ?? '';
      if (item.kind === 'SECTION_HEADER') return `<h2>${e(item.title)}</h2>`;
      if (item.kind === 'PARAGRAPH_TEXT')
        return field(
          item.title,
          `<textarea name="${name}" aria-label="${e(item.title)}">${e(value)}</textarea>`,
          item.helpText,
          item.required,
        );
      if (item.kind === 'LIST')
        return field(
          item.title,
          `<select name="${name}" aria-label="${e(item.title)}"><option value="">—</option>${item.choices.map((c) => `<option${c === value ? ' selected' : ''}>${e(c)}</option>`).join('')}</select>`,
          item.helpText,
          item.required,
        );
      if (item.kind === 'MULTIPLE_CHOICE')
        return field(
          item.title,
          item.choices
            .map(
              (c) =>
                `<label class="choice"><input type="radio" name="${name}" value="${e(c)}"${c === value ? ' checked' : ''}> ${e(c)}</label>`,
            )
            .join(''),
          item.helpText,
          item.required,
        );
      return field(
        item.title,
        `<input type="text" name="${name}" value="${e(value)}" aria-label="${e(item.title)}">`,
        item.helpText,
        item.required,
      );
    })
    .join('');
  const body =
    !form.published && !options.notice
      ? `<p class="closed">${e(UNPUBLISHED_FORM_MESSAGE)}</p>`
      : !form.accepting && !options.notice
        ? `<p class="closed">${e(form.closedMessage || 'This form is no longer accepting responses')}</p>`
        : (options.notice ??
          `<form method="post">
        ${options.editId ? `<input type="hidden" name="edit" value="${e(options.editId)}">` : ''}
        ${form.collectEmail ? field('Email', `<input type="email" name="email" value="${e(options.email ?? '')}" aria-label="Email">`, '', true) : ''}
        ${questions}
        <button type="submit" class="submit">${options.editId ? 'Submit changes' : 'Submit'}</button>
      </form>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(form.title)}</title>
  <style>
    body { background: #f0ebf8; font: 14px/1.5 Roboto, Arial, sans-serif; margin: 0; padding: 12px; color: #202124; }
    .sheet { max-width: 640px; margin: 0 auto; }
    .head, .q, .closed, .done { background: #fff; border-radius: 8px; padding: 16px 20px; margin-bottom: 12px; border: 1px solid #dadce0; }
    .head { border-top: 10px solid #673ab7; }
    .head h1 { font-size: 26px; font-weight: 400; margin: 0 0 8px; }
    .desc { white-space: pre-wrap; color: #5f6368; }
    .q label { display: block; font-size: 15px; margin-bottom: 6px; }
    .q.invalid { border-color: #d93025; }
    .req, .error { color: #d93025; }
    .help { color: #5f6368; font-size: 12px; margin-bottom: 6px; }
    input[type=text], input[type=email], textarea, select { width: 100%; padding: 6px 0; border: 0; border-bottom: 1px solid #dadce0; font: inherit; box-sizing: border-box; }
    label.choice { font-size: 14px; }
    .submit { background: #673ab7; color: #fff; border: 0; border-radius: 4px; padding: 10px 24px; font: inherit; cursor: pointer; }
  </style></head>
  <body><div class="sheet"><div class="head"><h1>${e(form.title)}</h1><div class="desc">${e(form.description)}</div></div>${body}</div></body></html>`;
}
