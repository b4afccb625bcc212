// Whether a downloaded pack is the one its publisher meant: a SHA-256 the reader pasted in, or an Ed25519 signature
// by a key the reader trusts. WebCrypto only, so the same code checks in the browser and in `npm run corpus -- sign`'s
// tests. Nothing is stored or imported until this says yes.
import { z } from 'zod';
import { t } from './i18n';

/** A SHA-256 written as 64 hex digits (what `sha256sum` prints). */
const sha256Hex = z
  .string()
  .trim()
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, { error: () => t('integrityBadHash') }));

/** An Ed25519 public key: its 32 raw bytes in base64 (what `npm run corpus -- keygen` prints). */
const ed25519Key = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]{43}=$/, { error: () => t('integrityBadKey') });

export const packIntegrity = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sha256'), sha256: sha256Hex }),
  /** The signature is published beside the pack, at the pack's address with ".sig" added. */
  z.object({ kind: z.literal('ed25519'), publicKey: ed25519Key }),
]);
export type PackIntegrity = z.infer<typeof packIntegrity>;

/** Where a pack's detached signature is published: beside it, with ".sig" added. */
export const signatureUrlOf = (packUrl: string): string => {
  const url = new URL(packUrl);
  url.pathname += '.sig';
  return url.href;
};

const bytesOf = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  const binary = atob(clean);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

export async function sha256HexOf(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytesOf(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks a pack's text against what the reader trusts. Returns null when it holds, or the reason it does not, as a
 * sentence for the options page. `signature` is the text published at `signatureUrlOf` (base64), for a key.
 */
export async function integrityProblem(
  text: string,
  integrity: PackIntegrity,
  signature?: string,
): Promise<string | null> {
  if (integrity.kind === 'sha256') {
    const actual = await sha256HexOf(text);
    return actual === integrity.sha256 ? null : t('integrityHashDiffers', actual, integrity.sha256);
  }
  const signatureBytes = signature === undefined ? undefined : fromBase64(signature);
  if (signatureBytes?.length !== 64) return t('integrityNoSignature');
  const keyBytes = fromBase64(integrity.publicKey);
  if (keyBytes?.length !== 32) return t('integrityKeyLength');
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', keyBytes, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return t('integrityNoEd25519');
  }
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signatureBytes, bytesOf(text));
  return valid ? null : t('integritySignatureDiffers');
}
