/** Escapes text for HTML element content and attribute values: residents' text is data, never markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s) links are ever put in an href; anything else becomes plain text. */
export function safeUrl(url: string): string | null {
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null;
}
