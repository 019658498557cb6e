import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressFromEncodedURIComponentGuarded } from './lzGuarded';
import { PAYLOAD_CHARS_MAX, validatePayload, type SessionPayload } from './payload';
import { ENCODED_CHARS_MAX, decodeShare, encodeShare, parsePayloadJson, shareUrl } from './shareLink';

const payload: SessionPayload = {
  v: 1,
  setup: { seed: 7, nodes: [{ name: 'minikube', cpu: '2', memory: '4Gi', pods: 110, labels: { disk: 'ssd' } }], scenarioId: 'replicaset-basics' },
  log: [
    { atMs: 0, command: { type: 'apply', text: 'apiVersion: v1\nkind: Pod\n', options: { fileName: 'pod.yaml' } } },
    { atMs: 1500, command: { type: 'kubectl', line: 'kubectl apply -f web.yaml', files: { 'web.yaml': 'kind: Pod\n' } } },
    { atMs: 4000, command: { type: 'delete', kind: 'Pod', name: 'web', namespace: 'default', options: { propagationPolicy: 'Background' } } },
  ],
  clockMs: 12_345,
  files: [
    { name: 'web.yaml', text: 'kind: Pod\n# 한국어 주석 <script>alert(1)</script>\n' },
    { name: 'notes.yml', text: '' },
  ],
  activeFile: 'notes.yml',
  progress: { scenarioId: 'replicaset-basics', current: 2, done: { 'bare-pod': { atMs: 9000, how: 'check' }, 'pod-events': { atMs: 9500, how: 'manual' } }, complete: false },
};

describe('share links', () => {
  it('round-trips a session through the URL hash', () => {
    const hash = `#${encodeShare(payload)}`;
    const decoded = decodeShare(hash);
    expect(decoded).toEqual({ ok: true, value: payload });
    const url = shareUrl({ origin: 'https://example.org', pathname: '/podlab/' }, payload);
    expect(url.startsWith('https://example.org/podlab/#share=')).toBe(true);
    expect(decodeShare(new URL(url).hash)).toEqual({ ok: true, value: payload });
  });

  it('the guarded decompressor agrees with lz-string on ordinary input', () => {
    for (const text of ['a', 'hello hello hello', '{"v":1}', '가나다라 마바사 '.repeat(50), 'x'.repeat(10_000)]) {
      expect(decompressFromEncodedURIComponentGuarded(compressToEncodedURIComponent(text), 1_000_000)).toBe(text);
    }
  });

  it('refuses oversized input before and while decompressing', () => {
    const tooLong = `#share=${'A'.repeat(ENCODED_CHARS_MAX + 1)}`;
    expect(decodeShare(tooLong)).toMatchObject({ ok: false, errors: [expect.stringContaining('too long')] });
    // Small link, huge output: 3 MB of one character compresses to a few KB.
    const bomb = compressToEncodedURIComponent('a'.repeat(PAYLOAD_CHARS_MAX + 1000));
    expect(bomb.length).toBeLessThan(20_000);
    expect(decodeShare(`#share=${bomb}`)).toMatchObject({ ok: false, errors: [expect.stringContaining('too large')] });
    expect(parsePayloadJson(' '.repeat(PAYLOAD_CHARS_MAX + 1))).toMatchObject({ ok: false });
  });

  it('refuses malformed links with a clear reason', () => {
    expect(decodeShare('#share=')).toMatchObject({ ok: false });
    expect(decodeShare('#share=%%%not-lz')).toMatchObject({ ok: false, errors: [expect.stringContaining('damaged')] });
    expect(decodeShare(`#share=${compressToEncodedURIComponent('not json')}`)).toMatchObject({ ok: false, errors: ['the session is not valid JSON'] });
    expect(decodeShare(`#share=${compressToEncodedURIComponent('[1,2]')}`)).toMatchObject({ ok: false });
    expect(decodeShare('#other=1')).toMatchObject({ ok: false });
  });

  it('validates every field and keeps only known ones', () => {
    const bad = (patch: Record<string, unknown>) => validatePayload({ ...payload, activeFile: undefined, ...patch });
    expect(bad({ v: 2 })).toMatchObject({ ok: false, errors: [expect.stringContaining('v:')] });
    expect(bad({ setup: { seed: -1 } })).toMatchObject({ ok: false, errors: [expect.stringContaining('setup.seed')] });
    expect(bad({ setup: { seed: 1, nodes: [{ name: '<script>' }] } })).toMatchObject({ ok: false, errors: [expect.stringContaining('setup.nodes[0].name')] });
    expect(bad({ setup: { seed: 1, nodes: [{ name: 'n', cpu: '4; rm -rf' }] } })).toMatchObject({ ok: false });
    expect(bad({ clockMs: 1.5 })).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.stringContaining('clockMs')]) });
    expect(bad({ clockMs: 100 })).toMatchObject({ ok: false, errors: [expect.stringContaining('earlier than the last command')] });
    expect(bad({ log: [{ atMs: 0, command: { type: 'exec', line: 'x' } }] })).toMatchObject({ ok: false, errors: [expect.stringContaining('log[0].type')] });
    expect(bad({ log: [{ atMs: 5, command: { type: 'kubectl', line: 'a' } }, { atMs: 1, command: { type: 'kubectl', line: 'b' } }] })).toMatchObject({ ok: false });
    expect(bad({ log: new Array(20_001).fill({ atMs: 0, command: { type: 'kubectl', line: 'x' } }) })).toMatchObject({ ok: false, errors: [expect.stringContaining('entries')] });
    expect(bad({ files: [] })).toMatchObject({ ok: false, errors: [expect.stringContaining('files')] });
    expect(bad({ files: [{ name: '../etc/passwd', text: '' }] })).toMatchObject({ ok: false });
    expect(bad({ files: [{ name: 'a.yaml', text: '' }, { name: 'a.yaml', text: '' }] })).toMatchObject({ ok: false, errors: [expect.stringContaining('used twice')] });
    expect(bad({ files: [{ name: 'a.yaml', text: 'x'.repeat(500_001) }] })).toMatchObject({ ok: false });
    expect(bad({ activeFile: 'missing.yaml' })).toMatchObject({ ok: false });
    expect(bad({ progress: { scenarioId: 'x', current: 'one', done: {} } })).toMatchObject({ ok: false });
    const extra = validatePayload({ ...payload, evil: '<img onerror>', setup: { ...payload.setup, extra: 1 } });
    expect(extra.ok && 'evil' in extra.value).toBe(false);
    expect(extra.ok && 'extra' in extra.value.setup).toBe(false);
  });
});
