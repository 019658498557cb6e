import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, TabWriter, tabwrite } from './tabwriter';

describe('tabwriter (Go text/tabwriter, liggitt fork)', () => {
  it('pads tab-terminated cells to the widest cell plus padding, minimum width included', () => {
    // minwidth 6 makes the 2-character AGE cells 6 wide; the last cell of a line is never padded.
    const out = tabwrite('NAME\tREADY\tAGE\tX\nnginx\t1/1\t5s\tY\n', TABLE_TABWRITER);
    expect(out).toBe('NAME    READY   AGE   X\nnginx   1/1     5s    Y\n');
  });

  it('only aligns contiguous lines: a line with fewer cells ends the column block', () => {
    const out = tabwrite('a\tb\tc\naaaa\tbbbbb\tc\nz\nq\tr\n', { minWidth: 0, padding: 1 });
    expect(out).toBe('a    b     c\naaaa bbbbb c\nz\nq r\n');
  });

  it('treats a trailing empty cell as a column (describe\'s "Name\\t\\tCPU")', () => {
    const out = tabwrite('  Namespace\tName\t\tCPU\n  default\tnginx\t\t0\n', DESCRIBE_TABWRITER);
    expect(out).toBe('  Namespace  Name     CPU\n  default    nginx    0\n');
  });

  it('counts runes, not UTF-16 units or bytes', () => {
    expect(tabwrite('é\tx\nab\ty\n', { minWidth: 0, padding: 1 })).toBe('é  x\nab y\n');
  });

  it('formats the partial last line with the others on flush', () => {
    expect(tabwrite('a\tb\nccc\td', { minWidth: 0, padding: 1 })).toBe('a   b\nccc d');
  });

  it('remembers widths across flushes with RememberWidths, and forgets them when asked', () => {
    const w = new TabWriter(TABLE_TABWRITER);
    w.write('NAME\tSTATUS\nlong-pod-name\tRunning\n');
    expect(w.take()).toBe('NAME            STATUS\nlong-pod-name   Running\n');
    w.write('a\tPending\n');
    expect(w.take()).toBe('a               Pending\n');
    w.resetRememberedWidths();
    w.write('a\tPending\n');
    expect(w.take()).toBe('a     Pending\n');
  });
});
