import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every text colour the theme pairs with a background must reach WCAG AA for body text (4.5:1), in light and dark.
const css = readFileSync(resolve(import.meta.dirname, '../../src/shared/ui/theme.css'), 'utf8');
const [lightBlock, darkBlock] = css.split('@media (prefers-color-scheme: dark)');

function variables(block: string | undefined): Record<string, string> {
  return Object.fromEntries(
    [...(block ?? '').matchAll(/--sl-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [
      name as string,
      value as string,
    ]),
  );
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

const pairs: [text: string, background: string][] = [
  ['text', 'bg'],
  ['text', 'bg-soft'],
  ['muted', 'bg'],
  ['muted', 'bg-soft'],
  ['link', 'bg'],
  ['link', 'bg-soft'],
  ['error', 'bg'],
  ['mark-text', 'mark-bg'],
  ['badge-text', 'badge-bg'],
  ['focus', 'bg'],
];

// Shapes a reader must make out (a timeline's points), which WCAG asks 3:1 of (non-text contrast, 1.4.11). A
// statement and a question differ by shape (a dot, a square), so their two colours need not differ by contrast.
const graphicPairs: [graphic: string, background: string][] = [
  ['accent', 'bg'],
  ['chart-question', 'bg'],
];

describe.each([
  ['light', variables(lightBlock)],
  ['dark', { ...variables(lightBlock), ...variables(darkBlock) }],
])('theme colours in %s mode', (_mode, colours) => {
  const ratio = (a: string, b: string): number => {
    expect(colours[a], a).toBeDefined();
    expect(colours[b], b).toBeDefined();
    return contrast(colours[a] as string, colours[b] as string);
  };
  it.each(pairs)('%s on %s reaches 4.5:1', (text, background) => {
    expect(ratio(text, background)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(graphicPairs)('%s against %s reaches 3:1', (graphic, background) => {
    expect(ratio(graphic, background)).toBeGreaterThanOrEqual(3);
  });
});
