import { z } from 'zod';

// Extension pages and content scripts forbid eval. Without this, zod probes `new Function` on first use, which the
// browser refuses and may report as a CSP violation, to the page's own report endpoint from a content script.
// Imported first by every entry point: zod reads the setting when each schema is built.
z.config({ jitless: true });
