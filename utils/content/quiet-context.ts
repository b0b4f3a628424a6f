/**
 * The content script's context in production builds, in place of WXT's own
 * (`wxt/utils/content-script-context`; `wxt.config.ts` swaps it in for `wxt build`).
 *
 * WXT's context announces every start to the page it runs on: a `window.postMessage` that every
 * script of the page receives, and an event on `document`, both named after the extension's id.
 * That tells any page that Saywho is installed, and lets a page that knows the id stop Saywho by
 * sending the same event. The announcement exists to stop an older copy of the script after the
 * extension reloads during development (`wxt` dev mode keeps WXT's context). A production build
 * has no older copy to stop: Chromium does not inject an updated extension's scripts into pages
 * already open, and Firefox unloads the old copy with the old version. So this context says
 * nothing to the page and listens to nothing on it. Like WXT's, it turns invalid once the
 * extension's context is gone (`browser.runtime.id` undefined: Saywho reloaded or removed).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

/** WXT's context, as far as a content script may use it (all but its page-facing announcement). */
type ContextApi = Pick<
  WxtContentScriptContext,
  | 'signal'
  | 'abort'
  | 'isInvalid'
  | 'isValid'
  | 'onInvalidated'
  | 'block'
  | 'setTimeout'
  | 'setInterval'
  | 'notifyInvalidated'
>;

export class ContentScriptContext implements ContextApi {
  private readonly controller = new AbortController();

  /** The arguments WXT's entrypoint passes; the name is only for messages. */
  constructor(readonly contentScriptName: string) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => window.clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => window.clearInterval(id));
    return id;
  }

  notifyInvalidated(): void {
    this.abort(`Content script "${this.contentScriptName}" context invalidated`);
  }
}
