import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { KubeObject } from '../api/types';
import { MAX_DOCUMENTS, MAX_MANIFEST_CHARS, MAX_NESTING_DEPTH } from '../sim/limits';
import { firstNestingViolation } from './nestingDepth';

/** Where in the source text something is, 1-based like an editor. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A problem with one document, positioned so the editor can put a marker on it. */
export interface ManifestError {
  readonly message: string;
  /** 0-based index of the YAML document in the file. */
  readonly documentIndex: number;
  readonly position?: SourcePosition;
  /** Field path inside the object, e.g. `spec.template.metadata.labels`. */
  readonly fieldPath?: string;
}

export interface ParsedDocument {
  readonly index: number;
  readonly object: KubeObject;
  /** Finds the source position of a field path (`spec.containers[0].image`); falls back to the closest parent. */
  positionOf(fieldPath: string): SourcePosition | undefined;
}

export interface ParsedManifest {
  readonly documents: readonly ParsedDocument[];
  readonly errors: readonly ManifestError[];
}

/** Splits `a.b[0].c` (and `metadata.labels[app.kubernetes.io/name]`-style keys) into YAML path segments. */
export function splitFieldPath(fieldPath: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[([^\]]+)\]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(fieldPath))) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[3]);
  }
  return segments;
}

function positionFromRange(counter: LineCounter, range: readonly [number, number, number?] | null | undefined): SourcePosition | undefined {
  if (!range) return undefined;
  const start = counter.linePos(range[0]);
  const end = counter.linePos(range[1]);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/**
 * Parses a multi-document YAML (or JSON) manifest, keeping source positions. A document that is
 * empty (`---` separators, comments) is skipped, as kubectl does.
 */
export function parseManifest(text: string): ParsedManifest {
  if (text.length > MAX_MANIFEST_CHARS) {
    return { documents: [], errors: [{ message: `error: the manifest is ${text.length} characters long; Podlab accepts at most ${MAX_MANIFEST_CHARS}`, documentIndex: 0 }] };
  }
  const tooDeep = firstNestingViolation(text, MAX_NESTING_DEPTH);
  if (tooDeep) {
    const position = { line: tooDeep.line, column: tooDeep.column, endLine: tooDeep.line, endColumn: tooDeep.column + 1 };
    return { documents: [], errors: [{ message: `error: error parsing YAML: line ${tooDeep.line}: exceeded max depth of ${MAX_NESTING_DEPTH} (Podlab accepts at most ${MAX_NESTING_DEPTH} nested levels)`, documentIndex: 0, position }] };
  }
  const counter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
  } catch (error) {
    return { documents: [], errors: [{ message: `error: error parsing YAML: ${(error as Error).message}`, documentIndex: 0 }] };
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];
  const documents: ParsedDocument[] = [];
  const errors: ManifestError[] = [];
  if (docs.length > MAX_DOCUMENTS) {
    return { documents: [], errors: [{ message: `error: the manifest has ${docs.length} documents; Podlab accepts at most ${MAX_DOCUMENTS} in one apply`, documentIndex: 0 }] };
  }
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const yamlError of doc.errors) {
        // prettyErrors:false leaves linePos unset, so positions come from the error's offsets.
        const start = counter.linePos(yamlError.pos[0]);
        const end = counter.linePos(Math.max(yamlError.pos[1], yamlError.pos[0] + 1));
        errors.push({
          message: `error: error parsing YAML (document ${index + 1}): line ${start.line}: ${firstLine(yamlError.message)}`,
          documentIndex: index,
          position: { line: start.line, column: start.col, endLine: end.line, endColumn: end.line === start.line ? Math.max(end.col, start.col + 1) : end.col },
        });
      }
      return;
    }
    if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) return;
    const positionOf = (fieldPath: string): SourcePosition | undefined => {
      let segments = splitFieldPath(fieldPath);
      while (segments.length > 0) {
        const node = doc.getIn(segments, true) as YamlNode | undefined;
        if (node && typeof node === 'object' && 'range' in node) {
          // For a key whose value is a map or list, point at the key line rather than the whole block.
          const pair = findPairKey(doc, segments);
          return positionFromRange(counter, (pair ?? node).range);
        }
        segments = segments.slice(0, -1);
      }
      return positionFromRange(counter, (doc.contents as YamlNode | null)?.range);
    };
    if (!isMap(doc.contents)) {
      errors.push({ message: `error: error validating data: document ${index + 1} is not a Kubernetes object (expected a mapping with apiVersion and kind)`, documentIndex: index, position: positionFromRange(counter, (doc.contents as YamlNode).range) });
      return;
    }
    let object: unknown;
    try {
      object = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      errors.push({ message: `error: error parsing YAML (document ${index + 1}): ${(error as Error).message}`, documentIndex: index });
      return;
    }
    documents.push({ index, object: object as KubeObject, positionOf });
  });
  return { documents, errors };
}

function findPairKey(doc: Document.Parsed, segments: (string | number)[]): YamlNode | undefined {
  const parent = segments.length === 1 ? doc.contents : (doc.getIn(segments.slice(0, -1), true) as YamlNode | undefined);
  const last = segments[segments.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    if (pair && isScalar(pair.key) && pair.value && (isMap(pair.value) || isSeq(pair.value))) return pair.key;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
