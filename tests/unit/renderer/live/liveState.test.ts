// The bar's words about the map shown (renderer/live/liveState.ts): the class map, or whose
// draft and who sees it; why a draft did not open; where drafts are offered.
import { describe, expect, it } from 'vitest';
import type { RoomInfo } from '../../../../arguments/live/protocol';
import { draftRefusedWords, draftsOffered, draftWords, type DraftView } from '../../../../renderer/live/liveState';

const room = (over: Partial<RoomInfo> = {}): RoomInfo => ({ code: 'K7QM4P', mode: 'students-read-only', role: 'student', name: 'Tomas', title: 'T', mayEdit: 'nothing', ...over });
const draft = (over: Partial<DraftView> = {}): DraftView => ({ of: 'Tomas', link: 'live', shown: true, peers: [], ...over });
const marta = { client: 2, name: 'Marta', role: 'instructor' as const, color: '#1d4ed8', selection: [] };

describe('the marker of the map shown', () => {
  it('says the class map is everyone’s, also while a draft is open behind it', () => {
    expect(draftWords({ room: room(), draft: null })).toEqual({ title: 'Class map', detail: 'everyone in the seminar sees it' });
    expect(draftWords({ room: room(), draft: draft({ shown: false }) }).title).toBe('Class map');
    expect(draftWords({ room: null, draft: null })).toEqual({ title: '', detail: '' });
  });

  it('says a student’s own draft is private to them and the instructor, and who is looking at it', () => {
    expect(draftWords({ room: room(), draft: draft() })).toEqual({ title: 'Your draft', detail: 'only you and the instructor see it' });
    expect(draftWords({ room: room(), draft: draft({ peers: [marta] }) }).detail).toBe('only you and the instructor see it; Marta is looking at it now');
  });

  it('names the student when the instructor looks at a draft', () => {
    const w = draftWords({ room: room({ role: 'instructor', name: 'Marta', mayEdit: 'everything' }), draft: draft({ peers: [{ ...marta, client: 3, name: 'Tomas', role: 'student' }] }) });
    expect(w).toEqual({ title: 'Tomas’s draft', detail: 'only Tomas and the instructor see it; Tomas is looking at it now' });
  });

  it('says when the draft’s own connection is down, and that edits are kept', () => {
    expect(draftWords({ room: room(), draft: draft({ link: 'offline' }) }).detail).toBe('only you and the instructor see it; offline: your edits are kept in this browser and sent when the host is back');
    expect(draftWords({ room: room(), draft: draft({ link: 'reconnecting' }) }).detail).toMatch(/reconnecting…$/);
  });
});

describe('drafts offered and refused', () => {
  it('offers drafts in every room where someone edits, not in a display', () => {
    expect(draftsOffered(room({ mode: 'students-read-only' }))).toBe(true);
    expect(draftsOffered(room({ mode: 'students-own-voice' }))).toBe(true);
    expect(draftsOffered(room({ mode: 'open' }))).toBe(true);
    expect(draftsOffered(room({ mode: 'read-only' }))).toBe(false);
  });

  it('says why a draft did not open: the page not in the class room, or the host’s limit', () => {
    expect(draftRefusedWords('Tomas', true, false)).toMatch(/^A draft opens beside the seminar’s room, and this page is not connected to it now \(your draft is not in this browser yet\)/);
    expect(draftRefusedWords('Tomas', true, true)).toMatch(/^The host did not open your draft: it keeps a limited number of drafts/);
    expect(draftRefusedWords('Tomas', false, true)).toMatch(/^The host did not open Tomas’s draft/);
  });
});
