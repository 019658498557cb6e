/**
 * Image references as the container runtime normalises them: `nginx` is
 * `docker.io/library/nginx:latest`. Models github.com/distribution/reference ParseNormalizedNamed
 * and the kubelet's applyDefaultImageTag (pkg/kubelet/images/image_manager.go).
 */

export interface ImageReference {
  /** As written in the pod spec. */
  readonly raw: string;
  readonly domain: string;
  /** Path inside the registry, e.g. `library/nginx`, `polinux/stress`. */
  readonly path: string;
  /** `domain/path`, e.g. `docker.io/library/nginx`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
  /** What containerd reports as the image: `docker.io/library/nginx:latest` (or `@sha256:…`). */
  readonly normalized: string;
}

export type ParsedImage = { readonly ok: true; readonly ref: ImageReference } | { readonly ok: false; readonly error: string };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Splits and normalises a reference; errors read like the runtime's ("invalid reference format"). */
export function parseImageReference(raw: string): ParsedImage {
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'couldn\'t parse image name "": invalid reference format' };
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, error: `couldn't parse image name "${raw}": invalid reference format` };
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return { ok: false, error: `couldn't parse image name "${raw}": invalid reference format` };
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    domain = parts.shift()!;
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  for (const part of parts) {
    if (part !== part.toLowerCase() && PATH_COMPONENT.test(part.toLowerCase())) {
      return { ok: false, error: `couldn't parse image name "${raw}": invalid reference format: repository name (${parts.join('/')}) must be lowercase` };
    }
    if (!PATH_COMPONENT.test(part)) return { ok: false, error: `couldn't parse image name "${raw}": invalid reference format` };
  }
  const path = parts.join('/');
  const repository = `${domain}/${path}`;
  if (!tag && !digest) tag = 'latest';
  const normalized = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
  return { ok: true, ref: { raw, domain, path, repository, tag, digest, normalized } };
}

/** The short name people write (`nginx`, `polinux/stress`, `registry.k8s.io/liveness`). */
export function familiarName(ref: ImageReference): string {
  if (ref.domain === 'docker.io') return ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path;
  return ref.repository;
}

/** The kubelet's default pull policy (SetDefaults_Container): Always for `:latest` or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return 'IfNotPresent';
  if (parsed.ref.digest) return 'IfNotPresent';
  const explicitTag = image.lastIndexOf(':') > image.lastIndexOf('/');
  return !explicitTag || parsed.ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
