import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagDef } from './flags';
import { KubectlError } from './errors';

const defs: FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'replicas', type: 'int' },
  { name: 'label-columns', short: 'L', type: 'stringSlice' },
  { name: 'env', type: 'stringArray' },
  { name: 'cascade', type: 'string', noOptDefault: 'background' },
];

function errorOf(words: string[]): string {
  try {
    parseFlags(words, defs, 'kubectl get');
  } catch (err) {
    if (err instanceof KubectlError) return err.stderr;
    throw err;
  }
  return '';
}

describe('pflag parsing', () => {
  it('accepts every value spelling and interspersed flags', () => {
    const f = parseFlags(['pods', '-nkube-system', '-o=wide', 'x', '--replicas', '0x10', '-it', '-L', 'a,b', '-L=c', '--env=A=1', '--env', 'B=2', '--cascade'], defs, 'kubectl get');
    expect(f.args).toEqual(['pods', 'x']);
    expect(f.string('namespace')).toBe('kube-system');
    expect(f.string('output')).toBe('wide');
    expect(f.int('replicas', 0)).toBe(16);
    expect(f.bool('stdin') && f.bool('tty')).toBe(true);
    expect(f.list('label-columns')).toEqual(['a', 'b', 'c']);
    expect(f.list('env')).toEqual(['A=1', 'B=2']);
    expect(f.string('cascade')).toBe('background');
  });

  it('stops at -- and records where', () => {
    const f = parseFlags(['pod', '-i', '--', 'sh', '-c', 'ls -l'], defs, 'kubectl exec');
    expect(f.args).toEqual(['pod', 'sh', '-c', 'ls -l']);
    expect(f.argsLenAtDash).toBe(1);
  });

  it("reports errors in pflag's words", () => {
    expect(errorOf(['--foo'])).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(errorOf(['-z'])).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
    expect(errorOf(['--output'])).toBe("error: flag needs an argument: --output\nSee 'kubectl get --help' for usage.\n");
    expect(errorOf(['-o'])).toBe("error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n");
    expect(errorOf(['--replicas=x'])).toBe('error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl get --help\' for usage.\n');
    expect(errorOf(['-i=maybe'])).toBe('error: invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl get --help\' for usage.\n');
  });
});
