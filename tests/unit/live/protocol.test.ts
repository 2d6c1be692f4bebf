import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, draftsUrl, draftUrl, hostOrigin, instructorUrl, joinUrl, makeJoinCode, presenceColor, readJoinCode, readJoinHash, readStudentName, studentVoice } from '../../../arguments/live/protocol';

describe('live seminar names', () => {
  it('addresses the drafts’ list and one student’s draft on a host, with the key, a name of any letters encoded', () => {
    expect(draftsUrl('http://192.168.1.20:4780', 'ABC23K', 'k_-9'.repeat(6))).toBe(`http://192.168.1.20:4780/live/ABC23K/drafts?key=${'k_-9'.repeat(6)}`);
    expect(draftUrl('http://[fe80::1]:4780', 'ABC23K', 'Ana María O’Neill', 'key')).toBe('http://[fe80::1]:4780/live/ABC23K/drafts/Ana%20Mar%C3%ADa%20O%E2%80%99Neill?key=key');
    expect(decodeURIComponent(new URL(draftUrl('http://h:1', 'ABC23K', 'J. d’Arc', 'k')).pathname.split('/').at(-1)!)).toBe('J. d’Arc');
  });
  it('makes join codes a room can read aloud', () => {
    const code = makeJoinCode(Uint8Array.from([0, 1, 2, 3, 250, 255]));
    expect(code).toMatch(CODE_PATTERN);
    expect(code).not.toMatch(/[01OIL]/);
    expect(() => makeJoinCode(new Uint8Array(3))).toThrow(/six/);
  });
  it('reads what a person typed as a code, or refuses it', () => {
    expect(readJoinCode('abc 23k')).toBe('ABC23K');
    expect(readJoinCode('ABC-23K')).toBe('ABC23K');
    expect(readJoinCode('ABC10K')).toBeNull(); // 1 and 0 are never in a code
    expect(readJoinCode('ABCD')).toBeNull();
  });
  it('reads the join hash of a student and of the instructor', () => {
    expect(readJoinHash('#ABC23K')).toEqual({ code: 'ABC23K' });
    const url = instructorUrl('192.168.1.20', 4780, 'ABC23K', 'k'.repeat(22));
    expect(url).toBe(`http://192.168.1.20:4780/#ABC23K?key=${'k'.repeat(22)}`);
    expect(readJoinHash(new URL(url).hash)).toEqual({ code: 'ABC23K', key: 'k'.repeat(22) });
    expect(readJoinHash('#ABC23K?key=short')).toBeNull();
    expect(readJoinHash('#map=1')).toBeNull();
    expect(joinUrl('fe80::1', 80, 'ABC23K')).toBe('http://[fe80::1]:80/#ABC23K');
  });
  it('writes the host’s origin as a URL does: an IPv6 address in brackets, a name or IPv4 address as it is', () => {
    expect(hostOrigin('127.0.0.1', 4780)).toBe('http://127.0.0.1:4780');
    expect(hostOrigin('2001:db8::5', 4780)).toBe('http://[2001:db8::5]:4780');
    expect(new URL(hostOrigin('2001:db8::5', 4780)).hostname).toBe('[2001:db8::5]');
    expect(hostOrigin('seminar.local', 5000)).toBe('http://seminar.local:5000');
    expect(joinUrl('2001:db8::5', 4780, 'ABC23K')).toBe(`${hostOrigin('2001:db8::5', 4780)}/#ABC23K`);
  });
  it('takes names as text and gives each a stable voice and colour', () => {
    expect(readStudentName('  Ana   María ')).toBe('Ana María');
    expect(readStudentName('<script>')).toBeNull();
    expect(readStudentName('')).toBeNull();
    expect(studentVoice('Ana')).toBe('student:Ana');
    expect(presenceColor('Ana')).toBe(presenceColor('Ana'));
  });
});
