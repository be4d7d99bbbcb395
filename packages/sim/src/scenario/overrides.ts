import { parse as parseYaml } from 'yaml';
import { type JsonSchema, scenarioJsonSchema } from './jsonSchema.js';
import { OverrideError } from './OverrideError.js';

/** One `key=value` override split into its path and its value text. */
export interface ParsedOverride {
  /** The override as given. */
  readonly set: string;
  /** Path segments: `fleet.members.0.labels[topology.kubernetes.io/zone]` → `fleet`, `members`, `0`, `labels`, `topology.kubernetes.io/zone`. */
  readonly path: readonly string[];
  /** Everything after the first `=`, not yet parsed. */
  readonly text: string;
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Splits `key=value` into path segments and value text. Segments are separated by dots; a segment in
 * brackets may contain dots (`labels[topology.kubernetes.io/zone]`), and `members[0]` is the same as
 * `members.0`.
 *
 * @throws {@link OverrideError} when there is no `=`, the key is empty, or a segment is empty.
 */
export function parseOverride(set: string): ParsedOverride {
  const eq = set.indexOf('=');
  if (eq < 0) throw new OverrideError(set, [], 'expected key=value (e.g. colocation.cpuReclaimThresholdPercent=70)');
  const key = set.slice(0, eq).trim();
  if (key === '') throw new OverrideError(set, [], 'the key before "=" is empty');
  const path: string[] = [];
  let i = 0;
  let expectSegment = true;
  while (i < key.length) {
    const c = key[i]!;
    if (c === '[') {
      const close = key.indexOf(']', i + 1);
      if (close < 0) throw new OverrideError(set, path, `unclosed "[" in key "${key}"`);
      let segment = key.slice(i + 1, close).trim();
      if (/^(["']).*\1$/.test(segment)) segment = segment.slice(1, -1);
      if (segment === '') throw new OverrideError(set, path, `empty "[]" in key "${key}"`);
      path.push(segment);
      i = close + 1;
      expectSegment = false;
      if (i < key.length && key[i] !== '.' && key[i] !== '[') {
        throw new OverrideError(set, path, `expected "." or "[" after "]" in key "${key}"`);
      }
      if (key[i] === '.') {
        i++;
        expectSegment = true;
      }
      continue;
    }
    let end = i;
    while (end < key.length && key[end] !== '.' && key[end] !== '[') end++;
    const segment = key.slice(i, end);
    if (segment === '') throw new OverrideError(set, path, `empty path segment in key "${key}"`);
    path.push(segment);
    i = end;
    expectSegment = false;
    if (key[i] === '.') {
      i++;
      expectSegment = true;
    }
  }
  if (expectSegment) throw new OverrideError(set, path, `key "${key}" ends with "."`);
  for (const segment of path) {
    if (FORBIDDEN.has(segment)) throw new OverrideError(set, path, `"${segment}" is not allowed in a key`);
  }
  return { set, path, text: set.slice(eq + 1) };
}

/**
 * Applies `--set key=value` overrides to a scenario as parsed from its YAML file, before validation.
 *
 * Keys are dotted paths with array indices (`colocation.cpuReclaimThresholdPercent=70`,
 * `fleet.members.0.kubernetesVersion=1.27`, `fleetScheduler.rescheduleTimeout=60s`); missing intermediate
 * mappings are created. Values are parsed as YAML (`70` is a number, `true` a boolean, `60s` a string);
 * where the scenario schema wants a string but YAML reads something else, the text is kept as written, so
 * `kubernetesVersion=1.20` stays `"1.20"`. A value of `null` (or `~`) removes an optional field. Overrides
 * apply in order; the input is not modified.
 *
 * @param raw - the scenario file's parsed YAML (a mapping).
 * @param sets - overrides in `key=value` form.
 * @returns a modified deep copy of `raw`.
 * @throws {@link OverrideError} naming the override and the field when a key is malformed, names a field
 * the scenario schema does not have, indexes past the end of a list, or walks through a scalar.
 */
export function applyOverrides(raw: unknown, sets: readonly string[]): unknown {
  if (sets.length === 0) return raw;
  const root: unknown = structuredClone(raw);
  if (!isMapping(root)) throw new OverrideError(sets[0]!, [], 'the scenario is not a YAML mapping');
  const schema = scenarioJsonSchema();
  for (const set of sets) applyOne(root, schema, parseOverride(set));
  return root;
}

type Container = Record<string, unknown> | unknown[];

function applyOne(root: Record<string, unknown>, schema: JsonSchema, override: ParsedOverride): void {
  const done: (string | number)[] = [];
  let current: Container = root;
  let nodes: JsonSchema[] = [schema];
  const fail: (reason: string, at?: string | number) => never = (reason, at) => {
    throw new OverrideError(override.set, at === undefined ? done : [...done, at], reason);
  };
  for (const [k, segment] of override.path.entries()) {
    const last = k === override.path.length - 1;
    const where = done.length === 0 ? 'the scenario' : pathText(done);
    let slot: string | number;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) fail(`${where} is a list; "${segment}" is not an index`, segment);
      slot = Number(segment);
      if (slot >= current.length) {
        const entries = `${current.length} ${current.length === 1 ? 'entry' : 'entries'}`;
        fail(`${where} has ${entries}; index ${slot} is out of range`, slot);
      }
      nodes = childNodes(nodes, slot);
    } else {
      const known = knownKeys(nodes, segment);
      if (known !== true) {
        fail(`${where} has no field "${segment}"${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`, segment);
      }
      slot = segment;
      nodes = childNodes(nodes, slot);
    }
    done.push(slot);
    const container = current as Record<string | number, unknown>;
    if (last) {
      const value = convert(override.text, nodes, fail);
      if (value === REMOVE) {
        if (Array.isArray(current)) fail(`${pathText(done)} is a list entry and cannot be removed`);
        delete container[slot];
      } else {
        container[slot] = value;
      }
      return;
    }
    const next = container[slot];
    if (next === undefined || next === null) {
      if (/^\d+$/.test(override.path[k + 1]!) && expectsArray(nodes))
        fail(`${pathText(done)} is not set; no entry to index`);
      const created: Record<string, unknown> = {};
      container[slot] = created;
      current = created;
    } else if (Array.isArray(next) || isMapping(next)) {
      current = next;
    } else {
      fail(`${pathText(done)} is ${describe(next)}, not a mapping or list`);
    }
  }
}

const REMOVE = Symbol('remove');

function convert(text: string, nodes: readonly JsonSchema[], fail: (reason: string) => never): unknown {
  if (/^(null|Null|NULL|~)$/.test(text.trim())) return accepts(nodes, null) ? null : REMOVE;
  let parsed: unknown;
  let parsedOk = true;
  try {
    parsed = parseYaml(text);
  } catch {
    parsedOk = false;
  }
  if (parsedOk && accepts(nodes, parsed)) return parsed;
  if (accepts(nodes, text)) return text;
  if (!parsedOk) fail(`"${text}" is not a YAML value`);
  return parsed; // the schema validation reports the mismatch with its field path
}

function pathText(path: readonly (string | number)[]): string {
  return path.join('.');
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `a string (${JSON.stringify(value)})` : `a ${typeof value} (${String(value)})`;
}

// --- schema hints: the JSON Schema generated from the zod schema, walked alongside the data ------------

/** The schema nodes a node stands for, with anyOf / oneOf / allOf branches flattened. */
function expand(nodes: readonly JsonSchema[]): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (node: JsonSchema): void => {
    let branched = false;
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const branches = node[key];
      if (Array.isArray(branches)) {
        branched = true;
        for (const b of branches) if (isMapping(b)) visit(b);
      }
    }
    if (!branched) out.push(node);
  };
  for (const n of nodes) visit(n);
  return out;
}

