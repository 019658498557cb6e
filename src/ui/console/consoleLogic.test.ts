import { describe, expect, it } from 'vitest';
import { FRESH, applyCompletion, browseHistory, columns, commonPrefix, localCompletion, readsFiles, withHistory } from './consoleLogic';

describe('console history', () => {
  const history = ['kubectl get pods', 'kubectl get rs', 'kubectl describe pod web'];

  it('browses back and forward, and returns to what was being typed', () => {
    let state = { input: 'kubectl ge', cursor: FRESH };
    state = browseHistory(history, state.cursor, state.input, -1);
    expect(state.input).toBe('kubectl describe pod web');
    state = browseHistory(history, state.cursor, state.input, -1);
    state = browseHistory(history, state.cursor, state.input, -1);
    state = browseHistory(history, state.cursor, state.input, -1);
    expect(state.input).toBe('kubectl get pods');
    state = browseHistory(history, state.cursor, state.input, 1);
    expect(state.input).toBe('kubectl get rs');
    state = browseHistory(history, state.cursor, state.input, 1);
    state = browseHistory(history, state.cursor, state.input, 1);
    expect(state).toEqual({ input: 'kubectl ge', cursor: FRESH });
    expect(browseHistory([], FRESH, 'x', -1).input).toBe('x');
    expect(browseHistory(history, FRESH, 'x', 1).input).toBe('x');
  });

  it('keeps the newest last, without duplicates, bounded', () => {
    expect(withHistory(history, 'kubectl get pods', 10)).toEqual(['kubectl get rs', 'kubectl describe pod web', 'kubectl get pods']);
    expect(withHistory(history, 'x', 2)).toEqual(['kubectl describe pod web', 'x']);
  });
});

describe('console completion', () => {
  it('completes a single candidate with a space, or not after = and /', () => {
    expect(applyCompletion('kubectl get po', { from: 12, candidates: ['pods'] })).toEqual({ line: 'kubectl get pods ', list: [] });
    expect(applyCompletion('kubectl get pods -o json', { from: 20, candidates: ['jsonpath='] }).line).toBe('kubectl get pods -o jsonpath=');
  });

  it('completes the common prefix, then lists the candidates', () => {
    expect(applyCompletion('kubectl get pods web', { from: 17, candidates: ['web-abc12', 'web-abd34'] })).toEqual({ line: 'kubectl get pods web-ab', list: [] });
    expect(applyCompletion('kubectl get pods web-ab', { from: 17, candidates: ['web-abc12', 'web-abd34'] })).toEqual({ line: 'kubectl get pods web-ab', list: ['web-abc12', 'web-abd34'] });
    expect(applyCompletion('kubectl frob', { from: 8, candidates: [] })).toEqual({ line: 'kubectl frob', list: [] });
    expect(commonPrefix(['abc', 'abd', 'ab'])).toBe('ab');
    expect(commonPrefix([])).toBe('');
  });

  it('completes the first word locally (kubectl, clear, help)', () => {
    expect(localCompletion('kub')).toEqual({ from: 0, candidates: ['kubectl'] });
    expect(applyCompletion('kub', localCompletion('kub')!).line).toBe('kubectl ');
    expect(localCompletion('kubectl get')).toBeUndefined();
    expect(localCompletion('kubectl')).toBeUndefined();
    expect(localCompletion('zz')).toBeUndefined();
  });

  it('knows which lines read the editor tabs', () => {
    expect(readsFiles('kubectl apply -f web.yaml')).toBe(true);
    expect(readsFiles('kubectl apply --filename=web.yaml')).toBe(true);
    expect(readsFiles('kubectl delete -fweb.yaml')).toBe(true);
    expect(readsFiles('kubectl get pods')).toBe(false);
    expect(readsFiles('kubectl logs -f web')).toBe(true);
  });

  it('lays candidates out in columns', () => {
    expect(columns(['a', 'bb', 'ccc'], 12)).toEqual(['a    bb', 'ccc']);
  });
});
