/**
 * Printing objects the way `kubectl get` does: human-readable tables per resource type
 * (blank line between types, `kind/` prefixes when several types are printed, NAMESPACE with
 * -A), or a generic printer (-o json|yaml|name|jsonpath|custom-columns) over a single object or
 * a v1 List.
 */
import type { KubeObject } from '../api/types';
import { fail } from './errors';
import { tableFor } from './printers';
import { writeTable, type Table, type TablePrintOptions } from './printers/table';
import { kindGroupString, resourceForKind, type ResourceType } from './resources';
import { TABLE_TABWRITER, TabWriter } from './tabwriter';
import { toKubectlJson } from './output/json';
import { toGoYaml } from './output/yaml';
import { JsonPath, JsonPathError, relaxedJsonPath } from './output/jsonpath';
import { parseCustomColumns, printCustomColumns } from './output/customColumns';
import { naturalLess } from './naturalSort';
import { tryParseQuantity } from '../api/quantity';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string };

const ALLOWED_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Parses -o; `files` serves -o custom-columns-file= / jsonpath-file= from the editor's buffers. */
export function parseOutputFormat(output: string, files?: Readonly<Record<string, string>>): OutputFormat {
  if (output === '') return { kind: 'table', wide: false };
  if (output === 'wide') return { kind: 'table', wide: true };
  if (output === 'json') return { kind: 'json' };
  if (output === 'yaml') return { kind: 'yaml' };
  if (output === 'name') return { kind: 'name' };
  const eq = output.indexOf('=');
  const format = eq >= 0 ? output.slice(0, eq) : output;
  const arg = eq >= 0 ? output.slice(eq + 1) : '';
  const fromFile = (name: string) => {
    const text = files?.[name];
    if (text === undefined) fail(`error reading template ${name}, open ${name}: no such file or directory`);
    return text;
  };
  switch (format) {
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (arg === '') fail('template format specified but no template given');
      return { kind: 'jsonpath', template: arg, asJson: format === 'jsonpath-as-json' };
    case 'jsonpath-file':
      return { kind: 'jsonpath', template: fromFile(arg), asJson: false };
    case 'custom-columns':
      return { kind: 'custom-columns', spec: arg };
    case 'custom-columns-file': {
      const lines = fromFile(arg).split('\n').filter((l) => l.trim() !== '');
      const headers = (lines[0] ?? '').trim().split(/\s+/);
      const paths = (lines[1] ?? '').trim().split(/\s+/);
      if (headers.length !== paths.length) fail(`expected ${headers.length} columns, got ${paths.length}`);
      return { kind: 'custom-columns', spec: headers.map((h, i) => `${h}:${paths[i]}`).join(',') };
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      fail(`Podlab does not run Go templates (-o ${format}); -o jsonpath=… covers the same ground, e.g. -o jsonpath='{.metadata.name}'`);
  }
  return fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`);
}

/** The v1 List kubectl builds for generic output of several (or listed) objects. */
export function listObject(items: readonly KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } } as unknown as KubeObject;
}

/** Generic printers: one object (single item implied) or a List. */
export function printGeneric(format: Exclude<OutputFormat, { kind: 'table' }>, objects: readonly KubeObject[], single: boolean, noHeaders = false): string {
  const data: unknown = single && objects.length === 1 ? objects[0] : listObject(objects);
  switch (format.kind) {
    case 'json':
      return toKubectlJson(data);
    case 'yaml':
      return toGoYaml(data);
    case 'name':
      return objects.map((o) => `${nameOf(o)}\n`).join('');
    case 'jsonpath': {
      let path: JsonPath;
      try {
        path = new JsonPath(format.template);
      } catch (err) {
        if (err instanceof JsonPathError) fail(`error parsing jsonpath ${format.template}, ${err.message}`);
        throw err;
      }
      try {
        if (format.asJson) return toKubectlJson(path.findResults(data).flat());
        return path.execute(data);
      } catch (err) {
        if (err instanceof JsonPathError) fail(`error executing jsonpath "${format.template}": Error executing template: ${err.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${format.template}\n\tobject given to jsonpath engine was:\n\t\t${JSON.stringify(data)}\n\n`);
        throw err;
      }
    }
    case 'custom-columns':
      return printCustomColumns(parseCustomColumns(format.spec), objects, noHeaders);
  }
}

/** `pod/nginx`, `replicaset.apps/web` (the name printer). */
export function nameOf(obj: KubeObject): string {
  const type = resourceForKind(obj.kind);
  return `${type ? kindGroupString(type) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

// ------------------------------------------------------------------------------------------
// --sort-by
// ------------------------------------------------------------------------------------------

function sortValue(path: JsonPath, obj: KubeObject): unknown {
  const results = path.findResults(obj);
  return results.length > 0 && results[0].length > 0 ? results[0][0] : undefined;
}

/** sorter.go isLess: numbers numerically, quantities by value, other strings naturally. */
function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = tryParseQuantity(a);
    const qb = tryParseQuantity(b);
    if (qa && qb) return qa.cmp(qb) < 0;
    return naturalLess(a, b);
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  return naturalLess(String(a), String(b));
}

/** Sorts objects by a --sort-by expression; rows without the field come first. */
export function sortObjects<T extends KubeObject>(objects: readonly T[], sortBy: string): T[] {
  let path: JsonPath;
  try {
    path = new JsonPath(relaxedJsonPath(sortBy));
  } catch (err) {
    if (err instanceof JsonPathError) fail(err.message);
    throw err;
  }
  const keyed = objects.map((o, i) => ({ o, i, v: sortValue(path, o) }));
  keyed.sort((x, y) => {
    if (x.v === undefined && y.v === undefined) return x.i - y.i;
    if (x.v === undefined) return -1;
    if (y.v === undefined) return 1;
    if (isLess(x.v, y.v)) return -1;
    if (isLess(y.v, x.v)) return 1;
    return x.i - y.i;
  });
  return keyed.map((k) => k.o);
}

// ------------------------------------------------------------------------------------------
// Human-readable output
// ------------------------------------------------------------------------------------------

export interface HumanOptions {
  readonly wide: boolean;
  readonly noHeaders: boolean;
  readonly allNamespaces: boolean;
  readonly showLabels: boolean;
  readonly columnLabels: readonly string[];
  readonly showKind: boolean;
  readonly nowMs: number;
}

export interface TypedGroup {
  readonly type: ResourceType;
  readonly objects: readonly KubeObject[];
}

/** Builds the table print options for one resource type. */
export function tableOptions(type: ResourceType, options: HumanOptions, withKind: boolean): TablePrintOptions {
  return {
    wide: options.wide,
    noHeaders: options.noHeaders,
    withNamespace: options.allNamespaces && type.namespaced,
    kindPrefix: withKind ? kindGroupString(type) : undefined,
    showLabels: options.showLabels,
    columnLabels: options.columnLabels,
  };
}

export function buildTable(type: ResourceType, objects: readonly KubeObject[], nowMs: number): Table {
  return tableFor(type.kind, objects, nowMs);
}

/**
 * Prints consecutive groups of one type each as a table; returns the text (maybe empty).
 * Groups stand for kubectl's infos: one per listed type (even when empty) and one per type of
 * found named objects, so `get all` prefixes names with their kind even if only pods exist.
 */
export function printHuman(groups: readonly TypedGroup[], options: HumanOptions): string {
  const withKind = options.showKind || new Set(groups.map((g) => g.type)).size > 1;
  const writer = new TabWriter(TABLE_TABWRITER);
  let out = '';
  for (const group of groups) {
    const table = buildTable(group.type, group.objects, options.nowMs);
    writer.resetRememberedWidths();
    writeTable(writer, table, tableOptions(group.type, options, withKind));
    const text = writer.take();
    if (text === '') continue;
    if (out !== '' && !options.noHeaders) out += '\n';
    out += text;
  }
  return out;
}
