// The comparison's UI, mounted (and its code fetched) once a comparison, a merge or its dialog is wanted.
import { whenWanted } from '../lazy';
import { useCompare } from './store';

export const CompareUi = whenWanted(
  () => import('./CompareUi').then((m) => m.CompareUi),
  () => useCompare((s) => s.session !== null || s.merge !== null || s.mergeDialog),
);
