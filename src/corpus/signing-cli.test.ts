import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityProblem } from '../shared/pack-integrity';
import { keygen, signPack, SigningInputError } from './signing-cli';

describe('keygen and sign', () => {
  it('makes a key whose signature the extension accepts, and which it refuses for a changed pack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-sign-'));
    const name = join(dir, 'team');
    const publicKey = keygen(name);
    expect(readFileSync(`${name}.pub`, 'utf8').trim()).toBe(publicKey);
    expect(statSync(`${name}.key`).mode & 0o077).toBe(0);
    const pack = join(dir, 'pack.json');
    writeFileSync(pack, '{"title":"Harbour notes – “quoted”"}');
    expect(signPack(pack, `${name}.key`)).toBe(publicKey);
    const signature = readFileSync(`${pack}.sig`, 'utf8');
    const integrity = { kind: 'ed25519' as const, publicKey };
    expect(await integrityProblem(readFileSync(pack, 'utf8'), integrity, signature)).toBeNull();
    expect(await integrityProblem('{"title":"Harbour notes"}', integrity, signature)).toMatch(/does not match/);
  });

  it('never overwrites a key, and refuses a pack with a byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-sign-'));
    keygen(join(dir, 'team'));
    expect(() => keygen(join(dir, 'team'))).toThrow(SigningInputError);
    const pack = join(dir, 'bom.json');
    writeFileSync(pack, '\uFEFF{}');
    expect(() => signPack(pack, join(dir, 'team.key'))).toThrow(/byte-order mark/);
  });
});
