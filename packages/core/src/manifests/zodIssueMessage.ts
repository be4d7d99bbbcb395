import type * as z from 'zod';

/** A short rendering of a value for a message: strings quoted, long ones cut, objects by type. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
};

/**
 * Rewrites a zod issue in the manifest's own terms ("must be an integer ≥ 1, got -1", "required") instead of
 * zod's defaults; custom issues raised by the schemas keep their message.
 */
export function zodIssueMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'required';
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        // YAML reads `version: 2.4` or `enabled: true` as a number or boolean where Kubernetes wants text.
        return `must be a string, got ${input} (quote the value)`;
      }
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(input)}`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive === false ? '>' : '≥'} ${issue.minimum}, got ${describeValue(input)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`;
      return `must be ${issue.inclusive === false ? '<' : '≤'} ${issue.maximum}, got ${describeValue(input)}`;
    default:
      return issue.message;
  }
}
