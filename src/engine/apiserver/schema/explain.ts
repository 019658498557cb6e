/**
 * `kubectl explain` over the field catalog, in the layout of kubectl's OpenAPI v3 plaintext template
 * (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl): GROUP/KIND/VERSION, the
 * FIELD line with its type, ENUM, DESCRIPTION wrapped at 76 columns, and FIELDS (or the nested
 * type tree with `--recursive`). Descriptions are the opening sentences of the real ones.
 */
import { KINDS, type KindInfo } from '../../api/types';
import { elementType, isListType, isMapType, rootTypeKey, typeDef, type FieldDef, type FieldType } from './catalog';
import { typeLabel } from './jsonSchema';

export interface ExplainOptions {
  /** `--api-version`: group/version to explain (e.g. autoscaling/v1); default the preferred one. */
  readonly apiVersion?: string;
  /** `--recursive`: print the field tree instead of descriptions. */
  readonly recursive?: boolean;
  /** Append Podlab's notes (not simulated, defaults); off by default so output matches kubectl. */
  readonly podlabNotes?: boolean;
}

export type ExplainResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** Finds a kind by kubectl's resource spellings: `pods`, `pod`, `po`, `Pod`, `deployments.apps`. */
export function resolveResource(resource: string): KindInfo | undefined {
  const lower = resource.toLowerCase();
  const [name, group] = lower.includes('.') ? [lower.slice(0, lower.indexOf('.')), lower.slice(lower.indexOf('.') + 1)] : [lower, undefined];
  return KINDS.find(
    (k) => (group === undefined || k.group === group) && (k.plural === name || k.singular === name || k.kind.toLowerCase() === name || k.shortNames.includes(name)),
  );
}

/**
 * goutils.Wrap as sprig's `wrap` uses it: each line is cut at the last space that keeps it within
 * `width`; a word longer than the width stays whole on its own line.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        if (rest[0] === ' ') {
          rest = rest.slice(1);
          continue;
        }
        let cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) cut = rest.indexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out.join('\n');
    })
    .join('\n');
}

/** sprig `indent`: prefixes every line, including an empty last one. */
function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

function structOf(type: FieldType): string | undefined {
  let t = type;
  while (isListType(t) || isMapType(t)) t = elementType(t);
  return typeDef(t) ? t : undefined;
}

function fieldText(field: FieldDef, notes: boolean): string {
  if (!notes) return field.description || '<no description>';
  const extra: string[] = [];
  if (field.defaultValue !== undefined) extra.push(`Podlab default: ${JSON.stringify(field.defaultValue)}.`);
  if (!field.simulated) extra.push(`Podlab: not simulated. ${field.note ?? ''}`.trim());
  return [field.description || '<no description>', ...extra].join(' ');
}

function enumLong(field: FieldDef): string {
  return field.enum ? `ENUM:${field.enum.map((v) => `\n    ${v === '' ? '""' : v}`).join('')}` : '';
}

function enumShort(field: FieldDef, indentAmount: number): string {
  if (!field.enum) return '';
  const shown = field.enum.slice(0, 4).map((v) => (v === '' ? '""' : v));
  return `\n${' '.repeat(indentAmount)}enum: ${shown.join(', ')}${field.enum.length > 4 ? ', ....' : ''}`;
}

function fieldList(typeKey: string, level: number, recursive: boolean, notes: boolean, seen: Set<string>): string {
  const def = typeDef(typeKey);
  if (!def || seen.has(typeKey)) return '';
  const nextSeen = new Set(seen).add(typeKey);
  let out = '';
  const indentAmount = level * 2;
  for (const field of def.fields.values()) {
    out += `${' '.repeat(indentAmount)}${field.name}\t<${typeLabel(field.type)}>${field.required ? ' -required-' : ''}${enumShort(field, indentAmount)}\n`;
    if (!recursive) {
      out += `${indent(wrapText(fieldText(field, notes), 78 - indentAmount), indentAmount + 2)}\n\n`;
    } else {
      const child = structOf(field.type);
      if (child) out += fieldList(child, level + 1, recursive, notes, nextSeen);
    }
  }
  return out;
}

/**
 * `kubectl explain <resource>[.<field>...]`. `resource` is a resource name (`pods`, `deploy`,
 * `hpa`); `fieldPath` the dotted path below it (`spec.containers`).
 */
export function explainField(resource: string, fieldPath: string | readonly string[] = [], options: ExplainOptions = {}): ExplainResult {
  const info = resolveResource(resource);
  if (!info) return { ok: false, error: `error: the server doesn't have a resource type "${resource}"` };
  const apiVersion = options.apiVersion ?? info.apiVersion;
  if (!info.acceptedApiVersions.includes(apiVersion)) {
    return { ok: false, error: `error: couldn't find resource for "${info.plural}.${info.group || ''}/${apiVersion}"`.replace('./', '/') };
  }
  const path = typeof fieldPath === 'string' ? fieldPath.split('.').filter(Boolean) : [...fieldPath];
  const notes = options.podlabNotes ?? false;
  const recursive = options.recursive ?? false;
  const slash = apiVersion.indexOf('/');
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  let out = info.group ? `GROUP:      ${info.group}\n` : '';
  out += `KIND:       ${info.kind}\nVERSION:    ${version}\n\n`;

  let typeKey: string | undefined = rootTypeKey(info.kind, apiVersion)!;
  let field: FieldDef | undefined;
  for (const segment of path) {
    const def = typeKey ? typeDef(typeKey) : undefined;
    const next = def?.fields.get(segment);
    if (!next) return { ok: false, error: `error: field "${segment}" does not exist` };
    field = next;
    typeKey = structOf(next.type);
  }

  let description: string;
  if (field) {
    out += `FIELD: ${field.name} <${typeLabel(field.type)}>\n${enumLong(field)}\n\n`;
    // The field's own text, then that of the type it holds (as the template walks allOf/items).
    description = `${fieldText(field, notes)}\n${typeKey ? `${typeDef(typeKey)!.description}\n` : ''}`;
  } else {
    description = `${typeDef(typeKey!)!.description}\n`;
  }
  out += `DESCRIPTION:\n${indent(wrapText(description || '<empty>', 76), 4)}\n`;
  const fields = typeKey ? fieldList(typeKey, 1, recursive, notes, new Set()) : '';
  if (fields) out += `FIELDS:\n${fields}`;
  return { ok: true, text: `${out}\n` };
}

/** `kubectl explain pods.spec.containers` with the whole argument as kubectl receives it. */
export function explain(argument: string, options: ExplainOptions = {}): ExplainResult {
  // A resource may carry its group (`deployments.apps.spec`): take the longest prefix that resolves.
  const parts = argument.split('.');
  for (let take = Math.min(parts.length, 3); take >= 1; take--) {
    const resource = parts.slice(0, take).join('.');
    if (take > 1 && !resolveResource(resource)) continue;
    if (take > 1 && !KINDS.some((k) => k.group === parts.slice(1, take).join('.'))) continue;
    return explainField(resource, parts.slice(take), options);
  }
  return explainField(argument, [], options);
}
