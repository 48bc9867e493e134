/**
 * A draft in an address: its text compressed (deflate-raw, by the browser's CompressionStream)
 * and written in base64url after `#/edit/share/`. Only small drafts fit: past MAX_SHARE_CHARS the
 * link is refused and the writer is told to download the file instead.
 */

export const SHARE_PREFIX = '#/edit/share/';
/** Addresses longer than this are cut by some browsers and chat programs. */
export const MAX_SHARE_CHARS = 8000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The link's hash for this text, or undefined when it would be too long. */
export async function shareHash(text: string): Promise<string | undefined> {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  const hash = SHARE_PREFIX + toBase64Url(packed);
  return hash.length <= MAX_SHARE_CHARS ? hash : undefined;
}

/** The text in a shared hash; throws a plain message when the link is damaged. */
export async function sharedText(encoded: string): Promise<string> {
  try {
    const bytes = await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('This shared draft link is damaged or cut short: ask for the link again, or for the .yaml file.');
  }
}
