import type { ManifestErrorDto } from '../../protocol/dto';

/** Marker data in Monaco's shape, without importing Monaco (so it is unit-testable in node). */
export interface MarkerSpec {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * 1-based line where YAML document `index` starts (its first content line, else its `---`), counting
 * documents as the `yaml` parser does: a `---` before any content opens document 0.
 */
export function documentStartLine(text: string, index: number): number {
  const lines = text.split('\n');
  let doc = 0;
  let opened = false;
  let openedAt = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^---(\s|$)/.test(line)) {
      if (opened) doc++;
      opened = true;
      if (doc === index) openedAt = i + 1;
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    opened = true;
    if (doc === index) return i + 1;
    if (doc > index) break;
  }
  return openedAt;
}

/**
 * Engine errors/warnings → editor markers. A position marks its range (a zero-width range grows to
 * the end of its line so it stays visible); no position marks the first line of the document.
 */
export function markersFor(text: string, errors: readonly ManifestErrorDto[], warnings: readonly ManifestErrorDto[] = []): MarkerSpec[] {
  const lines = text.split('\n');
  const lineCount = Math.max(1, lines.length);
  const lineEnd = (line: number) => (lines[line - 1]?.length ?? 0) + 1;
  const one = (e: ManifestErrorDto, severity: MarkerSpec['severity']): MarkerSpec => {
    const message = e.fieldPath && !e.message.includes(e.fieldPath) ? `${e.message} (${e.fieldPath})` : e.message;
    if (e.position) {
      const startLine = clamp(e.position.line, 1, lineCount);
      const startColumn = Math.max(1, e.position.column);
      let endLine = clamp(Math.max(e.position.endLine, startLine), 1, lineCount);
      let endColumn = Math.max(1, e.position.endColumn);
      if (endLine === startLine && endColumn <= startColumn) {
        endLine = startLine;
        endColumn = Math.max(lineEnd(startLine), startColumn + 1);
      }
      return { startLineNumber: startLine, startColumn, endLineNumber: endLine, endColumn, message, severity };
    }
    const line = clamp(documentStartLine(text, e.documentIndex), 1, lineCount);
    return { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: Math.max(2, lineEnd(line)), message, severity };
  };
  return [...errors.map((e) => one(e, 'error')), ...warnings.map((e) => one(e, 'warning'))];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value) || min));
}
