/** One problem found in a trace file, located by file, 1-based line and (when it applies) column name. */
export interface TraceIssue {
  /** The file as the caller named it. */
  readonly file: string;
  /** 1-based line number; 0 when the problem concerns the whole file (unreadable, empty). */
  readonly line: number;
  /** Name of the column at fault, from the trace's schema (`cpu_util_percent`), when one is. */
  readonly column?: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
}

/**
 * Outcome of loading a trace: the parsed value, with how many rows were skipped as the trace's own
 * "invalid" markers (empty or sentinel values), or the list of problems that made the file unusable.
 */
export type TraceLoadResult<T> =
  | {
      /** The file loaded. */
      readonly ok: true;
      /** What it holds. */
      readonly value: T;
      /** Data rows read. */
      readonly rows: number;
      /** Rows whose value was an "invalid" marker and was skipped. */
      readonly skippedRows: number;
    }
  | {
      /** The file is unusable. */
      readonly ok: false;
      /** Why, one problem each. */
      readonly issues: readonly TraceIssue[];
    };

/** Default number of problems collected before a loader stops reading a bad file. */
export const DEFAULT_MAX_TRACE_ISSUES = 20;

/** One line for a person: `file:line: column cpu_util_percent: message`. */
export function formatTraceIssue(issue: TraceIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}` : issue.file;
  return issue.column === undefined
    ? `${where}: ${issue.message}`
    : `${where}: column ${issue.column}: ${issue.message}`;
}
