/**
 * Serialises JSON data with a stable layout, so equal data gives equal bytes: object keys sorted by code
 * point (except that `schemaVersion`, when present, comes first), two-space indentation, and arrays of
 * flat records (objects whose values are all scalars) written one record per line to keep long time
 * series readable and diffable. Non-finite numbers become `null`, as `JSON.stringify` does; `undefined`
 * object fields are left out. Ends with a newline.
 */
export function canonicalJson(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map(scalar).join(', ')}]`;
    const items = value.map((v) => (isFlatRecord(v) ? compactRecord(v) : write(v, inner)));
    return `[\n${items.map((s) => inner + s).join(',\n')}\n${indent}]`;
  }
  const keys = sortedKeys(value as Record<string, unknown>);
  if (keys.length === 0) return '{}';
  const record = value as Record<string, unknown>;
  const fields = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(record[k], inner)}`);
  return `{\n${fields.join(',\n')}\n${indent}}`;
}

function scalar(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  if (typeof value === 'bigint') throw new TypeError('canonicalJson: BigInt is not JSON');
  return JSON.stringify(value);
}

function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const v = keys.indexOf('schemaVersion');
  if (v > 0) keys.unshift(...keys.splice(v, 1));
  return keys;
}

function isFlatRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === null || typeof v !== 'object');
}

function compactRecord(record: Record<string, unknown>): string {
  const keys = sortedKeys(record);
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${scalar(record[k])}`).join(', ')}}`;
}
