import '../shared/zod-config';
import { z } from 'zod';
import type { SourceDocument } from '../shared/entity-card';
import { send } from '../shared/messages';
import { el } from '../shared/ui/dom';
import { formatDate } from '../shared/ui/format';
import { originalLink } from '../shared/ui/links';
import { errorText } from '../shared/error-text';
import { copyCitation } from '../shared/ui/copy-citation';
import { copyButtons } from '../shared/ui/entity-view';
import type { SpeakerCorrectionView } from '../shared/corrections';
import { isolate, localizePage, t } from '../shared/i18n';

/**
 * The source viewer: one whole document from the corpus, with its metadata and the linked passage marked and
 * scrolled into view. Reached from cards and popup results as viewer.html?pack=&doc=&start=&end=.
 */
const viewerParams = z.object({
  pack: z.string().min(1),
  doc: z.string().min(1),
  start: z.coerce.number().int().nonnegative().optional(),
  end: z.coerce.number().int().nonnegative().optional(),
});

const main = document.getElementById('viewer');

function showError(message: string): void {
  main?.replaceChildren(el('p', { class: 'status error', role: 'alert' }, message));
}

/** The document's paragraphs, with the passage [start, end) wrapped in one mark that may cross paragraphs. */
function renderText(
  text: string,
  passage: { start: number; end: number } | null,
): { container: HTMLElement; mark: HTMLElement | null } {
  // Corpus text keeps its own direction, whatever the UI's: a Persian quote reads right to left in an English UI.
  const container = el('div', { class: 'text' });
  let mark: HTMLElement | null = null;
  let offset = 0;
  for (const paragraph of text.split(/(\n+)/)) {
    const from = offset;
    offset += paragraph.length;
    if (/^\n+$/.test(paragraph) || paragraph.length === 0) continue;
    const p = el('p', { dir: 'auto' });
    if (passage && passage.start < offset && passage.end > from) {
      const start = Math.max(passage.start, from) - from;
      const end = Math.min(passage.end, offset) - from;
      const piece: HTMLElement = el('mark', mark ? {} : { id: 'passage', tabindex: '-1' }, paragraph.slice(start, end));
      mark ??= piece;
      p.append(paragraph.slice(0, start), piece, paragraph.slice(end));
    } else {
      p.append(paragraph);
    }
    container.append(p);
  }
  return { container, mark };
}

/** Who said the passage as the reader corrected it, beside whom the source's text gives it to. */
function correctedLine({ speakerName, sourceSpeakerName }: SpeakerCorrectionView): string {
  if (sourceSpeakerName === null) return t('viewerPassageCorrectedFromNone', speakerName ?? '');
  return speakerName === null
    ? t('viewerPassageCorrectedUnclear', sourceSpeakerName)
    : t('viewerPassageCorrectedBy', speakerName, sourceSpeakerName);
}

/**
 * "Copy citation" and "Copy as annotation" for the statement the viewer opened at, when the corpus knows who said it;
 * otherwise a line saying why there is none.
 */
function citePassage(document: SourceDocument, passage: { start: number; end: number }): HTMLElement | null {
  const statement = document.statements.find((s) => s.start === passage.start && s.end === passage.end);
  if (!statement) return null;
  const corrected = statement.correction && correctedLine(statement.correction);
  if (statement.speaker === null) return el('p', { class: 'meta' }, corrected ?? t('viewerPassageUnclear'));
  const buttons = copyButtons(
    {
      text: document.text.slice(passage.start, passage.end),
      speaker: statement.speaker,
      ...(statement.role !== undefined ? { role: statement.role } : {}),
      source: {
        packId: document.packId,
        corpusTitle: document.packTitle,
        documentId: document.id,
        documentTitle: document.title,
        ...(document.publisher !== undefined ? { publisher: document.publisher } : {}),
        ...(document.date !== undefined ? { date: document.date } : {}),
        ...(document.url !== undefined ? { url: document.url } : {}),
        ...passage,
      },
    },
    copyCitation,
  );
  // The corpus's own words, a name and its role, joined as the corpus writes them.
  const who = [statement.speaker, statement.role].filter(Boolean).join(', ');
  // A corrected passage is cited as the card cites it: with the speaker the reader named.
  return el('div', { class: 'cite' }, el('p', { class: 'meta' }, corrected ?? t('viewerPassageBy', who)), buttons);
}

function render(document: SourceDocument, passage: { start: number; end: number } | null): void {
  const date = formatDate(document.date);
  const original = passage
    ? originalLink(document.url, document.text.slice(passage.start, passage.end))
    : (document.url ?? null);
  const { container, mark } = renderText(document.text, passage);
  const parts = [
    el('p', { class: 'kicker' }, t('viewerKicker', document.packTitle)),
    el('h1', { dir: 'auto' }, document.title),
    el(
      'p',
      { class: 'meta' },
      [document.publisher && isolate(document.publisher), date].filter(Boolean).join(t('listSeparator')) ||
        t('viewerNoPublisher'),
    ),
    original
      ? el('p', { class: 'meta' }, el('a', { href: original, rel: 'noopener noreferrer' }, t('viewerOpenOriginal')))
      : null,
    passage ? citePassage(document, passage) : null,
    el('p', { class: 'notice' }, t('viewerNotice')),
    container,
  ].filter((part): part is HTMLElement => part !== null);
  main?.replaceChildren(...parts);
  window.document.title = t('viewerDocumentTitle', document.title);
  if (mark) {
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }
}

async function showDocument(): Promise<void> {
  const params = viewerParams.safeParse(Object.fromEntries(new URLSearchParams(location.search)));
  if (!params.success) {
    showError(t('viewerBadLink'));
    return;
  }
  const { pack, doc, start, end } = params.data;
  const document = await send({ type: 'getDocument', packId: pack, documentId: doc });
  if (!document) {
    showError(t('viewerGone'));
    return;
  }
  const passage =
    start !== undefined && end !== undefined && start < end && end <= document.text.length ? { start, end } : null;
  render(document, passage);
}

localizePage();
showDocument().catch((error: unknown) => showError(t('viewerFailed', errorText(error))));
