// The feedback's sentences (arguments/compare/feedback.ts): our words as text, a node's name as
// the user's text it is (bidirectional controls shown, never applied; never markup).
import type { Segment } from '../../arguments/compare/feedback';
import { VisibleText } from '../canvas/VisibleText';

export function Segments({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        'user' in s ? (
          <span key={i} className="aa-compare-name" dir="auto">
            <VisibleText text={s.user} />
          </span>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
