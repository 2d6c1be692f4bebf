import { describe, expect, it } from 'vitest';
import { toLatin } from '../../../arguments/text/latin';

describe('toLatin', () => {
  it('drops accents and romanises Cyrillic, keeping case', () => {
    expect(toLatin('Dvořák, Gottwald, Šmeral, Clementis')).toBe('Dvorak, Gottwald, Smeral, Clementis');
    expect(toLatin('Письмо Сталина Готвальду')).toBe('Pismo Stalina Gotvaldu');
    expect(toLatin('Щербаков, Хрущёв, Жуков, Юдин, Ярославль')).toBe('Shcherbakov, Khrushchev, Zhukov, Iudin, Iaroslavl');
    expect(toLatin('Łódź, Straße, Ærø')).toBe('Lodz, Strasse, Aero');
  });

  it('turns letters of other scripts into spaces and drops apostrophes', () => {
    expect(toLatin('毛泽东 to Stalin')).toBe('    to Stalin');
    expect(toLatin('Stalin’s')).toBe('Stalins');
  });
});
