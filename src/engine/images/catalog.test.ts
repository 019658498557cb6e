import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE, IMAGES, imageIdOf, resolveImage } from './catalog';
import { defaultPullPolicy, familiarName, parseImageReference } from './reference';

describe('image references (distribution/reference normalisation)', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest', 'nginx'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx'],
    ['polinux/stress', 'docker.io/polinux/stress:latest', 'polinux/stress'],
    ['registry.k8s.io/liveness', 'registry.k8s.io/liveness:latest', 'registry.k8s.io/liveness'],
    ['mydomain:5000/photo-view:v2.0', 'mydomain:5000/photo-view:v2.0', 'mydomain:5000/photo-view'],
    ['gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app'],
  ])('%s → %s', (raw, normalized, familiar) => {
    const parsed = parseImageReference(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.ref.normalized).toBe(normalized);
    expect(familiarName(parsed.ref)).toBe(familiar);
  });

  it('rejects upper case and malformed names like the runtime', () => {
    const upper = parseImageReference('Nginx');
    expect(upper.ok).toBe(false);
    if (!upper.ok) expect(upper.error).toContain('must be lowercase');
    expect(parseImageReference('nginx:').ok).toBe(false);
    expect(parseImageReference('').ok).toBe(false);
  });

  it('defaults imagePullPolicy like SetDefaults_Container', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('localhost:5000/app')).toBe('Always');
    expect(defaultPullPolicy(`nginx@sha256:${'a'.repeat(64)}`)).toBe('IfNotPresent');
  });
});

describe('image catalog', () => {
  it('knows every image the notes and the docs use', () => {
    for (const image of ['nginx', 'nginx:1.27', 'busybox', 'busybox:1.28', 'alpine:3.20', 'polinux/stress', 'k8s.gcr.io/liveness', 'registry.k8s.io/liveness', 'ghcr.io/subicura/echo:v1', 'gcr.io/google_samples/gb-frontend:v3', 'gcr.io/google-samples/hello-app:2.0', 'redis', 'khk9346/kubia', 'registry.k8s.io/e2e-test-images/agnhost:2.40']) {
      const r = resolveImage(image);
      expect(r.known, image).toBe(true);
      expect(r.pull.ok, image).toBe(true);
    }
  });

  it('fails a typo\'d tag of a known image with containerd\'s not-found error', () => {
    const r = resolveImage('nginx:1.277');
    expect(r.pull).toEqual({ ok: false, kind: 'not-found', message: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found' });
  });

  it('treats a near miss of an official image name as a repository that does not exist', () => {
    const r = resolveImage('ngnix');
    expect(r.pull.ok).toBe(false);
    if (!r.pull.ok) expect(r.pull.message).toContain('pull access denied, repository does not exist or may require authorization');
    expect(resolveImage('busybx').pull.ok).toBe(false);
  });

  it('pulls unknown images and gives them the default long-running behaviour', () => {
    const r = resolveImage('mydomain:5000/photo-view:v2.0');
    expect(r.known).toBe(false);
    expect(r.entry).toBe(DEFAULT_IMAGE);
    expect(r.pull.ok).toBe(true);
  });

  it('gives stable, distinct image ids', () => {
    const a = resolveImage('nginx:1.27').ref!;
    const b = resolveImage('nginx:1.26').ref!;
    expect(imageIdOf(a)).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(imageIdOf(a)).toBe(imageIdOf(resolveImage('nginx:1.27').ref!));
    expect(imageIdOf(a)).not.toBe(imageIdOf(b));
  });

  it('has one entry per repository', () => {
    const repos = IMAGES.flatMap((e) => e.repositories);
    expect(new Set(repos).size).toBe(repos.length);
  });
});

describe('resolveImage sharing', () => {
  it('gives every container of an image the same immutable result and image ID', () => {
    const a = resolveImage('nginx:1.27');
    expect(resolveImage('nginx:1.27')).toBe(a);
    expect(imageIdOf(a.ref!)).toBe(imageIdOf(resolveImage('nginx:1.27').ref!));
    expect(imageIdOf(a.ref!)).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });
});
