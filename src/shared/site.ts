// What site an address is on: its host as the site switches name it, and the registered site a host belongs to.

/** The hostname a site switch applies to: lowercase, without a leading "www.". */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** A web address's host without "www.", as the site switches name it. */
export const hostOf = (url: string): string => siteOf(url) ?? new URL(url).hostname;

/** Second-level labels under which a country's sites register: "bbc.co.uk", "abc.net.au". */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ltd', 'plc', 'sch', 'nhs', 'police']);

/**
 * The site an address is on: its host without "www.", cut to the registered name and its suffix ("news.bbc.co.uk"
 * → "bbc.co.uk"). An IP address or a one-label host is its own site. A short list stands in for the Public Suffix
 * List, whose 10,000 rules would be the only reason to ship it.
 */
export function registeredSiteOf(url: string): string {
  const host = hostOf(url);
  if (/^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) return host;
  const labels = host.split('.');
  const [second = '', top = ''] = labels.slice(-2);
  const keep = top.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}
