import { describe, expect, it } from 'vitest';
import { contentWords, textSimilarity } from '../../../arguments/compare/similarity';

describe('textSimilarity', () => {
  it('is 1 for the same words in any order, case, accents and typography aside', () => {
    expect(textSimilarity('Stalin’s letter to Gottwald', 'gottwald, LETTER: Stalin\'s')).toBe(1);
    expect(textSimilarity('Molotov’s démarche', 'molotov\'s demarche')).toBe(1);
  });
  it('leaves function words out, so unrelated sentences do not look alike', () => {
    expect(contentWords('The letter is of the utmost importance to the Party')).toEqual(['letter', 'utmost', 'importance', 'party']);
    expect(textSimilarity('It was in the war that they were', 'The boycott of the Council')).toBe(0);
  });
  it('counts repeated words as often as both have them (Dice over the bags)', () => {
    expect(textSimilarity('war war peace', 'war peace')).toBeCloseTo((2 * 2) / 5);
    expect(textSimilarity('one two three', 'one two four')).toBeCloseTo(2 / 3);
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity('the', 'war')).toBe(0);
  });
});
