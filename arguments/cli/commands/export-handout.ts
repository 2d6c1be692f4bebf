// `argmap export MAP --format html [--out FILE] [--worksheet IDS|counters]`: the map as one
// self-contained HTML handout (export/handout.ts), its hashes made with node:crypto and its
// fonts read from the bundled TTFs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildHandout, HandoutError, worksheetNodes, type HandoutPlatform } from '../../export/handout';
import type { ArgumentMap } from '../../model';
import { fallbackFontFile, fontFile } from '../figures';
import { CliError, say, type Io } from '../io';
import { shown } from '../quote';
import { checkTarget, writeFileAtomic } from '../write';

export const NODE_PLATFORM: HandoutPlatform = {
  sha256Base64: (text) => createHash('sha256').update(text, 'utf8').digest('base64'),
  fontBytes: (use) => readFileSync(use.font === 'Source Serif 4' ? fontFile(use.face) : fallbackFontFile({ font: use.font, face: use.face })),
};

/** Where the handout goes without --out: beside the map, named after it. */
export const handoutPathFor = (file: string) => file.replace(/(\.argmap)?\.json$/i, '') + '.html';

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

export function exportHandout(map: ArgumentMap, o: { out: string; worksheet?: string }, io: Io): number {
  let worksheet: string[] | undefined;
  try {
    worksheet = o.worksheet === undefined ? undefined : worksheetNodes(map, o.worksheet);
  } catch (err) {
    if (err instanceof HandoutError) throw new CliError(`argmap export: ${err.message}`);
    throw err;
  }
  checkTarget(o.out, { overwrite: true });
  const handout = buildHandout(map, NODE_PLATFORM, { worksheet });
  writeFileAtomic(o.out, handout.html, { overwrite: true });
  const what = worksheet ? `HTML worksheet (${worksheet.length} ${worksheet.length === 1 ? 'node' : 'nodes'} left blank)` : 'HTML handout';
  say(io.out, `${shown(o.out)}: ${what}, ${handout.nodes} nodes in ${handout.steps} steps, ${Object.keys(map.sources).length} sources, ${mb(Buffer.byteLength(handout.html, 'utf8'))}`);
  for (const f of handout.notEmbedded) say(io.err, `argmap export: warning: the ${f.font} ${f.face} face is too large to put in a handout; the reader's own fonts show the characters it would draw.`);
  return 0;
}
