/**
 * Models apimachinery intstr.GetScaledValueFromIntOrPercent: an int is taken as is, `"25%"` is that
 * share of `total`, rounded up or down. Anything else is invalid and counts as 0 (validation keeps
 * such values out of stored objects).
 */
export function scaledValueFromIntOrPercent(value: number | string | undefined | null, total: number, roundUp: boolean): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return Math.trunc(value);
  const match = /^(-?[0-9]+)%$/.exec(value);
  if (!match) return 0;
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
