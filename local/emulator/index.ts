export { Workspace } from './workspace';
export type { WorkspaceOptions, RunOptions } from './workspace';
export { loadBundle, loadScript, readHtmlFiles } from './loadBundle';
export type { LoadedAddOn } from './loadBundle';
export { EXECUTION_TIME_ERROR } from './runtime';
export { LOCK_TIMEOUT_ERROR } from './lock';
export { MAIL_QUOTA_ERROR } from './mail';
export { FORMULA_NOT_EVALUATED } from './spreadsheet/values';
export { saveState, loadState } from './state';
export type { WorkspaceState } from './state';
export { STRICT, LEGACY_ALLOWANCES } from './fidelity';
export type { Fidelity } from './fidelity';
// emu-auth: projects, deployments, authorization, faults
export { ScriptProject, TRIGGER_RUNTIME_ERROR, TRIGGER_RUNTIME_QUOTA_MS } from './project';
export type { Deployment, ProjectOptions } from './project';
export { SCOPE, AUTHORIZATION_REQUIRED_ERROR, notPermitted, notSufficient } from './authorization';
export { FaultInjector, SERVER_ERROR, serviceErrorText } from './faults';
export type { FaultKind } from './faults';
export { OPEN_BY_ID_ERROR } from './activeDocument';
export { TOO_MANY_TRIGGERS_ERROR, ADDON_HOURLY_ERROR, addOnOnePerTypeError } from './script';
// emu-sheets: forms, protections, user edits
export type { CellAddress, EditResult } from './userEdit';
export { INVALID_INPUT_ERROR } from './userEdit';
export { PROTECTED_CELL_ERROR } from './spreadsheet/protection';
export { FORM_NO_ACCESS_ERROR, UNPUBLISHED_FORM_MESSAGE, SIGN_IN_REQUIRED_MESSAGE } from './forms';
