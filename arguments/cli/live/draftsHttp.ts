// The students' drafts as a browser instructor reads them (the page joined with the key): the list,
// `GET /live/CODE/drafts?key=KEY`, and one draft as a map file's text,
// `GET /live/CODE/drafts/NAME?key=KEY` (protocol.ts DraftSummary). The key is the only proof
// asked (compared in constant time by the host), never cached, and no other origin may read the
// answers (no Access-Control-Allow-Origin: the instructor's app asks its host in process instead).
import type { ServerResponse } from 'node:http';
import { LIVE_PATH, readJoinCode, readStudentName, type DraftSummary } from '../../live/protocol';
import type { DraftAnswer } from './drafts';
import { answer } from './static';

export const DRAFTS_PATH = new RegExp(`^${LIVE_PATH}/([^/]+)/drafts(?:/([^/]*))?$`);

export interface DraftsReader {
  code: string;
  /** Whether `given` is the instructor's key (the host's constant-time comparison). */
  isKey(given: string | null): boolean;
  list(): DraftSummary[];
  read(name: string): DraftAnswer;
}

/** Answers a request whose path DRAFTS_PATH matched. */
export function answerDrafts(match: RegExpExecArray, params: URLSearchParams, res: ServerResponse, reader: DraftsReader): void {
  const json = (status: number, body: unknown) => answer(res, status, JSON.stringify(body), 'application/json');
  if (readJoinCode(match[1]!) !== reader.code) return json(404, { error: 'There is no seminar with this code on this host; check the code the instructor shows.' });
  if (!reader.isKey(params.get('key'))) return json(403, { error: 'Only the instructor may read the students’ drafts: open the instructor link the host shows.' });
  if (match[2] === undefined) return json(200, { drafts: reader.list() });
  let name: string | null;
  try {
    name = readStudentName(decodeURIComponent(match[2]));
  } catch {
    name = null;
  }
  if (name === null) return json(404, { error: 'There is no such draft on this host.' });
  const read = reader.read(name);
  if (!read.ok) return json(read.status, { error: read.message });
  return answer(res, 200, read.text, 'application/json');
}
