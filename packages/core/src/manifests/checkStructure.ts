/** How deep the loader follows nested collections; real Kubernetes objects stay well under 30 levels. */
export const MAX_DOCUMENT_DEPTH = 100;

/** A structural problem of a parsed document, found before any schema runs. */
export interface StructureProblem {
  readonly code: 'forbidden-key' | 'too-deep';
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A visited value; the path is rebuilt from parent links only when a problem is reported. */
interface Visit {
  readonly value: unknown;
  readonly key: string | number | undefined;
  readonly parent: Visit | undefined;
  readonly depth: number;
}

function pathOf(visit: Visit, last?: string): (string | number)[] {
  const path: (string | number)[] = last === undefined ? [] : [last];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) path.unshift(v.key);
  return path;
}

/**
 * Walks a parsed document (iteratively, so hostile nesting cannot overflow the stack) and reports every
 * `__proto__` key and the first place it nests deeper than {@link MAX_DOCUMENT_DEPTH}. A `__proto__` key
 * is refused rather than kept: assigning it into a fresh object would replace that object's prototype.
 * Also deletes keys whose value is `null` (YAML `labels:` with nothing after it), which Kubernetes reads
 * as absent; the document is the loader's own freshly parsed copy, so mutating it is safe.
 */
export function checkStructure(value: unknown): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const stack: Visit[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  let reportedDepth = false;
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current !== 'object' || current === null) continue;
    if (visit.depth >= MAX_DOCUMENT_DEPTH) {
      if (!reportedDepth) {
        problems.push({
          code: 'too-deep',
          path: pathOf(visit),
          message: `nested more than ${MAX_DOCUMENT_DEPTH} levels deep`,
        });
        reportedDepth = true;
      }
      continue;
    }
    const depth = visit.depth + 1;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: visit, depth });
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === '__proto__') {
        problems.push({
          code: 'forbidden-key',
          path: pathOf(visit, key),
          message: 'the key "__proto__" is not allowed',
        });
        continue;
      }
      const child = (current as Record<string, unknown>)[key];
      if (child === null) delete (current as Record<string, unknown>)[key];
      else stack.push({ value: child, key, parent: visit, depth });
    }
  }
  return problems;
}
