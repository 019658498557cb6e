import { compressToEncodedURIComponent } from 'lz-string';
import { decompressFromEncodedURIComponentGuarded } from './lzGuarded';
import { PAYLOAD_CHARS_MAX, validatePayload, type SessionPayload, type Validation } from './payload';

/** The URL hash parameter that carries a session. */
export const SHARE_PARAM = 'share';
/** Encoded links longer than this are refused before decompressing (browsers cap URLs near 2 MB). */
export const ENCODED_CHARS_MAX = 2_000_000;

/** `share=<lz-string>` for the URL hash. */
export function encodeShare(payload: SessionPayload): string {
  return `${SHARE_PARAM}=${compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** The full link for `payload`, next to the page at `location` (any host, any sub-path; no query). */
export function shareUrl(location: { origin: string; pathname: string }, payload: SessionPayload): string {
  return `${location.origin}${location.pathname}#${encodeShare(payload)}`;
}

/** Whether a URL hash carries a shared session. */
export function hasShare(hash: string): boolean {
  return new RegExp(`^#?${SHARE_PARAM}=`).test(hash);
}

/**
 * Reads a shared session from a URL hash. The hash is untrusted: sizes are bounded before and while
 * decompressing, the JSON is parsed without revivers, and the result is validated field by field.
 */
export function decodeShare(hash: string): Validation<SessionPayload> {
  const match = new RegExp(`^#?${SHARE_PARAM}=(.*)$`, 's').exec(hash);
  if (!match) return { ok: false, errors: ['the link carries no session'] };
  const encoded = match[1];
  if (encoded.length > ENCODED_CHARS_MAX) return { ok: false, errors: [`the link is too long (${encoded.length} characters, at most ${ENCODED_CHARS_MAX})`] };
  let json: string;
  try {
    json = decompressFromEncodedURIComponentGuarded(encoded, PAYLOAD_CHARS_MAX);
  } catch (error) {
    return { ok: false, errors: [`the link is damaged or too large (${(error as Error).message})`] };
  }
  return parsePayloadJson(json);
}

/** Parses and validates a session's JSON (share links, imported files, the saved session). */
export function parsePayloadJson(json: string): Validation<SessionPayload> {
  if (json.length > PAYLOAD_CHARS_MAX) return { ok: false, errors: [`the session is too large (${json.length} characters, at most ${PAYLOAD_CHARS_MAX})`] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, errors: ['the session is not valid JSON'] };
  }
  return validatePayload(data);
}
