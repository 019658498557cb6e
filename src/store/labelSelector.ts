import type { SelectorRequirementDto } from '../protocol/dto';

/**
 * Label selectors on the page: the graph's label filter (typed by the learner, in kubectl's `-l`
 * syntax) and owners' selectors (requirements from the worker), for hover highlights.
 */
export type Requirement = SelectorRequirementDto;

/** True when every requirement holds (an empty list matches everything, as in Kubernetes). */
export function matchesRequirements(requirements: readonly Requirement[], labels: Readonly<Record<string, string>>): boolean {
  for (const r of requirements) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'In':
        if (!has || !r.values.includes(labels[r.key])) return false;
        break;
      case 'NotIn':
        if (has && r.values.includes(labels[r.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/**
 * Parses `app=web,tier!=db,env in (a,b),!legacy,debug` (kubectl -l syntax). Returns undefined for
 * text it cannot read, so the filter can say so instead of guessing.
 */
export function parseLabelFilter(text: string): Requirement[] | undefined {
  const source = text.trim();
  if (source === '') return [];
  // Split on commas outside parentheses.
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) return undefined;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) return undefined;
  terms.push(current);
  const out: Requirement[] = [];
  const key = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;
  for (const raw of terms) {
    const term = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(\S+?)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term))) {
      if (!key.test(m[1])) return undefined;
      out.push({ key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values: m[3].split(',').map((v) => v.trim()).filter((v) => v !== '') });
    } else if ((m = /^([^=!\s]+)\s*!=\s*(\S*)$/.exec(term))) {
      if (!key.test(m[1])) return undefined;
      out.push({ key: m[1], operator: 'NotIn', values: [m[2]] });
    } else if ((m = /^([^=!\s]+)\s*==?\s*(\S*)$/.exec(term))) {
      if (!key.test(m[1])) return undefined;
      out.push({ key: m[1], operator: 'In', values: [m[2]] });
    } else if ((m = /^!\s*(\S+)$/.exec(term))) {
      if (!key.test(m[1])) return undefined;
      out.push({ key: m[1], operator: 'DoesNotExist', values: [] });
    } else if (key.test(term)) {
      out.push({ key: term, operator: 'Exists', values: [] });
    } else return undefined;
  }
  return out;
}

/** Name search: case-insensitive substring; '' matches nothing (no search). */
export function searchHit(search: string, name: string): boolean {
  const needle = search.trim().toLowerCase();
  return needle !== '' && name.toLowerCase().includes(needle);
}
