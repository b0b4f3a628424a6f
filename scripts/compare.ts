/**
 * `cli compare <pairs.jsonl>`: the relation classifier on pairs of statements, as the background
 * uses it but with no candidate filter (issue 15, point 1). Input, one JSON object a line:
 *   {"id","a":{"text","speaker","site","date","kind","cue"},"b":{…}}   (all but text optional)
 * Output, one line per input line: {"id","relations":[{"type","score","reason"}]}, strongest first.
 * `a` is the statement being read, `b` the one read before. `kind` is "direct" (the default),
 * "partial" or "indirect"; `cue` is the reporting expression as `extract` gives it (an indirect
 * statement whose cue is a form of "deny" is a clause its speaker denies); `date` is read and
 * checked but the classifier does not use it yet. A line that is not a valid pair is reported on
 * stderr with its line number and skipped; the exit status is then 1. Keep the format stable:
 * other tools read it.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { classifyPair, type MatchStatement } from '../utils/match/classify';
import { denialVerb } from '../utils/match/denial';
import { inferSpeakerKind } from '../utils/match/identity';

const Side = v.strictObject({
  text: v.pipe(v.string(), v.minLength(1, 'text is empty')),
  speaker: v.optional(v.nullable(v.string())),
  site: v.optional(v.nullable(v.string())),
  date: v.optional(v.nullable(v.string())),
  kind: v.optional(v.picklist(['direct', 'partial', 'indirect'])),
  cue: v.optional(v.nullable(v.string())),
});
const Pair = v.strictObject({ id: v.union([v.string(), v.number()]), a: Side, b: Side });
type SideInput = v.InferOutput<typeof Side>;

function statement(side: SideInput, page: string): MatchStatement {
  const speaker = side.speaker?.trim() || null;
  return {
    text: side.text,
    kind: side.kind ?? 'direct',
    speakerName: speaker,
    speakerType: speaker === null ? null : inferSpeakerKind(speaker),
    pageKey: page,
    site: side.site?.trim() || page,
    deniedBy: denialVerb(side.kind ?? 'direct', side.cue),
  };
}

export interface CompareLine {
  id: string | number;
  relations: Array<{ type: string; score: number; reason: string }>;
}

/** Classifies one parsed line; throws with a message saying what is wrong with it. */
export function compareLine(json: unknown): CompareLine {
  const parsed = v.safeParse(Pair, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new Error(`${path ? `${path}: ` : ''}${issue?.message ?? 'not a pair'}`);
  }
  const { id, a, b } = parsed.output;
  const relations = classifyPair(statement(a, 'a'), statement(b, 'b')).map((r) => ({
    type: r.type,
    score: Math.round(r.score * 1000) / 1000,
    reason: r.reason,
  }));
  return { id, relations };
}

export function compareCommand(files: string[]): number {
  if (files.length !== 1) {
    console.error('usage: cli compare <pairs.jsonl>');
    return 2;
  }
  let status = 0;
  const lines = readFileSync(files[0] as string, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      console.log(JSON.stringify(compareLine(JSON.parse(line))));
    } catch (error) {
      console.error(`line ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
      status = 1;
    }
  }
  return status;
}
