/**
 * lz-string's `decompressFromEncodedURIComponent`, with a bound on the output. Share links are
 * untrusted: LZ-style codes can describe output that grows quadratically with the input, so a short
 * crafted link could otherwise exhaust the tab's memory before any size check runs.
 * The algorithm follows lz-string 1.5.0 (MIT, Pieroxy) `_decompress`; compression stays lz-string's.
 */
const KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...KEY].map((c, i) => [c, i]));

export class DecompressError extends Error {}

/** Decompresses `input`; throws DecompressError when it is malformed or would exceed `maxChars`. */
export function decompressFromEncodedURIComponentGuarded(input: string, maxChars: number): string {
  const text = input.replace(/ /g, '+');
  if (text === '') throw new DecompressError('empty');
  // As lz-string: `index` is the next character to read; reading past the end yields 0 bits, and
  // the main loop gives up once it has gone more than one character past the end.
  const valueAt = (i: number) => {
    if (i >= text.length) return 0;
    const v = VALUE.get(text[i]);
    if (v === undefined) throw new DecompressError('not an encoded link');
    return v;
  };
  let value = valueAt(0);
  let index = 1;
  let position = 32;
  const readBits = (count: number) => {
    let bits = 0;
    for (let power = 1, i = 0; i < count; i++, power *= 2) {
      const bit = value & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        value = valueAt(index++);
      }
      if (bit > 0) bits += power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  let total = 0;
  const result: string[] = [];
  const push = (s: string) => {
    total += s.length;
    if (total > maxChars) throw new DecompressError(`longer than ${maxChars} characters`);
    result.push(s);
  };

  let c: string;
  switch (readBits(2)) {
    case 0:
      c = String.fromCharCode(readBits(8));
      break;
    case 1:
      c = String.fromCharCode(readBits(16));
      break;
    case 2:
      return '';
    default:
      throw new DecompressError('not an encoded link');
  }
  dictionary[3] = c;
  let w = c;
  push(c);
  for (;;) {
    if (index > text.length) throw new DecompressError('truncated');
    let code = readBits(numBits);
    switch (code) {
      case 0:
        dictionary[dictSize++] = String.fromCharCode(readBits(8));
        code = dictSize - 1;
        enlargeIn--;
        break;
      case 1:
        dictionary[dictSize++] = String.fromCharCode(readBits(16));
        code = dictSize - 1;
        enlargeIn--;
        break;
      case 2:
        return result.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (dictionary[code] !== undefined && code < dictSize) entry = dictionary[code];
    else if (code === dictSize) entry = w + w.charAt(0);
    else throw new DecompressError('corrupt');
    push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
