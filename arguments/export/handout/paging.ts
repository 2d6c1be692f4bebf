// How the PDF handout is paged, on its own so the app's menu and dialog state can name the
// choices without loading the handout's builders.
export const HANDOUT_PAGINGS = ['step', 'claim'] as const;
export type HandoutPaging = (typeof HANDOUT_PAGINGS)[number];
/** Per step: the handout follows the order the instructor presents in (the HTML handout's step-through). */
export const DEFAULT_HANDOUT_PAGING: HandoutPaging = 'step';

export const isHandoutPaging = (s: string): s is HandoutPaging => (HANDOUT_PAGINGS as readonly string[]).includes(s);
