/**
 * describe.go's PrefixWriter over its tabbedString tabwriter (minwidth 0, padding 2): each
 * indentation level is two spaces, and Flush ends the current alignment block (DescribeEvents
 * flushes before its table).
 */
import { DESCRIBE_TABWRITER, TabWriter } from '../tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class PrefixWriter {
  private readonly tw: TabWriter | undefined;
  private raw = '';

  /** `raw`: write straight to a buffer, tabs and all (rollout history --revision does this). */
  constructor(raw = false) {
    this.tw = raw ? undefined : new TabWriter(DESCRIBE_TABWRITER);
  }

  write(level: number, text: string): void {
    this.put('  '.repeat(level) + text);
  }

  /** WriteLine: the values joined with spaces and a newline (fmt.Sprintln). */
  writeLine(...values: string[]): void {
    this.put(values.join(' ') + '\n');
  }

  flush(): void {
    this.tw?.flush();
  }

  toString(): string {
    return this.tw ? this.tw.take() : this.raw;
  }

  private put(text: string): void {
    if (this.tw) this.tw.write(text);
    else this.raw += text;
  }
}

/** tabbedString: runs a describer against a fresh writer and returns the formatted text. */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  fn(w);
  return w.toString();
}
