import { defineConfig } from 'vitest/config';
import { build, type Plugin, type PluginOption } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import baseManifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

const CONTENT_SCRIPT = 'assets/content.js';
const CARD_PAGE = 'src/card/card.html';
/**
 * The most the content script may weigh, in bytes. Every page loads and parses it, so the build fails past this. It
 * was 234 kB while it carried the full zod, Readability and the compiler's word lists; the goal is 60 kB (issue 26).
 * Of the 82 kB it was then, the libraries a page needs are 49: zod/mini 27, mark.js 13, webextension-polyfill 10. The
 * overlay that draws the reader's own corpora where no page can read them (overlay.ts, own-highlights.ts, and the
 * marks' style, which now travels in the script rather than a manifest stylesheet) added 12 kB, to 94.4 kB. Leaving
 * out mark.js's DOM iterator, which the highlighter never builds, took 3 kB off again (93.2 kB); keeping claims far
 * below the reader until they come near added 1.8 kB, and leaving out the methods of mark.js that `markRanges` never
 * reaches took 6.3 kB off (88.7 kB); counting the reader's own names far below for the popup added 1.2 kB (89.9 kB).
 */
const CONTENT_SCRIPT_MAX_BYTES = 90_000;

/**
 * The one manifest, adapted per browser: Firefox runs the background as an event page and needs a gecko id.
 * The version is package.json's, the only place it is written. The content script is left out here and added by
 * `contentScriptAsOneFile`.
 */
function manifestFor(target: Target): ManifestV3Export {
  const manifest: Record<string, unknown> = { ...structuredClone(baseManifest), version: packageJson.version };
  delete manifest.content_scripts;
  // The card's page, which the content script frames on web pages (src/content/card.ts). Chromium serves it to
  // pages only under a per-session address no page can guess. Firefox has no such option; its extension address
  // is already random per install, and nothing on the page gives it away.
  manifest.web_accessible_resources = [
    {
      resources: [CARD_PAGE],
      matches: ['http://*/*', 'https://*/*'],
      ...(target === 'chrome' ? { use_dynamic_url: true } : {}),
    },
  ];
  if (target === 'firefox') {
    manifest.background = { scripts: [baseManifest.background.service_worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: 'sourcelight@sourcelight.invalid',
        strict_min_version: '140.0',
        // Sourcelight collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on (desktop from 140).
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

/**
 * Builds the content script as one classic script that the browser injects by itself. crxjs would split it
 * into ES-module chunks loaded through a loader, and so list every chunk as web-accessible to all pages,
 * which lets any page fetch them and learn that the reader runs Sourcelight. One self-contained file needs
 * no web-accessible resource at all.
 */
function contentScriptAsOneFile(outDir: string): Plugin {
  return {
    name: 'sourcelight:content-script-as-one-file',
    apply: 'build',
    async writeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [markJsWithoutIterator(), markJsRangesOnly()],
        build: {
          outDir: resolve(outDir, 'assets'),
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2022',
          sourcemap: false,
          lib: {
            entry: resolve(import.meta.dirname, 'src/content/main.ts'),
            formats: ['iife'],
            name: 'sourcelight',
            fileName: () => 'content.js',
          },
        },
      });
      checkContentScriptSize(resolve(outDir, CONTENT_SCRIPT));
      const manifestPath = resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = baseManifest.content_scripts.map((script) => ({
        ...script,
        js: [CONTENT_SCRIPT],
      }));
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    },
  };
}

/** Leaves mark.js's DOMIterator out of the content script: `markerOver` (markjs-adapter.ts) walks nothing with it. */
function markJsWithoutIterator(): Plugin {
  return {
    name: 'sourcelight:mark-js-without-iterator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './domiterator' && importer?.includes('mark.js/src/lib/'))
        return resolve(import.meta.dirname, 'src/content/markjs-no-iterator.ts');
      return null;
    },
  };
}

/**
 * The methods of mark.js's class that `markRanges` reaches, all the highlighter calls (markjs-adapter.ts), besides
 * the constructor and the option and iterator accessors.
 */
