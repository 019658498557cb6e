/**
 * The server-side Table model and cli-runtime's HumanReadablePrinter: column definitions with
 * priorities (priority 1 only with -o wide), decoration with NAMESPACE / kind prefix / -L label
 * columns / LABELS, and row rendering through the kubectl tabwriter.
 */
import type { KubeObject } from '../../api/types';
import { formatLabels } from '../../api/labels';
import { type TabWriter } from '../tabwriter';

export interface ColumnDef {
  readonly name: string;
  /** 0 = always shown, 1 = only with -o wide. */
  readonly priority?: number;
  /** The column holding the object name (gets the `kind/` prefix). */
  readonly isName?: boolean;
}

export interface TableRow {
  readonly cells: readonly string[];
  /** The object behind the row (labels, namespace, sorting). */
  readonly object: KubeObject;
}

export interface Table {
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly TableRow[];
}

export interface TablePrintOptions {
  readonly wide?: boolean;
  readonly noHeaders?: boolean;
  readonly withNamespace?: boolean;
  /** `pod`, `replicaset.apps`: prefixes the name column when several kinds are printed. */
  readonly kindPrefix?: string;
  readonly showLabels?: boolean;
  /** -L keys, in order. */
  readonly columnLabels?: readonly string[];
  /** --output-watch-events: ADDED / MODIFIED / DELETED. */
  readonly eventType?: 'ADDED' | 'MODIFIED' | 'DELETED';
}

/** Rows per tabwriter flush in printTable; later rows keep earlier widths (RememberWidths). */
const FLUSH_INTERVAL_ROWS = 100;

const WATCH_EVENT_LABELS: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ' };

/** Header names for -L columns: the last path segment, upper-cased. */
function labelHeaders(keys: readonly string[]): string[] {
  return keys.map((k) => k.split('/').pop()!.toUpperCase());
}

/** appendCellValue: a newline, carriage return or form feed cuts the cell and adds "...". */
function cellText(value: string): string {
  const cut = value.search(/[\f\n\r]/);
  return cut >= 0 ? value.slice(0, cut) + '...' : value;
}

export function headerCells(table: Table, options: TablePrintOptions): string[] {
  const out: string[] = [];
  if (options.eventType) out.push('EVENT');
  if (options.withNamespace) out.push('NAMESPACE');
  for (const c of table.columns) if (options.wide || !c.priority) out.push(c.name.toUpperCase());
  out.push(...labelHeaders(options.columnLabels ?? []));
  if (options.showLabels) out.push('LABELS');
  return out;
}

export function rowCells(table: Table, row: TableRow, options: TablePrintOptions): string[] {
  const out: string[] = [];
  if (options.eventType) out.push(WATCH_EVENT_LABELS[options.eventType]);
  if (options.withNamespace) out.push(row.object.metadata.namespace ?? '');
  table.columns.forEach((c, i) => {
    if (!options.wide && c.priority) return;
    const value = row.cells[i] ?? '';
    out.push(c.isName && options.kindPrefix ? `${options.kindPrefix}/${value}` : value);
  });
  const labels = row.object.metadata.labels ?? {};
  for (const key of options.columnLabels ?? []) out.push(labels[key] ?? '');
  if (options.showLabels) out.push(formatLabels(row.object.metadata.labels));
  return out.map(cellText);
}

/**
 * Writes the table into `writer` like printTable: no header for an empty table, header unless
 * suppressed, then one tab-separated line per row, flushing every 100 rows.
 */
export function writeTable(writer: TabWriter, table: Table, options: TablePrintOptions): void {
  if (!options.noHeaders) {
    if (table.rows.length === 0) return;
    writer.write(headerCells(table, options).join('\t') + '\n');
  }
  table.rows.forEach((row, i) => {
    writer.write(rowCells(table, row, options).join('\t') + '\n');
    if ((i + 1) % FLUSH_INTERVAL_ROWS === 0) writer.flush();
  });
}

/** Column names joined for containers/images in wide output (printers.layoutContainerCells). */
export function layoutContainerCells(containers: readonly { name?: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}
