/**
 * ObjectMeta validation (apimachinery pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor
 * and pkg/apis/core/validation ValidateObjectMeta) and the name rules (content/dns.go).
 */
import type { FieldError } from '../errors';
import { validateLabelKey, validateLabels } from '../../api/labels';
import { forbidden, fromTexts, invalid, isRecord, nonNegative, required, type Obj } from './util';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const labelRe = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const subdomainRe = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** content.RegexError, with its `', ` + ` or ` joins (hence the double space real messages show). */
function regexError(message: string, regex: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${regex}')`;
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${regex}')`;
}

const maxLenError = (n: number) => `must be no more than ${n} bytes`;

function byteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!labelRe.test(value)) {
    if (subdomainRe.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!subdomainRe.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** A name validator: `prefix` is true for generateName, which may end in a dash. */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** maskTrailingDash: a generateName prefix may end in '-' because a suffix follows. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name;
}

export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** content.IsPathSegmentName (HPA scale target names and kinds). */
export function isPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

/** ValidateAnnotations: keys are qualified names compared in lower case; the total size is bounded. */
export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  if (annotations === undefined || annotations === null) return [];
  if (!isRecord(annotations)) return [invalid(path, annotations, 'must be a map of string keys to string values')];
  const errs: FieldError[] = [];
  let size = 0;
  for (const key of Object.keys(annotations).sort()) {
    for (const msg of validateLabelKey(key.toLowerCase())) errs.push(invalid(path, key, msg));
    const value = annotations[key];
    if (typeof value !== 'string') errs.push(invalid(`${path}[${key}]`, value, 'must be a string'));
    else size += byteLength(key) + byteLength(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
    errs.push({ path, type: 'Too long', detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_BYTES} bytes` });
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  if (finalizers === undefined || finalizers === null) return [];
  if (!Array.isArray(finalizers)) return [invalid(path, finalizers, 'must be a list of strings')];
  const errs: FieldError[] = [];
  finalizers.forEach((name, i) => {
    const p = `${path}[${i}]`;
    if (typeof name !== 'string') return errs.push(invalid(p, name, 'must be a string'));
    for (const msg of validateLabelKey(name)) errs.push(invalid(p, name, msg));
    if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) errs.push(invalid(p, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  });
  return errs;
}

/**
 * ValidateObjectMeta for a stored object. Name generation happens after validation in Podlab, so
 * an object with only generateName is checked through its prefix and the name is not required.
 */
export function validateObjectMeta(meta: unknown, requiresNamespace: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  if (!isRecord(meta)) return [required(path, '')];
  const errs: FieldError[] = [];
  const generateName = meta.generateName;
  if (typeof generateName === 'string' && generateName !== '') {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(`${path}.generateName`, generateName, msg));
  }
  const name = meta.name;
  if (typeof name === 'string' && name !== '') {
    for (const msg of nameFn(name, false)) errs.push(invalid(`${path}.name`, name, msg));
  } else if (name !== undefined && name !== null && typeof name !== 'string') {
    errs.push(invalid(`${path}.name`, name, 'must be a string'));
  } else if (!generateName) {
    errs.push(required(`${path}.name`, 'name or generateName is required'));
  }
  const namespace = meta.namespace;
  if (requiresNamespace) {
    if (typeof namespace !== 'string' || namespace === '') errs.push(required(`${path}.namespace`));
    else for (const msg of nameIsDNSLabel(namespace, false)) errs.push(invalid(`${path}.namespace`, namespace, msg));
  } else if (typeof namespace === 'string' && namespace !== '') {
    errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  errs.push(...nonNegative(meta.generation, `${path}.generation`));
  errs.push(...fromTexts(validateLabels(meta.labels, `${path}.labels`)));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

/** Labels and annotations of a pod template (ValidatePodTemplateSpec's metadata part). */
export function validateTemplateMeta(meta: Obj | undefined, path: string): FieldError[] {
  if (!meta) return [];
  return [...fromTexts(validateLabels(meta.labels, `${path}.labels`)), ...validateAnnotations(meta.annotations, `${path}.annotations`)];
}
