import { PACK_LIMITS } from '../corpus/pack';
import type { PageArticle } from './page-article';
import { hostOf, registeredSiteOf } from './site';

/**
 * Where an added page's text comes from, as Sourcelight can vouch for it: the address it was read from decides.
 * A page's canonical link and site name are its own claims. The canonical address is kept only when it is on the
 * page's own site (a page on one site cannot store its words under another's address, nor replace a document that
 * came from another site); the site name is shown as what the page says, beside the host the text came from.
 */

/** The address and publisher line an added page is stored with. */
export interface StoredSource {
  url: string;
  /** The host the text came from, and what the page says it is, when it says: "bbc.co.uk (says it is BBC News)". */
  publisher: string;
}

export function storedSource(article: Pick<PageArticle, 'url' | 'claimedUrl' | 'siteName'>): StoredSource {
  const sameSite =
    article.claimedUrl !== undefined && registeredSiteOf(article.claimedUrl) === registeredSiteOf(article.url);
  const url = sameSite && article.claimedUrl !== undefined ? article.claimedUrl : article.url;
  const claims = [
    article.siteName,
    article.claimedUrl !== undefined && !sameSite ? `from ${article.claimedUrl}` : undefined,
  ].filter((claim): claim is string => claim !== undefined && claim !== '');
  const host = hostOf(url);
  const publisher = claims.length > 0 ? `${host} (says it is ${claims.join(', ')})` : host;
  return { url, publisher: publisher.slice(0, PACK_LIMITS.titleLength) };
}
