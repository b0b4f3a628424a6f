/**
 * Exact quantities a claim states ("12 people", "3,500 jobs", "in 1962"), each with what it counts:
 * two claims about one thing that give the same thing different exact numbers conflict. An
 * approximate or bounding quantity ("about 12", "at least 30", "more than 3,000") or a range's end
 * bounds rather than states: it is kept as inexact, and no clash is read on its unit.
 */
import { conceptOf } from './topic';

export interface Quantity {
  /** The value, as a number (scaled by "million", "billion", …). */
  value: number;
  /** The concept it counts: the first content word after it, or "year" for a year. */
  unit: string;
  /** The words as written, for the reason line ("12 people"). */
  phrase: string;
  /** False for a bound, an approximation or either end of a range ("at least 12", "20 to 30"). */
  exact: boolean;
  /**
   * For a day or a month: the concepts of the words just before it in its clause (after it when it
   * opens the clause), what it dates ("resigned on Tuesday" → resign). Two such dates of one thing
   * date the same words.
   */
  event?: string[];
}

/** How many content words next to a day or month say what it dates. */
const EVENT_REACH = 3;

/** The concepts of up to EVENT_REACH words, in the order given; names and numbers left out. */
function keysOf(words: readonly string[]): string[] {
  const keys: string[] = [];
  for (const w of words) {
    if (keys.length >= EVENT_REACH) break;
    const word = w.replace(/[^\p{L}\p{N}'-]/gu, '');
    if (!word || /^\p{Lu}/u.test(word) || /\d/.test(word)) continue;
    const k = conceptOf(word.toLowerCase());
    if (k !== null) keys.push(k);
  }
  return keys;
}

/**
 * What a date at `at` dates: the concepts of the last few words before it in its clause, names left
 * out; for a date that opens its clause ("In 2019, the plant closed"), the first few after it.
 */
function eventAround(text: string, at: number, end: number): string[] {
  const clause =
    text
      .slice(Math.max(0, at - 80), at)
      .split(/[,;:.!?()\u2013\u2014\n]/)
      .pop() ?? '';
  const before = keysOf(clause.trim().split(/\s+/).reverse());
  if (before.length > 0) return before;
  const next =
    text
      .slice(end, end + 80)
      .replace(/^[\s,]+/, '')
      .split(/[;:.!?()\u2013\u2014\n]/)[0] ?? '';
  return keysOf(next.split(/\s+/));
}

/** Do two dates date the same words: all of one side's words next to its date are the other's? */
function sameDated(x: Quantity, y: Quantity): boolean {
  const ex = x.event ?? [];
  const ey = y.event ?? [];
  if (ex.length === 0 || ey.length === 0) return false;
  const [short, long] = ex.length <= ey.length ? [ex, ey] : [ey, ex];
  return short.every((k) => long.includes(k));
}

/**
 * Words before a number that make it approximate or a bound (Quirk et al. 1985, §7.58: approximators),
 * and the prepositions of a time span's start or end ("since 1958", "until 2030": §9.39).
 */
const APPROXIMATORS =
  /\b(?:since|until|till|about|around|nearly|almost|roughly|approximately|some|over|under|upwards of|up to|more than|less than|fewer than|at least|at most|as many as|as few as|estimated|an estimated|or so|close to|just over|just under|well over)\s+$/i;

const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/**
 * Cardinal number words from two to twenty and the tens (larger ones are written in digits in news;
 * "one" is left out: it is as often a pronoun or a determiner, "one of them", "one day").
 */
const WORDS: Record<string, number> = Object.fromEntries([
  ...'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, i + 2] as const),
  ...'thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, 30 + 10 * i] as const),
]);

const WORD_ALTERNATIVES = Object.keys(WORDS).join('|');
const NUMBER_WORD = `(?:${WORD_ALTERNATIVES})\\b`;
const RANGE_START = /(?:between|from)\s+[$£€¥]?$/i;
const RANGE_NEXT = new RegExp(`^\\s*(?:and|to|or|–|-)\\s*[$£€¥]?(?:\\d|${NUMBER_WORD})`, 'i');
const RANGE_END = new RegExp(`(?:\\d|\\b${NUMBER_WORD})\\s*(?:and|to|or|–|-)\\s*[$£€¥]?$`, 'i');

const NUMBER = new RegExp(
  `\\b(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${WORD_ALTERNATIVES})(?:\\s+(${Object.keys(SCALES).join('|')}))?\\b`,
  'gi',
);

/** How many words after a number may name what it counts ("12 more police officers"). */
const UNIT_REACH = 3;

/** The exact quantities of a text, in order. */
export function quantitiesOf(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    const currency = /[$£€¥]$/.test(text.slice(0, at)) ? text[at - 1] : null;
    const before = text.slice(Math.max(0, at - 24), currency ? at - 1 : at);
    const next = text.slice(at + m[0].length);
    // a part of a date, a time or a code ("5:30", "3/4", "B-52"), a decade ("1970s"): no quantity
    if (/[:/.-]$/.test(before) || /^[:/-]\d/.test(next) || /^['’]?s\b/.test(next)) continue;
    // a bound, an approximation, either end of a range or an alternative ("between 20 and 30")
    const exact = !(
      APPROXIMATORS.test(before) ||
      RANGE_START.test(before) ||
      RANGE_NEXT.test(next) ||
      RANGE_END.test(before)
    );
    const raw = m[1]!.toLowerCase();
    const base = WORDS[raw] ?? Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    const value = base * (m[2] ? SCALES[m[2].toLowerCase()]! : 1);
    // what it counts: the first content word after it, past a range's other end ("20 to 30 homes")
    const after = next.match(/^(?:\s+(?:and|to|or|–|-)\s+[$£€¥]?[\d,.]+)?(?:\s+[\p{L}'-]+){1,3}/u)?.[0] ?? '';
    const year = !currency && /^\d{4}$/.test(raw) && base >= 1500 && base <= 2100;
    // a sum of money counts money, whatever follows it
    let unit = year ? 'year' : currency ? `money${currency}` : null;
    const words = after
      .trim()
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w))
      .slice(0, UNIT_REACH);
    for (const w of unit ? [] : words) {
      unit = conceptOf(w.toLowerCase());
      if (unit !== null) break;
    }
    // "twelve" alone ("the twelve") counts nothing a reader can check
    if (unit === null) continue;
    const phrase = currency ? `${currency}${m[0]}` : year ? m[0] : `${m[0]} ${words[0] ?? ''}`;
    out.push({ value, unit, phrase: phrase.trim(), exact });
  }
  return out.concat(calendarOf(text));
}

/** The days of the week and the months of the year, the calendar's closed classes of names. */
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A day or month named as when something happens: "on Tuesday", "last Friday", "Tuesday's vote",
 * "in March", "early September". Written with its capital (a month name is also a modal verb, a
 * surname); "on Mondays" is a habit, not a date.
 */
const CALENDAR = new RegExp(`\\b(${[...WEEKDAYS, ...MONTHS].join('|')})(?!s\\b)\\b`, 'g');

/**
 * Before a day or month, words that make it a bound or a span's end rather than the date of the event
 * ("since Monday", "until March", "by Friday", "before May": Quirk et al. 1985, §9.37–9.43).
 */
const CALENDAR_BOUNDS = /\b(?:since|until|till|by|before|after|from|through|between|and|to)\s+$/i;

/**
 * Words before a month that make it a date, not a name or a modal ("in May", "last May", "3 May"):
 * the prepositions of time (Quirk et al. 1985, §9.37–9.43), the deictic determiners of time (last,
 * next, this) and the modifiers of a period's part (early, late, mid), or a day's number.
 */
const MONTH_LEAD =
  /(?:\b(?:in|on|of|last|next|this|early|late|mid|since|until|till|by|before|after)[\s-]+|\b\d{1,2}\s+)$/i;

/** The days and months a text names as the date of something, as quantities of the unit "weekday" or "month". */
function calendarOf(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(CALENDAR)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 24), at);
    const day = WEEKDAYS.indexOf(m[1]!);
    // A month is a date after a preposition or a time word, or before a day or year ("May 3", "May 2021").
    if (day < 0 && !MONTH_LEAD.test(before) && !/^\s+\d/.test(text.slice(at + m[0].length))) continue;
    out.push({
      value: day >= 0 ? day : MONTHS.indexOf(m[1]!),
      unit: day >= 0 ? 'weekday' : 'month',
      phrase: m[1]!,
      exact: !CALENDAR_BOUNDS.test(before),
      event: eventAround(text, at, at + m[0].length),
    });
  }
  return out;
}

/**
 * Two exact quantities of the same thing with different values, one from each side; or null. A
 * side that gives one thing two values (a range, a before and after) or a bound states no single one.
 */
export function quantityClash(
  a: readonly Quantity[],
  b: readonly Quantity[],
): { a: Quantity; b: Quantity } | null {
  const single = (qs: readonly Quantity[], unit: string): Quantity | null => {
    const of = qs.filter((q) => q.unit === unit);
    return of.length === 1 && of[0]!.exact ? of[0]! : null;
  };
  for (const qa of a) {
    const x = single(a, qa.unit);
    const y = x && single(b, qa.unit);
    // Dates clash only when they date the same thing ("resigned on Tuesday" / "resigned on Monday").
    if (x && y && x.value !== y.value && (x.event === undefined || sameDated(x, y))) return { a: x, b: y };
  }
  return null;
}
