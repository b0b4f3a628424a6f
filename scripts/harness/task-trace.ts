/**
 * Saywho's tasks on a page as Chromium's own trace sees them. Saywho records each task it runs on
 * the page's clock (`task` timings, wall-clock, from `performance.now()`); on a loaded machine a
 * task of a few milliseconds of work can last 100 ms while the page's thread waits for a CPU. The
 * trace gives each unit of the main thread's work both its wall-clock time (`dur`) and its thread
 * time (`tdur`, the CPU the thread spent in it), so that work can be told from waiting.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { TaskTiming } from '../../utils/page/read-article';

/** One trace event as Chromium reports it (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

/** One of Saywho's tasks: its wall-clock time (its own record) and its thread time, in ms. */
export interface TracedTask {
  start: number;
  wall: number;
  cpu: number;
}

/**
 * Saywho's `task` timings placed on the trace: the page's clock starts at the document's
 * `navigationStart` mark (the last one whose URL ends with `url`), on its renderer's main thread
 * (`CrRendererMain`). A task's thread time is that of the main thread's top-level units of work it
 * overlaps, each counted in proportion to the overlap (whole when the task covers it). Null when
 * the trace has no navigation for `url`.
 */
export function tasksOnTrace(
  events: readonly TraceEvent[],
  timings: readonly TaskTiming[],
  url: string,
): TracedTask[] | null {
  const navigation = events.filter((e) => {
    const data = e.args?.data as { documentLoaderURL?: unknown } | undefined;
    return e.name === 'navigationStart' && String(data?.documentLoaderURL ?? '').endsWith(url);
  });
  const nav = navigation[navigation.length - 1];
  if (!nav) return null;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === nav.pid)
      .filter((e) => (e.args?.name as string) === 'CrRendererMain')
      .map((e) => e.tid),
  );
  const units = topLevel(events.filter((e) => e.ph === 'X' && e.pid === nav.pid && mains.has(e.tid)));
  return timings
    .filter((t) => t.name === 'task')
    .map((t) => {
      const from = nav.ts + t.start * 1000;
      const to = from + t.duration * 1000;
      let cpu = 0;
      for (const u of units) {
        const end = u.ts + (u.dur ?? 0);
        const overlap = Math.min(to, end) - Math.max(from, u.ts);
        if (overlap <= 0 || !u.dur || u.tdur === undefined) continue;
        cpu += (u.tdur * Math.min(1, overlap / u.dur)) / 1000;
      }
      return { start: t.start, wall: t.duration, cpu };
    });
}

/** The events not nested inside another of the list (one thread's top-level units of work). */
function topLevel(events: TraceEvent[]): TraceEvent[] {
  const byThread = new Map<number, TraceEvent[]>();
  for (const e of events) {
    const list = byThread.get(e.tid) ?? [];
    list.push(e);
    byThread.set(e.tid, list);
  }
  const out: TraceEvent[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = Number.NEGATIVE_INFINITY;
    for (const e of list) {
      if (e.ts < end) continue;
      out.push(e);
      end = e.ts + (e.dur ?? 0);
    }
  }
  return out;
}

/** Traces the page's work from now until `stop()`, which returns the events. */
export async function tracePage(
  context: BrowserContext,
  page: Page,
): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] },
    transferMode: 'ReportEvents',
  });
  return {
    stop: async () => {
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}
