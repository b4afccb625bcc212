import { send } from '../shared/messages';

const status = document.getElementById('corpus-status');

async function showCorpusStatus(): Promise<void> {
  if (!status) return;
  try {
    const summary = await send({ type: 'getCorpusSummary' });
    const { documents, statements } = summary.totals;
    status.textContent = `${documents} documents, ${statements} statements`;
    status.dataset.documents = String(documents);
  } catch (error) {
    status.textContent = `The corpus could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

void showCorpusStatus();
