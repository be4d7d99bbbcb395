import { formatFieldPath, type ManifestIssue } from '@gleaner/core';

/**
 * One problem as one line: `<file>: document <i> (<kind>/<name>): <field.path>: <message>`. Parts that are
 * unknown are left out; a field error found on a YAML line ends with `(line N)`; a problem with the whole
 * file (too large) names only the file.
 */
export function formatIssueLine(file: string, issue: ManifestIssue): string {
  if (issue.code === 'too-large') return `${file}: ${issue.message}`;
  const subject = issue.kind === undefined ? '' : ` (${issue.kind}${issue.name === undefined ? '' : `/${issue.name}`})`;
  const path = issue.path.length === 0 ? '' : `${formatFieldPath(issue.path)}: `;
  // Syntax messages already start with their line.
  const line = issue.line === undefined || issue.code === 'syntax' ? '' : ` (line ${issue.line})`;
  return `${file}: document ${issue.document}${subject}: ${path}${issue.message}${line}`;
}
