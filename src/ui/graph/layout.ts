/**
 * Pure geometry for the cluster graph: node groups side by side, pods in a grid inside each, and an
 * "unscheduled" lane on the left. Unit-tested (layout.test.ts); no React here.
 */
export const POD_WIDTH = 184;
export const POD_HEIGHT = 58;
export const POD_GAP = 10;
export const GROUP_PADDING = 12;
/** Room for the node's name, status and resource bars above its pods. */
export const GROUP_HEADER = 92;
export const GROUP_GAP = 36;
/** Node groups are at least this many pod columns wide, so the header fits. */
export const MIN_NODE_COLUMNS = 2;
/** An empty lane is one column wide. */
export const MIN_LANE_COLUMNS = 1;
export const MIN_ROWS = 2;

/** Grid columns for a group holding `count` pods: 2 up to 4 pods, then roughly square. */
export function columnsFor(count: number, minColumns: number): number {
  const square = count <= 4 ? 2 : Math.ceil(Math.sqrt(count));
  return Math.max(minColumns, square);
}

export function groupWidth(columns: number): number {
  return GROUP_PADDING * 2 + columns * POD_WIDTH + (columns - 1) * POD_GAP;
}

export function rowsFor(count: number, columns: number): number {
  return Math.max(MIN_ROWS, Math.ceil(count / columns));
}

export function groupHeight(rows: number): number {
  return GROUP_HEADER + rows * POD_HEIGHT + (rows - 1) * POD_GAP + GROUP_PADDING;
}

/** Position of the i-th pod relative to its group. */
export function podPosition(index: number, columns: number): { x: number; y: number } {
  const column = index % columns;
  const row = Math.floor(index / columns);
  return { x: GROUP_PADDING + column * (POD_WIDTH + POD_GAP), y: GROUP_HEADER + row * (POD_HEIGHT + POD_GAP) };
}

export interface GroupPlacement {
  readonly x: number;
  readonly y: number;
}

/**
 * Places equally tall groups left to right, wrapping into rows, with as many per row as makes the
 * drawing largest when fitted into a viewport of the given aspect ratio (width / height). Order is
 * kept: row by row, left to right.
 */
export function arrangeGroups(widths: readonly number[], height: number, aspect: number): { placements: GroupPlacement[]; width: number; height: number } {
  const n = widths.length;
  if (n === 0) return { placements: [], width: 0, height: 0 };
  const safeAspect = Number.isFinite(aspect) && aspect > 0 ? aspect : 16 / 9;
  let best = { perRow: n, scale: -1 };
  for (let perRow = n; perRow >= 1; perRow--) {
    const { width: w, height: h } = measure(widths, height, perRow);
    // Fitted scale for a viewport of width safeAspect and height 1.
    const scale = Math.min(safeAspect / w, 1 / h);
    if (scale > best.scale * 1.0001) best = { perRow, scale };
  }
  const placements: GroupPlacement[] = [];
  let x = 0;
  let row = 0;
  widths.forEach((w, i) => {
    if (i > 0 && i % best.perRow === 0) {
      row++;
      x = 0;
    }
    placements.push({ x, y: row * (height + GROUP_GAP) });
    x += w + GROUP_GAP;
  });
  return { placements, ...measure(widths, height, best.perRow) };
}

function measure(widths: readonly number[], height: number, perRow: number): { width: number; height: number } {
  let width = 0;
  for (let start = 0; start < widths.length; start += perRow) {
    const row = widths.slice(start, start + perRow);
    width = Math.max(width, row.reduce((sum, w) => sum + w, 0) + (row.length - 1) * GROUP_GAP);
  }
  const rows = Math.ceil(widths.length / perRow);
  return { width, height: rows * height + (rows - 1) * GROUP_GAP };
}
