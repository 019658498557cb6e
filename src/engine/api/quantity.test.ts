/**
 * Resource quantity tests. The tables are ported from k8s.io/apimachinery/pkg/api/resource:
 * quantity_test.go (TestQuantityParse, TestQuantityString, TestQuantityParseEmit, TestParseQuantity,
 * TestQuantityCmp*, TestAdd/TestSub, TestNewSet/TestMilliNewSet/TestNewScaledSet, TestScaledValue,
 * TestQuantityRoundUp, the most-negative Sub tests), quantity_golden_test.go (serialized form),
 * quantity_overflow_test.go (accessor saturation), quantity_exact_policy_test.go (spellings the
 * parser keeps verbatim) and a sample of testdata/quantity_decode_corpus.json (v1.37.0 decodes).
 */
import { describe, expect, it } from 'vitest';
import {
  QUANTITY_ERR_FORMAT_WRONG,
  QUANTITY_ERR_NUMERIC,
  QUANTITY_ERR_SUFFIX,
  QuantityParseError,
  addQuantities,
  formatCpuMilli,
  formatMemoryBytes,
  parseQuantity,
  quantityFromMilli,
  quantityFromNano,
  quantityFromValue,
  scaledValue,
  subtractQuantities,
  tryParseQuantity,
  type Quantity,
  type QuantityFormat,
} from './quantity';

const DSI: QuantityFormat = 'DecimalSI';
const BSI: QuantityFormat = 'BinarySI';
const DEX: QuantityFormat = 'DecimalExponent';

const MOST_POSITIVE = (1n << 63n) - 1n;
const MOST_NEGATIVE = -(1n << 63n);
const NANO_PER_UNIT = 1_000_000_000n;

/** Nano units of m × 10^e (the Go tests' dec(m, e)); e below -9 must still land on whole nanos. */
function nanoOf(m: bigint | number, e: number): bigint {
  const mb = BigInt(m);
  const shift = e + 9;
  if (shift >= 0) return mb * 10n ** BigInt(shift);
  const d = 10n ** BigInt(-shift);
  if (mb % d !== 0n) throw new Error(`nanoOf(${m}, ${e}) is not a whole number of nanos`);
  return mb / d;
}

/** decQuantity(m, e, format): built through the nano constructor. */
const decQ = (m: bigint | number, e: number, format: QuantityFormat): Quantity => quantityFromNano(nanoOf(m, e), format);

/** Nano units of a corpus value spelled "<mantissa>e<exponent>" (or "0"). */
function nanoOfME(me: string): bigint {
  if (me === '0') return 0n;
  const [m, e] = me.split('e');
  return nanoOf(BigInt(m!), Number(e));
}

/** Nano units of a plain decimal ("-999999999999999999.1"). */
function nanoOfDecimal(text: string): bigint {
  const neg = text.startsWith('-');
  const [int, frac = ''] = (neg ? text.slice(1) : text).split('.');
  const v = BigInt(int!) * NANO_PER_UNIT + BigInt((frac + '000000000').slice(0, 9));
  return neg ? -v : v;
}

function parseError(text: string): QuantityParseError {
  try {
    parseQuantity(text);
  } catch (err) {
    expect(err).toBeInstanceOf(QuantityParseError);
    return err as QuantityParseError;
  }
  throw new Error(`${JSON.stringify(text)} parsed unexpectedly`);
}

// ---------------------------------------------------------------------------------------------------
// TestQuantityParse
// ---------------------------------------------------------------------------------------------------

const MAX_ALLOWED = nanoOf(MOST_POSITIVE, 0);

/** [input, mantissa, exponent, format] or [input, nano units, format] for the capped rows. */
const PARSE_TABLE: [string, bigint | number, number, QuantityFormat][] = [
  ['0', 0, 0, DSI],
  ['0n', 0, 0, DSI],
  ['0u', 0, 0, DSI],
  ['0m', 0, 0, DSI],
  ['0Ki', 0, 0, BSI],
  ['0k', 0, 0, DSI],
  ['0Mi', 0, 0, BSI],
  ['0M', 0, 0, DSI],
  ['0Gi', 0, 0, BSI],
  ['0G', 0, 0, DSI],
  ['0Ti', 0, 0, BSI],
  ['0T', 0, 0, DSI],

  // Quantity less numbers are allowed
  ['1', 1, 0, DSI],

  // Binary suffixes
  ['1Ki', 1024, 0, BSI],
  ['8Ki', 8 * 1024, 0, BSI],
  ['7Mi', 7 * 1024 * 1024, 0, BSI],
  ['6Gi', 6 * 1024 * 1024 * 1024, 0, BSI],
  ['5Ti', 5n * 1024n ** 4n, 0, BSI],
  ['4Pi', 4n * 1024n ** 5n, 0, BSI],
  ['3Ei', 3n * 1024n ** 6n, 0, BSI],
  ['10Ti', 10n * 1024n ** 4n, 0, BSI],
  ['100Ti', 100n * 1024n ** 4n, 0, BSI],

  // Decimal suffixes
  ['5n', 5, -9, DSI],
  ['4u', 4, -6, DSI],
  ['3m', 3, -3, DSI],
  ['9', 9, 0, DSI],
  ['8k', 8, 3, DSI],
  ['50k', 5, 4, DSI],
  ['7M', 7, 6, DSI],
  ['6G', 6, 9, DSI],
  ['5T', 5, 12, DSI],
  ['40T', 4, 13, DSI],
  ['300T', 3, 14, DSI],
  ['2P', 2, 15, DSI],
  ['1E', 1, 18, DSI],

  // Decimal exponents
  ['1E-3', 1, -3, DEX],
  ['1e3', 1, 3, DEX],
  ['1E6', 1, 6, DEX],
  ['1e9', 1, 9, DEX],
  ['1E12', 1, 12, DEX],
  ['1e15', 1, 15, DEX],
  ['1E18', 1, 18, DEX],

  // Nonstandard but still parsable
  ['1e14', 1, 14, DEX],
  ['1e13', 1, 13, DEX],
  ['100.035k', 100035, 0, DSI],

  // Things that look like floating point
  ['0.001', 1, -3, DSI],
  ['0.0005k', 5, -1, DSI],
  ['0.005', 5, -3, DSI],
  ['0.05', 5, -2, DSI],
  ['0.5', 5, -1, DSI],
  ['0.00050k', 5, -1, DSI],
  ['0.00500', 5, -3, DSI],
  ['0.05000', 5, -2, DSI],
  ['0.50000', 5, -1, DSI],
  ['0.5e0', 5, -1, DEX],
  ['0.5e-1', 5, -2, DEX],
  ['0.5e-2', 5, -3, DEX],
  ['10.035M', 10035, 3, DSI],

  ['1.2e3', 12, 2, DEX],
  ['1.3E+6', 13, 5, DEX],
  ['1.40e9', 14, 8, DEX],
  ['1.53E12', 153, 10, DEX],
  ['1.6e15', 16, 14, DEX],
  ['1.7E18', 17, 17, DEX],

  ['9.01', 901, -2, DSI],
  ['8.1k', 81, 2, DSI],
  ['7.123456M', 7123456, 0, DSI],
  ['6.987654321G', 6987654321, 0, DSI],
  ['5.444T', 5444, 9, DSI],
  ['40.1T', 401, 11, DSI],
  ['300.2T', 3002, 11, DSI],
  ['2.5P', 25, 14, DSI],
  ['1.01E', 101, 16, DSI],

  // Things that saturate/round
  ['3.001n', 4, -9, DSI],
  ['1.1E-9', 2, -9, DEX],
  ['0.0000000001', 1, -9, DSI],
  ['0.0000000005', 1, -9, DSI],
  ['0.00000000050', 1, -9, DSI],
  ['0.5e-9', 1, -9, DEX],
  ['0.9n', 1, -9, DSI],
  ['0.00000012345', 124, -9, DSI],
  ['0.00000012354', 124, -9, DSI],
  ['9Ei', MOST_POSITIVE, 0, BSI],
  ['9223372036854775807Ki', MOST_POSITIVE, 0, BSI],
  ['12E', 12, 18, DSI],

  // We'll accept fractional binary stuff, too.
  ['100.035Ki', 10243584, -2, BSI],
  ['0.5Mi', 0.5 * 1024 * 1024, 0, BSI],
  ['0.05Gi', 536870912, -1, BSI],
  ['0.025Ti', 274877906944, -1, BSI],

  // Things written by trolls
  ['0.000000000001Ki', 2, -9, DSI], // rounds up, changes format
  ['.001', 1, -3, DSI],
  ['.0001k', 100, -3, DSI],
  ['1.', 1, 0, DSI],
  ['1.G', 1, 9, DSI],
];

