import { describe, expect, it } from 'vitest';
import { type TraceEvent, tasksOnTrace } from '../../scripts/harness/task-trace';

// Saywho's own task timings (the page's clock, wall-clock) placed on Chromium's trace, whose units
// of main-thread work carry thread time: work is told from waiting for a CPU.
const NAV = 1_000_000; // µs on the trace's clock; the page's clock starts here
const meta = (tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid: 7,
  tid,
  ts: 0,
  args: { name },
});
const unit = (
  tid: number,
  atMs: number,
  durMs: number,
  cpuMs: number,
  name = 'ThreadControllerImpl::RunTask',
) =>
  ({
    name,
    ph: 'X',
    pid: 7,
    tid,
    ts: NAV + atMs * 1000,
    dur: durMs * 1000,
    tdur: cpuMs * 1000,
  }) as TraceEvent;
const events: TraceEvent[] = [
  meta(1, 'CrRendererMain'),
  meta(2, 'Compositor'),
  {
    name: 'navigationStart',
    ph: 'R',
    pid: 7,
    tid: 1,
    ts: NAV,
    args: { data: { documentLoaderURL: 'http://127.0.0.1:5000/web-pages/a.html' } },
  },
  // a task that lasted 90 ms while the thread ran 8 ms of it
  unit(1, 100, 90, 8),
  unit(1, 110, 20, 5, 'FunctionCall'), // nested: counted with its task
  // a microtask checkpoint outside any task, then the page's own parsing after it
  unit(1, 300, 40, 12, 'BlinkScheduler_PerformMicrotaskCheckpoint'),
  unit(1, 340, 60, 60, 'ThreadControllerImpl::RunTask'),
  // another thread's work at the same time is not the page's main thread
  unit(2, 100, 90, 90),
];
const task = (start: number, duration: number) => ({ name: 'task', start, duration });

describe('tasksOnTrace', () => {
  it('gives each of Saywho’s tasks the thread time of the main-thread work it spans', () => {
    const timings = [task(100, 90), task(300, 40), { name: 'find', start: 100, duration: 300 }];
    expect(tasksOnTrace(events, timings, 'web-pages/a.html')).toEqual([
      { start: 100, wall: 90, cpu: 8 },
      { start: 300, wall: 40, cpu: 12 },
    ]);
  });

  it('counts a unit it only partly covers in proportion', () => {
    // half of the page's 60 ms parsing unit, all of it thread time
    expect(tasksOnTrace(events, [task(340, 30)], 'web-pages/a.html')?.[0]?.cpu).toBeCloseTo(30);
  });

  it('is null when the trace holds no navigation to the page', () => {
    expect(tasksOnTrace(events, [task(100, 90)], 'web-pages/b.html')).toBeNull();
  });
});
