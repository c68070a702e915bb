/**
 * Document properties as a small key-value store. Apps Script caps a value at 9 KB, so JSON values are
 * split into numbered chunks; getProperties() reads every key in one call.
 * https://developers.google.com/apps-script/guides/services/quotas
 */
const CHUNK_BYTES = 8000;

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readAll(): Record<string, string> {
  return props().getProperties();
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export function chunksOf(key: string, json: string): Record<string, string> {
  const out: Record<string, string> = {};
  let part = 0;
  let start = 0;
  while (start < json.length || part === 0) {
    let end = Math.min(json.length, start + CHUNK_BYTES);
    while (end > start + 1 && utf8Length(json.slice(start, end)) > CHUNK_BYTES) end = start + Math.floor((end - start) * 0.8);
    out[`${key}#${part++}`] = json.slice(start, end);
    start = end;
    if (start >= json.length) break;
  }
  out[`${key}#n`] = String(part);
  return out;
}

export function joinChunks(all: Record<string, string>, key: string): string | null {
  const n = Number(all[`${key}#n`] ?? 0);
  if (!n) return null;
  let json = '';
  for (let i = 0; i < n; i++) json += all[`${key}#${i}`] ?? '';
  return json;
}

export function writeJson(values: Record<string, unknown>): void {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) Object.assign(out, chunksOf(key, JSON.stringify(value)));
  props().setProperties(out);
}

export function readJson<T>(all: Record<string, string>, key: string): T | null {
  const json = joinChunks(all, key);
  return json === null ? null : (JSON.parse(json) as T);
}

export function setProperty(key: string, value: string): void {
  props().setProperty(key, value);
}

export function deleteProperty(key: string): void {
  props().deleteProperty(key);
}

/** Removes a JSON value written by writeJson (all its chunks). */
export function deleteJson(properties: Record<string, string>, key: string): void {
  const n = Number(properties[`${key}#n`] ?? 0);
  if (!n) return;
  const store = props();
  for (let i = 0; i < n; i++) {
    store.deleteProperty(`${key}#${i}`);
    delete properties[`${key}#${i}`];
  }
  store.deleteProperty(`${key}#n`);
  delete properties[`${key}#n`];
}