const MARK_JS_METHODS_USED = new Set([
  'constructor',
  'opt',
  'iterator',
  'log',
  'isNumeric',
  'checkRanges',
  'callNoMatchOnInvalidRanges',
  'checkWhitespaceRanges',
  'getTextNodes',
  'matchesExclude',
  'wrapRangeInTextNode',
  'wrapRangeInMappedTextNode',
  'wrapRangeFromIndex',
  'markRanges',
]);

interface ClassMember {
  type: string;
  start: number;
  end: number;
  key?: { name?: string };
}

/**
 * Leaves out of the content script the methods of mark.js's class that `markRanges` never reaches (keyword and
 * regular-expression search, its diacritics and synonym tables, unmarking): half the library, which every page
 * loaded. The build fails if what is kept still calls a method left out.
 */
function markJsRangesOnly(): Plugin {
  return {
    name: 'sourcelight:mark-js-ranges-only',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('mark.js/src/lib/mark.js')) return null;
      const program = this.parse(code) as unknown as {
        body: { type: string; declaration?: { body?: { body: ClassMember[] } } }[];
      };
      const members = program.body.flatMap((node) => node.declaration?.body?.body ?? []);
      const unused = members.filter(
        (member) => member.type === 'MethodDefinition' && !MARK_JS_METHODS_USED.has(member.key?.name ?? ''),
      );
      if (members.length === 0 || unused.length === 0)
        throw new Error('mark.js: its class was not found where expected');
      let kept = code;
      for (const member of [...unused].sort((a, b) => b.start - a.start))
        kept = kept.slice(0, member.start) + kept.slice(member.end);
      const stillCalled = unused.find((member) => kept.includes(`this.${member.key?.name ?? ''}(`));
      if (stillCalled) throw new Error(`mark.js: ${stillCalled.key?.name ?? ''} was left out but is still called`);
      return { code: kept, map: null };
    },
  };
}

/** The locale files (`assets/_locales/<lang>/messages.json`), where browsers look for them: `_locales/` at the root. */
function localeFiles(outDir: string): Plugin {
  return {
    name: 'sourcelight:locale-files',
    apply: 'build',
    writeBundle() {
      cpSync(resolve(import.meta.dirname, 'assets/_locales'), resolve(outDir, '_locales'), { recursive: true });
    },
  };
}

/** Fails the build when the content script has grown past its budget, and says what it weighs either way. */
function checkContentScriptSize(path: string): void {
  const bytes = statSync(path).size;
  const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
  if (bytes > CONTENT_SCRIPT_MAX_BYTES) {
    throw new Error(
      `${CONTENT_SCRIPT} is ${kB(bytes)}, over its ${kB(CONTENT_SCRIPT_MAX_BYTES)} budget: every page loads it. ` +
        'Something it imports has grown or brought a library in (test/unit/conventions.test.ts lists what it may load).',
    );
  }
  console.log(`${CONTENT_SCRIPT}: ${kB(bytes)} (budget ${kB(CONTENT_SCRIPT_MAX_BYTES)}, goal 60 kB)`);
}

export default defineConfig(({ mode }) => {
  const target: Target | undefined = mode === 'chrome' || mode === 'firefox' ? mode : undefined;
  const outDir = resolve(import.meta.dirname, 'dist', target ?? 'chrome');
  const plugins: PluginOption[] = target
    ? [crx({ manifest: manifestFor(target), browser: target }), contentScriptAsOneFile(outDir), localeFiles(outDir)]
    : [];
  return {
    plugins,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rollupOptions: {
        input: {
          viewer: resolve(import.meta.dirname, 'src/viewer/viewer.html'),
          card: resolve(import.meta.dirname, CARD_PAGE),
          person: resolve(import.meta.dirname, 'src/person/person.html'),
        },
      },
    },
    test: {
      include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
      // The browser's i18n API, in English, for every test (src/shared/i18n.ts reads it).
      setupFiles: ['test/unit/browser-i18n.ts'],
    },
  };
});