describe('parseQuantity (TestQuantityParse)', () => {
  it('rejects the empty string', () => {
    expect(parseError('').message).toBe(QUANTITY_ERR_FORMAT_WRONG);
  });

  it.each(PARSE_TABLE)('%s', (input, m, e, format) => {
    const want = nanoOf(m, e);
    const got = parseQuantity(input);
    expect(got.nanoValue()).toBe(want);
    expect(got.format).toBe(format);
    expect(got.cmp(decQ(m, e, format))).toBe(0);
  });

  it.each(PARSE_TABLE)('-%s is the negation, same format', (input, m, e, format) => {
    const got = parseQuantity('-' + input);
    expect(got.nanoValue()).toBe(-nanoOf(m, e));
    expect(got.format).toBe(format);
  });

  it.each(PARSE_TABLE)('+%s is the same value and format', (input, m, e, format) => {
    const got = parseQuantity('+' + input);
    expect(got.nanoValue()).toBe(nanoOf(m, e));
    expect(got.format).toBe(format);
  });

  it('keeps the BinarySI cap symmetric', () => {
    expect(parseQuantity('-9Ei').nanoValue()).toBe(-MAX_ALLOWED);
  });

  // TestParseQuantityString: the scanner reads a digit-less number as zero.
  it.each(['.', '-.', '+', '-'])('%s scans as zero', (input) => {
    const q = parseQuantity(input);
    expect(q.isZero()).toBe(true);
    expect(q.toString()).toBe('0');
  });

  // TestQuantityParseZero
  it('parses "0" to "0"', () => {
    expect(parseQuantity('0').toString()).toBe('0');
    expect(parseQuantity('0').apiString()).toBe('0');
  });
});

describe('parseQuantity rejects malformed input', () => {
  // TestQuantityParse's invalid list (and TestQuantityParseNonNumericPanic).
  it.each(['1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ', 'Non-Numeric'])(
    '%j',
    (input) => {
      parseError(input);
    },
  );

  // Malformed spellings from the decode corpus grid (parseGridExtras), all errors in v1.37.0.
  it.each([
    '1K', '1ki', '1KI', '1KiB', '1Zi', '1Z', '1µ', '1μ', '1 Ki', '1e', '1e+', '1e-', '1e1.5', '1e.5', '1e3k',
    '1E3Ki', '1e+-3', '1..5', '1-', '++1', '1,5', '1_000', '0x10', '1/2', '１', '٣', '−1', '1\u0000', 'Inf',
    '+Inf', 'NaN', 'Infinity', '0e9223372036854775808', '1e9223372036854775808', '0e-9223372036854775809',
    '1e-9223372036854775809', '1e18446744073709551616', '0e99999999999999999999', '1e99999999999999999999',
  ])('%j', (input) => {
    parseError(input);
  });

  it('reports which part failed, with apimachinery error texts', () => {
    expect(parseError('1.1.M').reason).toBe('format');
    expect(parseError('1.1.M').message).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(parseError('1i').message).toBe(QUANTITY_ERR_SUFFIX);
    expect(parseError('1i').message).toBe("unable to parse quantity's suffix");
    expect(parseError('1KiB').reason).toBe('format');
    expect(parseError('1K').reason).toBe('suffix');
    expect(parseError('1e').reason).toBe('suffix');
    expect(parseError('-3.01e-').reason).toBe('suffix');
    expect(parseError('Pi').message).toBe(QUANTITY_ERR_NUMERIC);
    expect(parseError('Pi').message).toBe('unable to parse numeric part of quantity');
  });

  // #141203 (master): an exponent outside ±MaxInt32 is rejected. v1.37.0 wrapped it to 32 bits
  // instead ("1e4294967297" parsed as 1e1).
  it.each(['1e4294967297', '1e4294967296', '1e-4294967297', '1e2147483648', '1e-2147483648', '1e9223372036854775807',
    '1e-9223372036854775808', '0e9223372036854775807', '0e8589934592', '.5e-2147483648'])('%j has an out-of-range exponent', (input) => {
    expect(parseError(input).reason).toBe('suffix');
  });

  it('accepts the int32 edges themselves', () => {
    expect(parseQuantity('1e2147483647').sign()).toBe(1);
    expect(parseQuantity('1e-2147483647').nanoValue()).toBe(1n);
  });
});

// ---------------------------------------------------------------------------------------------------
// testdata/quantity_decode_corpus.json (v1.37.0): [input, decoded value "<mantissa>e<exp>", format]
// or [input, null] for an error. A sample chosen around the fast/slow path edges.
// ---------------------------------------------------------------------------------------------------

const HUNDRED_NINES = '9'.repeat(100);
const TEN_POW_49 = '1' + '0'.repeat(49);

