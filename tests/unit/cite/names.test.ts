import { describe, expect, it } from 'vitest';
import { parseNames, parseNamesWithRoles, shortName } from '../../../arguments/cite/names';

describe('names as historians type them', () => {
  it('reads given-name-first and comma forms, dropping parentheticals and quoted pseudonyms', () => {
    expect(parseNames('I. V. Stalin (signed "Filippov")')).toEqual([{ family: 'Stalin', given: 'I. V.' }]);
    expect(parseNames('Stalin, I. V.')).toEqual([{ family: 'Stalin', given: 'I. V.' }]);
    expect(parseNames('Joseph "Koba" Stalin')).toEqual([{ family: 'Stalin', given: 'Joseph' }]);
    expect(parseNames('Klement Gottwald')).toEqual([{ family: 'Gottwald', given: 'Klement' }]);
    expect(parseNames('Filippov')).toEqual([{ family: 'Filippov' }]);
    expect(parseNames('Иосиф Виссарионович Сталин')).toEqual([{ family: 'Сталин', given: 'Иосиф Виссарионович' }]);
  });

  it('separates people with ";" and reads role phrases', () => {
    expect(parseNamesWithRoles('I. V. Stalin (signed "Filippov"); drafted by V. M. Molotov')).toEqual([
      { name: { family: 'Stalin', given: 'I. V.' }, role: 'author' },
      { name: { family: 'Molotov', given: 'V. M.' }, role: 'other' },
    ]);
    expect(parseNamesWithRoles('edited by Kathryn Weathersby; translated by Peter Putnam').map((p) => p.role)).toEqual(['editor', 'translator']);
    // The drafter is not an author of the cable.
    expect(parseNames('I. V. Stalin; drafted by V. M. Molotov')).toEqual([{ family: 'Stalin', given: 'I. V.' }]);
  });

  it('keeps institutions, acronyms and braced names whole', () => {
    expect(parseNames('Politburo of the CC VKP(b)')).toEqual([{ literal: 'Politburo of the CC VKP(b)' }]);
    expect(parseNames('Soviet Embassy in Prague')).toEqual([{ literal: 'Soviet Embassy in Prague' }]);
    expect(parseNames('TASS')).toEqual([{ literal: 'TASS' }]);
    expect(parseNames('Marx and Engels')).toEqual([{ literal: 'Marx and Engels' }]);
    expect(parseNames('{Mao Zedong}')).toEqual([{ literal: 'Mao Zedong' }]);
  });

  it('reads particles and suffixes', () => {
    expect(parseNames('Charles de Gaulle')).toEqual([{ family: 'de Gaulle', given: 'Charles' }]);
    expect(parseNames('Martin Luther King Jr.')).toEqual([{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }]);
    expect(parseNames('King, Martin Luther, Jr.')).toEqual([{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }]);
  });

  it('gives nothing for empty input, and short names for citations', () => {
    expect(parseNames(undefined)).toEqual([]);
    expect(parseNames(' ; ; ')).toEqual([]);
    expect(parseNames('Stalin; TASS').map(shortName)).toEqual(['Stalin', 'TASS']);
  });
});