function childNodes(nodes: readonly JsonSchema[], slot: string | number): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const node of expand(nodes)) {
    if (typeof slot === 'number') {
      const items = node.items;
      if (Array.isArray(items)) {
        const item: unknown = items[slot];
        if (isMapping(item)) out.push(item);
      } else if (isMapping(items)) {
        out.push(items);
      }
    } else {
      const props = node.properties;
      if (isMapping(props) && Object.hasOwn(props, slot) && isMapping(props[slot])) {
        out.push(props[slot] as JsonSchema);
      } else if (isMapping(node.additionalProperties)) {
        out.push(node.additionalProperties);
      }
    }
  }
  return out;
}

/** `true` when some schema branch allows the key (or nothing is known); else the known property names. */
function knownKeys(nodes: readonly JsonSchema[], key: string): true | string[] {
  const names: string[] = [];
  let sawObject = false;
  for (const node of expand(nodes)) {
    const props = node.properties;
    const isObject = node.type === 'object' || isMapping(props);
    if (!isObject) continue;
    sawObject = true;
    if (isMapping(props) && Object.hasOwn(props, key)) return true;
    if (node.additionalProperties !== false) return true;
    if (isMapping(props)) names.push(...Object.keys(props));
  }
  if (!sawObject) return true;
  return [...new Set(names)];
}

function expectsArray(nodes: readonly JsonSchema[]): boolean {
  return expand(nodes).some((n) => n.type === 'array' || (Array.isArray(n.type) && n.type.includes('array')));
}

function accepts(nodes: readonly JsonSchema[], value: unknown): boolean {
  const flat = expand(nodes);
  if (flat.length === 0) return true;
  return flat.some((node) => acceptsOne(node, value));
}

function acceptsOne(node: JsonSchema, value: unknown): boolean {
  if (Array.isArray(node.enum)) return node.enum.some((v) => v === value);
  if ('const' in node) return node.const === value;
  const type = node.type;
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isMapping(value);
      default:
        return true;
    }
  });
}
