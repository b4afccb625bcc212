import { PACK_LIMITS } from '../corpus/pack';
import type { PageArticle } from './page-article';

/**
 * Where an added page's text comes from, as Sourcelight can vouch for it: the address it was read from decides.
 * A page's canonical link and site name are its own claims. The canonical address is kept only when it is on the
 * page's own site (a page on one site cannot store its words under another's address, nor replace a document that
 * came from another site); the site name is shown as what the page says, beside the host the text came from.
 */

/** Second-level labels under which a country's sites register: "bbc.co.uk", "abc.net.au". */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ltd', 'plc', 'sch', 'nhs', 'police']);

/**
 * The site an address is on: its host without "www.", cut to the registered name and its suffix ("news.bbc.co.uk"
 * → "bbc.co.uk"). An IP address or a one-label host is its own site. A short list stands in for the Public Suffix
 * List, whose 10,000 rules would be the only reason to ship it.
 */
export function siteOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  if (/^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) return host;
  const labels = host.split('.');
  const [second = '', top = ''] = labels.slice(-2);
  const keep = top.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The address and publisher line an added page is stored with. */
export interface StoredSource {
  url: string;
  /** The host the text came from, and what the page says it is, when it says: "bbc.co.uk (says it is BBC News)". */
  publisher: string;
}

export function storedSource(article: Pick<PageArticle, 'url' | 'claimedUrl' | 'siteName'>): StoredSource {
  const sameSite = article.claimedUrl !== undefined && siteOf(article.claimedUrl) === siteOf(article.url);
  const url = sameSite && article.claimedUrl !== undefined ? article.claimedUrl : article.url;
  const claims = [
    article.siteName,
    article.claimedUrl !== undefined && !sameSite ? `from ${article.claimedUrl}` : undefined,
  ].filter((claim): claim is string => claim !== undefined && claim !== '');
  const host = new URL(url).hostname.replace(/^www\./, '');
  const publisher = claims.length > 0 ? `${host} (says it is ${claims.join(', ')})` : host;
  return { url, publisher: publisher.slice(0, PACK_LIMITS.titleLength) };
}
