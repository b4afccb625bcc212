// Names the browsers the end-to-end run uses, before any test, so that a failure says what it ran on. A missing
// or broken browser fails here with the install instruction; nothing is skipped.
import { execFileSync } from 'node:child_process';
import { allBrowsers, findBrowserBinary, installHint } from './browsers';

export default function printBrowserVersions(): void {
  for (const name of allBrowsers) {
    const binary = findBrowserBinary(name);
    let version: string;
    try {
      version = execFileSync(binary, ['--version'], {
        encoding: 'utf8',
        timeout: 30_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
    } catch (error) {
      throw new Error(`${name} at ${binary} does not run (${String(error).split('\n')[0]}). ${installHint(name)}`, {
        cause: error,
      });
    }
    console.log(`e2e ${name}: ${version} (${binary})`);
  }
}
