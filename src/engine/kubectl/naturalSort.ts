/**
 * Orderings kubectl inherits from Go libraries: sortorder.NaturalLess (kubectl --sort-by on
 * strings) and Go's byte-wise string comparison (etcd key order of list results).
 */

const isDigit = (c: string) => c >= '0' && c <= '9';

/** vbom.ml/util/sortorder NaturalLess: digit runs compare as numbers, the rest byte-wise. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i];
    const cb = b[j];
    const da = isDigit(ca);
    const db = isDigit(cb);
    if (da !== db) return da; // digits sort before non-digits
    if (!da) {
      if (ca !== cb) return ca < cb;
      i++;
      j++;
      continue;
    }
    // Both digit runs: skip leading zeros, compare by length then lexically, then by zero count.
    let za = i;
    while (za < a.length && a[za] === '0') za++;
    let zb = j;
    while (zb < b.length && b[zb] === '0') zb++;
    let ea = za;
    while (ea < a.length && isDigit(a[ea])) ea++;
    let eb = zb;
    while (eb < b.length && isDigit(b[eb])) eb++;
    const na = a.slice(za, ea);
    const nb = b.slice(zb, eb);
    if (na.length !== nb.length) return na.length < nb.length;
    if (na !== nb) return na < nb;
    if (za !== zb) return za < zb;
    i = ea;
    j = eb;
  }
  return a.length < b.length;
}

/** Go's `<` on strings (byte order; for the ASCII names Kubernetes allows this is code-unit order). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
