/**
 * API errors shaped like the apiserver's StatusError, so kubectl can print them verbatim
 * (`Error from server (NotFound): pods "x" not found`).
 */
export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed';

/** One field error as field.Error.Error() prints it: `path: Type: value: detail`. */
export interface FieldError {
  readonly path: string;
  readonly type: 'Invalid value' | 'Required value' | 'Unsupported value' | 'Forbidden' | 'Duplicate value' | 'Too long' | 'Too many' | 'Not found' | 'Internal error';
  readonly value?: unknown;
  readonly detail?: string;
  /** Supported values for 'Unsupported value'. */
  readonly supported?: readonly string[];
}

export function formatFieldValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function fieldErrorText(e: FieldError): string {
  let text = `${e.path}: ${e.type}`;
  if (e.type === 'Required value' || e.type === 'Forbidden' || e.type === 'Too long' || e.type === 'Too many' || e.type === 'Internal error') {
    return e.detail ? `${text}: ${e.detail}` : text;
  }
  if ('value' in e) text += `: ${formatFieldValue(e.value)}`;
  if (e.type === 'Unsupported value' && e.supported) {
    text += `: supported values: ${e.supported.map((s) => JSON.stringify(s)).join(', ')}`;
  } else if (e.detail) text += `: ${e.detail}`;
  return text;
}

export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get code(): number {
    return { NotFound: 404, AlreadyExists: 409, Conflict: 409, Invalid: 422, BadRequest: 400, Forbidden: 403, MethodNotAllowed: 405 }[this.reason];
  }
}

/** `<resource>.<group> "name" not found`, as the apiserver words it (group omitted for core). */
export function notFound(resource: string, name: string): ApiError {
  return new ApiError('NotFound', `${resource} "${name}" not found`);
}

export function alreadyExists(resource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${resource} "${name}" already exists`);
}

/** `The Kind "name" is invalid: …` with one error inline or several as a bulleted list (StatusError text). */
export function invalid(kind: string, name: string, errors: readonly FieldError[]): ApiError {
  const texts = errors.map(fieldErrorText);
  const body = texts.length === 1 ? texts[0] : '\n' + texts.map((t) => `* ${t}`).join('\n');
  return new ApiError('Invalid', `The ${kind} "${name}" is invalid: ${body}`, errors);
}
