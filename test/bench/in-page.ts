// What the page benchmarks share: the content script's code bundled to run inside a page, and headless Chromium
// started as the e2e tests start it.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowserBinary } from '../e2e/browsers';

/** Stylesheets imported as text (`./overlay.css?inline`), as vite imports them for the extension's build. */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(builder) {
    builder.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
      resolveDir: dirname(args.path),
    }));
  },
};

/** Bundles `source` (which imports from src/content/, as './highlighter') into one script for a page. */
export async function bundleForPage(source: string): Promise<string> {
  const result = await build({
    plugins: [inlineCss],
    stdin: { contents: source, resolveDir: join(import.meta.dirname, '..', '..', 'src', 'content'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('the in-page bundle is empty');
  return output.text;
}

export function launchBenchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findBrowserBinary('chromium'),
    headless: true,
    pipe: true,
    args: CHROMIUM_ARGS,
  });
}

export function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}
