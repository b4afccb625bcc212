// The keys a reader presses to move between highlights: Alt+Shift+N (next) and Alt+Shift+P (previous), held as a
// reader holds them.
import type { Page } from 'puppeteer-core';

export async function moveBetweenHighlights(page: Page, direction: 'next' | 'previous', times = 1): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  for (let k = 0; k < times; k++) await page.keyboard.press(direction === 'next' ? 'KeyN' : 'KeyP');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}
