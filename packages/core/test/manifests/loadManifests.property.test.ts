import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import type { LoadManifestsResult } from '../../src/manifests/index.js';
import { loadManifests } from '../../src/manifests/index.js';
import { haveSeeds, readSeed, seedFiles } from './seedManifests.js';

/** Runs the loader and checks the result's contract: never a throw, `ok` exactly when there are no issues. */
function checkContract(text: string, documents: number): LoadManifestsResult {
  let r: LoadManifestsResult | undefined;
  expect(() => {
    r = loadManifests(text);
  }).not.toThrow();
  const result = r!;
  expect(result.ok).toBe(result.issues.length === 0);
  for (const m of result.manifests) {
    expect(Number.isInteger(m.document)).toBe(true);
    expect(m.document).toBeGreaterThanOrEqual(0);
    expect(m.document).toBeLessThan(Math.max(documents, 1));
  }
  for (const i of result.issues) {
    expect(Number.isInteger(i.document)).toBe(true);
    expect(i.document).toBeGreaterThanOrEqual(0);
    expect(i.document).toBeLessThan(Math.max(documents, 1));
    expect(Array.isArray(i.path)).toBe(true);
    expect(i.message.length).toBeGreaterThan(0);
    if (i.code === 'invalid-field' || i.code === 'unsupported-kind' || i.code === 'forbidden-key') {
      // A field-level problem always names its field.
      expect(i.path.length).toBeGreaterThan(0);
    }
  }
  return result;
}

/** How many documents the YAML parser sees (an upper bound for every document index). */
function documentCount(text: string): number {
  return Array.from(parseAllDocuments(text)).length;
}

// Fragments that exercise the YAML grammar's corners: flow collections, anchors, tags, quotes, documents.
const yamlToken = fc.constantFrom(
  'apiVersion: v1\n',
  'kind: Namespace\n',
  'kind: SparkApplication\n',
  'apiVersion: sparkoperator.k8s.io/v1beta2\n',
  'metadata:\n  name: a\n',
  'spec:\n',
  '  driver:\n    cores: ',
  '-1',
  '"1.5.3Gi"',
  '---\n',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ': ',
  '&a ',
  '*a',
  '!!binary ',
  '"',
  "'",
  '#',
  '\t',
  '\n',
  '  ',
  '__proto__: ',
  'null',
  '~',
  '<<: *a\n',
);

describe('loadManifests properties', () => {
  it('never throws on arbitrary text and always answers with manifests or issues', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkContract(text, documentCount(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes decoded as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        checkContract(text, documentCount(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on YAML-shaped noise', () => {
    fc.assert(
      fc.property(fc.array(yamlToken, { maxLength: 40 }), (tokens) => {
        const text = tokens.join('');
        checkContract(text, documentCount(text));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        checkContract(text, 1);
      }),
      { numRuns: 300 },
    );
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A mutation of one seed document: walk `steps` into the value, then delete or replace what is there. */
interface Mutation {
  readonly document: number;
  readonly steps: readonly number[];
  readonly replacement: { readonly delete: true } | { readonly value: unknown };
}

const arbMutation: fc.Arbitrary<Mutation> = fc.record({
  document: fc.nat(),
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
  replacement: fc.oneof(
    fc.constant({ delete: true as const }),
    fc.record({
      value: fc.oneof(
        fc.constantFrom(-1, 0, 1.5, '1.5.3Gi', '', 'Split', true, null, [], {}, '__proto__', 2 ** 53),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    }),
  ),
});

/** Applies `m` in place; returns the path it changed, or undefined when the walk found nothing to change. */
function mutate(docs: Json[], m: Mutation): { document: number; path: (string | number)[] } | undefined {
  const document = m.document % docs.length;
  let parent: Json | undefined;
  let key: string | number | undefined;
  let current: Json = docs[document]!;
  const path: (string | number)[] = [];
  for (const step of m.steps) {
    let next: string | number;
    if (Array.isArray(current) && current.length > 0) {
      next = step % current.length;
    } else if (typeof current === 'object' && current !== null && Object.keys(current).length > 0) {
      const keys: string[] = Object.keys(current);
      next = keys[step % keys.length]!;
    } else break;
    parent = current;
    key = next;
    path.push(next);
    current = (current as Record<string | number, Json>)[next]!;
  }
  if (parent === undefined || key === undefined) return undefined;
  if ('delete' in m.replacement) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, Json>)[key];
  } else {
    Object.defineProperty(parent, key, {
      value: m.replacement.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { document, path };
}

describe('loadManifests on mutated seed manifests', () => {
  it('either loads a mutated seed or reports issues with a document index and a field path', () => {
    if (!haveSeeds()) return;
    const seeds = seedFiles().map((file) => Array.from(parseAllDocuments(readSeed(file))).map((d) => d.toJS() as Json));
    fc.assert(
      fc.property(fc.nat(), arbMutation, (seedPick, mutation) => {
        const docs = structuredClone(seeds[seedPick % seeds.length]!);
        const changed = mutate(docs, mutation);
        const text = docs.map((d) => stringify(d)).join('---\n');
        const r = checkContract(text, docs.length);
        if (changed === undefined) return;
        // Documents other than the mutated one still load.
        for (let i = 0; i < docs.length; i++) {
          if (i !== changed.document) expect(r.manifests.some((m) => m.document === i)).toBe(true);
        }
        for (const issue of r.issues) expect(issue.document).toBe(changed.document);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws when characters of a seed file are deleted, duplicated or replaced', () => {
    if (!haveSeeds()) return;
    const texts = seedFiles().map((file) => readSeed(file));
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 20 }),
        fc.constantFrom('', ' ', '\n', ':', '-', '"', '[', '{', '&', '*', '\t', 'x'),
        (pick, at, length, insert) => {
          const text = texts[pick % texts.length]!;
          const start = at % (text.length + 1);
          const mutated = text.slice(0, start) + insert + text.slice(start + length);
          checkContract(mutated, documentCount(mutated));
        },
      ),
      { numRuns: 400 },
    );
  });
});