const CORPUS: [string, string | null, QuantityFormat?][] = [
  // Digit-less numbers: zero on the int64 fast path, ErrNumeric on the inf.Dec path.
  ['n', '0', DSI],
  ['u', '0', DSI],
  ['m', '0', DSI],
  ['k', '0', DSI],
  ['E', '0', DSI],
  ['Ki', '0', BSI],
  ['Mi', '0', BSI],
  ['Gi', '0', BSI],
  ['Ti', '0', BSI],
  ['Pi', null],
  ['Ei', null],
  ['E3', '0', DEX],
  ['e+21', '0', DEX],
  ['e03', '0', DEX],
  ['e-10', null],
  ['e-9', '0', DEX],
  ['e0', '0', DEX],
  ['e1000', '0', DEX],
  ['e2147483647', '0', DEX],
  ['.', '0', DSI],
  ['.n', '0', DSI],
  ['.Ki', '0', BSI],
  ['.Ti', '0', BSI],
  ['.Pi', null],
  ['.Ei', null],
  ['.e-1000', null],
  ['.e-10', null],
  ['.e-9', '0', DEX],
  ['.e330', '0', DEX],
  ['0', '0', DSI],
  ['0Pi', '0', BSI],
  ['0Ei', '0', BSI],
  ['0e-1000', '0', DEX],
  ['0e2147483647', '0', DEX],
  ['0.0', '0', DSI],
  ['0.0Ei', '0', BSI],
  ['0.0e-10', '0', DEX],
  ['0.0e-2147483647', '0', DEX],

  // Leading zeros, exponent spellings.
  ['01', '1e0', DSI],
  ['01n', '1e-9', DSI],
  ['01E', '1e18', DSI],
  ['01Ki', '1024e0', BSI],
  ['01Ei', '1152921504606846976e0', BSI],
  ['01E3', '1e3', DEX],
  ['01e+21', '1e21', DEX],
  ['01e03', '1e3', DEX],
  ['01e-1000', '1e-9', DEX],
  ['01e-19', '1e-9', DEX],
  ['01e-9', '1e-9', DEX],
  ['01e1000', '1e1000', DEX],
  ['1e-10', '1e-9', DEX],
  ['1e-1', '1e-1', DEX],
  ['1e19', '1e19', DEX],
  ['1e330', '1e330', DEX],
  ['1Pi', '1125899906842624e0', BSI],
  ['5Ki', '512e1', BSI],
  ['5Ei', '576460752303423488e1', BSI],
  ['5e-1000', '1e-9', DEX],
  ['5e-10', '1e-9', DEX],
  ['5e-9', '5e-9', DEX],
  ['7Ki', '7168e0', BSI],
  ['7Ei', '8070450532247928832e0', BSI],

  // Long mantissas: inf.Dec path, BinarySI cap, nano round-up.
  [`${TEN_POW_49}E`, '1e67', DSI],
  [`${TEN_POW_49}Ki`, '9223372036854775807e0', BSI],
  [`${TEN_POW_49}Ei`, '9223372036854775807e0', BSI],
  [`${TEN_POW_49}e+21`, '1e70', DEX],
  [`${TEN_POW_49}e-1000`, '1e-9', DEX],
  [`${TEN_POW_49}e-19`, '1e30', DEX],
  [`${TEN_POW_49}e-9`, '1e40', DEX],
  [`${TEN_POW_49}e1000`, '1e1049', DEX],
  [HUNDRED_NINES, `${HUNDRED_NINES}e0`, DSI],
  [`${HUNDRED_NINES}n`, `${HUNDRED_NINES}e-9`, DSI],
  [`${HUNDRED_NINES}E`, `${HUNDRED_NINES}e18`, DSI],
  [`${HUNDRED_NINES}Pi`, '9223372036854775807e0', BSI],
  [`${HUNDRED_NINES}e-330`, '1e-9', DEX],
  [`${HUNDRED_NINES}e-19`, '1e81', DEX],
  [`${HUNDRED_NINES}e-10`, '1e90', DEX],
  [`${HUNDRED_NINES}e-9`, `${HUNDRED_NINES}e-9`, DEX],
  [`${HUNDRED_NINES}e1000`, `${HUNDRED_NINES}e1000`, DEX],

  // Fractions.
  ['.5', '5e-1', DSI],
  ['.5n', '1e-9', DSI],
  ['.5u', '5e-7', DSI],
  ['.5m', '5e-4', DSI],
  ['.5E', '5e17', DSI],
  ['.5Ki', '512e0', BSI],
  ['.5Ei', '576460752303423488e0', BSI],
  ['.5E3', '5e2', DEX],
  ['.5e-1000', '1e-9', DEX],
  ['-.5Ki', '-512e0', BSI],
  ['-.5Pi', '-562949953421312e0', BSI],
  ['-.5e+21', '-5e20', DEX],
  ['-.5e-9', '-1e-9', DEX],
  ['-.5e2147483647', '-5e2147483646', DEX],
  ['-1.', '-1e0', DSI],
  ['-1.n', '-1e-9', DSI],
  ['-1.Ei', '-1152921504606846976e0', BSI],
  ['-1.e2147483647', '-1e2147483647', DEX],
  ['-0.1Ki', '-1024e-1', BSI],
  ['-0.1Ei', '-1152921504606846976e-1', BSI],
  ['-0.1e0', '-1e-1', DEX],
  ['-0.5n', '-1e-9', DSI],
  ['-0.9Ki', '-9216e-1', BSI],
  ['-0.9Pi', '-10133099161583616e-1', BSI],
  ['-0.9Ei', '-10376293541461622784e-1', BSI],
  ['-1.5', '-15e-1', DSI],
  ['-1.5n', '-2e-9', DSI],
  ['-1.5Ei', '-1729382256910270464e0', BSI],
  ['-1.5e-9', '-2e-9', DEX],
  ['-1.25Ki', '-128e1', BSI],
  ['-1.25Ei', '-144115188075855872e1', BSI],
  ['-1.25n', '-2e-9', DSI],
  ['-1.25e+21', '-125e19', DEX],

  // Around the int64 rails, with fractions.
  ['+9223372036854775.807e-19', '922338e-9', DEX],
  ['+9223372036854775.807e-18', '9223373e-9', DEX],
  ['+9223372036854775.807e-10', '922337203685478e-9', DEX],
  ['+9223372036854775.807e-9', '9223372036854776e-9', DEX],
  ['+9223372036854775.807e0', '9223372036854775807e-3', DEX],
  ['+9223372036854775.807e1000', '9223372036854775807e997', DEX],
  ['+9223372036854775.808', '9223372036854775808e-3', DSI],
  ['+9223372036854775.808n', '9223372036854776e-9', DSI],
  ['+9223372036854775.808u', '9223372036854775808e-9', DSI],
  ['+9223372036854775.808E', '9223372036854775808e15', DSI],
  ['+9223372036854775.808Ki', '9223372036854775807e0', BSI],
  ['+9223372036854775.808Ei', '9223372036854775807e0', BSI],
  ['+9223372036854775.808e+21', '9223372036854775808e18', DEX],

  // Digit ladder and exponents from -19 to 19.
  ['10', '1e1', DSI],
  ['9999999999999999999', '9999999999999999999e0', DSI],
  ['99999999999999999999', '99999999999999999999e0', DSI],
  ['1000000000000000000000', '1e21', DSI],
  ['1' + '0'.repeat(99), '1e99', DSI],
  ['1e-17', '1e-9', DEX],
  ['123e-17', '1e-9', DEX],
  ['-1e-17', '-1e-9', DEX],
  ['123e-11', '2e-9', DEX],
  ['123e-8', '123e-8', DEX],
  ['-1e-8', '-1e-8', DEX],
  ['123e17', '123e17', DEX],
];

describe('decode corpus sample (v1.37.0)', () => {
  it.each(CORPUS)('%s', (input, want, format) => {
    if (want === null) {
      parseError(input);
      return;
    }
    if (input.includes('2147483647') || input.includes('e1000') || input.includes('e1049')) {
      // Values too large to materialise in nano units: compare against a parsed spelling of the
      // expected value instead.
      const q = parseQuantity(input);
      expect(q.cmp(parseQuantity(want))).toBe(0);
      expect(q.format).toBe(format);
      return;
    }
    const q = parseQuantity(input);
    expect(q.nanoValue()).toBe(nanoOfME(want));
    expect(q.format).toBe(format);
  });

  // The corpus records a hang for these, or a value wrapped through a 32-bit scale
  // ("-1.25e-2147483647" decoded as -125e2147483645); the exact value is computed here instead.
  it('computes exact values where apimachinery hangs or wraps', () => {
    expect(parseQuantity('1e-2147483630').nanoValue()).toBe(1n);
    expect(parseQuantity('-1.25e-2147483647').nanoValue()).toBe(-1n);
    expect(parseQuantity('-0.5e-2147483646').nanoValue()).toBe(-1n);
    const big = parseQuantity('1234567890123456789012345678901234567890e2147483000');
    expect(big.toString()).toBe('123456789012345678901234567890123456789e2147483001');
    expect(big.value()).toBe(Number(MOST_POSITIVE));
  });
});

