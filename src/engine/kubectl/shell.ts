/**
 * Splits a console line into words the way a POSIX shell would before kubectl sees them:
 * whitespace separates words, '…' is literal, "…" keeps spaces and honours \" \\ \$ \`, and a
 * backslash outside quotes escapes the next character. Podlab has no shell, so pipes,
 * redirections and command substitution are reported instead of silently passed to kubectl.
 */

export interface ShellWords {
  readonly words: string[];
  /** Start offset of each word in the line (for completion and error markers). */
  readonly offsets: number[];
  /** The first unquoted shell operator (`|`, `>`, `;`, `&&`, `$(`), if any. */
  readonly operator?: string;
  /** A quote left open at the end of the line. */
  readonly unterminatedQuote?: '"' | "'";
}

export function splitShellWords(line: string): ShellWords {
  const words: string[] = [];
  const offsets: number[] = [];
  let current = '';
  let inWord = false;
  let start = 0;
  let operator: string | undefined;
  const endWord = () => {
    if (inWord) {
      words.push(current);
      offsets.push(start);
    }
    current = '';
    inWord = false;
  };
  const beginWord = (at: number) => {
    if (!inWord) {
      inWord = true;
      start = at;
    }
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      endWord();
      continue;
    }
    if (ch === "'") {
      beginWord(i);
      const close = line.indexOf("'", i + 1);
      if (close < 0) {
        current += line.slice(i + 1);
        endWord();
        return { words, offsets, operator, unterminatedQuote: "'" };
      }
      current += line.slice(i + 1, close);
      i = close;
      continue;
    }
    if (ch === '"') {
      beginWord(i);
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`\n'.includes(line[j + 1])) {
          j++;
          if (line[j] !== '\n') current += line[j];
        } else {
          current += line[j];
        }
      }
      if (j >= line.length) {
        endWord();
        return { words, offsets, operator, unterminatedQuote: '"' };
      }
      i = j;
      continue;
    }
    if (ch === '\\') {
      beginWord(i);
      if (i + 1 < line.length) {
        i++;
        if (line[i] !== '\n') current += line[i];
      }
      continue;
    }
    if (!operator && !inWord && (ch === '|' || ch === ';' || ch === '>' || ch === '<' || (ch === '&' && line[i + 1] === '&'))) {
      operator = ch === '&' ? '&&' : ch;
    } else if (!operator && ch === '$' && line[i + 1] === '(') {
      operator = '$(';
    } else if (!operator && inWord && (ch === '|' || ch === ';' || ch === '>')) {
      operator = ch;
    }
    beginWord(i);
    current += ch;
  }
  endWord();
  return { words, offsets, operator };
}
