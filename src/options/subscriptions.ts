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

const dateTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One line on how the subscription stands: what the reader most needs first. */
export function subscriptionState(s: Subscription): string {
  const good = s.updatedAt === undefined ? 'not yet stored' : `last good update ${dateTime(s.updatedAt)}`;
  if (s.problem !== undefined)
    return `The last check${s.checkedAt ? ` (${dateTime(s.checkedAt)})` : ''} changed nothing: ${s.problem} Your corpus is as it was (${good}).`;
  if (s.checkedAt === undefined) return 'Not checked yet.';
  return `Up to date: checked ${dateTime(s.checkedAt)}, ${good}.`;
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
        const check = el('button', { type: 'button', 'data-subscription-check': s.url }, 'Check now');
        const stop = el(
          'button',
          { type: 'button', class: 'danger', 'data-subscription-remove': s.url },
          'Unsubscribe',
        );
        check.addEventListener('click', () => void checkNow(s.url));
        stop.addEventListener('click', () => void stopChecking(s.url));
        return el(
          'li',
          { class: 'subscription', 'data-subscription': s.url },
          el('span', { class: 'subscription-url' }, s.url),
          el('span', { class: 'hint subscription-state' }, subscriptionState(s)),
          el('span', { class: 'row' }, check, stop),
        );
      }),
    );
  }

  async function refresh(): Promise<void> {
    show(await send({ type: 'getSubscriptions' }));
  }

  function report(s: Subscription, what: string): void {
    if (s.problem !== undefined) notice.error(`${what}: ${subscriptionState(s)}`);
    else notice.success(`${what}: ${subscriptionState(s)}`);
  }

  async function checkNow(address: string): Promise<void> {
    notice.success(`Checking ${address}…`);
    try {
      report(await send({ type: 'checkSubscription', url: address }), `Checked ${address}`);
      corpusChanged();
    } catch (error) {
      notice.error(errorText(error));
    }
    await refresh();
  }

  async function stopChecking(address: string): Promise<void> {
    try {
      await send({ type: 'unsubscribe', url: address });
      notice.success(`Unsubscribed from ${address}. Its corpus stays in your list until you remove it.`);
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
    trustLabel.textContent = byHash.checked ? 'SHA-256 of the pack' : "Publisher's public key";
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
      notice.error(`Not subscribed: ${integrity.error.issues[0]?.message ?? 'the trust given is not readable'}.`);
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
        notice.error(`Not subscribed: Sourcelight needs your permission to read from ${address.host}.`);
        return;
      }
      notice.success(`Subscribing to ${address.href}…`);
      try {
        const subscribed = await send({
          type: 'subscribe',
          url: address.href,
          integrity: integrity.data,
          intervalHours: hours,
        });
        report(subscribed, `Subscribed to ${address.href}`);
        url.value = '';
        trust.value = '';
        corpusChanged();
      } catch (error) {
        notice.error(`Not subscribed: ${errorText(error)}`);
      }
      await refresh();
    })();
  });

  return { refresh };
}
