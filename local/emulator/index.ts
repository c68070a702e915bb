export { Workspace } from './workspace';
export type { WorkspaceOptions, RunOptions } from './workspace';
export { loadBundle, loadScript, readHtmlFiles } from './loadBundle';
export type { LoadedAddOn } from './loadBundle';
export { EXECUTION_TIME_ERROR } from './runtime';
export { LOCK_TIMEOUT_ERROR } from './lock';
export { MAIL_QUOTA_ERROR } from './mail';
export { FORMULA_NOT_EVALUATED } from './spreadsheet/values';
