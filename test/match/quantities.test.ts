/**
 * Exact quantities and their clash: one thing counted differently on two sides is a possible
 * conflict; bounds, approximations, decades and ranges state no single value. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { quantitiesOf, quantityClash } from '../../utils/match/quantities';
import { other, st, types } from './statements';

const values = (text: string) =>
  quantitiesOf(text)
    .filter((q) => q.exact)
    .map((q) => [q.value, q.unit]);

describe('quantitiesOf', () => {
  // Pattern: digits with thousands separators, scale words and number words, with what they count.
  it('reads exact quantities and what they count', () => {
    expect(values('The Harlow council cut 3,500 jobs in 2019 and closed twelve libraries.')).toEqual([
      [3500, 'job'],
      [2019, 'year'],
      [12, 'librari'],
    ]);
    expect(values('The bridge will cost $4.5 million to repair.')).toEqual([[4_500_000, 'money$']]);
  });

  // Pattern: a bound, an approximation or a range's end bounds rather than states; a decade is no count.
  it('marks bounds, approximations and ranges inexact, and leaves decades out', () => {
    expect(values('At least 12 people died and about 200 homes flooded in the 1990s storms.')).toEqual([]);
    expect(values('More than $3 million was raised.')).toEqual([]);
    // A time span's start or end is no date of the event: "since 1958" does not clash with "in 2018".
    expect(values('It was their first win at the tournament since 1958.')).toEqual([]);
    expect(values('The lease runs until 2031.')).toEqual([]);
    expect(quantitiesOf('between 20 and 30 homes').map((q) => [q.value, q.unit, q.exact])).toEqual([
      [20, 'home', false],
      [30, 'home', false],
    ]);
  });
});

describe('quantityClash', () => {
  // Pattern: the same unit with two different values, one on each side.
  it('finds one thing counted differently', () => {
    const clash = quantityClash(
      quantitiesOf('The fire destroyed 40 homes'),
      quantitiesOf('it destroyed 25 homes'),
    );
    expect(clash?.a.phrase).toBe('40 homes');
    expect(clash?.b.phrase).toBe('25 homes');
  });

  // Pattern: a range on one side gives no single value; different units are different things.
  it('not a range, not different things', () => {
    expect(quantityClash(quantitiesOf('between 20 and 30 homes'), quantitiesOf('25 homes'))).toBeNull();
    expect(quantityClash(quantitiesOf('40 homes burned'), quantitiesOf('25 people fled'))).toBeNull();
  });
});

describe('a quantity conflict between two reports', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };

  // Pattern: two reports of one event (a shared name) with different exact counts conflict.
  it('40 homes vs 25 homes in the Harlow fire', () => {
    const a = st('the Harlow fire destroyed 40 homes on Sunday night', unnamed);
    const b = st('firefighters said the Harlow fire destroyed 25 homes on Sunday night', {
      ...unnamed,
      ...other,
    });
    const rel = types(b, a);
    expect(rel).toContain('contradiction');
  });

  // Pattern: a bound does not conflict with a count within it.
  it('at least 20 homes does not conflict with 25 homes', () => {
    const a = st('the Harlow fire destroyed at least 20 homes on Sunday night', unnamed);
    const b = st('firefighters said the Harlow fire destroyed 25 homes on Sunday night', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).not.toContain('contradiction');
  });

  // Pattern: a negation whose clause holds a number the other side gives differently denies that
  // number, not the event; the two agree ("did not hire 500" / "hired 300"), whichever side denies.
  it('a denied number agrees with a different number of the same thing', () => {
    const conflict = (a: string, b: string) =>
      types(st(b, { ...unnamed, ...other }), st(a, unnamed)).includes('contradiction');
    expect(
      conflict(
        'Harwell Motors hired 300 workers at its Derby plant.',
        'Harwell Motors did not hire 500 workers at its Derby plant.',
      ),
    ).toBe(false);
    expect(
      conflict(
        'The Derby council did not approve 40 new homes on the Ashgrove site.',
        'The Derby council approved 12 new homes on the Ashgrove site.',
      ),
    ).toBe(false);
    // the same number denied and asserted is still a conflict
    expect(
      conflict(
        'Harwell Motors hired 300 workers at its Derby plant.',
        'Harwell Motors did not hire 300 workers at its Derby plant.',
      ),
    ).toBe(true);
  });
});

describe('days and months', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };
  const conflict = (a: string, b: string) =>
    types(st(b, { ...unnamed, ...other }), st(a, unnamed)).includes('contradiction');

  // Pattern: one event dated on two different days or months by two reports ("resigned on Tuesday"
  // / "resigned on Monday"), the calendar's names read like a year.
  it('one event on two different days or months conflicts', () => {
    expect(
      conflict('The mayor of Harlow resigned on Tuesday.', 'The mayor of Harlow resigned on Monday.'),
    ).toBe(true);
    expect(
      conflict('On Tuesday, the mayor of Harlow resigned.', 'The mayor of Harlow resigned late on Monday.'),
    ).toBe(true);
    expect(
      conflict(
        'The Harlow steelworks will close in March.',
        'The Harlow steelworks will close in September.',
      ),
    ).toBe(true);
  });

  // Pattern: a day or month dates the words before it: two events of one week are not one event.
  it('two different events on two days do not', () => {
    expect(
      conflict('The mayor of Harlow resigned on Tuesday.', 'The mayor of Harlow met the council on Monday.'),
    ).toBe(false);
  });

  // Pattern: a habit ("on Mondays"), a deadline or a span's end ("by Friday", "until March"), and
  // "May" as a name or a modal are no date of the event.
  it('habits, bounds, names and modals are no dates', () => {
    const dates = (text: string) =>
      quantitiesOf(text)
        .filter((q) => q.exact && (q.unit === 'weekday' || q.unit === 'month'))
        .map((q) => q.phrase);
    expect(dates('The market in Harlow opens on Mondays.')).toEqual([]);
    expect(dates('The council must decide by Friday and the lease runs until March.')).toEqual([]);
    expect(dates('May said the plant may close.')).toEqual([]);
    expect(dates('The plant closed in May and reopened on 3 June.')).toEqual(['May', 'June']);
  });
});
