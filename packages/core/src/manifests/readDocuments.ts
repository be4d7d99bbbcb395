import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
} from 'yaml';
import type { ManifestIssue } from './ManifestIssue.js';

/** One parsed document of the input stream, as plain data, before any schema is applied. */
export interface RawDocument {
  /** 0-based position in the `---` separated stream. */
  readonly index: number;
  readonly value: unknown;
  /** 1-based line of the node at `path`, or of its deepest existing ancestor; `undefined` for JSON input. */
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** The documents that parsed and the issues of those that did not. */
export interface ReadDocumentsResult {
  readonly documents: readonly RawDocument[];
  readonly issues: readonly ManifestIssue[];
}

const noLine = (): undefined => undefined;

/**
 * Parses a multi-document YAML stream (JSON is valid YAML) into plain values. Syntax errors become
 * issues with the line they are on; empty documents (a trailing `---`, comments only) are skipped, as
 * kubectl skips them.
 */
export function readDocuments(text: string, maxAliasCount: number): ReadDocumentsResult {
  // kubectl's JSON output is large and regular: JSON.parse is an order of magnitude faster than the YAML
  // parser. On any failure fall through to YAML, which reports the line.
  if (/^\s*[{[]/.test(text)) {
    try {
      return { documents: [{ index: 0, value: JSON.parse(text) as unknown, lineOf: noLine }], issues: [] };
    } catch {
      // not JSON after all
    }
  }
  const lines = new LineCounter();
  // prettyErrors must stay off: its context rendering compiles a regex per error that exhausts memory on
  // deeply nested input.
  const docs = Array.from(parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }));
  const documents: RawDocument[] = [];
  const issues: ManifestIssue[] = [];
  const lineAt = (offset: number): number => lines.linePos(offset).line;
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const line = lineAt(error.pos[0]);
        issues.push({ code: 'syntax', document: index, path: [], line, message: `line ${line}: ${error.message}` });
      }
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = doc.contents?.range ? lineAt(doc.contents.range[0]) : undefined;
      if (/alias count|alias resolution is disabled/i.test(message)) {
        issues.push({
          code: 'alias-limit',
          document: index,
          path: [],
          ...(line === undefined ? {} : { line }),
          message: `the document expands YAML aliases more than ${maxAliasCount} times (maxAliasCount)`,
        });
      } else if (error instanceof RangeError) {
        issues.push({ code: 'too-deep', document: index, path: [], message: 'the document is nested too deeply' });
      } else {
        issues.push({ code: 'syntax', document: index, path: [], ...(line === undefined ? {} : { line }), message });
      }
      return;
    }
    // An empty document (`---` with nothing or only comments after it) parses to null.
    if (value === null || value === undefined) return;
    documents.push({ index, value, lineOf: (path) => lineOfPath(doc, path, lineAt) });
  });
  return { documents, issues };
}

/** Line of the deepest node along `path` that exists in the YAML document. */
function lineOfPath(
  doc: Document.Parsed,
  path: readonly (string | number)[],
  lineAt: (offset: number) => number,
): number | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNodeWithRange(node) ? node : undefined;
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      next = pair?.value ?? pair?.key;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    if (!isNodeWithRange(next)) break;
    node = next;
    found = next;
  }
  return found?.range ? lineAt(found.range[0]) : undefined;
}

function isNodeWithRange(value: unknown): value is Node {
  return (isMap(value) || isSeq(value) || isScalar(value) || isAlias(value)) && value.range !== undefined;
}
