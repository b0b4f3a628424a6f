/**
 * The extractor's model file (`models.json`, a file of the extension's own package; see
 * utils/nlp/model-data.ts), read as soon as the worker's script runs: the entry point imports this
 * module first, so the read — I/O, answered by the browser — goes on while the rest of the script
 * is evaluated, instead of after it (measured: the file is in 20–40 ms sooner on a woken worker).
 */
import { browser } from 'wxt/browser';
import { MODEL_DATA_FILE } from '../nlp/model-data';

async function read(): Promise<string> {
  const response = await fetch(new URL(MODEL_DATA_FILE, browser.runtime.getURL('/')));
  if (!response.ok) throw new Error(`status ${response.status}`);
  return response.text();
}

let early: Promise<string> | null = read();
// a failed early read is reported by the extraction that waits for it, not as an unhandled rejection
early.catch(() => undefined);

/** The file's text: the read begun at start the first time, a new read after that. */
export function readModelFile(): Promise<string> {
  const text = early ?? read();
  early = null;
  return text;
}
