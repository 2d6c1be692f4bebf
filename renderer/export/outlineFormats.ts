// The formats of Export Outline (no DOM and no loaders here, so state and tests can import it).
export const OUTLINE_FORMATS = ['docx', 'md', 'tex', 'argdown', 'aif'] as const;
export type OutlineFormat = (typeof OUTLINE_FORMATS)[number];

export const isOutlineFormat = (f: string): f is OutlineFormat => (OUTLINE_FORMATS as readonly string[]).includes(f);

/** Outlines carry the dialectical status on request; Argdown and AIF carry the map's structure. */
export const isProse = (f: OutlineFormat) => f === 'docx' || f === 'md' || f === 'tex';