// ---------------------------------------------------------------------------------------------------
// Canonical form: TestQuantityString, TestQuantityParseEmit, TestQuantityNeg.
// ---------------------------------------------------------------------------------------------------

/** [mantissa, exponent, format, canonical, alternate spelling or ''] */
const STRING_TABLE: [bigint | number, number, QuantityFormat, string, string][] = [
  [1024 * 1024 * 1024, 0, BSI, '1Gi', '1024Mi'],
  [300 * 1024 * 1024, 0, BSI, '300Mi', '307200Ki'],
  [6 * 1024, 0, BSI, '6Ki', ''],
  [1001n * 1024n ** 3n, 0, BSI, '1001Gi', '1025024Mi'],
  [1024n ** 4n, 0, BSI, '1Ti', '1024Gi'],
  [5, 0, BSI, '5', '5000m'],
  [500, -3, BSI, '500m', '0.5'],
  [1, 9, DSI, '1G', '1000M'],
  [1000, 6, DSI, '1G', '0.001T'],
  [1000000, 3, DSI, '1G', ''],
  [1000000000, 0, DSI, '1G', ''],
  [1, -3, DSI, '1m', '1000u'],
  [80, -3, DSI, '80m', ''],
  [1080, -3, DSI, '1080m', '1.08'],
  [108, -2, DSI, '1080m', '1080000000n'],
  [10800, -4, DSI, '1080m', ''],
  [300, 6, DSI, '300M', ''],
  [1, 12, DSI, '1T', ''],
  // DecimalSI has no suffix beyond "E": larger exponents fall back to exponent notation.
  [1, 18, DSI, '1E', ''],
  [1, 21, DSI, '1e21', '1000E'],
  [5, 21, DSI, '5e21', '5000E'],
  [1, 24, DSI, '1e24', '1000000E'],
  [1234567, 6, DSI, '1234567M', ''],
  [1234567, -3, BSI, '1234567m', ''],
  [3, 3, DSI, '3k', ''],
  [1025, 0, BSI, '1025', ''],
  [0, 0, DSI, '0', ''],
  [0, 0, BSI, '0', ''],
  [1, 9, DEX, '1e9', '.001e12'],
  [1, -3, DEX, '1e-3', '0.001e0'],
  [1, -9, DEX, '1e-9', '1000e-12'],
  [80, -3, DEX, '80e-3', ''],
  [300, 6, DEX, '300e6', ''],
  [1, 12, DEX, '1e12', ''],
  [1, 3, DEX, '1e3', ''],
  [3, 3, DEX, '3e3', ''],
  [3, 3, DSI, '3k', ''],
  [0, 0, DEX, '0', '00'],
  [1, -9, DSI, '1n', ''],
  [80, -9, DSI, '80n', ''],
  [1080, -9, DSI, '1080n', ''],
  [108, -8, DSI, '1080n', ''],
  [10800, -10, DSI, '1080n', ''],
  [1, -6, DSI, '1u', ''],
  [80, -6, DSI, '80u', ''],
  [1080, -6, DSI, '1080u', ''],
];

describe('canonical form (TestQuantityString)', () => {
  it.each(STRING_TABLE)('%s e%s %s prints %s', (m, e, format, expected, alternate) => {
    const q = decQ(m, e, format);
    expect(q.toString()).toBe(expected);
    expect(q.apiString()).toBe(expected);

    // Parsing the canonical spelling keeps it (the fast path's "reuse the string").
    const reparsed = parseQuantity(expected);
    expect(reparsed.apiString()).toBe(expected);
    expect(reparsed.toString()).toBe(expected);
    expect(reparsed.cmp(q)).toBe(0);

    if (alternate !== '') {
      const alt = parseQuantity(alternate);
      expect(alt.toString()).toBe(expected);
      expect(alt.apiString()).toBe(expected);
    }

    if (!q.isZero()) {
      const negated = subtractQuantities(quantityFromValue(0, format), q);
      expect(negated.toString()).toBe('-' + expected);
    }
  });

  // TestQuantityParseEmit
  it.each([
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
  ])('%s emits %s', (input, expected) => {
    expect(parseQuantity(input).toString()).toBe(expected);
    expect(parseQuantity('-' + input).toString()).toBe('-' + expected);
  });

  // Examples from the Quantity doc comment and kubernetes-semantics.md §8.
  it.each([
    ['1.5', '1500m'],
    ['1.5Gi', '1536Mi'],
    ['1000M', '1G'],
    ['0.001', '1m'],
    ['1.08', '1080m'],
    ['1e3', '1e3'],
    ['1.3E+6', '1300e3'],
    ['1024Mi', '1Gi'],
    ['1025', '1025'],
    ['0.5Gi', '512Mi'],
    ['0.5Mi', '512Ki'],
    ['100.035Ki', '102435840m'],
    ['+1k', '1k'],
    ['-1k', '-1k'],
    ['3.001n', '4n'],
    ['0.9n', '1n'],
    ['.5', '500m'],
  ])('%s → %s', (input, expected) => {
    expect(parseQuantity(input).toString()).toBe(expected);
  });

  // TestQuantityNeg
  it('negates 9.01 to -9010m', () => {
    expect(subtractQuantities(quantityFromValue(0), decQ(901, -2, DSI)).toString()).toBe('-9010m');
  });

  // TestQuantityCanocicalizeZero
  it('prints a zero reached by arithmetic as "0", never "0m"', () => {
    const q = subtractQuantities(parseQuantity('1000m'), parseQuantity('1'));
    expect(q.isZero()).toBe(true);
    expect(q.toString()).toBe('0');
  });

  it('keeps BinarySI values past Ei exactly as apimachinery spells them', () => {
    // 2^63 (only reachable by arithmetic: parsing caps BinarySI at 2^63-1) is 8Ei.
    expect(decQ(1n << 63n, 0, BSI).toString()).toBe('8Ei');
    expect(decQ(-(1n << 63n), 0, BSI).toString()).toBe('-8Ei');
    // (2^63-1) × 1024: the "capped-8Ei*1024" row of the exact-policy test.
    expect(decQ(MOST_POSITIVE * 1024n, 0, BSI).toString()).toBe('9223372036854775807Ki');
  });
});

// ---------------------------------------------------------------------------------------------------
// TestParseQuantity: 18-20 digit inputs and the int64 rails. [input, exact decimal value, canonical]
// ---------------------------------------------------------------------------------------------------

