// Corpora the reader subscribes to: each is checked for a new version at the interval the reader chose (an alarm)
// or when asked, with the server's validators, and a new version is stored only when its integrity holds and it is a
// valid pack with the same id, in one transaction. Anything else leaves the stored corpus exactly as it was, and the
// reason is kept for the options page beside the time of the last good update.
import browser from 'webextension-polyfill';
import { errorText } from '../shared/error-text';
import { DOWNLOAD_TIMEOUT_MS, downloadPack, type Download } from '../shared/pack-download';
import { integrityProblem, signatureUrlOf } from '../shared/pack-integrity';
import { subscriptionList, type NewSubscription, type Subscription } from '../shared/subscription';
import { importUserPack, type FitCheck } from './corpus-store';
import { t } from '../shared/i18n';

const STORAGE_KEY = 'subscriptions';
export const CHECK_ALARM = 'sourcelight-subscriptions';
/** How often the alarm wakes the background to see which subscriptions are due. */
const ALARM_PERIOD_MINUTES = 30;

async function readSubscriptions(): Promise<Subscription[]> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  const parsed = subscriptionList.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

/** Writes are chained, so that two checks ending together do not lose each other's record. */
let writing: Promise<unknown> = Promise.resolve();

function changeSubscriptions(change: (list: Subscription[]) => Subscription[]): Promise<Subscription[]> {
  const next = writing.then(async () => {
    const list = subscriptionList.parse(change(await readSubscriptions()));
    await browser.storage.local.set({ [STORAGE_KEY]: list });
    return list;
  });
  writing = next.catch(() => undefined);
  return next;
}

const updateOne = (url: string, patch: (s: Subscription) => Subscription): Promise<Subscription[]> =>
  changeSubscriptions((list) => list.map((s) => (s.url === url ? patch(s) : s)));

/** The subscriptions, with any check the browser cut off recorded as such. */
export async function subscriptions(now = Date.now()): Promise<Subscription[]> {
  await recordCutOffChecks(now);
  return readSubscriptions();
}

/** Longer than any check runs: the pack's download and its signature's, each bounded by its timeout. */
const LONGEST_CHECK_MS = 2 * DOWNLOAD_TIMEOUT_MS + 30_000;

/**
 * A check that began long ago, is not running in this background, and never ended was cut off (the browser ended
 * the background before the server answered): it ended then, without a new version.
 */
async function recordCutOffChecks(now: number): Promise<void> {
  const cutOff = (s: Subscription): boolean =>
    s.checkStartedAt !== undefined && !inFlight.has(s.url) && now - Date.parse(s.checkStartedAt) > LONGEST_CHECK_MS;
  if (!(await readSubscriptions()).some(cutOff)) return;
  await changeSubscriptions((list) =>
    list.map((s) =>
      cutOff(s)
        ? { ...s, checkedAt: s.checkStartedAt, checkStartedAt: undefined, problem: t('subscriptionCheckCutOff') }
        : s,
    ),
  );
}

export async function subscribe(request: NewSubscription, fitsOnPages: FitCheck): Promise<Subscription> {
  await changeSubscriptions((list) => {
    if (list.some((s) => s.url === request.url)) throw new Error(t('subscriptionExists', request.url));
    return [...list, request];
  });
  await scheduleChecks();
  return checkSubscription(request.url, fitsOnPages);
}

/** Stops checking; the pack it brought stays, for the reader to keep or remove in the corpus list. */
export async function unsubscribe(url: string): Promise<boolean> {
  let found = false;
  await changeSubscriptions((list) =>
    list.filter((s) => {
      if (s.url === url) found = true;
      return s.url !== url;
    }),
  );
  return found;
}

/** Checks in flight, by address: a click during an alarm's check waits for that one. */
const inFlight = new Map<string, Promise<Subscription>>();

export function checkSubscription(url: string, fitsOnPages: FitCheck): Promise<Subscription> {
  const running = inFlight.get(url);
  if (running) return running;
  const check = runCheck(url, fitsOnPages).finally(() => inFlight.delete(url));
  inFlight.set(url, check);
  return check;
}

async function runCheck(url: string, fitsOnPages: FitCheck): Promise<Subscription> {
  const current = (await readSubscriptions()).find((s) => s.url === url);
  if (!current) throw new Error(t('subscriptionMissing', url));
  const checkedAt = new Date().toISOString();
  await updateOne(url, (s) => ({ ...s, checkStartedAt: checkedAt }));
  let outcome: Partial<Subscription>;
  try {
    outcome = await fetchAndStore(current, fitsOnPages, checkedAt);
  } catch (error) {
    outcome = { problem: errorText(error) };
  }
  // A check that went well clears the last one's problem.
  const list = await updateOne(url, (s) => ({
    ...s,
    problem: undefined,
    ...outcome,
    checkedAt,
    checkStartedAt: undefined,
  }));
  const after = list.find((s) => s.url === url);
  if (!after) throw new Error(t('subscriptionGone', url));
  return after;
}

function failed(download: Download): string | undefined {
  if (download.ok) return undefined;
  return download.needsPermission ? t('subscriptionNoPermission', download.origin) : download.error;
}

/** The new version's record fields, or throws the reason nothing changed. */
async function fetchAndStore(
  current: Subscription,
  fitsOnPages: FitCheck,
  now: string,
): Promise<Partial<Subscription>> {
  const cancel = new AbortController().signal;
  // Validators only while the version they describe is the one stored.
  const since = current.packId !== undefined ? { etag: current.etag, lastModified: current.lastModified } : {};
  const download = await downloadPack(new URL(current.url), cancel, undefined, since);
  const problem = failed(download);
  if (problem !== undefined) throw new Error(problem);
  if (!download.ok || !('text' in download)) return {};
  let signature: string | undefined;
  if (current.integrity.kind === 'ed25519') {
    const signed = await downloadPack(new URL(signatureUrlOf(current.url)), cancel);
    const why = failed(signed);
    if (why !== undefined) throw new Error(t('subscriptionNoSignature', why));
    if (signed.ok && 'text' in signed) signature = signed.text;
  }
  const untrusted = await integrityProblem(download.text, current.integrity, signature);
  if (untrusted !== null) throw new Error(untrusted);
  const { packId } = await importUserPack(download.text, fitsOnPages, current.packId);
  // The validators of the version now stored, or none: an old version's would describe the wrong file.
  return { packId, etag: download.etag, lastModified: download.lastModified, updatedAt: now };
}

/** Keeps the alarm while anything is subscribed. */
export async function scheduleChecks(): Promise<void> {
  const any = (await readSubscriptions()).length > 0;
  const existing = await browser.alarms.get(CHECK_ALARM);
  if (any && !existing) await browser.alarms.create(CHECK_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  if (!any && existing) await browser.alarms.clear(CHECK_ALARM);
}

/** On the alarm: checks every subscription whose interval has passed since its last check. */
export async function checkDueSubscriptions(fitsOnPages: FitCheck, now = Date.now()): Promise<void> {
  for (const s of await subscriptions(now)) {
    const last = s.checkedAt === undefined ? 0 : Date.parse(s.checkedAt);
    if (now - last >= s.intervalHours * 3_600_000) await checkSubscription(s.url, fitsOnPages);
  }
}
