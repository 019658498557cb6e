/**
 * Kubernetes resource quantities ("250m", "1.5Gi", "1e3"): parsing, exact arithmetic, comparison and
 * the canonical spelling the API server prints.
 *
 * Models k8s.io/apimachinery/pkg/api/resource/quantity.go, with suffix.go, amount.go, math.go and
 * scale_int.go. The behaviour follows current master (after v1.37.0):
 *  - values are exact decimals with nano precision; anything finer rounds up (away from zero) to 1n;
 *  - a BinarySI value is capped at 2^63-1 when parsed (the "8Ei" cap), nothing else is capped;
 *  - decimal exponents outside ±MaxInt32 are rejected (#141203) instead of wrapping to 32 bits;
 *  - Value()/MilliValue() round away from zero and saturate at the int64 rails (#138510 and the
 *    overflow burndown #141166);
 *  - DecimalSI values above 10^18 print with an exponent ("1e21") rather than losing it (#140459).
 *
 * Representation: a value is `coef × 10^exp` with a BigInt `coef` stripped of trailing zeros. Every
 * quantity this module builds is a whole number of nano units (`exp >= -9`). Keeping the exponent
 * symbolic (rather than storing nano units directly) matters because "1e2147483647" is a valid
 * quantity: it must parse, compare and print without materialising a billion-digit integer.
 *
 * Pure: no DOM, no clock, no randomness.
 */

import { internMade } from '../util/intern';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value(): the value in base units, rounded up away from zero, saturated to the int64 range. */
  value(): number;
  /** MilliValue(): ceil(q × 1000) away from zero, saturated to the int64 range. */
  milliValue(): number;
  /** The exact value in nano units. Throws RangeError for absurd magnitudes (beyond ~1e100000). */
  nanoValue(): bigint;
  /** The format remembered from the suffix (DecimalSI for none or n/u/m/k/M/G/T/P/E). */
  readonly format: QuantityFormat;
  /** Canonical form, as CanonicalizeBytes builds it ("1.5" → "1500m", "1024Mi" → "1Gi"). */
  toString(): string;
  /**
   * What the API server stores and echoes back for this quantity (String()/MarshalJSON). It equals
   * `toString()` except for a parsed spelling that the parser's fast path keeps verbatim although
   * it is not canonical: "+1", "01", "1E3", "1e+21", "1e0", "5." and 3n-fraction-digit inputs such
   * as "1.441" (tracked upstream as #141166/#138165). Arithmetic results never keep a spelling.
   */
  apiString(): string;
  /** -1, 0 or 1 as this quantity is less than, equal to or greater than `other`. */
  cmp(other: Quantity): number;
  isZero(): boolean;
  /** -1, 0 or 1. */
  sign(): number;
}

// ---------------------------------------------------------------------------------------------------
// Errors. The texts are apimachinery's ErrFormatWrong, ErrNumeric and ErrSuffix, character for
// character (the regular expression in ErrFormatWrong is only quoted, never applied: see parse()).
// ---------------------------------------------------------------------------------------------------

export const QUANTITY_ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const QUANTITY_ERR_SUFFIX = "unable to parse quantity's suffix";

/** Thrown by parseQuantity; `message` is exactly what ParseQuantity's error would print. */
export class QuantityParseError extends Error {
  constructor(
    readonly reason: 'format' | 'numeric' | 'suffix',
    message: string,
  ) {
    super(message);
    this.name = 'QuantityParseError';
  }
}

const formatError = () => new QuantityParseError('format', QUANTITY_ERR_FORMAT_WRONG);
const numericError = () => new QuantityParseError('numeric', QUANTITY_ERR_NUMERIC);
const suffixError = () => new QuantityParseError('suffix', QUANTITY_ERR_SUFFIX);

// ---------------------------------------------------------------------------------------------------
// BigInt helpers.
// ---------------------------------------------------------------------------------------------------

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const MAX_INT32 = 2147483647;
/** Nano is the finest scale a parsed quantity keeps (Scale Nano = -9). */
const NANO_EXP = -9;
/**
 * Largest power of ten this module agrees to build. Real Kubernetes hangs on some inputs with
 * exponents near ±2^31 (the "hang class" of #141166); refusing to materialise anything bigger than
 * this keeps the simulator responsive instead. No realistic quantity comes anywhere near it.
 */
const MAX_POW10 = 100_000;