const RAILS_TABLE: [string, string, string?][] = [
  // min/max 18 digits
  ['-999999999999999999', '-999999999999999999'],
  ['999999999999999999', '999999999999999999'],
  ['-999999999999999999.0', '-999999999999999999', '-999999999999999999'],
  ['999999999999999999.0', '999999999999999999', '999999999999999999'],
  ['-999999999999999999.1', '-999999999999999999.1', '-999999999999999999100m'],
  ['999999999999999999.1', '999999999999999999.1', '999999999999999999100m'],
  // min/max 19 digits
  ['-9999999999999999999', '-9999999999999999999'],
  ['9999999999999999999', '9999999999999999999'],
  ['-1E', '-1000000000000000000'],
  ['1E', '1000000000000000000'],
  ['-1000000000000000000', '-1000000000000000000', '-1E'],
  ['1000000000000000000', '1000000000000000000', '1E'],
  ['-9999999999999999999.0', '-9999999999999999999', '-9999999999999999999'],
  ['9999999999999999999.0', '9999999999999999999', '9999999999999999999'],
  ['-1.0E', '-1000000000000000000', '-1E'],
  ['1.0E', '1000000000000000000', '1E'],
  ['-1000000000000000000.0', '-1000000000000000000', '-1E'],
  ['1000000000000000000.0', '1000000000000000000', '1E'],
  ['-9999999999999999999000m', '-9999999999999999999', '-9999999999999999999'],
  ['9999999999999999999000m', '9999999999999999999', '9999999999999999999'],
  ['-9999999999999999999.1', '-9999999999999999999.1', '-9999999999999999999100m'],
  ['9999999999999999999.1', '9999999999999999999.1', '9999999999999999999100m'],
  ['-1.0000000000000000001E', '-1000000000000000000.1', '-1000000000000000000100m'],
  ['1.0000000000000000001E', '1000000000000000000.1', '1000000000000000000100m'],
  ['-1000000000000000000.1', '-1000000000000000000.1', '-1000000000000000000100m'],
  ['1000000000000000000.1', '1000000000000000000.1', '1000000000000000000100m'],
  ['-1.000000000000000001E', '-1000000000000000001', '-1000000000000000001'],
  ['1.000000000000000001E', '1000000000000000001', '1000000000000000001'],
  ['-1000000000000000001', '-1000000000000000001'],
  ['1000000000000000001', '1000000000000000001'],
  // min/max 20 digits
  ['-10E', '-10000000000000000000'],
  ['10E', '10000000000000000000'],
  ['-10000000000000000000', '-10000000000000000000', '-10E'],
  ['10000000000000000000', '10000000000000000000', '10E'],
  ['-10.0E', '-10000000000000000000', '-10E'],
  ['10.0E', '10000000000000000000', '10E'],
  ['-10000000000000000000.0', '-10000000000000000000', '-10E'],
  ['10000000000000000000.0', '10000000000000000000', '10E'],
  ['-10000000000000000000000m', '-10000000000000000000', '-10E'],
  ['10000000000000000000000m', '10000000000000000000', '10E'],
  ['-10.0000000000000000001E', '-10000000000000000000.1', '-10000000000000000000100m'],
  ['10.0000000000000000001E', '10000000000000000000.1', '10000000000000000000100m'],
  ['-10000000000000000000.1', '-10000000000000000000.1', '-10000000000000000000100m'],
  ['10000000000000000000.1', '10000000000000000000.1', '10000000000000000000100m'],
  ['-10.000000000000000001E', '-10000000000000000001', '-10000000000000000001'],
  ['10.000000000000000001E', '10000000000000000001', '10000000000000000001'],
  ['-10000000000000000001', '-10000000000000000001'],
  ['10000000000000000001', '10000000000000000001'],
  // min/max int64 - 1
  ['-9223372036854775809', '-9223372036854775809'],
  ['9223372036854775806', '9223372036854775806'],
  ['-9223372036854775809.0', '-9223372036854775809', '-9223372036854775809'],
  ['9223372036854775806.0', '9223372036854775806', '9223372036854775806'],
  ['-9223372036854775809000m', '-9223372036854775809', '-9223372036854775809'],
  ['9223372036854775806000m', '9223372036854775806', '9223372036854775806'],
  ['-9223372036854775809.1', '-9223372036854775809.1', '-9223372036854775809100m'],
  ['9223372036854775806.1', '9223372036854775806.1', '9223372036854775806100m'],
  // min/max int64
  ['-9223372036854775808', '-9223372036854775808'],
  ['9223372036854775807', '9223372036854775807'],
  ['-9223372036854775808.0', '-9223372036854775808', '-9223372036854775808'],
  ['9223372036854775807.0', '9223372036854775807', '9223372036854775807'],
  ['-9223372036854775808000m', '-9223372036854775808', '-9223372036854775808'],
  ['9223372036854775807000m', '9223372036854775807', '9223372036854775807'],
  ['-9223372036854775808.1', '-9223372036854775808.1', '-9223372036854775808100m'],
  ['9223372036854775807.1', '9223372036854775807.1', '9223372036854775807100m'],
  // min/max int64 + 1
  ['-9223372036854775807', '-9223372036854775807'],
  ['9223372036854775808', '9223372036854775808'],
  ['-9223372036854775807.0', '-9223372036854775807', '-9223372036854775807'],
  ['9223372036854775808.0', '9223372036854775808', '9223372036854775808'],
  ['-9223372036854775807000m', '-9223372036854775807', '-9223372036854775807'],
  ['9223372036854775808000m', '9223372036854775808', '9223372036854775808'],
  ['-9223372036854775807.1', '-9223372036854775807.1', '-9223372036854775807100m'],
  ['9223372036854775808.1', '9223372036854775808.1', '9223372036854775808100m'],
];

describe('int64 rails (TestParseQuantity)', () => {
  it.each(RAILS_TABLE)('%s', (input, exact, canonical) => {
    const q = parseQuantity(input);
    expect(q.nanoValue()).toBe(nanoOfDecimal(exact));
    expect(q.toString()).toBe(canonical ?? input);
    expect(q.apiString()).toBe(canonical ?? input);
  });
});

// ---------------------------------------------------------------------------------------------------
// The serialized form: quantity_golden_test.go and the exact-policy non-canonical spellings.
// ---------------------------------------------------------------------------------------------------

