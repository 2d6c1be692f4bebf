// Ids for what another tool names in its own way (Argdown titles such as "Statement 1", AIF
// node ids such as "783"): valid map ids (a letter first; letters, digits, _ . : -), each used
// once, as close to the name as they can be.
import { ID_PATTERN, type Id } from '../model';

const MAX_STEM = 100;

export class IdMaker {
  private readonly taken = new Set<Id>();

  constructor(taken: Iterable<Id> = []) {
    for (const id of taken) this.taken.add(id);
  }

  /** `wanted` when it is a free valid id; else it made valid ("Statement 1" -> "Statement-1"), else `fallback`; "-2", "-3"… when taken. */
  make(wanted: string, fallback: string): Id {
    let stem = ID_PATTERN.test(wanted) ? wanted : sanitize(wanted);
    if (stem === '') stem = fallback;
    let id = stem;
    for (let n = 2; this.taken.has(id); n++) id = `${stem}-${n}`;
    this.taken.add(id);
    return id;
  }

  has(id: Id): boolean {
    return this.taken.has(id);
  }
}

function sanitize(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .slice(0, MAX_STEM)
    .replace(/[-.:]+$/, '');
}
