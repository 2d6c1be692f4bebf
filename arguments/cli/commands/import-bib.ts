// `argmap import-bib MAP refs.bib|refs.json [--skip-invalid]`: one source per BibTeX/BibLaTeX or
// CSL-JSON record (as Zotero exports them), its text empty until a document is added. A record
// that cannot be read refuses the whole import, each problem named with its line, unless
// --skip-invalid takes the good ones and lists the others.
import { basename } from 'node:path';
import type { Source } from '../../model';
import { addSource } from '../../operations';
import { commit, createHistory } from '../../history';
import { decodeText } from '../../intake/decode';
import { CliError, say, type Io } from '../io';
import { openMap, plural, saveMap } from '../maps';
import { parseOptions, positional } from '../options';
import { quote, shown } from '../quote';
import { BIBLIOGRAPHY_FILE, readBytes } from '../read';
import { COMMAND_USAGE } from './usage';

export async function run(rest: string[], io: Io): Promise<number> {
  const spec = { command: 'import-bib', valued: [], flags: ['skip-invalid'], usage: COMMAND_USAGE['import-bib'] } as const;
  const parsed = parseOptions(rest, spec);
  const [mapFile, bibFile] = positional(parsed, ['MAP', 'BIBLIOGRAPHY'], spec) as [string, string];
  const skip = parsed.flags.has('skip-invalid');
  const opened = openMap(mapFile);
  const decoded = decodeText(readBytes(bibFile, BIBLIOGRAPHY_FILE), bibFile);
  if (!decoded.ok) throw new CliError(decoded.error.message, 1);
  // citation-js loads only for this command.
  const { parseBibliography, recordToSource } = await import('../../cite/bibliography');
  const { records, problems } = parseBibliography(decoded.text, basename(bibFile));
  const where = (line: number) => `${shown(bibFile)}:${line}`;
  const skipped = problems.map((p) => `${where(p.line)}: ${p.message}`);

  // Each record as a new source, checked by the operation the app uses; a refused one is a problem too.
  let history = createHistory(opened.map);
  const taken = new Set<string>();
  const added: Source[] = [];
  records.forEach((record, k) => {
    const source = recordToSource(record, history.present, taken);
    const r = commit(history, addSource(source));
    if (r.ok) {
      history = r.history;
      added.push(source);
    } else skipped.push(`${shown(bibFile)}: record ${k + 1} (${quote(source.title)}) was not imported: ${r.reason}`);
  });

  if (added.length === 0) throw new CliError([...skipped, `argmap import-bib: ${shown(bibFile)} holds no record that can be imported; nothing was changed.`], 1);
  if (skipped.length > 0 && !skip)
    throw new CliError(
      [...skipped, `argmap import-bib: nothing was imported. Correct ${skipped.length === 1 ? 'the record above' : `the ${skipped.length} records above`}, or add --skip-invalid to import the ${plural(added.length, 'good one')} and leave ${skipped.length === 1 ? 'it' : 'them'} out.`],
      1,
    );
  saveMap(opened, history.present, io.now());
  for (const s of added) say(io.out, `${s.id}  ${quote(s.title)}`);
  say(io.out, `${shown(mapFile)}: added ${plural(added.length, 'source')} from ${shown(bibFile)}, each with an empty text, to be added in the app${skipped.length > 0 ? `; ${plural(skipped.length, 'record')} skipped` : ''}.`);
  for (const line of skipped) say(io.err, `skipped: ${line}`);
  return 0;
}
