import type * as z from 'zod';
import type { ManifestIssue } from './ManifestIssue.js';
import { zodIssueMessage } from './zodIssueMessage.js';

/** An issue inside one document, before the document index, kind, name and line are attached. */
export interface LocalIssue {
  readonly code: ManifestIssue['code'];
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The value a converter produced, or the issues that stopped it. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: LocalIssue[] };

/** zod issues in the manifest's own terms, with `prefix` in front of each path. */
export function fromZod(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): LocalIssue[] {
  return issues.map((i) => ({
    code: 'invalid-field',
    path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: zodIssueMessage(i),
  }));
}

/** Runs a schema without throwing; issue paths get `prefix` in front. */
export function runSchema<T>(
  schema: z.ZodType<T>,
  value: unknown,
  prefix: readonly (string | number)[] = [],
): Outcome<T> {
  const r = schema.safeParse(value, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: fromZod(r.error.issues, prefix) };
}
