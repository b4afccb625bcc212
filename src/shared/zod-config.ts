import { config } from 'zod/mini';

// Extension pages and content scripts forbid eval. Without this, zod probes `new Function` on first use, which the
// browser refuses and may report as a CSP violation, to the page's own report endpoint from a content script.
// Imported first by every entry point: zod reads the setting when each schema is built.
//
// The schemas a web page's content script loads are written with zod/mini, the same library in its tree-shakable
// form, because the full zod is about 90 kB that every page would parse (`npm run build` checks the script's size).
// zod/mini carries no error messages of its own: on a page a failed check reads "Invalid input" after the field's
// path, while the extension's pages, which load the full zod, name what was wrong.
config({ jitless: true });
