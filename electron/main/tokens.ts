// The renderer never sees a path: each file a window may read or write is known to it by an
// opaque token, issued by the main process when the path came from a dialog or the OS.
// A token is good only for the window it was issued to, and dies with that window.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { TOKEN_PATTERN, type FileToken } from '../ipc-contract';

/** Whether two paths name the same file, on file systems that ignore case (macOS, Windows) too. */
export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  const fold = (p: string) => (platform === 'win32' || platform === 'darwin' ? resolve(p).normalize('NFC').toLowerCase() : resolve(p));
  return fold(a) === fold(b);
}

export class FileTokens {
  private readonly byToken = new Map<FileToken, { owner: number; path: string }>();

  /** A token for `path` in window `owner` (the same one if it has one already). */
  issue(owner: number, path: string): FileToken {
    for (const [token, entry] of this.byToken) if (entry.owner === owner && entry.path === path) return token;
    const token = `f_${randomBytes(16).toString('hex')}`;
    this.byToken.set(token, { owner, path });
    return token;
  }

  /** The path behind a token, only for the window it was issued to; null for anything else. */
  resolve(owner: number, token: unknown): string | null {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
    const entry = this.byToken.get(token);
    return entry && entry.owner === owner ? entry.path : null;
  }

  /** Forgets every token of a closed window. */
  forget(owner: number): void {
    for (const [token, entry] of this.byToken) if (entry.owner === owner) this.byToken.delete(token);
  }
}
