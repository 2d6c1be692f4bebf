// The join's question to the host (renderer/live/roomInfo.ts): each refusal in words a student
// can act on, and nothing but a RoomInfo for this code accepted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDraftInfo, fetchRoomInfo, fetchRoomPreview, infoUrl, LiveJoinError, liveSocketBase, nameProblem } from '../../../../renderer/live/roomInfo';

const BASE = 'http://192.168.1.20:4321';
const answer = (status: number, body: unknown = {}) => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
const good = { code: 'K7QM4P', mode: 'students-read-only', role: 'student', name: 'Tomas', title: 'Stalin to Gottwald', mayEdit: 'nothing' };

async function refusal(p: Promise<unknown>): Promise<LiveJoinError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LiveJoinError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('asking the host about a room', () => {
  it('asks at /live/CODE/info with the name and the key', () => {
    expect(infoUrl(BASE, 'K7QM4P', 'Ana María', 'k'.repeat(20))).toBe(`${BASE}/live/K7QM4P/info?name=Ana+Mar%C3%ADa&key=${'k'.repeat(20)}`);
    expect(liveSocketBase(BASE)).toBe('ws://192.168.1.20:4321/live');
    expect(liveSocketBase('https://seminar.example.edu/')).toBe('wss://seminar.example.edu/live');
  });

  it('accepts the room’s info for this code, normalising what was typed', async () => {
    let asked = '';
    const f = (async (url: string) => {
      asked = url;
      return new Response(JSON.stringify(good));
    }) as unknown as typeof fetch;
    expect(await fetchRoomInfo(BASE, 'k7q m4p', '  Tomas ', undefined, f)).toEqual(good);
    expect(asked).toContain('/live/K7QM4P/info?name=Tomas');
  });

  it('says what is wrong: a bad name or code before asking, then unknown code, taken name, unreachable host, a bad answer', async () => {
    const never = (async () => {
      throw new Error('must not ask');
    }) as typeof fetch;
    expect((await refusal(fetchRoomInfo(BASE, 'K7QM4P', ' ', undefined, never))).code).toBe('bad-name');
    expect((await refusal(fetchRoomInfo(BASE, 'K7QM4P', '<b>', undefined, never))).message).toMatch(/cannot be a name here/);
    expect((await refusal(fetchRoomInfo(BASE, 'K7Q', 'Tomas', undefined, never))).code).toBe('bad-code');
    const unknown = await refusal(fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, answer(404)));
    expect([unknown.code, unknown.message]).toEqual(['unknown-code', 'There is no seminar with the code K7QM4P on this host. Check the code with your instructor.']);
    expect((await refusal(fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, answer(409)))).message).toMatch(/already uses the name “Tomas”/);
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const unreachable = await refusal(fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, down));
    expect(unreachable.code).toBe('unreachable');
    expect(unreachable.message).toContain('192.168.1.20:4321');
    expect((await refusal(fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, answer(200, { ...good, code: 'OTHER1' })))).code).toBe('bad-answer');
    expect((await refusal(fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, answer(200, { ...good, mayEdit: 'all' })))).code).toBe('bad-answer');
  });

  it('asks about a student’s draft at its own room’s info, and says the host’s refusal in the host’s words', async () => {
    let asked = '';
    const f = (async (url: string) => {
      asked = url;
      return new Response(JSON.stringify({ ...good, name: 'Marta', role: 'instructor', mode: 'open', mayEdit: 'everything' }));
    }) as unknown as typeof fetch;
    const joined = { ...good, name: 'Marta', role: 'instructor' } as Parameters<typeof fetchDraftInfo>[1];
    expect(await fetchDraftInfo(BASE, joined, 'Ana María', 'k'.repeat(20), f)).toMatchObject({ code: 'K7QM4P', mode: 'open', mayEdit: 'everything' });
    expect(asked).toBe(`${BASE}/live/K7QM4P.draft.Ana%20Mar%C3%ADa/info?name=Marta&key=${'k'.repeat(20)}`);
    const tomas = good as Parameters<typeof fetchDraftInfo>[1];
    const refused = await refusal(fetchDraftInfo(BASE, tomas, 'Ana', undefined, answer(403, { error: 'A draft is open only to its student and the instructor.' })));
    expect([refused.code, refused.message]).toEqual(['refused', 'A draft is open only to its student and the instructor.']);
    expect((await refusal(fetchDraftInfo(BASE, tomas, 'Tomas', undefined, answer(404, { error: 'There is no such draft on this host.' })))).message).toBe('There is no such draft on this host.');
    // An answer without the host's sentence: its status, not an invented reason.
    expect((await refusal(fetchDraftInfo(BASE, tomas, 'Tomas', undefined, answer(503, 'busy')))).message).toBe('The seminar’s host answered with an error (503). Try again in a moment.');
  });

  it('the join screen and the join say the same about a typed name', async () => {
    const never = (async () => {
      throw new Error('must not ask');
    }) as typeof fetch;
    for (const typed of [' ', '<b>', 'x'.repeat(41)]) {
      expect(nameProblem(typed)).not.toBeNull();
      expect((await refusal(fetchRoomInfo(BASE, 'K7QM4P', typed, undefined, never))).message).toBe(nameProblem(typed));
    }
    expect(nameProblem(' ')).toMatch(/^Type your name/);
    expect(nameProblem('Ana María')).toBeNull();
  });

  it('reads the room’s preview for the join screen', async () => {
    expect(await fetchRoomPreview(BASE, 'K7QM4P', answer(200, { code: 'K7QM4P', mode: 'open', title: 'T' }))).toEqual({ code: 'K7QM4P', mode: 'open', title: 'T' });
    expect(await fetchRoomPreview(BASE, 'K7QM4P', answer(404))).toBe('unknown-code');
    expect(await fetchRoomPreview(BASE, 'K7QM4P', answer(400))).toBeNull();
  });
});