describe('serialized form (quantity_golden_test.go)', () => {
  /** [name, quantity, String()/MarshalJSON, canonical (the cache-free String())] */
  const golden: [string, () => Quantity, string, string][] = [
    ['one', () => parseQuantity('1'), '1', '1'],
    ['negative-one', () => parseQuantity('-1'), '-1', '-1'],
    ['binary-1Ki', () => parseQuantity('1Ki'), '1Ki', '1Ki'],
    ['binary-1024Mi-normalizes-to-1Gi', () => parseQuantity('1024Mi'), '1Gi', '1Gi'],
    ['decimal-1000M-normalizes-to-1G', () => parseQuantity('1000M'), '1G', '1G'],
    ['decimal-exponent-format-preserved', () => parseQuantity('1e3'), '1e3', '1e3'],
    ['milli-from-fraction', () => parseQuantity('0.1'), '100m', '100m'],
    ['milli-constructed', () => quantityFromMilli(1441, DSI), '1441m', '1441m'],
    ['nano-from-sub-milli', () => parseQuantity('0.000000000000001'), '1n', '1n'],
    // #138165: a 3n-fraction-digit decimal keeps its input spelling on the wire.
    ['three-fractional-digits', () => parseQuantity('1.441'), '1.441', '1441m'],
    ['six-fractional-digits', () => parseQuantity('1.000001'), '1.000001', '1000001u'],
    ['nine-fractional-digits', () => parseQuantity('1.000000001'), '1.000000001', '1000000001n'],
    ['one-fractional-digit-already-canonical', () => parseQuantity('1.5'), '1500m', '1500m'],
    ['int64-max-parsed', () => parseQuantity('9223372036854775807'), '9223372036854775807', '9223372036854775807'],
    ['int64-min-constructed', () => quantityFromValue(MOST_NEGATIVE), '-9223372036854775808', '-9223372036854775808'],
    ['two-to-63', () => parseQuantity('9223372036854775808'), '9223372036854775808', '9223372036854775808'],
    ['two-to-64', () => parseQuantity('18446744073709551616'), '18446744073709551616', '18446744073709551616'],
    ['scaled-max-times-ten', () => quantityFromValue(MOST_POSITIVE * 10n), '92233720368547758070', '92233720368547758070'],
    ['ten-to-18-has-suffix', () => parseQuantity('1E'), '1E', '1E'],
    ['ten-to-20-has-suffix', () => parseQuantity('100E'), '100E', '100E'],
    ['ten-to-21-falls-back-to-exponent', () => parseQuantity('1000E'), '1e21', '1e21'],
    ['ten-to-100-falls-back-to-exponent', () => parseQuantity('1e100'), '10e99', '10e99'],
    ['scaled-ten-to-21', () => quantityFromValue(10n ** 21n), '1e21', '1e21'],
    ['binary-8Ei-caps-at-int64-max', () => parseQuantity('8Ei'), '9223372036854775807', '9223372036854775807'],
    ['binary-negative-20Ei-caps', () => parseQuantity('-20Ei'), '-9223372036854775807', '-9223372036854775807'],
    ['negative-9_5Gi', () => parseQuantity('-9.5Gi'), '-9728Mi', '-9728Mi'],
    ['negative-9_5000000001Gi', () => parseQuantity('-9.5000000001Gi'), '-10200547328107374183n', '-10200547328107374183n'],
  ];

  it.each(golden)('%s', (_name, load, wire, canonical) => {
    const q = load();
    expect(q.apiString()).toBe(wire);
    expect(q.toString()).toBe(canonical);
    // A decode of the wire form re-encodes byte for byte (TestQuantitySerializationRoundTripsByteStable).
    expect(parseQuantity(wire).apiString()).toBe(wire);
    // Add(0) drops the kept spelling (TestQuantitySerializationSurvivesNoOpArithmetic).
    expect(addQuantities(q, quantityFromValue(0)).apiString()).toBe(canonical);
  });

  // knownDeviations "canonical/noncanon/*": spellings the fast path keeps verbatim.
  it.each([
    ['5.', '5'],
    ['1.', '1'],
    ['+1', '1'],
    ['01', '1'],
    ['1E3', '1e3'],
    ['1e+21', '1e21'],
    ['1e0', '1'],
    ['123e0', '123'],
    ['1.500k', '1500'],
    ['+1Ki', '1Ki'],
    ['01Ki', '1Ki'],
  ])('%s is kept on the wire, canonical %s', (input, canonical) => {
    const q = parseQuantity(input);
    expect(q.apiString()).toBe(input);
    expect(q.toString()).toBe(canonical);
  });

  it.each([
    ['.5', '500m'],
    ['0.250', '250m'],
    ['2.000', '2'],
    ['1000m', '1'],
    ['1024Ki', '1Mi'],
    ['8Ki', '8Ki'],
    ['+1.5', '1500m'],
    ['+1000000000000000001', '1000000000000000001'],
  ])('%s is not kept: the wire form is canonical %s', (input, canonical) => {
    const q = parseQuantity(input);
    expect(q.apiString()).toBe(canonical);
    expect(q.toString()).toBe(canonical);
  });
});

// ---------------------------------------------------------------------------------------------------
// Accessors: Value, MilliValue, ScaledValue.
// ---------------------------------------------------------------------------------------------------

describe('value accessors', () => {
  it.each([
    ['100m', 1, 100],
    ['-3m', -1, -3],
    ['0.1m', 1, 1],
    ['0.5', 1, 500],
    ['1', 1, 1000],
    ['128Mi', 134217728, 134217728000],
    ['129M', 129000000, 129000000000],
    ['129e6', 129000000, 129000000000],
    ['1.5Gi', 1610612736, 1610612736000],
    ['1n', 1, 1],
    ['-1n', -1, -1],
    ['0', 0, 0],
  ])('%s: value %d, milliValue %d', (input, value, milli) => {
    const q = parseQuantity(input);
    expect(q.value()).toBe(value);
    expect(q.milliValue()).toBe(milli);
  });

  // quantity_overflow_test.go accessor cases: [name, quantity, Value, MilliValue, ScaledValue(Kilo)]
  const accessors: [string, () => Quantity, bigint, bigint, bigint][] = [
    ['int64-max-parsed', () => parseQuantity('9223372036854775807'), MOST_POSITIVE, MOST_POSITIVE, 9223372036854776n],
    ['int64-max-constructed', () => quantityFromValue(MOST_POSITIVE), MOST_POSITIVE, MOST_POSITIVE, 9223372036854776n],
    ['int64-min-constructed', () => quantityFromValue(MOST_NEGATIVE), MOST_NEGATIVE, MOST_NEGATIVE, -9223372036854776n],
    ['ten-to-18-parsed', () => parseQuantity('1E'), 10n ** 18n, MOST_POSITIVE, 10n ** 15n],
    ['binary-8Ei-caps-at-max', () => parseQuantity('8Ei'), MOST_POSITIVE, MOST_POSITIVE, 9223372036854776n],
    ['binary-negative-8Ei', () => parseQuantity('-8Ei'), -MOST_POSITIVE, MOST_NEGATIVE, -9223372036854776n],
    ['binary-20Ei-caps-at-max', () => parseQuantity('20Ei'), MOST_POSITIVE, MOST_POSITIVE, 9223372036854776n],
    ['binary-negative-20Ei', () => parseQuantity('-20Ei'), -MOST_POSITIVE, MOST_NEGATIVE, -9223372036854776n],
    ['two-to-63-parsed', () => parseQuantity('9223372036854775808'), MOST_POSITIVE, MOST_POSITIVE, 9223372036854776n],
    ['two-to-64-parsed', () => parseQuantity('18446744073709551616'), MOST_POSITIVE, MOST_POSITIVE, 18446744073709552n],
    ['ten-to-20-parsed', () => parseQuantity('100E'), MOST_POSITIVE, MOST_POSITIVE, 10n ** 17n],
    ['ten-to-21-parsed', () => parseQuantity('1000E'), MOST_POSITIVE, MOST_POSITIVE, 10n ** 18n],
    ['five-times-ten-to-21', () => parseQuantity('5000E'), MOST_POSITIVE, MOST_POSITIVE, 5n * 10n ** 18n],
    ['ten-to-100-parsed', () => parseQuantity('1e100'), MOST_POSITIVE, MOST_POSITIVE, MOST_POSITIVE],
    ['scaled-one-times-ten-to-21', () => quantityFromValue(10n ** 21n), MOST_POSITIVE, MOST_POSITIVE, 10n ** 18n],
    ['scaled-max-times-ten', () => quantityFromValue(MOST_POSITIVE * 10n), MOST_POSITIVE, MOST_POSITIVE, 92233720368547759n],
    ['int64-min-parsed', () => parseQuantity('-9223372036854775808'), MOST_NEGATIVE, MOST_NEGATIVE, -9223372036854776n],
    ['int64-min-plus-one', () => parseQuantity('-9223372036854775807'), MOST_NEGATIVE + 1n, MOST_NEGATIVE, -9223372036854776n],
    ['negative-ten-to-30', () => parseQuantity('-1e30'), MOST_NEGATIVE, MOST_NEGATIVE, MOST_NEGATIVE],
    ['negative-ten-to-20', () => parseQuantity('-100E'), MOST_NEGATIVE, MOST_NEGATIVE, -(10n ** 17n)],
    ['negative-ten-to-21', () => parseQuantity('-1000E'), MOST_NEGATIVE, MOST_NEGATIVE, -(10n ** 18n)],
    ['negative-9_5Gi', () => parseQuantity('-9.5Gi'), -10200547328n, -10200547328000n, -10200548n],
    ['negative-9_5000000001Gi', () => parseQuantity('-9.5000000001Gi'), -10200547329n, -10200547328108n, -10200548n],
    ['new-milli-max', () => quantityFromMilli(MOST_POSITIVE), 9223372036854776n, MOST_POSITIVE, 9223372036855n],
    ['new-milli-min', () => quantityFromMilli(MOST_NEGATIVE), -9223372036854776n, MOST_NEGATIVE, -9223372036855n],
    ['max-plus-max', () => addQuantities(quantityFromValue(MOST_POSITIVE), quantityFromValue(MOST_POSITIVE)), MOST_POSITIVE, MOST_POSITIVE, 18446744073709552n],
  ];

  it.each(accessors)('%s', (_name, load, value, milli, kilo) => {
    const q = load();
    expect(scaledValue(q, 0)).toBe(value);
    expect(scaledValue(q, -3)).toBe(milli);
    expect(scaledValue(q, 3)).toBe(kilo);
    expect(q.value()).toBe(Number(value));
    expect(q.milliValue()).toBe(Number(milli));
  });

  // TestQuantityRoundUp, read through ScaledValue: ceil(9.01 / 10^scale) away from zero.
  it.each([
    [-3, 9010n],
    [-2, 901n],
    [-1, 91n],
    [0, 10n],
    [1, 1n],
    [2, 1n],
  ])('9.01 at scale %d is %d (and -9.01 the negation)', (scale, want) => {
    expect(scaledValue(parseQuantity('9.01'), scale)).toBe(want);
    expect(scaledValue(parseQuantity('-9.01'), scale)).toBe(-want);
  });

  // TestScaledValue: NewScaledQuantity(1, from).ScaledValue(to)
  it.each([
    [-9, -9, 1n], [-9, -6, 1n], [-9, -3, 1n], [-9, 0, 1n],
    [-6, -9, 1000n], [-6, -6, 1n], [-6, -3, 1n], [-6, 0, 1n],
    [-3, -9, 1000000n], [-3, -6, 1000n], [-3, -3, 1n], [-3, 0, 1n],
    [0, -9, 1000000000n], [0, -6, 1000000n], [0, -3, 1000n], [0, 0, 1n],
    [2, -2, 10000n],
  ])('1e%d at scale %d is %d', (from, to, want) => {
    expect(scaledValue(decQ(1, from, DSI), to)).toBe(want);
  });

  it('refuses to materialise an absurd nano value instead of hanging', () => {
    const q = parseQuantity('1e2147483647');
    expect(() => q.nanoValue()).toThrow(RangeError);
    expect(q.value()).toBe(Number(MOST_POSITIVE));
    expect(q.toString()).toBe('10e2147483646');
  });
});

