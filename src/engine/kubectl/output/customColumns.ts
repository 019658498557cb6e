/**
 * `-o custom-columns=HEADER:.path,…` (cli-runtime CustomColumnsPrinter): one column per spec,
 * `<none>` when a path finds nothing, several values joined with commas, Go %v for collections.
 */
import type { KubeObject } from '../../api/types';
import { fail } from '../errors';
import { TABLE_TABWRITER, TabWriter } from '../tabwriter';
import { goFormatValue } from './gofmt';
import { JsonPath, JsonPathError, relaxedJsonPath } from './jsonpath';

export interface CustomColumn {
  readonly header: string;
  readonly path: JsonPath;
}

export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') fail('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) fail(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    try {
      return { header: part.slice(0, colon), path: new JsonPath(relaxedJsonPath(part.slice(colon + 1))) };
    } catch (err) {
      if (err instanceof JsonPathError) fail(err.message);
      throw err;
    }
  });
}

export function printCustomColumns(columns: readonly CustomColumn[], objects: readonly KubeObject[], noHeaders: boolean): string {
  const w = new TabWriter(TABLE_TABWRITER);
  if (!noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
  for (const obj of objects) {
    const cells = columns.map((c) => {
      const results = c.path.findResults(obj);
      const values = results.flat();
      if (results.length === 0 || results[0].length === 0) return '<none>';
      return values.map(goFormatValue).join(',');
    });
    w.write(cells.join('\t') + '\n');
  }
  return w.take();
}
