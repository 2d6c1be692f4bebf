// Verdicts as the buttons and menus say them, by what is judged.
import type { JudgedKind, Verdict, VERDICTS } from '../../arguments/analysis/evaluation';

export const VERDICT_WORDS = {
  statement: { accept: 'Accept', doubt: 'Doubt', reject: 'Reject' },
  evidence: { solid: 'Basis solid', shaky: 'Basis shaky', none: 'No basis' },
  inference: { strong: 'Strong', weak: 'Weak', none: 'No force' },
} as const satisfies { [K in JudgedKind]: Record<(typeof VERDICTS)[K][number], string> };

export function verdictWord(kind: JudgedKind, v: Verdict): string {
  const words = VERDICT_WORDS[kind] as Record<string, string>;
  return Object.hasOwn(words, v) ? words[v]! : v;
}
