import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { integrityProblem, packIntegrity, sha256HexOf, signatureUrlOf, toBase64 } from './pack-integrity';

const pack = '{"format":"sourcelight-pack","title":"Harbour notes"}';

function keyPair(): { publicKey: string; signatureOf: (text: string) => string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    publicKey: toBase64(raw),
    signatureOf: (text) => toBase64(sign(null, Buffer.from(text), privateKey)),
  };
}

describe('pack integrity', () => {
  it('accepts the pack whose SHA-256 the reader gave, in either case, and refuses one changed by a byte', async () => {
    const hash = await sha256HexOf(pack);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const trusted = packIntegrity.parse({ kind: 'sha256', sha256: ` ${hash.toUpperCase()} ` });
    expect(await integrityProblem(pack, trusted)).toBeNull();
    expect(await integrityProblem(pack.replace('Harbour', 'Harbor'), trusted)).toMatch(/not the file you trusted/);
  });

  it('accepts a pack signed by the trusted key, and refuses a changed pack, another key and a missing signature', async () => {
    const publisher = keyPair();
    const stranger = keyPair();
    const trusted = packIntegrity.parse({ kind: 'ed25519', publicKey: publisher.publicKey });
    expect(await integrityProblem(pack, trusted, publisher.signatureOf(pack))).toBeNull();
    expect(await integrityProblem(`${pack} `, trusted, publisher.signatureOf(pack))).toMatch(/does not match/);
    expect(await integrityProblem(pack, trusted, stranger.signatureOf(pack))).toMatch(/does not match/);
    expect(await integrityProblem(pack, trusted, undefined)).toMatch(/no readable signature/);
    expect(await integrityProblem(pack, trusted, 'not base64!')).toMatch(/no readable signature/);
  });

  it('says what is wrong with a hash or key the reader typed', () => {
    expect(packIntegrity.safeParse({ kind: 'sha256', sha256: 'abc' }).error?.issues[0]?.message).toMatch(
      /64 hexadecimal digits/,
    );
    expect(packIntegrity.safeParse({ kind: 'ed25519', publicKey: 'abc' }).error?.issues[0]?.message).toMatch(
      /32 bytes in base64/,
    );
  });

  it('finds the signature beside the pack, keeping its query', () => {
    expect(signatureUrlOf('https://example.org/packs/harbour.json')).toBe('https://example.org/packs/harbour.json.sig');
    expect(signatureUrlOf('https://example.org/p.json?v=2')).toBe('https://example.org/p.json.sig?v=2');
  });
});
