// The port rule of a live seminar (renderer/platform/live.ts), which the Start dialog says before
// asking and main enforces (electron/main/liveChoices.ts: readLiveStartRequest).
import { describe, expect, it } from 'vitest';
import { ANY_FREE_PORT, HIGHEST_PORT, LOWEST_PORT, portProblem, readTypedPort } from '../../../../renderer/platform/live';

describe('the live seminar’s port', () => {
  it('takes any free port (0) and LOWEST_PORT–HIGHEST_PORT', () => {
    for (const port of [ANY_FREE_PORT, LOWEST_PORT, 4780, HIGHEST_PORT]) expect(portProblem(port), String(port)).toBeNull();
    expect([LOWEST_PORT, HIGHEST_PORT]).toEqual([1024, 65535]);
  });

  it('refuses the ports that need administrator rights, those above the last, fractions and text, in words', () => {
    expect(portProblem(80)).toBe('The port must be between 1024 and 65535 (ports below 1024 need administrator rights), or “any free port”.');
    expect(portProblem(1023)).toMatch(/administrator/);
    expect(portProblem(65536)).toMatch(/between 1024 and 65535/);
    for (const port of [4780.5, '4780', -0.5, Number.NaN, null, undefined]) expect(portProblem(port), String(port)).toBe('The port must be a whole number between 1024 and 65535, or “any free port”.');
  });

  it('reads what was typed in the dialog: digits only, so nothing typed is not “any free port”', () => {
    expect(readTypedPort(' 4780 ')).toBe(4780);
    expect(readTypedPort('0')).toBe(0);
    for (const typed of ['', '  ', '47 80', '4780a', '0x12B', '1e4', '-4780', '123456']) expect(readTypedPort(typed), typed).toBeNaN();
    expect(portProblem(readTypedPort(''))).toMatch(/whole number/);
  });
});
