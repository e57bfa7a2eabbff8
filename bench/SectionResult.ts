import type { BenchTable } from './formatTable';

/** A goal from issue 5 and whether this run met it. */
export interface Goal {
  section: string;
  goal: string;
  /** The measured figure, formatted. */
  measured: string;
  /** null when it could not be measured in this run. */
  met: boolean | null;
}

/** What one section of the bench produced. */
export interface SectionResult {
  tables: BenchTable[];
  goals: Goal[];
}
