// The options page's subscribed corpora: subscribe by address with the trust the reader gives, check now, stop, and
// each one's state: the time of its last good update, and why the last check failed if it did.
import { errorText } from '../shared/error-text';
import { send } from '../shared/messages';
import browser from 'webextension-polyfill';
import { originCovered, parsePackUrl, requestOriginPermission } from '../shared/pack-download';
import { packIntegrity } from '../shared/pack-integrity';
import { DEFAULT_CHECK_INTERVAL_HOURS, type Subscription } from '../shared/subscription';
import { el } from '../shared/ui/dom';
import type { Notice } from './notice';
import { t } from '../shared/i18n';
import { formatMoment } from '../shared/ui/format';

/** How often the options page reminds the background it is waited for (`whileKeptAwake`). */
const KEEP_AWAKE_MS = 10_000;

export interface SubscriptionElements {
  list: HTMLUListElement;
  empty: HTMLElement;
  form: HTMLFormElement;
  url: HTMLInputElement;
  trust: HTMLInputElement;
  trustLabel: HTMLElement;
  byKey: HTMLInputElement;
  byHash: HTMLInputElement;
  interval: HTMLSelectElement;
}

/** One line on how the subscription stands: what the reader most needs first. */
export function subscriptionState(s: Subscription): string {
  const good =
    s.updatedAt === undefined ? t('subscriptionNotStored') : t('subscriptionLastGood', formatMoment(s.updatedAt));
  if (s.problem !== undefined)
    return s.checkedAt
      ? t('subscriptionFailedAt', formatMoment(s.checkedAt), s.problem, good)
      : t('subscriptionFailed', s.problem, good);
  if (s.checkedAt === undefined) return t('subscriptionNotChecked');
  return t('subscriptionUpToDate', formatMoment(s.checkedAt), good);
}

export function bindSubscriptions(
  elements: SubscriptionElements,
  notice: Notice,
  corpusChanged: () => void,
): {
  refresh(): Promise<void>;
} {
  const { list, empty, form, url, trust, trustLabel, byKey, byHash, interval } = elements;

  function show(subscriptions: Subscription[]): void {
    empty.hidden = subscriptions.length > 0;
    list.replaceChildren(
      ...subscriptions.map((s) => {
        const check = el('button', { type: 'button', 'data-subscription-check': s.url }, t('subscriptionCheckNow'));
        const stop = el(
          'button',
          { type: 'button', class: 'danger', 'data-subscription-remove': s.url },
          t('subscriptionUnsubscribe'),
        );
        check.addEventListener('click', () => void checkNow(s.url));
        stop.addEventListener('click', () => void stopChecking(s.url));
        return el(
          'li',
          { class: 'subscription', 'data-subscription': s.url },
          el('span', { class: 'subscription-url', dir: 'ltr' }, s.url),
          el('span', { class: 'hint subscription-state' }, subscriptionState(s)),
          el('span', { class: 'row' }, check, stop),
        );
      }),
    );
  }

  async function refresh(): Promise<void> {
    show(await send({ type: 'getSubscriptions' }));
  }

  /**
   * A download may wait up to its 30 s limit, and Firefox ends an event page idle for 30 s, fetch or not (the check
   * then never answers): a message to the background every 10 s meanwhile is an event, which keeps it running.
   */
  async function whileKeptAwake<T>(work: Promise<T>): Promise<T> {
    const timer = setInterval(() => void send({ type: 'ping' }).catch(() => undefined), KEEP_AWAKE_MS);
    try {
      return await work;
    } finally {
      clearInterval(timer);
    }
  }

  function report(s: Subscription, what: string): void {
    const said = t('subscriptionReport', what, subscriptionState(s));
    if (s.problem !== undefined) notice.error(said);
    else notice.success(said);
  }

  async function checkNow(address: string): Promise<void> {
    notice.success(t('subscriptionChecking', address));
    try {
      report(
        await whileKeptAwake(send({ type: 'checkSubscription', url: address })),
        t('subscriptionChecked', address),
      );
      corpusChanged();
    } catch (error) {
      notice.error(errorText(error));
    }
    await refresh();
  }

  async function stopChecking(address: string): Promise<void> {
    try {
      await send({ type: 'unsubscribe', url: address });
      notice.success(t('subscriptionStopped', address));
    } catch (error) {
      notice.error(errorText(error));
    }
    await refresh();
    url.focus();
  }

  /** Host permissions the extension holds, read ahead: the click must ask for a missing one without waiting. */
  let granted: string[] = [];
  const readGranted = (): void =>
    void browser.permissions.getAll().then(
      (all) => (granted = all.origins ?? []),
      () => undefined,
    );
  readGranted();
  browser.permissions.onAdded.addListener(readGranted);
  browser.permissions.onRemoved.addListener(readGranted);

  const showTrustKind = (): void => {
    trustLabel.textContent = t(byHash.checked ? 'subscribeHashLabel' : 'subscribeKeyLabel');
  };
  byKey.addEventListener('change', showTrustKind);
  byHash.addEventListener('change', showTrustKind);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const address = parsePackUrl(url.value);
    if (typeof address === 'string') {
      notice.error(address);
      url.focus();
      return;
    }
    const integrity = packIntegrity.safeParse(
      byHash.checked ? { kind: 'sha256', sha256: trust.value } : { kind: 'ed25519', publicKey: trust.value },
    );
    if (!integrity.success) {
      notice.error(t('subscribeRefused', integrity.error.issues[0]?.message ?? t('subscribeTrustUnreadable')));
      trust.focus();
      return;
    }
    const hours = Number(interval.value) || DEFAULT_CHECK_INTERVAL_HOURS;
    // The permission is asked in the click itself, as browsers require, for that one site, unless already held.
    const allowed = originCovered(address.origin, granted)
      ? Promise.resolve(true)
      : requestOriginPermission(address.origin).catch(() => false);
    void (async () => {
      if (!(await allowed)) {
        notice.error(t('subscribeNeedsPermission', address.host));
        return;
      }
      notice.success(t('subscribing', address.href));
      try {
        // Subscribing downloads the pack at once, so it waits on the server as a check does.
        const subscribed = await whileKeptAwake(
          send({ type: 'subscribe', url: address.href, integrity: integrity.data, intervalHours: hours }),
        );
        report(subscribed, t('subscribed', address.href));
        url.value = '';
        trust.value = '';
        corpusChanged();
      } catch (error) {
        notice.error(t('subscribeFailed', errorText(error)));
      }
      await refresh();
    })();
  });

  return { refresh };
}