describe('a student’s token for their name', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** A page's localStorage (Node has none), kept across `reload`. */
  function pageStorage() {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) });
    return items;
  }

  const asking = () => {
    const asked: string[] = [];
    const f = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ ...good, epoch: 'e1', token: 'tok-Tomas' }));
    }) as unknown as typeof fetch;
    return { asked, f };
  };

  it('is kept from the first answer and sent with every later question under that name, after a reload too; never with the key', async () => {
    pageStorage();
    const first = await import('../../../../renderer/live/roomInfo');
    const tokens = await import('../../../../renderer/live/nameToken');
    const { asked, f } = asking();
    const info = await first.fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, f);
    expect(info.token).toBe('tok-Tomas');
    expect(new URL(asked[0]!).searchParams.has('token')).toBe(false);
    tokens.keepToken(info);
    await first.fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, f);
    expect(new URL(asked[1]!).searchParams.get('token')).toBe('tok-Tomas');
    // Another name, another room: not theirs.
    await first.fetchRoomInfo(BASE, 'K7QM4P', 'Ana', undefined, f).catch(() => undefined);
    expect(new URL(asked[2]!).searchParams.has('token')).toBe(false);
    // The instructor's key proves them: no token with it.
    await first.fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', 'k'.repeat(20), f);
    expect(new URL(asked[3]!).searchParams.has('token')).toBe(false);

    // A reload: the module's memory is gone, the page's storage is not.
    vi.resetModules();
    const again = await import('../../../../renderer/live/roomInfo');
    await again.fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, f);
    expect(new URL(asked[4]!).searchParams.get('token')).toBe('tok-Tomas');
  });

  it('an answer whose token is not text is not a room', async () => {
    expect((await refusal(fetchRoomInfo(BASE, 'K7QM4P', 'Tomas', undefined, answer(200, { ...good, token: 7 })))).code).toBe('bad-answer');
  });

  it('with no storage (blocked), lives as long as the page', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    });
    const tokens = await import('../../../../renderer/live/nameToken');
    tokens.keepToken({ ...good, token: 'tok-Tomas' } as never);
    expect(tokens.tokenFor('K7QM4P', 'Tomas')).toBe('tok-Tomas');
  });
});