const POW10_CACHE: bigint[] = [1n];
function pow10(n: number): bigint {
  if (n < 0 || !Number.isInteger(n)) throw new RangeError(`pow10: bad exponent ${n}`);
  if (n > MAX_POW10) throw new RangeError(`quantity magnitude out of supported range (10^${n})`);
  if (n < 64) {
    for (let i = POW10_CACHE.length; i <= n; i++) POW10_CACHE.push(POW10_CACHE[i - 1]! * 10n);
    return POW10_CACHE[n]!;
  }
  return 10n ** BigInt(n);
}

const absBig = (v: bigint): bigint => (v < 0n ? -v : v);
const signBig = (v: bigint): number => (v > 0n ? 1 : v < 0n ? -1 : 0);
/** Decimal digits of a non-zero magnitude. */
const digitCount = (mag: bigint): number => mag.toString().length;
const clampInt64 = (v: bigint): bigint => (v > INT64_MAX ? INT64_MAX : v < INT64_MIN ? INT64_MIN : v);

/** Integer division of a magnitude by 10^k, rounding any remainder up (k >= 0). */
function divPow10RoundUp(mag: bigint, k: number): bigint {
  if (k === 0 || mag === 0n) return mag;
  // A quotient below one rounds up to one; deciding that from the digit count avoids building a
  // huge divisor for inputs like "5e-1000".
  if (k >= digitCount(mag)) return 1n;
  const d = pow10(k);
  const q = mag / d;
  return mag % d === 0n ? q : q + 1n;
}

// ---------------------------------------------------------------------------------------------------
// The value type.
// ---------------------------------------------------------------------------------------------------

/** Decimal SI suffixes by exponent of ten (suffix.go decSuffixes). */
const DEC_SUFFIX_BY_EXP = new Map<number, string>([
  [-9, 'n'],
  [-6, 'u'],
  [-3, 'm'],
  [0, ''],
  [3, 'k'],
  [6, 'M'],
  [9, 'G'],
  [12, 'T'],
  [15, 'P'],
  [18, 'E'],
]);
const DEC_EXP_BY_SUFFIX = new Map<string, number>([...DEC_SUFFIX_BY_EXP].map(([e, s]) => [s, e]));
/** Binary SI suffixes by power of 1024 (suffix.go binSuffixes); index 0 has none. */
const BIN_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const BIN_EXP_BY_SUFFIX = new Map<string, number>(BIN_SUFFIX_BY_POWER.slice(1).map((s, i) => [s, (i + 1) * 10]));

class QuantityImpl implements Quantity {
  /** `coef` has no trailing decimal zeros; zero is stored as (0n, 0). */
  private constructor(
    private readonly coef: bigint,
    private readonly exp: number,
    readonly format: QuantityFormat,
    /** The input spelling when the parser kept it (the `s` field of Quantity), else undefined. */
    private readonly cached: string | undefined,
  ) {}

  static of(coef: bigint, exp: number, format: QuantityFormat, cached?: string): QuantityImpl {
    if (coef === 0n) return new QuantityImpl(0n, 0, format, cached);
    const text = coef.toString();
    let zeros = 0;
    while (text[text.length - 1 - zeros] === '0') zeros++;
    if (zeros > 0) {
      coef /= pow10(zeros);
      exp += zeros;
    }
    return new QuantityImpl(coef, exp, format, cached);
  }

  static from(q: Quantity): QuantityImpl {
    return q instanceof QuantityImpl ? q : QuantityImpl.of(q.nanoValue(), NANO_EXP, q.format);
  }

  value(): number {
    return Number(this.scaledCeil(0));
  }

  milliValue(): number {
    return Number(this.scaledCeil(3));
  }

  /**
   * ceil(q × 10^scale) away from zero, saturated to int64 like current apimachinery's
   * ScaledValue(-scale) (Value of 2^63 is MaxInt64, of -1e30 is MinInt64).
   */
  scaledCeil(scale: number): bigint {
    if (this.coef === 0n) return 0n;
    const mag = absBig(this.coef);
    const e = this.exp + scale;
    let result: bigint;
    if (e >= 0) {
      // 10^19 > MaxInt64, so anything with more than 19 integer digits saturates.
      if (digitCount(mag) + e > 19) return this.coef > 0n ? INT64_MAX : INT64_MIN;
      result = mag * pow10(e);
    } else {
      result = divPow10RoundUp(mag, -e);
    }
    return clampInt64(this.coef > 0n ? result : -result);
  }

  nanoValue(): bigint {
    return this.coef * pow10(this.exp - NANO_EXP);
  }

