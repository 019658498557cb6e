/**
 * Go's text/tabwriter (Elastic Tabstops), as forked in github.com/liggitt/tabwriter with the
 * RememberWidths flag. kubectl's tables and describe output are its byte-exact output, so this
 * is a port of the algorithm: tab-terminated cells in contiguous lines form a column, the last
 * cell of a line is not part of any column, and a line without tabs flushes the buffer.
 */

export interface TabWriterOptions {
  /** Minimal cell width including padding. */
  readonly minWidth: number;
  /** Padding added to a cell's text width before computing the column width. */
  readonly padding: number;
  /** Keep per-column maximum widths across flushes (kubectl's table printer and watch). */
  readonly rememberWidths?: boolean;
}

/** cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths. */
export const TABLE_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3, rememberWidths: true };
/** kubectl describe's tabbedString: minwidth 0, tabwidth 8, padding 2, ' ', no flags. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, padding: 2 };

interface Cell {
  readonly text: string;
  /** Width in code points (Go counts runes). */
  readonly width: number;
}

function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export class TabWriter {
  private out = '';
  /** Completed lines of the current block; the partial line is `current` + `cellText`. */
  private lines: Cell[][] = [];
  private current: Cell[] = [];
  private cellText = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];

  constructor(private readonly options: TabWriterOptions) {}

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\t' || ch === '\v') {
        this.current.push({ text: this.cellText, width: runeCount(this.cellText) });
        this.cellText = '';
      } else if (ch === '\n' || ch === '\f') {
        this.current.push({ text: this.cellText, width: runeCount(this.cellText) });
        this.cellText = '';
        const cells = this.current.length;
        this.lines.push(this.current);
        this.current = [];
        // A line with a single cell cannot affect later columns, so Go flushes here.
        if (ch === '\f' || cells === 1) this.flushLines();
      } else {
        this.cellText += ch;
      }
    }
  }

  /** Formats everything buffered; the partial last line is written without a newline. */
  flush(): void {
    // Go formats the incomplete last line together with the buffered ones and ends it without a newline.
    const partial = this.cellText !== '' ? [...this.current, { text: this.cellText, width: runeCount(this.cellText) }] : this.current;
    this.current = [];
    this.cellText = '';
    if (partial.length > 0) {
      this.lines.push(partial);
      this.format(0, this.lines.length, true);
      this.lines = [];
      this.widths = [];
    } else {
      this.flushLines();
    }
  }

  /** Flushes and returns all output produced so far, clearing it. */
  take(): string {
    this.flush();
    const out = this.out;
    this.out = '';
    return out;
  }

  /** Forgets remembered widths (kubectl does this when a new resource type starts). */
  resetRememberedWidths(): void {
    this.maxWidths = [];
  }

  private flushLines(): void {
    if (this.lines.length === 0) return;
    this.format(0, this.lines.length, false);
    this.lines = [];
    this.widths = [];
  }

  private format(line0: number, line1: number, lastIsPartial: boolean): void {
    const column = this.widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= this.lines[i].length - 1) continue;
      // This line has a cell in this column: print lines before the block, then size the block.
      this.writeLines(line0, i, lastIsPartial);
      line0 = i;
      let width = this.options.minWidth;
      for (; i < line1; i++) {
        const line = this.lines[i];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + this.options.padding);
      }
      if (this.options.rememberWidths) {
        if (this.maxWidths.length < this.widths.length) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
        const at = this.widths.length;
        if (this.maxWidths.length === at) this.maxWidths.push(width);
        else if (this.maxWidths[at] > width) width = this.maxWidths[at];
        else if (this.maxWidths[at] < width) this.maxWidths[at] = width;
      }
      this.widths.push(width);
      this.format(line0, i, lastIsPartial);
      this.widths.pop();
      line0 = i;
    }
    this.writeLines(line0, line1, lastIsPartial);
  }

  private writeLines(line0: number, line1: number, lastIsPartial: boolean): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((cell, j) => {
        this.out += cell.text;
        if (j < this.widths.length) this.out += ' '.repeat(Math.max(0, this.widths[j] - cell.width));
      });
      if (!(lastIsPartial && i === this.lines.length - 1)) this.out += '\n';
    }
  }
}

/** Runs text through a tabwriter in one go. */
export function tabwrite(text: string, options: TabWriterOptions): string {
  const writer = new TabWriter(options);
  writer.write(text);
  return writer.take();
}
