/**
 * A cheap pre-scan of manifest text for nesting depth. The YAML parser recurses per level, so a
 * document nested thousands deep overflows the stack and the learner sees "Maximum call stack size
 * exceeded"; go-yaml refuses such input with "exceeded max depth" instead, and so do we, before
 * parsing. The count is an upper bound on the parsed depth: indentation levels, `- ` markers that
 * open a list on the same line, and open `[`/`{` outside quotes and comments. Block scalar bodies
 * (`|`, `>`) are text, not structure, and are skipped.
 */
export interface DepthViolation {
  /** 1-based line and column of the character that went past the limit. */
  readonly line: number;
  readonly column: number;
}

const BLOCK_SCALAR_HEADER = /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/;

export function firstNestingViolation(text: string, maxDepth: number): DepthViolation | undefined {
  const indents: number[] = [];
  let flowDepth = 0;
  let blockScalarIndent: number | undefined;
  let lineStart = 0;
  for (let lineNo = 1; lineStart <= text.length; lineNo++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    let indent = 0;
    while (indent < line.length && line[indent] === ' ') indent++;
    const blank = indent === line.length || line[indent] === '#' || line[indent] === '\r';
    if (blockScalarIndent !== undefined) {
      if (blank || indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if (blank) continue;
    if (line.startsWith('---', indent) || line.startsWith('...', indent)) {
      indents.length = 0;
      flowDepth = 0;
      continue;
    }
    if (flowDepth === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    let depth = indents.length + flowDepth;
    if (depth > maxDepth) return { line: lineNo, column: indent + 1 };
    let column = indent;
    // Each `- ` that opens a list on this line is one more level.
    while (flowDepth === 0 && line[column] === '-' && (line[column + 1] === ' ' || column + 1 === line.length)) {
      depth++;
      if (depth > maxDepth) return { line: lineNo, column: column + 1 };
      column += 2;
      while (line[column] === ' ') column++;
    }
    let quote: string | undefined;
    for (; column < line.length; column++) {
      const ch = line[column];
      if (quote) {
        if (ch === '\\' && quote === '"') column++;
        else if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '"' || ch === "'") {
        // A quote only opens a string at the start of a scalar, not inside a plain word (it's).
        const prev = column > 0 ? line[column - 1] : ' ';
        if (prev === ' ' || prev === '[' || prev === '{' || prev === ',' || prev === ':') quote = ch;
        continue;
      }
      if (ch === '#' && (column === 0 || line[column - 1] === ' ')) break;
      if (ch === '[' || ch === '{') {
        flowDepth++;
        if (depth + 1 > maxDepth) return { line: lineNo, column: column + 1 };
        depth++;
      } else if ((ch === ']' || ch === '}') && flowDepth > 0) {
        flowDepth--;
        depth--;
      }
    }
    if (flowDepth === 0 && BLOCK_SCALAR_HEADER.test(line)) blockScalarIndent = indent;
  }
  return undefined;
}
