import browser from 'webextension-polyfill';
import { formatSize, MAX_PACK_JSON_LENGTH } from './pack-parts';
import { errorText } from './error-text';
import { t } from './i18n';

/** How long a pack download may take, start to end, before it is given up. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

/** What a server said identifies the version it sent, for asking next time only whether it changed. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Download =
  | ({ ok: true; text: string } & Validators)
  /** Asked with the validators of the last download, the server answered 304: nothing changed. */
  | { ok: true; unchanged: true }
  /** The server did not allow the request (no CORS header) and the extension has no permission for the site yet. */
  | { ok: false; needsPermission: true; origin: string }
  | { ok: false; needsPermission: false; error: string };

/** The http(s) address typed by the reader, or an error that says what is wrong with it. */
export function parsePackUrl(typed: string): URL | string {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return t('urlNotAddress', typed.trim());
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return t('urlWrongScheme', url.protocol);
  return url;
}

/** The permission pattern for one origin and nothing more. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** Reads the body, refusing it as soon as it passes the size limit, so a huge or endless response is never held whole. */
async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_PACK_JSON_LENGTH)
    throw new Error(t('downloadTooLarge', formatSize(declared), formatSize(MAX_PACK_JSON_LENGTH)));
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_PACK_JSON_LENGTH) {
      await reader.cancel();
      throw new Error(t('downloadLarger', formatSize(MAX_PACK_JSON_LENGTH)));
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Fetches a pack once, without cookies or a referrer. A failed fetch that could be a refused cross-origin request
 * is reported as needing permission when the extension does not hold one for that origin; the caller asks for it,
 * since the browser grants permissions only in answer to a click.
 */
export async function downloadPack(
  url: URL,
  cancel: AbortSignal,
  timeoutMs = DOWNLOAD_TIMEOUT_MS,
  since: Validators = {},
): Promise<Download> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([cancel, timeout]);
  const stopped = (): Download | undefined =>
    cancel.aborted
      ? { ok: false, needsPermission: false, error: t('downloadCancelled') }
      : timeout.aborted
        ? {
            ok: false,
            needsPermission: false,
            error: t('downloadTimedOut', url.host, Math.round(timeoutMs / 10) / 100),
          }
        : undefined;
  let response: Response;
  try {
    const headers: Record<string, string> = {};
    if (since.etag !== undefined) headers['if-none-match'] = since.etag;
    if (since.lastModified !== undefined) headers['if-modified-since'] = since.lastModified;
    response = await fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      headers,
      signal,
    });
  } catch (error) {
    const why = stopped();
    if (why) return why;
    const granted = await browser.permissions.contains({ origins: [originPattern(url.origin)] }).catch(() => false);
    if (!granted) return { ok: false, needsPermission: true, origin: url.origin };
    return { ok: false, needsPermission: false, error: t('downloadUnreachable', url.origin, errorText(error)) };
  }
  // A redirect to another site would import from an address the reader never typed.
  const landed = new URL(response.url || url.href);
  if (landed.origin !== url.origin) {
    return {
      ok: false,
      needsPermission: false,
      error: t('downloadRedirected', url.host, landed.host, landed.href),
    };
  }
  if (response.status === 304 && (since.etag !== undefined || since.lastModified !== undefined))
    return { ok: true, unchanged: true };
  if (!response.ok)
    return {
      ok: false,
      needsPermission: false,
      error: t('downloadStatus', `${response.status} ${response.statusText}`.trim(), url.href),
    };
  try {
    const text = await readCapped(response);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return {
      ok: true,
      text,
      ...(etag !== null ? { etag } : {}),
      ...(lastModified !== null ? { lastModified } : {}),
    };
  } catch (error) {
    return stopped() ?? { ok: false, needsPermission: false, error: errorText(error) };
  }
}

/**
 * Whether host permissions already granted (match patterns: any host of a scheme, a domain and its subdomains, one
 * host) cover an origin. Chromium's `permissions.contains` answers no for a host its content scripts' patterns cover, and asking
 * again opens a prompt for access the extension has; so the granted patterns are read first and matched here.
 */
export function originCovered(origin: string, patterns: readonly string[]): boolean {
  const url = new URL(origin);
  return patterns.some((pattern) => {
    if (pattern === '<all_urls>') return true;
    const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
    if (!m?.[1] || !m[2]) return false;
    const [scheme, host] = [m[1], m[2]];
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    if (host === '*') return true;
    if (host.startsWith('*.')) return url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1));
    return host === url.host || host === url.hostname;
  });
}

/** Asks the browser for access to just this origin; must run directly in a click handler. */
export function requestOriginPermission(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] });
}
