// File > Start Live Seminar…'s dialog, mounted (and its code fetched, with the QR encoder) once it is first opened.
import { whenWanted } from '../lazy';
import { useSeminarHost } from './seminarHostState';

export const SeminarHostUi = whenWanted(
  () => import('./SeminarHostDialog').then((m) => m.SeminarHostDialog),
  () => useSeminarHost((s) => s.open),
);
