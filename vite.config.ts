import { defineConfig } from 'vitest/config';
import type { PluginOption } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

/** The one manifest, adapted per browser: Firefox runs the background as an event page and needs a gecko id. */
function manifestFor(target: Target): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown>;
  if (target === 'firefox') {
    manifest.background = { scripts: [baseManifest.background.service_worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: 'sourcelight@sourcelight.invalid',
        strict_min_version: '140.0',
        // Sourcelight collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target: Target | undefined = mode === 'chrome' || mode === 'firefox' ? mode : undefined;
  const plugins: PluginOption[] = target ? [crx({ manifest: manifestFor(target), browser: target })] : [];
  return {
    plugins,
    build: {
      outDir: resolve(__dirname, 'dist', target ?? 'chrome'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rollupOptions: {
        input: { viewer: resolve(__dirname, 'src/viewer/viewer.html') },
      },
    },
    test: {
      include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    },
  };
});
