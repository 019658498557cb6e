import { describe, expect, it } from 'vitest';
import { encodeShare } from '../session/shareLink';
import type { SessionPayload } from '../session/payload';
import { chooseBoot } from './boot';

const session: SessionPayload = { v: 1, setup: { seed: 5 }, log: [{ atMs: 0, command: { type: 'kubectl', line: 'kubectl get pods' } }], clockMs: 9000, files: [{ name: 'a.yaml', text: 'x' }] };

describe('chooseBoot', () => {
  it('prefers a share link, resumed paused at its moment', () => {
    const boot = chooseBoot({ hash: `#${encodeShare(session)}`, params: new URLSearchParams('scenario=hpa'), saved: { ...session, clockMs: 1 } });
    expect(boot.source).toBe('share');
    expect(boot.start).toMatchObject({ seed: 5, speed: 0, resume: { untilMs: 9000 } });
    expect(boot.files).toEqual(session.files);
  });

  it('reports a bad link and falls back to the saved session', () => {
    const boot = chooseBoot({ hash: '#share=garbage!', params: new URLSearchParams(), saved: session });
    expect(boot.source).toBe('saved');
    expect(boot.linkErrors?.length).toBeGreaterThan(0);
  });

  it('opens ?scenario= fresh, and otherwise the default playground with saved tabs', () => {
    expect(chooseBoot({ hash: '', params: new URLSearchParams('scenario=hpa') })).toMatchObject({ source: 'scenario', start: { scenarioId: 'hpa', manifests: [] } });
    expect(chooseBoot({ hash: '', params: new URLSearchParams('scenario=<x>') }).source).toBe('default');
    const fresh = chooseBoot({ hash: '', params: new URLSearchParams('seed=4'), saved: session, savedFiles: { files: [{ name: 'b.yaml', text: '' }] } });
    expect(fresh).toMatchObject({ source: 'default', start: { seed: 4 }, files: [{ name: 'b.yaml', text: '' }] });
  });
});
