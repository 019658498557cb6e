/**
 * Label selector tests. Most tables are ported from k8s.io/apimachinery: pkg/labels/selector_test.go,
 * pkg/apis/meta/v1/helpers_test.go and pkg/apis/meta/v1/validation/validation_test.go. Exact error
 * texts come from the apimachinery sources the implementation models.
 */
import { describe, expect, it } from 'vitest';
import {
  EVERYTHING,
  NOTHING,
  LabelSelectorError,
  formatLabels,
  labelSelectorToString,
  matchesNothing,
  newRequirement,
  parseSelector,
  selectorFromLabelSelector,
  selectorFromRequirements,
  selectorFromSet,
  tokenizeSelector,
  validateLabelKey,
  validateLabelSelector,
  validateLabelValue,
  validateLabels,
  type LabelSelectorLike,
  type Labels,
  type Operator,
  type Requirement,
  type SelectorTokenKind,
} from './labels';

const req = (key: string, operator: Operator, values: string[] = []): Requirement => ({ key, operator, values });

/** The message a thrown LabelSelectorError carries. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LabelSelectorError);
    return (err as Error).message;
  }
  throw new Error('expected a LabelSelectorError, got none');
}

// Shared message fragments, verbatim from apimachinery (note the double spaces after the commas).
const NAME_PART_REGEX =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const KEY_SLASHES =
  "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const PREFIX_SUBDOMAIN =
  "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('parseSelector (TestSelectorParse)', () => {
  // Valid strings print back identically once spaces are removed.
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])('parses %j and prints it back', (text) => {
    expect(parseSelector(text).toString()).toBe(text.replaceAll(' ', ''));
  });

  it.each(['x=a||y=b', 'x==a==b', '!x=a', 'x<a'])('rejects %j', (text) => {
    expect(() => parseSelector(text)).toThrow(LabelSelectorError);
  });

  it('is deterministic whatever the input order (TestDeterministicParse)', () => {
    expect(parseSelector('x=a,a=x').toString()).toBe(parseSelector('a=x,x=a').toString());
    expect(parseSelector('x=a,a=x').toString()).toBe('a=x,x=a');
  });
});

describe('EVERYTHING and NOTHING (TestEverything, TestNilMapIsValid, TestSetIsEmpty)', () => {
  it('EVERYTHING matches any label set and is empty', () => {
    expect(EVERYTHING.matches({ x: 'y' })).toBe(true);
    expect(EVERYTHING.matches(undefined)).toBe(true);
    expect(EVERYTHING.empty()).toBe(true);
    expect(EVERYTHING.toString()).toBe('');
  });

  it('NOTHING matches no label set, is not empty and prints as ""', () => {
    expect(NOTHING.matches({ x: 'y' })).toBe(false);
    expect(NOTHING.matches({})).toBe(false);
    expect(NOTHING.matches(undefined)).toBe(false);
    expect(NOTHING.empty()).toBe(false);
    expect(NOTHING.toString()).toBe('');
    expect(matchesNothing(NOTHING)).toBe(true);
    expect(matchesNothing(EVERYTHING)).toBe(false);
  });

  it('a missing or empty set selects everything', () => {
    expect(selectorFromSet(undefined).empty()).toBe(true);
    expect(selectorFromSet({}).empty()).toBe(true);
    expect(parseSelector('').empty()).toBe(true);
  });
});

describe('Selector.matches (TestSelectorMatches)', () => {
  const fooBaz = { foo: 'bar', baz: 'blah' };
  const cases: [selector: string, labels: Labels, match: boolean][] = [
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true], // in and notin as plain words
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['foo=bar', fooBaz, true],
    ['baz=blah', fooBaz, true],
    ['foo=bar,baz=blah', fooBaz, true],
    ['foo=blah', fooBaz, false],
    ['baz=bar', fooBaz, false],
    ['foo=bar,foobar=bar,baz=blah', fooBaz, false],
  ];
  it.each(cases)('%j on %j -> %s', (selector, labels, match) => {
    expect(parseSelector(selector).matches(labels)).toBe(match);
  });
});

describe('selectorFromSet (TestSetMatches)', () => {
  const labelset = { foo: 'bar', baz: 'blah' };
  it.each<Labels>([{}, { foo: 'bar' }, { baz: 'blah' }, { foo: 'bar', baz: 'blah' }])('%j matches foo=bar,baz=blah', (set) => {
    expect(selectorFromSet(set).matches(labelset)).toBe(true);
  });

  it('requires every pair and prints sorted equality requirements', () => {
    const selector = selectorFromSet({ tier: 'web', app: 'shop' });
    expect(selector.toString()).toBe('app=shop,tier=web');
    expect(selector.requirements).toEqual([req('app', '=', ['shop']), req('tier', '=', ['web'])]);
    expect(selector.matches({ app: 'shop' })).toBe(false);
    expect(selector.matches({ app: 'shop', tier: 'web', extra: 'x' })).toBe(true);
  });
});

describe('tokenizeSelector (TestLexer, TestLexerSequence, TestParserLookahead)', () => {
  const first: [string, SelectorTokenKind][] = [
    ['', 'EndOfString'],
    [',', 'Comma'],
    ['notin', 'NotIn'],
    ['in', 'In'],
    ['=', 'Equals'],
    ['==', 'DoubleEquals'],
    ['>', 'GreaterThan'],
    ['<', 'LessThan'],
    ['!', 'DoesNotExist'], // the lexer returns the longest valid token
    ['!=', 'NotEquals'],
    ['(', 'OpenPar'],
    [')', 'ClosedPar'],
    ['~', 'Identifier'], // non-special characters are part of an identifier
    ['||', 'Identifier'],
  ];
  it.each(first)('lexes %j as %s', (text, kind) => {
    expect(tokenizeSelector(text)[0]).toEqual({ kind, literal: text });
  });

  const sequences: [string, SelectorTokenKind[]][] = [
    ['key in ( value )', ['Identifier', 'In', 'OpenPar', 'Identifier', 'ClosedPar']],
    ['key notin ( value )', ['Identifier', 'NotIn', 'OpenPar', 'Identifier', 'ClosedPar']],
    ['key in ( value1, value2 )', ['Identifier', 'In', 'OpenPar', 'Identifier', 'Comma', 'Identifier', 'ClosedPar']],
    ['key', ['Identifier']],
    ['!key', ['DoesNotExist', 'Identifier']],
    ['()', ['OpenPar', 'ClosedPar']],
    ['', []],
    ['x in (),y', ['Identifier', 'In', 'OpenPar', 'ClosedPar', 'Comma', 'Identifier']],
    ['== != (), = notin', ['DoubleEquals', 'NotEquals', 'OpenPar', 'ClosedPar', 'Comma', 'Equals', 'NotIn']],
    ['key>2', ['Identifier', 'GreaterThan', 'Identifier']],
    ['key<1', ['Identifier', 'LessThan', 'Identifier']],
  ];
  it.each(sequences)('lexes %j into a token sequence ending in EndOfString', (text, kinds) => {
    expect(tokenizeSelector(text).map((t) => t.kind)).toEqual([...kinds, 'EndOfString']);
  });

  it('keeps literals and splits symbol runs into the longest tokens', () => {
    expect(tokenizeSelector('a.b/c!==x')).toEqual([
      { kind: 'Identifier', literal: 'a.b/c' },
      { kind: 'NotEquals', literal: '!=' },
      { kind: 'Equals', literal: '=' },
      { kind: 'Identifier', literal: 'x' },
      { kind: 'EndOfString', literal: '' },
    ]);
  });
});

describe('newRequirement (TestRequirementConstructor)', () => {
  const cases: [key: string, op: Operator, values: string[], ok: boolean][] = [
    ['x', 'in', [], false],
    ['x', 'notin', [], false],
    ['x', 'in', ['foo'], true],
    ['x', 'notin', ['foo'], true],
    ['x', 'exists', [], true],
    ['x', '!', [], true],
    ['1foo', 'in', ['bar'], true],
    ['1234', 'in', ['bar'], true],
    ['y', 'gt', ['1'], true],
    ['z', 'lt', ['6'], true],
    ['foo', 'gt', ['bar'], false],
    ['barz', 'lt', ['blah'], false],
    ['a'.repeat(254), 'exists', [], false], // name part longer than 63
  ];
  it.each(cases)('newRequirement(%j, %j, %j) ok=%s', (key, op, values, ok) => {
    if (ok) expect(newRequirement(key, op, values)).toEqual(req(key, op, values));
    else expect(() => newRequirement(key, op, values)).toThrow(LabelSelectorError);
  });

  it('reports errors with NewRequirement texts, aggregated like utilerrors', () => {
    expect(errorOf(() => newRequirement('x', 'in', []))).toBe("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
    expect(errorOf(() => newRequirement('x', 'exists', ['a']))).toBe('values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist');
    expect(errorOf(() => newRequirement('x', '=', ['a', 'b']))).toBe('values: Invalid value: []string{"a", "b"}: exact-match compatibility requires one single value');
    expect(errorOf(() => newRequirement('x', 'gt', ['1', '2']))).toBe("values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, exactly one value is required");
    expect(errorOf(() => newRequirement('x', 'lt', ['a']))).toBe("values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer");
    expect(errorOf(() => newRequirement('x', 'foo' as Operator, []))).toBe(
      'operator: Unsupported value: "foo": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    );
    expect(errorOf(() => newRequirement('-x', 'in', []))).toBe(
      `[key: Invalid value: "-x": ${NAME_PART_REGEX}, values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty]`,
    );
  });

  it('accepts the int64 range for Gt/Lt and nothing beyond it', () => {
    expect(() => newRequirement('x', 'gt', ['9223372036854775807'])).not.toThrow();
    expect(() => newRequirement('x', 'gt', ['9223372036854775808'])).toThrow(LabelSelectorError);
  });
});

describe('Selector.toString (TestToString)', () => {
  const cases: [Requirement[], string][] = [
    [[newRequirement('x', 'in', ['abc', 'def']), newRequirement('y', 'notin', ['jkl']), newRequirement('z', 'exists')], 'x in (abc,def),y notin (jkl),z'],
    [[newRequirement('x', 'notin', ['abc', 'def']), newRequirement('y', '!=', ['jkl']), newRequirement('z', '!')], 'x notin (abc,def),y!=jkl,!z'],
    [[newRequirement('x', 'notin', ['abc']), newRequirement('y', 'in', ['jkl', 'mno']), newRequirement('z', 'notin', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
    [
      [newRequirement('x', '=', ['abc']), newRequirement('y', '==', ['jkl']), newRequirement('z', '!=', ['a']), newRequirement('z', 'exists')],
      'x=abc,y==jkl,z!=a,z',
    ],
    [[newRequirement('x', 'gt', ['2']), newRequirement('y', 'lt', ['8']), newRequirement('z', 'exists')], 'x>2,y<8,z'],
  ];
  it.each(cases)('prints %j as %j', (requirements, text) => {
    expect(selectorFromRequirements(requirements).toString()).toBe(text);
  });

  it('sorts set values when printing without reordering the requirement (TestSafeSort)', () => {
    const requirement = newRequirement('x', 'in', ['foo', 'bar', 'foo', 'bar']);
    expect(selectorFromRequirements([requirement]).toString()).toBe('x in (bar,bar,foo,foo)');
    expect(requirement.values).toEqual(['foo', 'bar', 'foo', 'bar']);
  });

  it('sorts requirements by key and keeps the order of equal keys (TestAdd)', () => {
    const selector = selectorFromRequirements([newRequirement('key2', '=', ['value2']), newRequirement('key', 'in', ['value'])]);
    expect(selector.requirements).toEqual([req('key', 'in', ['value']), req('key2', '=', ['value2'])]);
  });
});

describe('requirement matching (TestRequirementSelectorMatching)', () => {
  const zero = { key: '', operator: '' as Operator, values: [] };
  const cases: [Labels, Requirement[], boolean][] = [
    [{ x: 'foo', y: 'baz' }, [zero], false],
    [{ x: 'foo', y: 'baz' }, [newRequirement('x', 'in', ['foo']), newRequirement('y', 'notin', ['alpha'])], true],
    [{ x: 'foo', y: 'baz' }, [newRequirement('x', 'in', ['foo']), newRequirement('y', 'in', ['alpha'])], false],
    [{ y: '' }, [newRequirement('x', 'notin', ['']), newRequirement('y', 'exists')], true],
    [{ y: '' }, [newRequirement('x', '!'), newRequirement('y', 'exists')], true],
    [{ y: '' }, [newRequirement('x', 'notin', ['']), newRequirement('y', '!')], false],
    [{ y: 'baz' }, [newRequirement('x', 'in', [''])], false],
    [{ z: '2' }, [newRequirement('z', 'gt', ['1'])], true],
    [{ z: 'v2' }, [newRequirement('z', 'gt', ['1'])], false],
  ];
  it.each(cases)('%j against %j -> %s', (labels, requirements, match) => {
    expect(selectorFromRequirements(requirements).matches(labels)).toBe(match);
  });

  it('treats != and notin as satisfied by an absent key, = and in as not', () => {
    expect(parseSelector('env!=prod').matches({})).toBe(true);
    expect(parseSelector('env notin (prod)').matches(undefined)).toBe(true);
    expect(parseSelector('env=prod').matches({})).toBe(false);
    expect(parseSelector('env in (prod)').matches({})).toBe(false);
  });

  it('compares Gt/Lt as 64-bit integers and fails on non-integers', () => {
    expect(parseSelector('x>9').matches({ x: '10' })).toBe(true); // numeric, not lexical
    expect(parseSelector('x<10').matches({ x: '9' })).toBe(true);
    expect(parseSelector('x>1').matches({ x: '1' })).toBe(false);
    expect(parseSelector('x>1').matches({})).toBe(false);
    expect(parseSelector('x>1').matches({ x: '' })).toBe(false);
    expect(parseSelector('x>1').matches({ x: '2.5' })).toBe(false);
    expect(parseSelector('x>1').matches({ x: '99999999999999999999' })).toBe(false); // overflows int64
    expect(parseSelector('x<1').matches({ x: '-5' })).toBe(true);
    expect(parseSelector('x>9007199254740992').matches({ x: '9007199254740993' })).toBe(true); // beyond float precision
  });

  it('ignores inherited properties of the label object', () => {
    expect(parseSelector('constructor').matches({})).toBe(false);
    expect(parseSelector('!toString').matches({})).toBe(true);
  });
});

describe('set-based parsing (TestSetSelectorParser)', () => {
  const valid: [string, Requirement[]][] = [
    ['', []],
    ['\rx', [req('x', 'exists')]],
    ['this-is-a-dns.domain.com/key-with-dash', [req('this-is-a-dns.domain.com/key-with-dash', 'exists')]],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])]],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])]],
    ['foo  in\t (abc)', [req('foo', 'in', ['abc'])]],
    ['x notin\n (abc)', [req('x', 'notin', ['abc'])]],
    ['x  notin\t\t\t(abc,def)', [req('x', 'notin', ['abc', 'def'])]],
    ['x in (abc,def)', [req('x', 'in', ['abc', 'def'])]],
    ['x in (abc,)', [req('x', 'in', ['', 'abc'])]],
    ['x in ()', [req('x', 'in', [''])]],
    ['x notin (abc,,def),bar,z in (),w', [req('bar', 'exists'), req('w', 'exists'), req('x', 'notin', ['', 'abc', 'def']), req('z', 'in', [''])]],
    ['x,y in (a)', [req('x', 'exists'), req('y', 'in', ['a'])]],
    ['x=a', [req('x', '=', ['a'])]],
    ['x>1', [req('x', 'gt', ['1'])]],
    ['x<7', [req('x', 'lt', ['7'])]],
    ['x=a,y!=b', [req('x', '=', ['a']), req('y', '!=', ['b'])]],
    ['x=a,y!=b,z in (h,i,j)', [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])]],
    ['x notin ( )', [req('x', 'notin', [''])]],
    ['x notin (, a)', [req('x', 'notin', ['', 'a'])]],
    ['a ', [req('a', 'exists')]],
    ['a in (x,y,notin, z,in)', [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])]], // in/notin inside a value list
  ];
  it.each(valid)('parses %j', (text, requirements) => {
    expect(parseSelector(text).requirements).toEqual(requirements);
  });

  it.each(['x=a||y=b', 'x,,y', ',x,y', 'x nott in (y)', 'a in (xyz),', 'a in (xyz)b notin ()', 'a in (xyz abc)', 'a notin(', 'a (', '('])('rejects %j', (text) => {
    expect(() => parseSelector(text)).toThrow(LabelSelectorError);
  });

  it('deduplicates and sorts parsed values', () => {
    expect(parseSelector('x in (b,a,b)').requirements).toEqual([req('x', 'in', ['a', 'b'])]);
  });

  it('follows current apimachinery on a doubled trailing comma', () => {
    expect(parseSelector('x in (a,,)').toString()).toBe('x in (,a)');
  });

  it('reads a NUL like the Go lexer: the end before a token, a separator inside one', () => {
    expect(parseSelector('x=a\0,garbage').toString()).toBe('garbage,x=a');
    expect(parseSelector('x=a \0garbage').toString()).toBe('x=a');
  });
});

describe('parse error messages (selector.go texts)', () => {
  const cases: [string, string][] = [
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${VALUE_REGEX}`],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x<a', "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['x,,y', "found ',', expected: identifier after ','"],
    [',x', "found ',', expected: !, identifier, or 'end of string'"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in (a,', "unable to parse requirement: found '', expected: ',', or identifier"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    ['x>-1', `unable to parse requirement: values[0][x]: Invalid value: "-1": ${VALUE_REGEX}`],
    ['-bad', `unable to parse requirement: <nil>: Invalid value: "-bad": ${NAME_PART_REGEX}`],
    ['app: nginx', `unable to parse requirement: <nil>: Invalid value: "app:": ${NAME_PART_REGEX}`],
    ['a/b/c=d', `unable to parse requirement: <nil>: Invalid value: "a/b/c": ${KEY_SLASHES}`],
    ['app.kubernetes_io/name=x', `unable to parse requirement: <nil>: Invalid value: "app.kubernetes_io/name": ${PREFIX_SUBDOMAIN}`],
    ['/x', 'unable to parse requirement: <nil>: Invalid value: "/x": prefix part must be non-empty'],
    ['p/', `unable to parse requirement: <nil>: Invalid value: "p/": name part must be non-empty; ${NAME_PART_REGEX}`],
    ['x=' + 'v'.repeat(64), `unable to parse requirement: values[0][x]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 bytes`],
  ];
  it.each(cases)('%j -> %s', (text, message) => {
    expect(errorOf(() => parseSelector(text))).toBe(message);
  });
});

describe('selectorFromLabelSelector (TestLabelSelectorAsSelector)', () => {
  const matchLabels = { foo: 'bar' };
  const matchExpressions = [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }];
  const cases: [LabelSelectorLike | null | undefined, string][] = [
    [{ matchLabels }, 'foo=bar'],
    [{ matchExpressions }, 'baz in (norf,qux)'],
    [{ matchLabels, matchExpressions }, 'baz in (norf,qux),foo=bar'],
  ];
  it.each(cases)('converts %j to %j', (ls, text) => {
    expect(selectorFromLabelSelector(ls).toString()).toBe(parseSelector(text).toString());
  });

  it('maps null to NOTHING and {} to EVERYTHING', () => {
    expect(selectorFromLabelSelector(null)).toBe(NOTHING);
    expect(selectorFromLabelSelector(undefined)).toBe(NOTHING);
    expect(selectorFromLabelSelector({})).toBe(EVERYTHING);
    expect(selectorFromLabelSelector({ matchLabels: {}, matchExpressions: [] })).toBe(EVERYTHING);
  });

  it('rejects values on Exists and leaves the input untouched', () => {
    const ls = { matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] };
    expect(errorOf(() => selectorFromLabelSelector(ls))).toBe('values: Invalid value: []string{"qux", "norf"}: values set must be empty for exists and does not exist');
    expect(ls).toEqual({ matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] });
  });

  it('keeps expression values as given but prints them sorted', () => {
    const selector = selectorFromLabelSelector({ matchExpressions });
    expect(selector.requirements).toEqual([req('baz', 'in', ['qux', 'norf'])]);
    expect(selector.toString()).toBe('baz in (norf,qux)');
  });

  it('ANDs matchLabels with matchExpressions', () => {
    const selector = selectorFromLabelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'NotIn', values: ['cache'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'team', operator: 'Exists' },
      ],
    });
    expect(selector.toString()).toBe('app=web,!canary,team,tier notin (cache)');
    expect(selector.matches({ app: 'web', team: 'a' })).toBe(true);
    expect(selector.matches({ app: 'web', team: 'a', tier: 'cache' })).toBe(false);
    expect(selector.matches({ app: 'web', team: 'a', canary: 'true' })).toBe(false);
    expect(selector.matches({ app: 'web' })).toBe(false);
    expect(selector.matches({ app: 'db', team: 'a' })).toBe(false);
  });

  it('reports conversion errors with apimachinery texts', () => {
    expect(errorOf(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }))).toBe('"in" is not a valid pod selector operator');
    expect(errorOf(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }))).toBe(
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    );
    expect(errorOf(() => selectorFromLabelSelector({ matchLabels: { '-bad': 'x' } }))).toBe(`key: Invalid value: "-bad": ${NAME_PART_REGEX}`);
    expect(errorOf(() => selectorFromLabelSelector({ matchLabels: { app: '-x' } }))).toBe(`values[0][app]: Invalid value: "-x": ${VALUE_REGEX}`);
  });
});

describe('labelSelectorToString (FormatLabelSelector) and formatLabels (FormatLabels)', () => {
  it.each<[LabelSelectorLike | null | undefined, string]>([
    [null, '<none>'],
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: { app: 'web', tier: 'fe' } }, 'app=web,tier=fe'],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] }, 'env in (dev,prod)'],
    [{ matchExpressions: [{ key: 'env', operator: 'Bogus', values: ['prod'] }] }, '<error>'],
  ])('formats %j as %j', (ls, text) => {
    expect(labelSelectorToString(ls)).toBe(text);
  });

  it.each<[Labels | undefined, string]>([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ tier: 'web', app: 'shop' }, 'app=shop,tier=web'],
    [{ a: '1', 'a.b': '2' }, 'a.b=2,a=1'], // Set.String() sorts the "k=v" strings, not the keys
    [{ x: '' }, 'x='],
  ])('formats labels %j as %j', (labels, text) => {
    expect(formatLabels(labels)).toBe(text);
  });
});

describe('validateLabelKey and validateLabelValue (content.IsLabelKey / IsLabelValue)', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now.with.dots/simple', '1.2.3.4/5678', 'UpperCaseAreOK123', 'a'.repeat(63), `${'a'.repeat(253)}/b`])(
    'accepts key %j',
    (key) => {
      expect(validateLabelKey(key)).toEqual([]);
    },
  );

  it.each<[string, string[]]>([
    ['', ['name part must be non-empty', NAME_PART_REGEX]],
    ['-x', [NAME_PART_REGEX]],
    ['a'.repeat(64), ['name part must be no more than 63 bytes']],
    ['a/b/c', [KEY_SLASHES]],
    ['/x', ['prefix part must be non-empty']],
    ['Upper/x', [PREFIX_SUBDOMAIN]],
    [`${'a'.repeat(254)}/b`, ['prefix part must be no more than 253 bytes']],
  ])('rejects key %j', (key, reasons) => {
    expect(validateLabelKey(key)).toEqual(reasons);
  });

  it.each(['', 'bar', '123_-.BaR', 'v'.repeat(63)])('accepts value %j', (value) => {
    expect(validateLabelValue(value)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['v'.repeat(64), ['must be no more than 63 bytes']],
    ['-'.repeat(64), ['must be no more than 63 bytes', VALUE_REGEX]],
    ['bad,value', [VALUE_REGEX]],
    ['_x', [VALUE_REGEX]],
    ['é', [VALUE_REGEX]],
  ])('rejects value %j', (value, reasons) => {
    expect(validateLabelValue(value)).toEqual(reasons);
  });
});

describe('validateLabels (TestValidateLabels)', () => {
  it.each([
    { simple: 'bar' },
    { 'now-with-dashes': 'bar' },
    { '1-starts-with-num': 'bar' },
    { '1234': 'bar' },
    { 'simple/simple': 'bar' },
    { 'now-with-dashes/simple': 'bar' },
    { 'now-with-dashes/now-with-dashes': 'bar' },
    { 'now.with.dots/simple': 'bar' },
    { 'now-with.dashes-and.dots/simple': 'bar' },
    { '1-num.2-num/3-num': 'bar' },
    { '1234/5678': 'bar' },
    { '1.2.3.4/5678': 'bar' },
    { UpperCaseAreOK123: 'bar' },
    { goodvalue: '123_-.BaR' },
  ])('accepts %j', (labels) => {
    expect(validateLabels(labels, 'field')).toEqual([]);
  });

  it.each<[Record<string, string>, string]>([
    [{ 'nospecialchars^=@': 'bar' }, 'name part must consist of'],
    [{ 'cantendwithadash-': 'bar' }, 'name part must consist of'],
    [{ 'only/one/slash': 'bar' }, 'a valid label key must consist of'],
    [{ ['a'.repeat(254)]: 'bar' }, 'must be no more than'],
    [{ toolongvalue: 'a'.repeat(64) }, 'must be no more than'],
    [{ backslashesinvalue: 'some\\bad\\value' }, 'a valid label must be an empty string or consist of'],
    [{ nocommasallowed: 'bad,value' }, 'a valid label must be an empty string or consist of'],
    [{ strangecharsinvalue: '?#$notsogood' }, 'a valid label must be an empty string or consist of'],
  ])('rejects %j with one error', (labels, fragment) => {
    const errors = validateLabels(labels, 'field');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(fragment);
    expect(errors[0].startsWith('field: Invalid value: ')).toBe(true);
  });

  it('reports every key and value at the map path, in key order', () => {
    expect(validateLabels({ 'z-': 'ok', a: 'bad value' }, 'metadata.labels')).toEqual([
      `metadata.labels: Invalid value: "bad value": ${VALUE_REGEX}`,
      `metadata.labels: Invalid value: "z-": ${NAME_PART_REGEX}`,
    ]);
  });

  it('quotes bad values like Go', () => {
    expect(validateLabels({ a: 'tab\there' }, 'metadata.labels')).toEqual([`metadata.labels: Invalid value: "tab\\there": ${VALUE_REGEX}`]);
  });

  it('treats a missing map as valid and rejects wrongly typed input', () => {
    expect(validateLabels(undefined, 'metadata.labels')).toEqual([]);
    expect(validateLabels(null, 'metadata.labels')).toEqual([]);
    expect(validateLabels('app=web', 'metadata.labels')).toEqual(['metadata.labels: Invalid value: "app=web": must be a map of label keys to string values']);
    expect(validateLabels({ version: 1 }, 'metadata.labels')).toEqual(['metadata.labels[version]: Invalid value: 1: must be a string']);
  });
});

describe('validateLabelSelector (ValidateLabelSelector)', () => {
  const path = 'spec.selector';

  it.each<[unknown]>([
    [null],
    [undefined],
    [{}],
    [{ matchLabels: { app: 'web' } }],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', ''] }] }],
    [{ matchExpressions: [{ key: 'env', operator: 'Exists' }, { key: 'x', operator: 'DoesNotExist', values: [] }] }],
  ])('accepts %j', (ls) => {
    expect(validateLabelSelector(ls, path)).toEqual([]);
  });

  it('reports API-server messages with field paths', () => {
    const ls = {
      matchLabels: { '-bad': 'ok', good: '-bad' },
      matchExpressions: [
        { key: 'a', operator: 'In' },
        { key: 'b', operator: 'NotIn', values: [] },
        { key: 'c', operator: 'Exists', values: ['x'] },
        { key: 'd', operator: 'Foo' },
        { key: 'e', operator: 'in', values: ['x'] },
        { key: 'a/b/c', operator: 'In', values: ['ok', '-'] },
      ],
    };
    expect(validateLabelSelector(ls, path)).toEqual([
      `spec.selector.matchLabels: Invalid value: "-bad": ${NAME_PART_REGEX}`,
      `spec.selector.matchLabels: Invalid value: "-bad": ${VALUE_REGEX}`,
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[2].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[3].operator: Invalid value: "Foo": not a valid selector operator',
      'spec.selector.matchExpressions[4].operator: Invalid value: "in": not a valid selector operator',
      `spec.selector.matchExpressions[5].key: Invalid value: "a/b/c": ${KEY_SLASHES}`,
      `spec.selector.matchExpressions[5].values[1]: Invalid value: "-": ${VALUE_REGEX}`,
    ]);
  });

  it('treats missing key and operator as Go zero values', () => {
    expect(validateLabelSelector({ matchExpressions: [{}] }, path)).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "": not a valid selector operator',
      'spec.selector.matchExpressions[0].key: Invalid value: "": name part must be non-empty',
      `spec.selector.matchExpressions[0].key: Invalid value: "": ${NAME_PART_REGEX}`,
    ]);
  });

  it('rejects wrongly typed input instead of crashing', () => {
    expect(validateLabelSelector('app=web', path)).toEqual(['spec.selector: Invalid value: "app=web": must be a label selector (matchLabels, matchExpressions)']);
    expect(validateLabelSelector({ matchExpressions: { key: 'a' } }, path)).toEqual([
      'spec.selector.matchExpressions: Invalid value: {"key":"a"}: must be a list of label selector requirements',
    ]);
    expect(validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: 'x' }] }, path)).toEqual([
      'spec.selector.matchExpressions[0].values: Invalid value: "x": must be a list of strings',
    ]);
    expect(validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [1] }] }, path)).toEqual([
      'spec.selector.matchExpressions[0].values[0]: Invalid value: 1: must be a string',
    ]);
  });

  it('agrees with selectorFromLabelSelector on what is acceptable', () => {
    const samples: LabelSelectorLike[] = [
      { matchLabels: { app: 'web' } },
      { matchExpressions: [{ key: 'a', operator: 'In' }] },
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      { matchExpressions: [{ key: 'a', operator: 'Foo' }] },
      { matchExpressions: [{ key: '-a', operator: 'Exists' }] },
      { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['-'] }] },
      { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'c', operator: 'DoesNotExist' }] },
    ];
    for (const ls of samples) {
      const valid = validateLabelSelector(ls, path).length === 0;
      expect(labelSelectorToString(ls) !== '<error>').toBe(valid);
    }
  });
});
