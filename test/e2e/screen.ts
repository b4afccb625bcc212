// What the reader sees, read from a screenshot: how many pixels of a box on the page carry a highlight's colours. A
// highlight drawn where no page script can read it shows only there. The screenshot is decoded in an extension page's
// canvas, which both browsers have; the test needs no image library.
import { writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';

/** A box on the page in CSS pixels of the viewport. */
export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The box of some text the page shows: the words a reader looks at, and clicks. */
export function textBox(page: Page, selector: string, words?: string): Promise<ScreenBox> {
  return page.evaluate(
    (target, text) => {
      const element = document.querySelector(target);
      const node = element?.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) throw new Error(`no text at ${target}`);
      const data = (node as Text).data;
      const start = text === null ? 0 : data.indexOf(text);
      const range = document.createRange();
      range.setStart(node, Math.max(0, start));
      range.setEnd(node, text === null ? data.length : Math.max(0, start) + text.length);
      const box = range.getBoundingClientRect();
      return { left: box.left, top: box.top, width: box.width, height: box.height };
    },
    selector,
    words ?? null,
  );
}

/**
 * Takes a screenshot of `page` (saved at `path` when given) and counts, in each box, the pixels in a highlight's
 * colours: the yellow tint over white and its darker underline. Black text and a white page count nothing.
 */
export async function highlightPixels(
  page: Page,
  extensionPage: Page,
  boxes: readonly ScreenBox[],
  path?: string,
): Promise<number[]> {
  const png = await page.screenshot({ encoding: 'base64' });
  if (path) writeFileSync(path, Buffer.from(png, 'base64'));
  const scale = await page.evaluate(() => devicePixelRatio);
  return extensionPage.evaluate(
    async (data, regions, ratio) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      context.drawImage(image, 0, 0);
      return regions.map((box) => {
        const x = Math.max(0, Math.floor(box.left * ratio));
        const y = Math.max(0, Math.floor(box.top * ratio));
        const width = Math.max(1, Math.ceil(box.width * ratio));
        const height = Math.max(1, Math.ceil((box.height + 3) * ratio));
        const { data: pixels } = context.getImageData(x, y, width, height);
        let count = 0;
        for (let k = 0; k < pixels.length; k += 4) {
          const [r = 0, g = 0, b = 0] = [pixels[k], pixels[k + 1], pixels[k + 2]];
          const tint = r >= 230 && g >= 200 && b <= 225 && r - b >= 30;
          const underline = r >= 120 && r - b >= 80 && g >= 60;
          if (tint || underline) count++;
        }
        return count;
      });
    },
    png,
    boxes as ScreenBox[],
    scale,
  );
}
