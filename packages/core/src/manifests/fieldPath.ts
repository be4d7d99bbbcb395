/**
 * Formats a field path as `kubectl explain` writes one: dotted keys with `[i]` for array positions
 * (`['spec', 'resourceSelectors', 0, 'kind']` → `spec.resourceSelectors[0].kind`). Keys that contain a
 * dot, a bracket or whitespace (label keys such as `app.kubernetes.io/name`) are quoted in brackets.
 * The empty path formats as `""`.
 */
export function formatFieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/[.[\]\s"]/.test(part) || part === '') out += `[${JSON.stringify(part)}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
