// The publisher's side of corpus subscriptions (see the options page's "Subscribed corpora"):
//   npm run corpus -- keygen --out team           writes team.key (private, keep it) and team.pub, prints the key
//   npm run corpus -- sign pack.json --key team.key  writes pack.json.sig, to publish beside pack.json
// Ed25519 through node:crypto; the extension checks the same bytes with WebCrypto.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export class SigningInputError extends Error {}

const USAGE = 'usage: corpus keygen --out NAME | corpus sign PACK.json --key NAME.key';

/** The 32 raw bytes of an Ed25519 public key in base64: what a reader pastes into the options page. */
function rawPublicKey(key: ReturnType<typeof createPublicKey>): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

/** Writes NAME.key and NAME.pub; never overwrites a key, which would orphan every reader who trusts it. */
export function keygen(name: string): string {
  const keyFile = `${name}.key`;
  if (existsSync(keyFile)) throw new SigningInputError(`${keyFile} exists; a new key would orphan its readers`);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const shared = rawPublicKey(publicKey);
  writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  writeFileSync(`${name}.pub`, `${shared}\n`);
  return shared;
}

/** Signs the pack file's bytes as they will be served, and writes the signature beside it. */
export function signPack(packFile: string, keyFile: string): string {
  const bytes = readFileSync(packFile);
  // The extension reads the text as UTF-8 and checks its bytes; a byte-order mark would not survive that reading.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    throw new SigningInputError(`${packFile} starts with a byte-order mark; save it without one and sign again`);
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(readFileSync(keyFile));
  } catch (error) {
    throw new SigningInputError(`${keyFile}: not a private key (${error instanceof Error ? error.message : ''})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningInputError(`${keyFile}: not an Ed25519 key`);
  const signature = sign(null, bytes, key).toString('base64');
  writeFileSync(`${packFile}.sig`, `${signature}\n`);
  return rawPublicKey(createPublicKey(key));
}

/** `keygen` and `sign`; returns the exit code. */
export function runSigning(argv: readonly string[]): number {
  const [command, ...args] = argv;
  try {
    if (command === 'keygen') {
      const out = option(args, '--out');
      if (out === undefined) throw new SigningInputError(USAGE);
      const key = keygen(out);
      console.log(`Wrote ${out}.key (private: keep it safe) and ${out}.pub. Readers trust this public key:\n${key}`);
      return 0;
    }
    const pack = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--key');
    const key = option(args, '--key');
    if (pack === undefined || key === undefined) throw new SigningInputError(USAGE);
    const publicKey = signPack(pack, key);
    console.log(`Wrote ${pack}.sig; publish it beside ${pack}. Readers check it with the public key ${publicKey}`);
    return 0;
  } catch (error) {
    console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof SigningInputError ? 2 : 1;
  }
}
