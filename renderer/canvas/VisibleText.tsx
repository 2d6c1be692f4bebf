// User text with its invisible bidi controls shown as marks (⟨RLO⟩), so no control reorders
// what the reader sees: arguments/text/controls.ts does the work; this styles the marks.
// Any view showing node or source text can use it.
import { Fragment, useMemo } from 'react';
import { controlSegments } from '../../arguments/text/controls';

export function VisibleText({ text }: { text: string }) {
  const segments = useMemo(() => controlSegments(text), [text]);
  if (segments.length === 1 && !segments[0]!.mark) return <>{text}</>;
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <abbr key={i} className="aa-control" title={`${s.mark.name} (U+${s.mark.char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}): shown, not applied`}>
            {s.text}
          </abbr>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
