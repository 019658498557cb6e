import { describe, expect, it } from 'vitest';
import { splitShellWords } from './shell';

describe('shell word splitting', () => {
  it('handles quotes and escapes like sh', () => {
    expect(splitShellWords(`get pods -o jsonpath='{.items[*].metadata.name}' -l "app in (a, b)" a\\ b`).words).toEqual(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}', '-l', 'app in (a, b)', 'a b']);
    expect(splitShellWords(`exec p -- sh -c "echo \\"hi\\""`).words).toEqual(['exec', 'p', '--', 'sh', '-c', 'echo "hi"']);
  });

  it('reports shell operators and open quotes instead of passing them on', () => {
    expect(splitShellWords('get pods | grep web').operator).toBe('|');
    expect(splitShellWords('get pods > out.txt').operator).toBe('>');
    expect(splitShellWords("get pods -l 'a|b'").operator).toBeUndefined();
    expect(splitShellWords("get pods -l 'a").unterminatedQuote).toBe("'");
  });
});
