/**
 * Kubernetes label selectors: the string syntax (`kubectl get pods -l 'app=web,tier in (a,b)'`), the
 * LabelSelector object (matchLabels/matchExpressions) and the validation errors the API server prints.
 *
 * Models k8s.io/apimachinery/pkg/labels/selector.go and labels.go, pkg/apis/meta/v1/helpers.go
 * (LabelSelectorAsSelector, FormatLabelSelector), pkg/apis/meta/v1/validation/validation.go
 * (ValidateLabelSelector, ValidateLabels) and pkg/api/validate/content/kube.go (IsLabelKey, IsLabelValue).
 *
 * Error texts are reproduced character for character, quirks included (`<nil>:` paths, `values[0][key]`,
 * the double space in `'MyName',  or`), because learners compare them with what a real cluster prints.
 */

export type Labels = Readonly<Record<string, string>>;

/** selection.Operator values, spelled as apimachinery spells them. */
export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export interface Selector {
  matches(labels: Labels | undefined): boolean;
  /** Canonical form as k8s prints it: requirements sorted by key, set values sorted. */
  toString(): string;
  /** True when the selector does not restrict anything (matches every label set). */
  empty(): boolean;
  /** Empty for both EVERYTHING and NOTHING; tell them apart with `matchesNothing`. */
  readonly requirements: readonly Requirement[];
}

export interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Thrown for selectors that do not parse or convert; `message` is the text apimachinery would return. */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSelectorError';
  }
}

// ---------------------------------------------------------------------------------------------------
// Key and value syntax. Models k8s.io/apimachinery/pkg/api/validate/content/kube.go and dns.go.
// ---------------------------------------------------------------------------------------------------

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_NAME_MAX_BYTES = 63;
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const LABEL_VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MAX_BYTES = 63;
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MAX_BYTES = 253;

const labelKeyRegexp = new RegExp(`^${LABEL_KEY_FMT}$`);
const labelValueRegexp = new RegExp(`^${LABEL_VALUE_FMT}$`);
const dns1123SubdomainRegexp = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** content.RegexError; the `', ` + ` or ` join yields the double space real messages contain. */
function regexError(message: string, regex: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${regex}')`;
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${regex}')`;
}

const maxLenError = (maxBytes: number): string => `must be no more than ${maxBytes} bytes`;
const EMPTY_ERROR = 'must be non-empty';

/** Go measures strings in UTF-8 bytes; the limits and their messages say "bytes". */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function isDNS1123Subdomain(value: string): string[] {
  const errors: string[] = [];
  if (utf8ByteLength(value) > DNS1123_SUBDOMAIN_MAX_BYTES) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX_BYTES));
  if (!dns1123SubdomainRegexp.test(value)) errors.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errors;
}