  isZero(): boolean {
    return this.coef === 0n;
  }

  sign(): number {
    return signBig(this.coef);
  }

  cmp(other: Quantity): number {
    const o = QuantityImpl.from(other);
    const sa = this.sign();
    const sb = o.sign();
    if (sa !== sb) return sa > sb ? 1 : -1;
    if (sa === 0) return 0;
    const ma = absBig(this.coef);
    const mb = absBig(o.coef);
    // Compare orders of magnitude first so huge exponents never need aligning.
    const oa = digitCount(ma) + this.exp;
    const ob = digitCount(mb) + o.exp;
    let c: number;
    if (oa !== ob) {
      c = oa > ob ? 1 : -1;
    } else {
      const e = Math.min(this.exp, o.exp);
      const x = ma * pow10(this.exp - e);
      const y = mb * pow10(o.exp - e);
      c = x === y ? 0 : x > y ? 1 : -1;
    }
    return sa > 0 ? c : -c || 0; // never -0
  }

  /** q.Add / q.Sub: exact; a zero receiver takes the other operand's format; the spelling is dropped. */
  combine(other: Quantity, negate: boolean): QuantityImpl {
    const o = QuantityImpl.from(other);
    const format = this.isZero() ? o.format : this.format;
    const ocoef = negate ? -o.coef : o.coef;
    if (o.coef === 0n) return QuantityImpl.of(this.coef, this.exp, format);
    if (this.coef === 0n) return QuantityImpl.of(ocoef, o.exp, format);
    const e = Math.min(this.exp, o.exp);
    return QuantityImpl.of(this.coef * pow10(this.exp - e) + ocoef * pow10(o.exp - e), e, format);
  }

  apiString(): string {
    return this.cached ?? this.toString();
  }

  /** CanonicalizeBytes. */
  toString(): string {
    if (this.coef === 0n) return '0';
    let format = this.format;
    // BinarySI below 1024 in magnitude, or fractional, prints as DecimalSI: no rounding, no loss.
    if (format === 'BinarySI' && (this.exp < 0 || this.cmpMagnitude(1024n) < 0)) format = 'DecimalSI';
    if (format === 'BinarySI') {
      // An integer >= 1024: divide out 1024 while it divides exactly (AsCanonicalBase1024Bytes).
      let n = this.coef * pow10(this.exp);
      let power = 0;
      while (absBig(n) >= 1024n && n % 1024n === 0n) {
        n /= 1024n;
        power++;
      }
      // Past Ei there is no suffix and apimachinery emits none (only reachable through arithmetic
      // above 2^70, since parsing caps BinarySI at 2^63-1); reproduced as is.
      return n.toString() + (BIN_SUFFIX_BY_POWER[power] ?? '');
    }
    // Integer mantissa, exponent lowered to a multiple of three (AsCanonicalBytes).
    let m = this.coef;
    let e = this.exp;
    const r = ((e % 3) + 3) % 3;
    if (r !== 0) {
      m *= r === 1 ? 10n : 100n;
      e -= r;
    }
    const si = format === 'DecimalSI' ? DEC_SUFFIX_BY_EXP.get(e) : undefined;
    // DecimalSI has no suffix past E (10^18): fall back to exponent notation rather than drop it.
    return m.toString() + (si ?? (e === 0 ? '' : `e${e}`));
  }

  /** Compares |this| with a non-negative integer. */
  private cmpMagnitude(n: bigint): number {
    return QuantityImpl.of(absBig(this.coef), this.exp, 'DecimalSI').cmp(QuantityImpl.of(n, 0, 'DecimalSI'));
  }
}

// ---------------------------------------------------------------------------------------------------
// Parsing. Models parseQuantityString, quantitySuffixer.interpret and ParseQuantity.
// ---------------------------------------------------------------------------------------------------

interface Scanned {
  positive: boolean;
  /** The signed number as written, sign included, without the suffix. */
  value: string;
  /** Integer digits with leading zeros stripped ("0" if none were left). */
  num: string;
  /** Fraction digits as written. */
  denom: string;
  suffix: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const SUFFIX_LETTERS = 'eEinumkKMGTP';

/**
 * parseQuantityString: a hand-rolled scanner that is more lenient than the grammar it documents.
 * A number with no digits at all ("", "+", ".", "-.") scans as zero; whether that is then accepted
 * depends on which parse path the value takes (see parseQuantity).
 */
function scan(str: string): Scanned {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // Leading zeros; a string of nothing but zeros (or nothing at all) is zero.
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };

  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
  let num = str.slice(pos, i);
  pos = i;
  if (num === '') num = '0';

  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    if (i >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
    denom = str.slice(pos, i);
    pos = i;
  }
  const value = str.slice(0, pos);

