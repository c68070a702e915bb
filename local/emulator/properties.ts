import { guarded } from './guard';
import { Runtime } from './runtime';

/** https://developers.google.com/apps-script/guides/services/quotas : 9 KB per value, 500 KB per store. */
export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE_ERROR = 'Argument too large: value';
export const STORE_FULL_ERROR = 'You have exceeded the property storage quota. Please remove some properties and try again.';

type Members =
  'getProperty' | 'setProperty' | 'getProperties' | 'setProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getKeys';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class EmuProperties implements Pick<GoogleAppsScript.Properties.Properties, Members> {
  readonly proxy: GoogleAppsScript.Properties.Properties;

  constructor(
    private runtime: Runtime,
    readonly label: string,
    /** The store itself; script and user stores belong to the ScriptProject and are shared by its files. */
    readonly data: Map<string, string> = new Map(),
  ) {
    this.proxy = guarded(this, 'Properties');
  }

  private call(method: string) {
    this.runtime.call('properties', `Properties.${method}`);
  }

  private check(next: Map<string, string>) {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > VALUE_LIMIT_BYTES) throw new Error(VALUE_TOO_LARGE_ERROR);
      total += bytes(k) + bytes(v);
    }
    if (total > STORE_LIMIT_BYTES) throw new Error(STORE_FULL_ERROR);
  }

  getProperty(key: string) {
    this.call('getProperty');
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }

  /** Values are stored as strings, as in Apps Script: a number comes back as "42". */
  setProperty(key: string, value: string) {
    this.call('setProperty');
    const next = new Map(this.data).set(String(key), String(value));
    this.check(next);
    this.data.set(String(key), String(value));
    return this.proxy;
  }

  getProperties() {
    this.call('getProperties');
    return Object.fromEntries(this.data);
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false) {
    this.call('setProperties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.check(next);
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    return this.proxy;
  }

  deleteProperty(key: string) {
    this.call('deleteProperty');
    this.data.delete(key);
    return this.proxy;
  }

  deleteAllProperties() {
    this.call('deleteAllProperties');
    this.data.clear();
    return this.proxy;
  }

  getKeys() {
    this.call('getKeys');
    return [...this.data.keys()];
  }
}

type ServiceMembers = 'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties';

/** Where the stores live: script and per-user stores are the project's, document stores the file's. */
export interface PropertyStores {
  script: Map<string, string>;
  user(email: string): Map<string, string>;
  /** False when no document is open (an add-on's time-driven run): getDocumentProperties() is then null. */
  inDocument(): boolean;
}

export class EmuPropertiesService implements Pick<GoogleAppsScript.Properties.PropertiesService, ServiceMembers> {
  readonly proxy: GoogleAppsScript.Properties.PropertiesService;
  readonly script: EmuProperties;
  readonly document: EmuProperties;
  private users = new Map<string, EmuProperties>();

  constructor(
    private runtime: Runtime,
    private stores: PropertyStores = { script: new Map(), user: () => new Map(), inDocument: () => true },
  ) {
    this.script = new EmuProperties(runtime, 'ScriptProperties', stores.script);
    this.document = new EmuProperties(runtime, 'DocumentProperties');
    this.proxy = guarded(this, 'PropertiesService');
  }

  /** User properties are per user per script, whatever the file: https://developers.google.com/apps-script/guides/properties */
  user(email: string): EmuProperties {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = new EmuProperties(this.runtime, 'UserProperties', this.stores.user(email))));
    return store;
  }

  getScriptProperties() {
    return this.script.proxy;
  }

  /**
   * "It is only available if the script is published and executing as an add-on or if it is bound to a
   * Google file type. When document properties are not available this method returns null."
   * (https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties())
   */
  getDocumentProperties() {
    return this.stores.inDocument() ? this.document.proxy : (null as unknown as GoogleAppsScript.Properties.Properties);
  }

  getUserProperties() {
    return this.user(this.runtime.user).proxy;
  }
}
