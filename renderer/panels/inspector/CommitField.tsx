// A text field that commits on blur / Ctrl+Enter (one undo step, not one per key) and
// resets when the value changes elsewhere (undo). Keys typed in it never reach the map. In a
// locked window it is read-only: the text can still be selected and copied.
import { useEffect, useState } from 'react';
import { useReadOnly } from '../../store/store';

export function CommitField({ label, value, onCommit, multiline, placeholder }: { label: string; value: string; onCommit: (v: string) => void; multiline?: boolean; placeholder?: string }) {
  const locked = useReadOnly();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const props = {
    value: draft,
    readOnly: locked,
    placeholder,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !multiline)) {
        e.preventDefault();
        commit();
      }
      if (e.key === 'Escape') setDraft(value);
    },
  };
  return (
    <label className="aa-field">
      {label}
      {multiline ? <textarea rows={6} {...props} /> : <input type="text" {...props} />}
    </label>
  );
}