  // Suffix: letters from a fixed set, then an optional sign and digits, and nothing else.
  const suffixStart = pos;
  while (pos < end && SUFFIX_LETTERS.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) throw formatError();
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

interface Interpreted {
  base: 10 | 2;
  exponent: number;
  format: QuantityFormat;
}

/** strconv.ParseInt(s, 10, 64) syntax: optional sign and at least one ASCII digit, within int64. */
const GO_INT_RE = /^[+-]?[0-9]+$/;

/** quantitySuffixer.interpret. */
function interpret(suffix: string): Interpreted {
  const dec = DEC_EXP_BY_SUFFIX.get(suffix);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BIN_EXP_BY_SUFFIX.get(suffix);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1);
    if (GO_INT_RE.test(digits)) {
      const parsed = BigInt(digits);
      // Outside int64 ParseInt fails; outside ±MaxInt32 the scale cannot hold it (#141203).
      if (parsed >= -BigInt(MAX_INT32) && parsed <= BigInt(MAX_INT32)) {
        return { base: 10, exponent: Number(parsed), format: 'DecimalExponent' };
      }
    }
  }
  throw suffixError();
}

/** Digits an int64 always holds; longer mantissas leave ParseQuantity's int64 fast path. */
const MAX_INT64_FACTORS = 18;

/**
 * ParseQuantity. Throws QuantityParseError with apimachinery's message.
 *
 * apimachinery has two paths: an int64 fast path for short mantissas at nano scale or coarser, and
 * an inf.Dec slow path for everything else. Both compute the same exact value (which is all this
 * function computes), but the path still shows through in two ways that are reproduced here:
 *  - only the fast path accepts a digit-less number ("Ki", ".", "-m" are zero; "Pi", "-.e-10" fail
 *    with ErrNumeric, because inf.Dec's own parser wants a digit);
 *  - only the fast path may keep the input spelling for String() (see Quantity.apiString).
 */
export function parseQuantity(text: string): Quantity {
  // Quantities are immutable, so one parse serves every pod of a template (errors are not kept).
  return internMade(parsedQuantities, text, parseQuantityUncached, PARSED_QUANTITIES_MAX);
}

/** Spellings parsed so far; past the bound the memo starts over. */
const PARSED_QUANTITIES_MAX = 4096;
const parsedQuantities = new Map<string, Quantity>();
const decodedQuantities = new Map<string, Quantity | null>();

function parseQuantityUncached(text: string): Quantity {
  if (text.length === 0) throw formatError();
  if (text === '0') return QuantityImpl.of(0n, 0, 'DecimalSI', text);

  const { positive, value, num, denom, suffix } = scan(text);
  const { base, exponent, format: suffixFormat } = interpret(suffix);
  let format = suffixFormat;

  // The fast-path test, with its precision heuristics, exactly as ParseQuantity computes it.
  let fast: boolean;
  if (base === 10) {
    fast = MAX_INT64_FACTORS - (num.length + denom.length) >= 0 && exponent - denom.length >= NANO_EXP;
  } else {
    fast = denom.length === 0 && 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 >= 0;
  }
  if (!fast && !/[0-9]/.test(value)) throw numericError();

  // The exact value: digits × 10^exp10 (decimal) or digits × 2^exponent / 10^len(denom) (binary).
  const digits = BigInt(num + denom);
  let mag: bigint;
  let exp10: number;
  if (base === 10) {
    mag = digits;
    exp10 = exponent - denom.length;
  } else {
    mag = digits << BigInt(exponent);
    exp10 = -denom.length;
  }
  // Round anything finer than 1n up, away from zero: "if you want some resources, you should get
  // some resources".
  if (exp10 < NANO_EXP) {
    mag = divPow10RoundUp(mag, NANO_EXP - exp10);
    exp10 = NANO_EXP;
  }
  if (base === 2) {
    // The BinarySI cap: 2^63-1 in magnitude, however large the input ("9Ei", "-20Ei").
    if (exp10 <= 0 && mag > INT64_MAX * pow10(-exp10)) {
      mag = INT64_MAX;
      exp10 = 0;
    }
    // A non-zero BinarySI value below one has no binary spelling: it becomes DecimalSI.
    if (mag !== 0n && exp10 < 0 && mag < pow10(-exp10)) format = 'DecimalSI';
  }

  let cached: string | undefined;
  if (fast) {
    // "If the number is in canonical form, reuse the string": the test is loose, so some
    // non-canonical spellings ("+1", "01", "1.441", "1E3") are kept verbatim as well.
    const shifted = num + denom;
    if (base === 2) {
      if ((BigInt(shifted) & 7n) !== 0n) cached = text;
    } else if ((exponent - denom.length) % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') {
      cached = text;
    }
  }
  return QuantityImpl.of(positive ? mag : -mag, exp10, format, cached);
}

