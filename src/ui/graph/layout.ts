/**
 * Pure geometry for the cluster graph, built to be stable: a pod keeps its slot in its node for as
 * long as it stays there, so adding (or removing) a pod never moves another one.
 *
 * - Every group (the "unscheduled" lane, then one per node) is a grid of pod slots with the same
 *   capacity, a power of two. Slots fill in blocks of 2×2 that double alternately to the right and
 *   downwards (a Morton order), so slot i has one fixed place whatever the capacity: when the
 *   capacity doubles, groups grow, but every pod keeps its place inside its group.
 * - Capacity only grows while the page lives (shrinking would move groups back and forth).
 * - Groups sit in a grid of equal cells, lane first, nodes in the order they appeared.
 * - Owners (Deployments, ReplicaSets, …) sit in a band above, in slots of their own.
 *
 * No React here; unit-tested in layout.test.ts.
 */
export const POD_WIDTH = 184;
export const POD_HEIGHT = 58;
export const POD_GAP = 10;
export const GROUP_PADDING = 12;
/** Room for the node's name, status and resource bars above its pods. */
export const GROUP_HEADER = 92;
export const GROUP_GAP = 36;
export const BLOCK_COLUMNS = 2;
export const BLOCK_ROWS = 2;
export const BLOCK_SLOTS = BLOCK_COLUMNS * BLOCK_ROWS;
export const MIN_CAPACITY = BLOCK_SLOTS;

export const OWNER_WIDTH = 200;
export const OWNER_HEIGHT = 62;
export const OWNER_GAP = 16;
/** Between the owners band and the groups. */
export const OWNER_BAND_GAP = 70;

/** Smallest allowed capacity (a power of two, at least one block) that holds `count` pods. */
export function capacityFor(count: number): number {
  let capacity = MIN_CAPACITY;
  while (capacity < count) capacity *= 2;
  return capacity;
}

/** Splits the bits of k: even bits give x, odd bits give y (Morton decoding). */
function morton(k: number): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let bit = 0; k > 0; bit++, k = Math.floor(k / 4)) {
    x |= (k & 1) << bit;
    y |= ((k >> 1) & 1) << bit;
  }
  return { x, y };
}

/** Column and row of slot i (independent of capacity). */
export function slotCell(slot: number): { column: number; row: number } {
  const block = morton(Math.floor(slot / BLOCK_SLOTS));
  const within = slot % BLOCK_SLOTS;
  return { column: block.x * BLOCK_COLUMNS + (within % BLOCK_COLUMNS), row: block.y * BLOCK_ROWS + Math.floor(within / BLOCK_COLUMNS) };
}

/** Columns and rows a group of this capacity needs. */
export function gridOf(capacity: number): { columns: number; rows: number } {
  const blocks = Math.max(1, capacity / BLOCK_SLOTS);
  const bits = Math.round(Math.log2(blocks));
  return { columns: 2 ** Math.ceil(bits / 2) * BLOCK_COLUMNS, rows: 2 ** Math.floor(bits / 2) * BLOCK_ROWS };
}

export function groupSize(capacity: number): { width: number; height: number } {
  const { columns, rows } = gridOf(capacity);
  return {
    width: GROUP_PADDING * 2 + columns * POD_WIDTH + (columns - 1) * POD_GAP,
    height: GROUP_HEADER + rows * POD_HEIGHT + (rows - 1) * POD_GAP + GROUP_PADDING,
  };
}

/** Position of a slot relative to its group. */
export function slotPosition(slot: number): { x: number; y: number } {
  const { column, row } = slotCell(slot);
  return { x: GROUP_PADDING + column * (POD_WIDTH + POD_GAP), y: GROUP_HEADER + row * (POD_HEIGHT + POD_GAP) };
}

/** Groups per row that make the fitted drawing largest in a viewport of this aspect (width / height). */
export function groupsPerRow(count: number, cell: { width: number; height: number }, aspect: number): number {
  if (count <= 1) return 1;
  const safeAspect = Number.isFinite(aspect) && aspect > 0 ? aspect : 16 / 9;
  let best = { perRow: count, scale: -1 };
  for (let perRow = count; perRow >= 1; perRow--) {
    const rows = Math.ceil(count / perRow);
    const width = perRow * cell.width + (perRow - 1) * GROUP_GAP;
    const height = rows * cell.height + (rows - 1) * GROUP_GAP;
    const scale = Math.min(safeAspect / width, 1 / height);
    if (scale > best.scale * 1.0001) best = { perRow, scale };
  }
  return best.perRow;
}

// ------------------------------------------------------------------------------------------------
// Slot assignment (the memory that makes the layout stable).
// ------------------------------------------------------------------------------------------------

/** Where things were placed last time; feed it back in to keep them there. */
export interface LayoutMemory {
  /** Group id → (pod uid → slot). */
  readonly podSlots: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Node group order (ids), in order of first appearance. */
  readonly groupOrder: readonly string[];
  /** Owner tier → (owner uid → slot). */
  readonly ownerSlots: ReadonlyMap<number, ReadonlyMap<string, number>>;
  readonly capacity: number;
}

export const EMPTY_MEMORY: LayoutMemory = { podSlots: new Map(), groupOrder: [], ownerSlots: new Map(), capacity: MIN_CAPACITY };

/**
 * Keeps every member that is still present in its slot and gives new members the lowest free slots,
 * in the order given — or, when `preferred` names a slot for a member, the free slot nearest to it
 * (a Deployment's ReplicaSet under its Deployment). Pure: returns a new map.
 */
export function assignSlots(previous: ReadonlyMap<string, number> | undefined, members: readonly string[], preferred?: (uid: string) => number | undefined): Map<string, number> {
  const present = new Set(members);
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  if (previous) {
    for (const [uid, slot] of previous) {
      if (!present.has(uid)) continue;
      slots.set(uid, slot);
      taken.add(slot);
    }
  }
  let next = 0;
  for (const uid of members) {
    if (slots.has(uid)) continue;
    const want = preferred?.(uid);
    if (want !== undefined) {
      let slot = want;
      for (let d = 1; taken.has(slot); d++) {
        if (!taken.has(want + d)) slot = want + d;
        else if (want - d >= 0 && !taken.has(want - d)) slot = want - d;
      }
      slots.set(uid, slot);
      taken.add(slot);
      continue;
    }
    while (taken.has(next)) next++;
    slots.set(uid, next);
    taken.add(next);
  }
  return slots;
}

/** Node groups in order of first appearance: known ones keep their place, new ones are appended. */
export function orderGroups(previous: readonly string[], current: readonly string[]): string[] {
  const present = new Set(current);
  const kept = previous.filter((id) => present.has(id));
  const known = new Set(kept);
  return [...kept, ...current.filter((id) => !known.has(id))];
}

export function highestSlot(slots: ReadonlyMap<string, number>): number {
  let max = -1;
  for (const slot of slots.values()) if (slot > max) max = slot;
  return max;
}