/** Reasons a label key is invalid (content.IsLabelKey), without a field path; [] when valid. */
export function validateLabelKey(key: string): string[] {
  const errors: string[] = [];
  const parts = key.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errors.push(`prefix part ${EMPTY_ERROR}`);
    else errors.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errors.push(`name part ${EMPTY_ERROR}`);
  else if (utf8ByteLength(name) > LABEL_NAME_MAX_BYTES) errors.push(`name part ${maxLenError(LABEL_NAME_MAX_BYTES)}`);
  if (!labelKeyRegexp.test(name)) errors.push(`name part ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errors;
}

/** Reasons a label value is invalid (content.IsLabelValue), without a field path; [] when valid. */
export function validateLabelValue(value: string): string[] {
  const errors: string[] = [];
  if (utf8ByteLength(value) > LABEL_VALUE_MAX_BYTES) errors.push(maxLenError(LABEL_VALUE_MAX_BYTES));
  if (!labelValueRegexp.test(value)) errors.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// Field errors as field.Error.Error() prints them. Models k8s.io/apimachinery/pkg/util/validation/field.
// ---------------------------------------------------------------------------------------------------

/** A field.Path as text; null is Go's nil *Path, which the parser uses and which prints as "<nil>". */
type FieldPath = string | null;

const childPath = (path: FieldPath, name: string): string => (path === null || path === '' ? name : `${path}.${name}`);
const indexPath = (path: FieldPath, index: number | string): string => `${path ?? ''}[${index}]`;

const printableRune = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const GO_ESCAPES: Readonly<Record<string, string>> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };

/** strconv.Quote: the `%q` in `Invalid value: "x"`. JSON.stringify differs on control and non-printable runes. */
function goQuote(text: string): string {
  let out = '"';
  for (const rune of text) {
    const code = rune.codePointAt(0) ?? 0;
    if (GO_ESCAPES[rune] !== undefined) out += GO_ESCAPES[rune];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd'; // a lone surrogate is invalid UTF-8 in Go
    else if (printableRune.test(rune)) out += rune;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** `%#v` of a []string: `[]string{"a", "b"}`, `[]string{}`, or `[]string(nil)` for a nil slice. */
function goStringSlice(values: readonly string[], emptyIsNil: boolean): string {
  if (values.length === 0) return emptyIsNil ? '[]string(nil)' : '[]string{}';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/** How a decoded JSON/YAML value would appear as a field error's bad value. */
function goValueText(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? String(value);
}

const invalidError = (path: FieldPath, valueText: string, detail: string): string => `${path ?? '<nil>'}: Invalid value: ${valueText}: ${detail}`;

/** utilerrors.Aggregate.Error(): one error verbatim, several as `[a, b]`, duplicates dropped. */
function aggregateMessage(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

// ---------------------------------------------------------------------------------------------------
// Requirements. Models k8s.io/apimachinery/pkg/labels/selector.go (NewRequirement, Requirement.Matches).
// ---------------------------------------------------------------------------------------------------

/** Order of validRequirementOperators, which NotSupported lists in its message. */
const VALID_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt', 'exists', '!'];
const BINARY_OPERATORS_TEXT = 'in, notin, =, ==, !=, gt, lt';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(text, 10, 64): optional sign, decimal digits, in int64 range; undefined otherwise. */
function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/**
 * NewRequirement's checks, in its order. `emptyValuesAreNil` only changes how an empty list is printed:
 * LabelSelectorAsSelector passes a nil slice (`[]string(nil)`), other callers an empty one.
 */
function requirementErrors(key: string, operator: string, values: readonly string[], path: FieldPath, emptyValuesAreNil: boolean): string[] {
  const errors: string[] = [];
  const keyErrors = validateLabelKey(key);
  if (keyErrors.length > 0) errors.push(invalidError(childPath(path, 'key'), goQuote(key), keyErrors.join('; ')));
  const valuesPath = childPath(path, 'values');
  const valuesText = (): string => goStringSlice(values, emptyValuesAreNil);
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errors.push(invalidError(valuesPath, valuesText(), "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errors.push(invalidError(valuesPath, valuesText(), 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errors.push(invalidError(valuesPath, valuesText(), 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errors.push(invalidError(valuesPath, valuesText(), "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((value, i) => {
        if (parseInt64(value) === undefined) {
          errors.push(invalidError(indexPath(valuesPath, i), goQuote(value), "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errors.push(
        `${childPath(path, 'operator')}: Unsupported value: ${goQuote(operator)}: supported values: ${VALID_OPERATORS.map(goQuote).join(', ')}`,
      );
  }
  values.forEach((value, i) => {
    const valueErrors = validateLabelValue(value);
    // validateLabelValue subscripts the indexed path with the key too, hence `values[0][app]`.
    if (valueErrors.length > 0) errors.push(invalidError(indexPath(indexPath(valuesPath, i), key), goQuote(value), valueErrors.join('; ')));
  });
  return errors;
}

function buildRequirement(key: string, operator: string, values: readonly string[], path: FieldPath, emptyValuesAreNil: boolean): Requirement {
  const errors = requirementErrors(key, operator, values, path, emptyValuesAreNil);
  if (errors.length > 0) throw new LabelSelectorError(aggregateMessage(errors));
  return Object.freeze({ key, operator: operator as Operator, values: Object.freeze([...values]) });
}

/**
 * A validated requirement (labels.NewRequirement); throws LabelSelectorError with apimachinery's
 * aggregated message. Node affinity builds its Gt/Lt selectors from these.
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[] = []): Requirement {
  return buildRequirement(key, operator, values, null, false);
}

const hasLabel = (labels: Labels | undefined, key: string): labels is Labels =>
  labels !== undefined && labels !== null && Object.prototype.hasOwnProperty.call(labels, key);

function requirementMatches(requirement: Requirement, labels: Labels | undefined): boolean {
  const { key, operator, values } = requirement;
  switch (operator) {
    case 'in':
    case '=':
    case '==':
      return hasLabel(labels, key) && values.includes(labels[key]);
    case 'notin':
    case '!=':
      // Absence satisfies a negative requirement: `env!=prod` selects unlabelled objects too.
      return !hasLabel(labels, key) || !values.includes(labels[key]);
    case 'exists':
      return hasLabel(labels, key);
    case '!':
      return !hasLabel(labels, key);
    case 'gt':
    case 'lt': {
      if (!hasLabel(labels, key)) return false;
      const labelValue = parseInt64(labels[key]);
      if (labelValue === undefined || values.length !== 1) return false;
      const bound = parseInt64(values[0]);
      if (bound === undefined) return false;
      return operator === 'gt' ? labelValue > bound : labelValue < bound;
    }
    default:
      return false;
  }
}

const OPERATOR_TEXT: Readonly<Partial<Record<Operator, string>>> = { '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<' };

/** Sorts a copy only when needed, so printing never reorders a requirement's values in place. */
function safeSort(values: readonly string[]): readonly string[] {
  for (let i = 1; i < values.length; i++) {
    if (values[i - 1] > values[i]) return [...values].sort();
  }
  return values;
}

function requirementToString({ key, operator, values }: Requirement): string {
  if (operator === 'exists') return key;
  if (operator === '!') return `!${key}`;
  const list = values.length === 1 ? values[0] : safeSort(values).join(',');
  const text = OPERATOR_TEXT[operator] ?? '';
  return operator === 'in' || operator === 'notin' ? `${key}${text}(${list})` : `${key}${text}${list}`;
}

// ---------------------------------------------------------------------------------------------------
// Selectors. Models k8s.io/apimachinery/pkg/labels/selector.go (internalSelector, Everything, Nothing).
// ---------------------------------------------------------------------------------------------------

class RequirementsSelector implements Selector {
  constructor(readonly requirements: readonly Requirement[]) {
    Object.freeze(this);
  }

  matches(labels: Labels | undefined): boolean {
    return this.requirements.every((r) => requirementMatches(r, labels));
  }

  empty(): boolean {
    return this.requirements.length === 0;
  }

  toString(): string {
    return this.requirements.map(requirementToString).join(',');
  }
}

/** Matches every label set; what an empty string, an empty map or `{}` LabelSelector means. */
export const EVERYTHING: Selector = new RequirementsSelector(Object.freeze([]));

/** Matches no label set; what a missing (`null`) LabelSelector means. Prints as "" like apimachinery. */
export const NOTHING: Selector = Object.freeze({
  requirements: Object.freeze([]) as readonly Requirement[],
  matches: () => false,
  empty: () => false,
  toString: () => '',
});

/** labels.MatchesNothing: only the NOTHING selector is known to match nothing. */
export function matchesNothing(selector: Selector): boolean {
  return selector === NOTHING;
}

const byKey = (a: Requirement, b: Requirement): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A selector ANDing the given requirements, sorted by key so String() is deterministic
 * (NewSelector().Add). Requirements are taken as given; build them with `newRequirement` to validate.
 * The sort is stable, so requirements on one key keep their order (Go's sort.Sort promises none).
 */
export function selectorFromRequirements(requirements: readonly Requirement[]): Selector {
  if (requirements.length === 0) return EVERYTHING;
  const frozen = requirements.map((r) => (Object.isFrozen(r) && Object.isFrozen(r.values) ? r : Object.freeze({ ...r, values: Object.freeze([...r.values]) })));
  return new RequirementsSelector(Object.freeze(frozen.sort(byKey)));
}

/** labels.SelectorFromSet: every pair must be present. Not validated, like apimachinery. */
export function selectorFromSet(set: Labels | undefined): Selector {
  if (set === undefined || set === null) return EVERYTHING;
  const keys = Object.keys(set);
  if (keys.length === 0) return EVERYTHING;
  return selectorFromRequirements(keys.map((key) => ({ key, operator: '=' as const, values: [set[key]] })));
}

// ---------------------------------------------------------------------------------------------------
// The string syntax. Models k8s.io/apimachinery/pkg/labels/selector.go (Lexer, Parser, Parse).
// ---------------------------------------------------------------------------------------------------

export type SelectorTokenKind =
  | 'Error'
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

export interface SelectorToken {
  readonly kind: SelectorTokenKind;
  readonly literal: string;
}

const LITERAL_TOKENS: ReadonlyMap<string, SelectorTokenKind> = new Map<string, SelectorTokenKind>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['in', 'In'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['notin', 'NotIn'],
  ['(', 'OpenPar'],
]);

const END = 0; // the lexer's end marker; like Go's, a NUL in the text reads as one too

const isWhitespace = (ch: number): boolean => ch === 0x20 || ch === 0x09 || ch === 0x0d || ch === 0x0a;
const SPECIAL_SYMBOLS = new Set([...'=!(),><'].map((c) => c.charCodeAt(0)));
const isSpecialSymbol = (ch: number): boolean => SPECIAL_SYMBOLS.has(ch);

class Lexer {
  private pos = 0;

  constructor(private readonly text: string) {}

  private read(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos++) : END;
  }

  private unread(): void {
    this.pos--;
  }

  lex(): SelectorToken {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === END) return { kind: 'EndOfString', literal: '' };
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdOrKeyword();
  }

  private scanIdOrKeyword(): SelectorToken {
    const start = this.pos;
    let end: number;
    for (;;) {
      const before = this.pos;
      const ch = this.read();
      if (ch === END) {
        end = before;
        break;
      }
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        end = this.pos;
        break;
      }
    }
    const literal = this.text.slice(start, end);
    return { kind: LITERAL_TOKENS.get(literal) ?? 'Identifier', literal };
  }

  /** Longest run of symbols that is still a token: `!=` rather than `!` then `=`. */
  private scanSpecialSymbol(): SelectorToken {
    let buffer = '';
    let last: SelectorToken | undefined;
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buffer += String.fromCharCode(ch);
      const kind = LITERAL_TOKENS.get(buffer);
      if (kind !== undefined) last = { kind, literal: buffer };
      else if (last !== undefined) {
        this.unread();
        break;
      }
    }
    return last ?? { kind: 'Error', literal: `error expected: keyword found '${buffer}'` };
  }
}

/**
 * The tokens the selector parser sees, ending with an EndOfString token (Parser.scan). Exposed for
 * tests and for syntax highlighting in the console.
 */
export function tokenizeSelector(text: string): SelectorToken[] {
  const lexer = new Lexer(text);
  const tokens: SelectorToken[] = [];
  for (;;) {
    const token = lexer.lex();
    tokens.push(token);
    if (token.kind === 'EndOfString') return tokens;
  }
}

/** In value position `in` and `notin` are plain words (`notin=in`, `a in (in)`). */
type ParserContext = 'keyAndOperator' | 'values';

class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly SelectorToken[]) {}

  private lookahead(context: ParserContext): SelectorToken {
    const token = this.tokens[this.position];
    if (context === 'values' && (token.kind === 'In' || token.kind === 'NotIn')) return { kind: 'Identifier', literal: token.literal };
    return token;
  }

  private consume(context: ParserContext): SelectorToken {
    const token = this.lookahead(context);
    if (this.position < this.tokens.length - 1) this.position++;
    return token;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { kind, literal } = this.lookahead('values');
      if (kind === 'EndOfString') return requirements;
      if (kind !== 'Identifier' && kind !== 'DoesNotExist') throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.parseRequirement());
      } catch (err) {
        if (err instanceof LabelSelectorError) throw new LabelSelectorError(`unable to parse requirement: ${err.message}`);
        throw err;
      }
      const next = this.consume('values');
      if (next.kind === 'EndOfString') return requirements;
      if (next.kind !== 'Comma') throw new LabelSelectorError(`found '${next.literal}', expected: ',' or 'end of string'`);
      const afterComma = this.lookahead('values');
      if (afterComma.kind !== 'Identifier' && afterComma.kind !== 'DoesNotExist') {
        throw new LabelSelectorError(`found '${afterComma.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator: inferred } = this.parseKeyAndInferOperator();
    // `!x=a` lands here too: the requirement is `!x` and the stray `=` fails in parse().
    if (inferred !== undefined) return buildRequirement(key, inferred, [], null, false);
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): parsed values are deduplicated and sorted.
    return buildRequirement(key, operator, [...values].sort(), null, false);
  }

  private parseKeyAndInferOperator(): { key: string; operator: 'exists' | '!' | undefined } {
    let operator: 'exists' | '!' | undefined;
    let token = this.consume('values');
    if (token.kind === 'DoesNotExist') {
      operator = '!';
      token = this.consume('values');
    }
    if (token.kind !== 'Identifier') throw new LabelSelectorError(`found '${token.literal}', expected: identifier`);
    const keyErrors = validateLabelKey(token.literal);
    // The parser validates keys against a nil path, so real clusters print `<nil>: Invalid value`.
    if (keyErrors.length > 0) throw new LabelSelectorError(invalidError(null, goQuote(token.literal), keyErrors.join('; ')));
    const next = this.lookahead('values').kind;
    if ((next === 'EndOfString' || next === 'Comma') && operator === undefined) operator = 'exists';
    return { key: token.literal, operator };
  }

  private parseOperator(): Operator {
    const { kind, literal } = this.consume('keyAndOperator');
    switch (kind) {
      case 'In':
        return 'in';
      case 'Equals':
        return '=';
      case 'DoubleEquals':
        return '==';
      case 'GreaterThan':
        return 'gt';
      case 'LessThan':
        return 'lt';
      case 'NotIn':
        return 'notin';
      case 'NotEquals':
        return '!=';
      default:
        throw new LabelSelectorError(`found '${literal}', expected: ${BINARY_OPERATORS_TEXT}`);
    }
  }

  /** `(a,b)`; `()` and empty items stand for the empty string. */
  private parseValues(): Set<string> {
    const open = this.consume('values');
    if (open.kind !== 'OpenPar') throw new LabelSelectorError(`found '${open.literal}' expected: '('`);
    const { kind, literal } = this.lookahead('values');
    if (kind === 'ClosedPar') {
      this.consume('values');
      return new Set(['']);
    }
    if (kind !== 'Identifier' && kind !== 'Comma') throw new LabelSelectorError(`found '${literal}', expected: ',', ')' or identifier`);
    const values = this.parseIdentifiersList();
    // apimachinery reports the token after '(' here, not the one that failed; kept for fidelity.
    if (this.consume('values').kind !== 'ClosedPar') throw new LabelSelectorError(`found '${literal}', expected: ')'`);
    return values;
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { kind, literal } = this.consume('values');
      if (kind === 'Identifier') {
        values.add(literal);
        const next = this.lookahead('values');
        if (next.kind === 'Comma') continue;
        if (next.kind === 'ClosedPar') return values;
        throw new LabelSelectorError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (kind !== 'Comma') throw new LabelSelectorError(`found '${literal}', expected: ',', or identifier`);
      if (values.size === 0) values.add(''); // "(,"
      const next = this.lookahead('values').kind;
      if (next === 'ClosedPar') {
        values.add(''); // ",)"
        return values;
      }
      if (next === 'Comma') values.add(''); // ",,"
    }
  }

  /** The single value of `=`, `==`, `!=`, `>` and `<`; nothing before ',' or the end means "". */
  private parseExactValue(): Set<string> {
    const next = this.lookahead('values').kind;
    if (next === 'EndOfString' || next === 'Comma') return new Set(['']);
    const { kind, literal } = this.consume('values');
    if (kind === 'Identifier') return new Set([literal]);
    throw new LabelSelectorError(`found '${literal}', expected: identifier`);
  }
}

/**
 * labels.Parse: the `-l`/`--selector` syntax. Throws LabelSelectorError with apimachinery's message,
 * e.g. `unable to parse requirement: <nil>: Invalid value: "-bad": name part must consist of …`.
 */
export function parseSelector(text: string): Selector {
  return selectorFromRequirements(new Parser(tokenizeSelector(text)).parse());
}

// ---------------------------------------------------------------------------------------------------
// The LabelSelector object. Models k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go.
// ---------------------------------------------------------------------------------------------------

const LABEL_SELECTOR_OPERATORS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ['In', 'in'],
  ['NotIn', 'notin'],
  ['Exists', 'exists'],
  ['DoesNotExist', '!'],
]);

const sortedKeys = (record: object): string[] => Object.keys(record).sort();

/**
 * metav1.LabelSelectorAsSelector: null/undefined selects nothing, `{}` everything. Throws
 * LabelSelectorError on an unknown operator or on keys, values and value counts NewRequirement rejects.
 */
export function selectorFromLabelSelector(ls: LabelSelectorLike | null | undefined): Selector {
  if (ls === null || ls === undefined) return NOTHING;
  const matchLabels = ls.matchLabels ?? {};
  const matchExpressions = ls.matchExpressions ?? [];
  const labelKeys = sortedKeys(matchLabels); // Go walks the map in random order; sorted keeps errors stable
  if (labelKeys.length + matchExpressions.length === 0) return EVERYTHING;
  const requirements: Requirement[] = [];
  for (const key of labelKeys) {
    const value: unknown = matchLabels[key];
    if (typeof value !== 'string') throw new LabelSelectorError(`matchLabels[${key}]: Invalid value: ${goValueText(value)}: must be a string`);
    requirements.push(buildRequirement(key, '=', [value], null, true));
  }
  for (const expr of matchExpressions) {
    const operator = LABEL_SELECTOR_OPERATORS.get(expr.operator);
    if (operator === undefined) throw new LabelSelectorError(`${goQuote(String(expr.operator))} is not a valid pod selector operator`);
    // Untyped YAML can smuggle numbers in; the API server would never have decoded them as strings.
    const key: unknown = expr.key ?? '';
    const values: unknown[] = expr.values ?? [];
    if (typeof key !== 'string') throw new LabelSelectorError(`key: Invalid value: ${goValueText(key)}: must be a string`);
    const badIndex = values.findIndex((v) => typeof v !== 'string');
    if (badIndex >= 0) throw new LabelSelectorError(`values[${badIndex}]: Invalid value: ${goValueText(values[badIndex])}: must be a string`);
    requirements.push(buildRequirement(key, operator, values as string[], null, true));
  }
  return selectorFromRequirements(requirements);
}

/**
 * metav1.FormatLabelSelector, as `kubectl describe` and `-o wide` print a selector: "<none>" when it
 * selects everything or nothing, "<error>" when it does not convert.
 */
export function labelSelectorToString(ls: LabelSelectorLike | null | undefined): string {
  let selector: Selector;
  try {
    selector = selectorFromLabelSelector(ls);
  } catch (err) {
    if (err instanceof LabelSelectorError) return '<error>';
    throw err;
  }
  return selector.toString() || '<none>';
}

/** labels.FormatLabels: sorted `k=v` pairs, "<none>" when there are none (kubectl's LABELS column). */
export function formatLabels(labels: Labels | undefined): string {
  if (labels === undefined || labels === null) return '<none>';
  // Set.String() sorts the joined "k=v" strings, not the keys; the two differ for keys like "a" and "a.b".
  const text = Object.keys(labels)
    .map((key) => `${key}=${labels[key]}`)
    .sort()
    .join(',');
  return text || '<none>';
}

// ---------------------------------------------------------------------------------------------------
// API-server validation. Models k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go.
// ---------------------------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Podlab-specific: a real API server rejects wrongly typed fields while decoding, before validation,
 * with a Go unmarshalling error. We report them in the same shape as the other field errors.
 */
const typeError = (path: string, value: unknown, expected: string): string => invalidError(path, goValueText(value), `must be ${expected}`);

/** ValidateLabelName: one error per reason, at the given path. */
function labelNameErrors(key: string, path: string): string[] {
  return validateLabelKey(key).map((reason) => invalidError(path, goQuote(key), reason));
}

/**
 * ValidateLabels, for metadata.labels and matchLabels. Like the API server, key and value errors are
 * reported at the map's own path. Keys are checked in sorted order so the output is deterministic.
 */
export function validateLabels(labels: unknown, fieldPath: string): string[] {
  if (labels === null || labels === undefined) return [];
  if (!isRecord(labels)) return [typeError(fieldPath, labels, 'a map of label keys to string values')];
  const errors: string[] = [];
  for (const key of sortedKeys(labels)) {
    errors.push(...labelNameErrors(key, fieldPath));
    const value = labels[key];
    if (typeof value !== 'string') {
      errors.push(typeError(indexPath(fieldPath, key), value, 'a string'));
      continue;
    }
    errors.push(...validateLabelValue(value).map((reason) => invalidError(fieldPath, goQuote(value), reason)));
  }
  return errors;
}

function requirementValidationErrors(expr: unknown, path: string): string[] {
  if (!isRecord(expr)) return [typeError(path, expr, 'a label selector requirement (key, operator, values)')];
  const errors: string[] = [];
  const valuesPath = childPath(path, 'values');
  // Missing fields decode to Go's zero values: "" for key and operator, no values.
  const operator = expr.operator ?? '';
  const key = expr.key ?? '';
  const rawValues = expr.values ?? [];
  const values: readonly unknown[] = Array.isArray(rawValues) ? rawValues : [];
  if (!Array.isArray(rawValues)) errors.push(typeError(valuesPath, rawValues, 'a list of strings'));
  if (typeof operator !== 'string') errors.push(typeError(childPath(path, 'operator'), operator, 'a string'));
  else if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0 && Array.isArray(rawValues)) errors.push(`${valuesPath}: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`);
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) errors.push(`${valuesPath}: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`);
  } else {
    errors.push(invalidError(childPath(path, 'operator'), goQuote(operator), 'not a valid selector operator'));
  }
  if (typeof key !== 'string') errors.push(typeError(childPath(path, 'key'), key, 'a string'));
  else errors.push(...labelNameErrors(key, childPath(path, 'key')));
  values.forEach((value, i) => {
    const valuePath = indexPath(valuesPath, i);
    if (typeof value !== 'string') errors.push(typeError(valuePath, value, 'a string'));
    else errors.push(...validateLabelValue(value).map((reason) => invalidError(valuePath, goQuote(value), reason)));
  });
  return errors;
}

/**
 * ValidateLabelSelector as the API server runs it on create (invalid values in matchExpressions are
 * rejected), e.g. `spec.selector.matchExpressions[0].operator: Invalid value: "Foo": not a valid
 * selector operator`. A null/undefined selector is valid here; callers decide whether it is required.
 */
export function validateLabelSelector(ls: unknown, fieldPath: string): string[] {
  if (ls === null || ls === undefined) return [];
  if (!isRecord(ls)) return [typeError(fieldPath, ls, 'a label selector (matchLabels, matchExpressions)')];
  const errors = validateLabels(ls.matchLabels, childPath(fieldPath, 'matchLabels'));
  const expressions = ls.matchExpressions;
  const expressionsPath = childPath(fieldPath, 'matchExpressions');
  if (expressions === null || expressions === undefined) return errors;
  if (!Array.isArray(expressions)) return [...errors, typeError(expressionsPath, expressions, 'a list of label selector requirements')];
  expressions.forEach((expr: unknown, i) => errors.push(...requirementValidationErrors(expr, indexPath(expressionsPath, i))));
  return errors;
}
