import { siteOf } from '../shared/site';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Letters, digits, hyphens and dots (IDN names arrive here already in punycode), or a bracketed IPv6 address. */
const HOSTNAME = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/**
 * The hostname a typed site or address stands for, as the site switch stores it ("HTTPS://www.Example.com:8080/a"
 * -> "example.com"), or null when it names no site. The scheme is optional: a bare "example.com/page" is read as https.
 */
export function normaliseSite(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  const withScheme = SCHEME.test(trimmed)
    ? trimmed.replace(SCHEME, 'https://')
    : `https://${trimmed.replace(/^\/+/, '')}`;
  const site = siteOf(withScheme)?.replace(/\.$/, '');
  return site && HOSTNAME.test(site) ? site : null;
}
