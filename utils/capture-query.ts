/**
 * The capture form's input: a selection handed from the background to the capture page in the
 * page's query string. Encoded here, and validated with valibot on arrival like every message.
 */
import * as v from 'valibot';
import { PageMetaSchema, type SelectionCapture } from './messages';

const CaptureSchema = v.object({
  text: v.pipe(v.string(), v.maxLength(20_000)),
  speaker: v.nullable(v.pipe(v.string(), v.maxLength(1_000))),
  kind: v.picklist(['direct', 'partial', 'indirect']),
  cue: v.nullable(v.pipe(v.string(), v.maxLength(1_000))),
  statementId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  page: PageMetaSchema,
});

/** Longest selection carried to the form; longer selections are cut (the form says so). */
export const MAX_CAPTURE_TEXT = 20_000;

export function captureQuery(capture: SelectionCapture): string {
  const trimmed = { ...capture, text: capture.text.slice(0, MAX_CAPTURE_TEXT) };
  return new URLSearchParams({ capture: JSON.stringify(trimmed) }).toString();
}

/** The capture in a query string, or null when it is missing or does not fit the schema. */
export function parseCaptureQuery(search: string): SelectionCapture | null {
  const raw = new URLSearchParams(search).get('capture');
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const result = v.safeParse(CaptureSchema, json);
  return result.success ? result.output : null;
}
