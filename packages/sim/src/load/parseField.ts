// Field parsing shared by the trace loaders: plain decimal numbers only (no hex, no "Infinity").
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A trimmed CSV field as a number: `undefined` when empty, `NaN` when it is not a decimal number. */
export function parseNumericField(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  if (t === '') return undefined;
  return DECIMAL.test(t) ? Number(t) : Number.NaN;
}
