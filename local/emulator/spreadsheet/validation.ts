import { guarded } from '../guard';

export interface ValidationRule {
  kind: 'list' | 'numberBetween' | 'checkbox';
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

type BuilderMembers =
  'requireValueInList' | 'requireNumberBetween' | 'requireCheckbox' | 'setAllowInvalid' | 'setHelpText' | 'build';

/** SpreadsheetApp.newDataValidation(): the dropdowns and checks a coordinator sees when typing. */
export class EmuDataValidationBuilder implements Pick<GoogleAppsScript.Spreadsheet.DataValidationBuilder, BuilderMembers> {
  readonly proxy: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  private rule: ValidationRule = { kind: 'list', values: [], allowInvalid: true, helpText: '' };

  constructor() {
    this.proxy = guarded(this, 'DataValidationBuilder');
  }

  requireValueInList(values: string[]) {
    this.rule = { ...this.rule, kind: 'list', values: [...values] };
    return this.proxy;
  }

  requireNumberBetween(start: number, end: number) {
    this.rule = { ...this.rule, kind: 'numberBetween', values: [start, end] };
    return this.proxy;
  }

  requireCheckbox() {
    this.rule = { ...this.rule, kind: 'checkbox', values: [] };
    return this.proxy;
  }

  setAllowInvalid(allowInvalidData: boolean) {
    this.rule = { ...this.rule, allowInvalid: allowInvalidData };
    return this.proxy;
  }

  setHelpText(helpText: string) {
    this.rule = { ...this.rule, helpText };
    return this.proxy;
  }

  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    return { rule: { ...this.rule } } as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }
}

export function ruleOf(validation: GoogleAppsScript.Spreadsheet.DataValidation | null): ValidationRule | null {
  return validation ? (validation as unknown as { rule: ValidationRule }).rule : null;
}
