// A page opened at a join address (`http://HOST:PORT/#CODE`, the instructor's with `?key=`) shows
// the join screen; any other address opens the app as usual.
import { readJoinHash } from '../../arguments/live/protocol';
import { live } from './liveState';

export function offerJoinFromAddress(hash: string = location.hash): boolean {
  const join = readJoinHash(hash);
  if (!join) return false;
  live.setState({ join });
  return true;
}
