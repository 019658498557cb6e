import { describe, expect, it } from 'vitest';
import { matchesRequirements, parseLabelFilter, searchHit } from './labelSelector';

describe('label selectors on the page', () => {
  it('parses kubectl -l syntax', () => {
    expect(parseLabelFilter('')).toEqual([]);
    expect(parseLabelFilter('app=web, tier!=db,env in (a, b),!legacy,debug')).toEqual([
      { key: 'app', operator: 'In', values: ['web'] },
      { key: 'tier', operator: 'NotIn', values: ['db'] },
      { key: 'env', operator: 'In', values: ['a', 'b'] },
      { key: 'legacy', operator: 'DoesNotExist', values: [] },
      { key: 'debug', operator: 'Exists', values: [] },
    ]);
    expect(parseLabelFilter('app==web')).toEqual([{ key: 'app', operator: 'In', values: ['web'] }]);
    expect(parseLabelFilter('env notin (prod)')).toEqual([{ key: 'env', operator: 'NotIn', values: ['prod'] }]);
  });

  it('refuses what it cannot read', () => {
    expect(parseLabelFilter('app=(')).toBeUndefined();
    expect(parseLabelFilter('a b c')).toBeUndefined();
    expect(parseLabelFilter('env in (a')).toBeUndefined();
  });

  it('matches like Kubernetes: every requirement must hold, NotIn accepts a missing key', () => {
    const labels = { app: 'web', tier: 'front' };
    expect(matchesRequirements([], labels)).toBe(true);
    expect(matchesRequirements(parseLabelFilter('app=web,tier in (front,back)')!, labels)).toBe(true);
    expect(matchesRequirements(parseLabelFilter('app=web,tier=back')!, labels)).toBe(false);
    expect(matchesRequirements(parseLabelFilter('env!=prod')!, labels)).toBe(true);
    expect(matchesRequirements(parseLabelFilter('!app')!, labels)).toBe(false);
  });

  it('searches names case-insensitively; an empty search matches nothing', () => {
    expect(searchHit('NGINX', 'nginx-7hctq')).toBe(true);
    expect(searchHit(' ', 'nginx')).toBe(false);
  });
});
