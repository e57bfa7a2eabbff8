import { FakeClientObject } from './FakeClientObject';
import { FakeOfficeError } from './FakeOfficeError';
import { FakeTableCollection } from './FakeTableProxy';
import { FakeWorksheetCollection } from './FakeWorksheet';

/** The fake `context.workbook`: worksheets, tables, application, `readOnly`, `use1904DateSystem`, protection. */
export class FakeWorkbookProxy extends FakeClientObject {
  protected readProperty(name: string): unknown {
    const model = this.context.model;
    if (name === 'readOnly') return model.readOnly;
    if (name === 'use1904DateSystem') return model.use1904DateSystem;
    if (name === 'name') return 'Book1.xlsx';
    throw new FakeOfficeError('InvalidArgument', `The fake workbook has no property "${name}".`);
  }

  get readOnly(): boolean {
    return this.loaded('readOnly');
  }
  get use1904DateSystem(): boolean {
    return this.loaded('use1904DateSystem');
  }
  set use1904DateSystem(value: boolean) {
    this.command({ use1904DateSystem: value }, () => {
      this.context.model.use1904DateSystem = value;
    });
  }

  get worksheets(): FakeWorksheetCollection {
    return new FakeWorksheetCollection(this.context);
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, null);
  }

  get application(): FakeApplication {
    return new FakeApplication(this.context);
  }

  get protection(): FakeWorkbookProtection {
    return new FakeWorkbookProtection(this.context);
  }
}

/** `workbook.protection` (only `protected`, the structure protection, is modelled). */
export class FakeWorkbookProtection extends FakeClientObject {
  protected readProperty(name: string): unknown {
    if (name === 'protected') return this.context.model.structureProtected;
    throw new FakeOfficeError('InvalidArgument', `The fake workbook protection has no property "${name}".`);
  }

  get protected(): boolean {
    return this.loaded('protected');
  }
}

/** `workbook.application`: calculation mode and the suspend-until-next-sync switches. */
export class FakeApplication extends FakeClientObject {
  protected readProperty(name: string): unknown {
    if (name === 'calculationMode') return this.context.model.calculationMode;
    throw new FakeOfficeError('InvalidArgument', `The fake application has no property "${name}".`);
  }

  get calculationMode(): string {
    return this.loaded('calculationMode');
  }
  set calculationMode(value: string) {
    this.command({ calculationMode: value }, () => {
      this.context.model.calculationMode = value;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.screenUpdatingSuspended = true;
  }

  suspendApiCalculationUntilNextSync(): void {
    this.context.calculationSuspended = true;
  }
}

/** `context.runtime`: `enableEvents`. */
export class FakeRuntime extends FakeClientObject {
  protected readProperty(name: string): unknown {
    if (name === 'enableEvents') return this.context.model.eventsEnabled;
    throw new FakeOfficeError('InvalidArgument', `The fake runtime has no property "${name}".`);
  }

  get enableEvents(): boolean {
    return this.loaded('enableEvents');
  }
  set enableEvents(value: boolean) {
    this.command({ enableEvents: value }, () => {
      this.context.model.eventsEnabled = value;
    });
  }
}
