/**
 * Colour-blind safety in the real renderer: Chromium's own colour-vision emulation (DevTools'
 * "Emulate vision deficiencies", CDP Emulation.setEmulatedVisionDeficiency) on a page Saywho has
 * painted. Screenshots of each are saved to look at; the fills of a direct and a partial quote are
 * read back from the screenshots and must stay apart. test/page/colour-safety.test.ts checks the
 * stylesheet's colours by arithmetic; this checks what a reader with each deficiency would see.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, waitForHighlights } from '../../scripts/harness/harness';
import { deltaE2000, lab, type RGB } from '../colour';
import { useExtensionSession } from './session';

const session = useExtensionSession();

const VISIONS = ['none', 'protanopia', 'deuteranopia', 'tritanopia', 'achromatopsia'] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The first line box of the first painted range of a highlight that is wide enough to sample. */
async function lineBoxOf(page: Page, highlight: string): Promise<Box> {
  const box = await page.evaluate((name) => {
    let found: { x: number; y: number; width: number; height: number } | null = null;
    CSS.highlights.get(name)?.forEach((r) => {
      if (found) return;
      const range = r as Range;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = Array.from(range.getClientRects()).find((q) => q.width > 80 && q.height > 10);
      if (rect) found = { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    });
    return found;
  }, highlight);
  if (!box) throw new Error(`no painted ${highlight} range wide enough to sample`);
  return box;
}

/** The most frequent colour of a PNG: in a line box of highlighted text, the fill behind the glyphs. */
async function dominantColour(decoder: Page, png: Buffer): Promise<RGB> {
  return decoder.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const counts = new Map<number, number>();
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n > bestCount) {
        best = key;
        bestCount = n;
      }
    }
    return [(best >> 16) & 255, (best >> 8) & 255, best & 255] as [number, number, number];
  }, png.toString('base64'));
}

describe('colour-vision deficiencies', () => {
  it('keeps direct and partial quotes apart under each emulated deficiency', async () => {
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(session.server.url('001.html'));
    await waitForHighlights(page);
    await page.waitForFunction(() => (CSS.highlights.get('saywho-partial')?.size ?? 0) > 0);
    const decoder = await session.browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);

    const seen: Record<string, { direct: RGB; partial: RGB; difference: number }> = {};
    for (const vision of VISIONS) {
      await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: vision });
      const fills: Partial<Record<'direct' | 'partial', RGB>> = {};
      for (const kind of ['direct', 'partial'] as const) {
        const box = await lineBoxOf(page, `saywho-${kind}`);
        // Trim the edges, where glyphs of neighbouring lines and anti-aliasing lie.
        const clip = {
          x: box.x + 2,
          y: box.y + 2,
          width: box.width - 4,
          height: Math.max(4, box.height - 4),
        };
        fills[kind] = await dominantColour(decoder, await page.screenshot({ clip }));
        if (kind === 'partial') {
          await page.screenshot({ path: join(SCREENSHOTS, `vision-${vision}.png`) });
        }
      }
      const direct = fills.direct!;
      const partial = fills.partial!;
      seen[vision] = { direct, partial, difference: deltaE2000(lab(direct), lab(partial)) };
    }
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });

    const report = JSON.stringify(seen);
    // The emulation really changed what was rendered (or the checks below would prove nothing).
    expect(deltaE2000(lab(seen.none!.direct), lab(seen.achromatopsia!.direct)), report).toBeGreaterThan(10);
    for (const vision of ['none', 'protanopia', 'deuteranopia', 'tritanopia']) {
      expect(seen[vision]!.difference, `${vision}: ${report}`).toBeGreaterThanOrEqual(15);
    }
    // No colour at all: the fills still differ in lightness.
    expect(seen.achromatopsia!.difference, report).toBeGreaterThanOrEqual(4);
    await Promise.all([decoder.close(), page.close()]);
  });
});
