/**
 * The real-pages sweep (issue 14): the built extension in Chromium over the 30 saved news pages and
 * the 150 pages of other sites, run by sweep-run.ts (which `npm run bench` shares). Asserted: no
 * Saywho error, no DOM change but Saywho's one host element, every news page read with no
 * statement outside its article, every page whose text is not English refused, every labelled
 * English article read and every labelled non-article refused (issue 14, point 3). Reported
 * (test-output/sweep.md): the whole table, the longest tasks (wall-clock and thread time, which
 * must be found in Chromium's trace for every page) and the time to each reading.
 */
import { describe, expect, it } from 'vitest';
import { runSweep, writeSweepReport } from '../../scripts/harness/sweep-run';
import { useExtensionSession } from './session';

describe('the real-pages sweep', () => {
  const session = useExtensionSession();

  it('reads the news pages and English articles, refuses what is not English news, never touching the DOM', async () => {
    const { context, worker } = session.browser;
    const results = await runSweep(context, worker);
    writeSweepReport(results);

    const problems = results.flatMap((r) => [
      ...r.errors.map((e) => `${r.page.name}: error ${e}`),
      ...r.changes.slice(0, 3).map((c) => `${r.page.name}: DOM ${c}`),
      ...(r.page.set === 'news' && r.status === 'not-article'
        ? [`${r.page.name}: news page refused (${r.reason})`]
        : []),
      ...(r.page.set === 'news' && r.outside > 0
        ? [`${r.page.name}: ${r.outside} statements outside the article`]
        : []),
      ...(r.page.language === 'other' && r.status !== 'not-article'
        ? [`${r.page.name}: not English, read`]
        : []),
      // "Is this English news?": every labelled English article read, every non-article refused
      ...(r.page.set === 'web' &&
      r.page.language === 'en' &&
      r.page.kind === 'article' &&
      r.status === 'not-article'
        ? [`${r.page.name}: English article refused (${r.reason})`]
        : []),
      ...(r.page.kind === 'not-article' && r.status !== 'not-article'
        ? [`${r.page.name}: not an article, read`]
        : []),
      // the thread time of Saywho's tasks is measured on every page (reported, not asserted)
      ...(Number.isNaN(r.longestTaskCpu) ? [`${r.page.name}: not found in the trace`] : []),
    ]);
    expect(problems).toEqual([]);
    // the sweep saw real work: most news pages gave statements
    expect(results.filter((r) => r.page.set === 'news' && r.statements.length > 0).length).toBeGreaterThan(
      25,
    );
  }, 900_000);
});