// ---------------------------------------------------------------------------------------------------
// Constructors: TestNewSet, TestMilliNewSet, TestNewScaledSet.
// ---------------------------------------------------------------------------------------------------

describe('constructors', () => {
  // TestNewSet ("invalidFormatDefaultsToExponent" prints like DecimalExponent).
  it.each([
    [1, DSI, '1'],
    [1000, DSI, '1k'],
    [1234000, DSI, '1234k'],
    [1024, BSI, '1Ki'],
    [1000000, DEX, '1e6'],
    [1024 * 1024, BSI, '1Mi'],
  ])('quantityFromValue(%d, %s) is %s', (value, format, expected) => {
    const q = quantityFromValue(value, format);
    expect(q.toString()).toBe(expected);
    expect(q.format).toBe(format);
    expect(parseQuantity(q.toString()).value()).toBe(value);
  });

  // TestMilliNewSet
  it.each([
    [1, DSI, '1m', true],
    [1000, DSI, '1', true],
    [1234000, DSI, '1234', true],
    [1024, BSI, '1024m', false], // format changes
    [1000000, DEX, '1e3', true],
    [1024 * 1024, BSI, '1048576m', false], // format changes
  ])('quantityFromMilli(%d, %s) is %s', (milli, format, expected, exact) => {
    const q = quantityFromMilli(milli, format);
    expect(q.toString()).toBe(expected);
    if (exact) expect(parseQuantity(q.toString()).milliValue()).toBe(milli);
  });

  // TestNewScaledSet, for the scales the constructors reach: [value, scale, string]
  it.each([
    [1, -9, '1n'],
    [1000, -9, '1u'],
    [1, -6, '1u'],
    [1000, -6, '1m'],
    [1, -3, '1m'],
    [1000, -3, '1'],
    [1, 0, '1'],
    [0, -9, '0'],
    [0, -6, '0'],
    [0, -3, '0'],
    [0, 0, '0'],
  ])('%d at scale %d is %s', (value, scale, expected) => {
    const q = decQ(value, scale, DSI);
    expect(q.toString()).toBe(expected);
    expect(scaledValue(parseQuantity(expected), scale)).toBe(BigInt(value));
  });

  it('builds nano quantities', () => {
    expect(quantityFromNano(250_000_000n).toString()).toBe('250m');
    expect(quantityFromNano(123456789).toString()).toBe('123456789n');
    expect(quantityFromNano(123456789).milliValue()).toBe(124);
  });

  it('rejects fractional inputs', () => {
    expect(() => quantityFromValue(1.5)).toThrow(RangeError);
    expect(() => quantityFromMilli(0.5)).toThrow(RangeError);
    expect(() => quantityFromNano(Number.NaN)).toThrow(RangeError);
    expect(() => formatCpuMilli(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------
// Comparison and arithmetic: TestQuantityCmp, TestQuantityCmpInt64AndDec, TestAdd, TestSub, ...
// ---------------------------------------------------------------------------------------------------

describe('cmp', () => {
  /** -x without producing -0 (toBe uses Object.is). */
  const neg = (x: number) => (x === 0 ? 0 : -x);

  it.each([
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
    ['1Gi', '1073741824', 0],
    ['1e2147483647', '9Ei', 1],
    ['-1e2147483647', '-9Ei', -1],
    ['1e2147483647', '1e2147483646', 1],
    ['1n', '0', 1],
    ['-1n', '0', -1],
  ])('%s vs %s is %d', (x, y, want) => {
    expect(parseQuantity(x).cmp(parseQuantity(y))).toBe(want);
    expect(parseQuantity(y).cmp(parseQuantity(x))).toBe(neg(want));
  });

  // TestQuantityCmpInt64AndDec, the rows that are whole nanos: [a m, a e, b m, b e, cmp]
  it.each([
    [901n, -2, 901n, -2, 0],
    [90n, -1, 901n, -2, -1],
    [901n, -2, 900n, -2, 1],
    [0n, 0, 0n, 0, 0],
    [0n, 1, 0n, -1, 0],
    [800n, -3, 1n, 0, -1],
    [800n, -3, 79n, -2, 1],
    [MOST_POSITIVE, 0, 1n, -1, 1],
    [MOST_POSITIVE, 1, 1n, 0, 1],
    [MOST_POSITIVE, 1, 1n, 1, 1],
    [MOST_POSITIVE, 1, 0n, 1, 1],
    [MOST_NEGATIVE, 0, 0n, 0, -1],
    [10n ** 18n, -17, 1n, 1, 0],
    [10n ** 18n, -17, -10n, 0, 1],
    [-(10n ** 18n), -17, -10n, 0, 0],
    [10n ** 18n, -17, 1n, 0, 1],
  ])('%d e%d vs %d e%d is %d', (am, ae, bm, be, want) => {
    const a = decQ(am, ae, DSI);
    const b = decQ(bm, be, DSI);
    expect(a.cmp(b)).toBe(want);
    expect(b.cmp(a)).toBe(neg(want));
  });
});

describe('addQuantities / subtractQuantities', () => {
  const zero = () => quantityFromValue(0, DSI);

  // TestAdd: [a, b, expected, expected format]
  it.each([
    [decQ(10, 0, DSI), decQ(1, 1, DSI), decQ(20, 0, DSI), DSI],
    [decQ(10, 0, DSI), decQ(1, 0, BSI), decQ(11, 0, DSI), DSI],
    [decQ(10, 0, BSI), decQ(1, 0, DSI), decQ(11, 0, BSI), BSI],
    [zero(), decQ(50, 0, DSI), decQ(50, 0, DSI), DSI],
    [decQ(50, 0, DSI), zero(), decQ(50, 0, DSI), DSI],
    [zero(), zero(), decQ(0, 0, DSI), DSI],
  ])('add #%#', (a, b, want, format) => {
    const sum = addQuantities(a, b);
    expect(sum.cmp(want)).toBe(0);
    expect(sum.format).toBe(format);
  });

  // TestSub
  it.each([
    [decQ(10, 0, DSI), decQ(1, 1, DSI), decQ(0, 0, DSI)],
    [decQ(10, 0, DSI), decQ(1, 0, BSI), decQ(9, 0, DSI)],
    [decQ(10, 0, BSI), decQ(1, 0, DSI), decQ(9, 0, BSI)],
    [zero(), decQ(50, 0, DSI), decQ(-50, 0, DSI)],
    [decQ(50, 0, DSI), zero(), decQ(50, 0, DSI)],
    [zero(), zero(), decQ(0, 0, DSI)],
  ])('sub #%#', (a, b, want) => {
    expect(subtractQuantities(a, b).cmp(want)).toBe(0);
  });

  // TestQuantityAddZeroPreservesSuffix / TestQuantitySubZeroPreservesSuffix
  it.each(['100m', '1Gi'])('adding or subtracting zero keeps %s', (text) => {
    const value = parseQuantity(text);
    const z = parseQuantity('0');
    expect(addQuantities(value, z).toString()).toBe(text);
    expect(addQuantities(z, value).toString()).toBe(text);
    expect(subtractQuantities(value, z).toString()).toBe(text);
    expect(subtractQuantities(z, value).toString()).toBe('-' + text);
  });

  // TestNegAndSubAtMostNegative, TestSubMostNegativeCrossScale, TestZeroSubMostNegativeInheritsFormat
  it('subtracts the most negative int64 without wrapping', () => {
    const mostNegative = quantityFromValue(MOST_NEGATIVE, DSI);
    expect(subtractQuantities(zero(), mostNegative).toString()).toBe('9223372036854775808');
    expect(subtractQuantities(quantityFromValue(1), mostNegative).toString()).toBe('9223372036854775809');
    expect(subtractQuantities(quantityFromValue(10), mostNegative).toString()).toBe('9223372036854775818');
    const mostNegativeMilli = quantityFromMilli(MOST_NEGATIVE, DSI);
    expect(subtractQuantities(zero(), mostNegativeMilli).toString()).toBe('9223372036854775808m');
    expect(subtractQuantities(quantityFromMilli(1), mostNegativeMilli).toString()).toBe('9223372036854775809m');
    const inherited = subtractQuantities(zero(), quantityFromValue(MOST_NEGATIVE, BSI));
    expect(inherited.format).toBe(BSI);
    expect(inherited.toString()).toBe('8Ei');
    expect(inherited.cmp(parseQuantity('9223372036854775808'))).toBe(0);
  });

  // TestAddSubRoundTrip, deterministic: sums of values at every scale cancel exactly.
  it('cancels sums across scales', () => {
    let q: Quantity = quantityFromValue(0);
    const parts: Quantity[] = [];
    for (let i = 0; i < 60; i++) {
      const m = (BigInt(i) * 6364136223846793005n + 1442695040888963407n) % MOST_POSITIVE;
      parts.push(decQ(m, (i % 20) - 9, DSI));
    }
    for (const p of parts) q = addQuantities(q, p);
    for (const p of parts) q = subtractQuantities(q, p);
    expect(q.isZero()).toBe(true);
  });

  it('sums CPU requests exactly', () => {
    const total = ['100m', '250m', '0.5', '1', '1m'].map((s) => parseQuantity(s)).reduce(addQuantities);
    expect(total.milliValue()).toBe(1851);
    expect(total.toString()).toBe('1851m');
  });
});

// ---------------------------------------------------------------------------------------------------
// tryParseQuantity and the kubectl renderings.
// ---------------------------------------------------------------------------------------------------

describe('tryParseQuantity', () => {
  it('decodes like Quantity.UnmarshalJSON (TestJSONWhitespace)', () => {
    expect(tryParseQuantity(' 1')?.toString()).toBe('1');
    expect(tryParseQuantity('1 ')?.toString()).toBe('1');
    expect(tryParseQuantity('\t2Gi\n')?.toString()).toBe('2Gi');
    expect(tryParseQuantity(1)?.toString()).toBe('1');
    expect(tryParseQuantity(10)?.toString()).toBe('10');
    expect(tryParseQuantity(-1)?.toString()).toBe('-1');
    expect(tryParseQuantity(0.5)?.toString()).toBe('500m');
    expect(tryParseQuantity(1e21)?.toString()).toBe('1e21');
    expect(tryParseQuantity(10n)?.toString()).toBe('10');
  });

  it('returns undefined instead of throwing', () => {
    for (const bad of ['', ' ', 'abc', '1KiB', 'Pi', '1 Ki', Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}, [], true]) {
      expect(tryParseQuantity(bad)).toBeUndefined();
    }
  });
});

describe('kubectl renderings', () => {
  it.each([
    [250, '250m'],
    [1000, '1'],
    [1500, '1500m'],
    [0, '0'],
    [2000, '2'],
    [100, '100m'],
    [12345000, '12345'],
  ])('formatCpuMilli(%d) is %s', (milli, expected) => {
    expect(formatCpuMilli(milli)).toBe(expected);
  });

  it.each([
    [314572800, '300Mi'],
    [1000, '1k'],
    [1023, '1023'],
    [1024, '1Ki'],
    [1025, '1025'],
    [1536, '1536'],
    [2048, '2Ki'],
    [1000000, '1000000'],
    [0, '0'],
    [128 * 1024 * 1024, '128Mi'],
    [8 * 1024 ** 3, '8Gi'],
  ])('formatMemoryBytes(%d) is %s', (bytes, expected) => {
    expect(formatMemoryBytes(bytes)).toBe(expected);
  });
});