/** Go's unicode.IsSpace set, which strings.TrimSpace strips. */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const GO_TRIM_RE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

/**
 * Decodes a manifest field the way the API server's Quantity.UnmarshalJSON does: a string is
 * trimmed of surrounding whitespace (so `cpu: " 1"` is accepted, as a real cluster accepts it) and
 * a number is read from its text (`cpu: 0.5`). Returns undefined for anything that does not parse
 * and for null/undefined/other types. Use parseQuantity for the strict grammar.
 */
export function tryParseQuantity(text: unknown): Quantity | undefined {
  let s: string;
  if (typeof text === 'string') {
    // Memoized by the raw text (trimming included); null remembers a text that does not parse.
    const hit = decodedQuantities.get(text);
    if (hit !== undefined) return hit ?? undefined;
    let q: Quantity | null;
    try {
      q = parseQuantity(text.replace(GO_TRIM_RE, ''));
    } catch (err) {
      if (!(err instanceof QuantityParseError)) throw err;
      q = null;
    }
    if (decodedQuantities.size >= PARSED_QUANTITIES_MAX) decodedQuantities.clear();
    decodedQuantities.set(text, q);
    return q ?? undefined;
  } else if (typeof text === 'number' && Number.isFinite(text)) s = String(text);
  else if (typeof text === 'bigint') s = text.toString();
  else return undefined;
  try {
    return parseQuantity(s);
  } catch (err) {
    if (err instanceof QuantityParseError) return undefined;
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------
// Constructors and arithmetic.
// ---------------------------------------------------------------------------------------------------

function toBigInt(n: number | bigint, what: string): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
  return BigInt(n);
}

/** NewQuantity(value, format): `value` base units (bytes, cores, pods). */
export function quantityFromValue(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return QuantityImpl.of(toBigInt(value, 'value'), 0, format);
}

/** NewMilliQuantity(milli, format): `milli` thousandths, e.g. a sum of CPU millicores. */
export function quantityFromMilli(milli: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return QuantityImpl.of(toBigInt(milli, 'milli'), -3, format);
}

/** NewScaledQuantity(nano, Nano) with a format: e.g. metrics-server's CPU usage in nanocores. */
export function quantityFromNano(nano: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return QuantityImpl.of(toBigInt(nano, 'nano'), NANO_EXP, format);
}

/**
 * ScaledValue(scale): ceil(q / 10^scale) away from zero, saturated to the int64 range, as a BigInt
 * so no precision is lost. scaledValue(q, -3) is MilliValue, scaledValue(q, 0) is Value.
 */
export function scaledValue(q: Quantity, scale: number): bigint {
  if (!Number.isInteger(scale)) throw new RangeError(`scale must be an integer, got ${scale}`);
  return QuantityImpl.from(q).scaledCeil(-scale);
}

/** a.Add(b): exact sum in a's format, except that a zero `a` takes b's format (as apimachinery does). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return QuantityImpl.from(a).combine(b, false);
}

/** a.Sub(b): exact difference, with the same format rule as addQuantities. */
export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return QuantityImpl.from(a).combine(b, true);
}

// ---------------------------------------------------------------------------------------------------
// kubectl-style rendering (describe, top).
// ---------------------------------------------------------------------------------------------------

/** NewMilliQuantity(milli, DecimalSI).String(): 250 → "250m", 1000 → "1", 1500 → "1500m". */
export function formatCpuMilli(milli: number): string {
  return quantityFromMilli(milli, 'DecimalSI').toString();
}

/**
 * NewQuantity(bytes, BinarySI).String(): 314572800 → "300Mi", 1536 → "1536", and below 1024 the
 * DecimalSI spelling (1000 → "1k").
 */
export function formatMemoryBytes(bytes: number): string {
  return quantityFromValue(bytes, 'BinarySI').toString();
}
