// Runs axe-core, a real accessibility engine, inside a page the tests drive, and fails on what it finds.
//
// How axe gets into the page: the extension's pages forbid inline scripts and eval (their CSP), so neither a script
// tag nor an `eval` of the source from inside the page works there. Handing the whole source to page.evaluate as a
// string does: the driver compiles it (CDP's Runtime.evaluate in Chromium, BiDi's script.evaluate in Firefox), and a
// page's CSP governs only what the page itself asks to compile. The same works on ordinary web pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Where each failing node is (a CSS selector, shadow roots crossed with >>>), then the start of its markup. */
  targets: string[];
}

/** A violation we accept, written where the test says why. */
export interface AllowedViolation {
  id: string;
  /** Only on nodes whose target contains this; every node when absent. */
  target?: string;
  reason: string;
}

export interface AxeOptions {
  allow?: readonly AllowedViolation[];
}

async function injectAxe(page: Page | Frame): Promise<void> {
  const present = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(axeSource);
}

/**
 * Every violation axe-core finds (its default rules: WCAG 2.x A and AA, and best practices) in a page or a frame
 * (the card's), and how many rules found something to check there.
 */
export async function findViolations(
  page: Page | Frame,
): Promise<{ violations: AxeViolation[]; rulesApplied: number }> {
  await injectAxe(page);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: (string | string[])[]; html: string }[];
      }[];
      passes: unknown[];
    }
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    const violations = result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map(
        (node) =>
          `${node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> ')}  ${node.html.slice(0, 160)}`,
      ),
    }));
    return { violations, rulesApplied: result.passes.length + violations.length };
  });
}

/** Fails with each violation's id, impact and targets, after dropping the ones the test allows with a reason. */
export async function expectNoViolations(page: Page | Frame, surface: string, options: AxeOptions = {}): Promise<void> {
  const allow = options.allow ?? [];
  const { violations: found, rulesApplied } = await findViolations(page);
  // A context that matched nothing would pass every rule; make sure axe had something to look at.
  expect(rulesApplied, `axe-core rules that applied on ${surface}`).toBeGreaterThan(5);
  const left = found
    .map((violation) => ({
      ...violation,
      targets: violation.targets.filter(
        (target) => !allow.some((a) => a.id === violation.id && (a.target === undefined || target.includes(a.target))),
      ),
    }))
    .filter((violation) => violation.targets.length > 0);
  const described = left.map(
    (v) => `${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n    ${v.targets.join('\n    ')}`,
  );
  expect(described, `axe-core violations on ${surface}`).toEqual([]);
}
