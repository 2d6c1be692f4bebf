// Who is writing: asked once ("Your name"), then remembered and shown, with Change.
import { useState } from 'react';
import { useCommentsUi } from './commentsState';

/** The name field of a comment form: the input when no name is known (or on Change), else the name. */
export function AuthorField({ idBase, value, onChange }: { idBase: string; value: string; onChange: (name: string) => void }) {
  const remembered = useCommentsUi((s) => s.author);
  const [changing, setChanging] = useState(false);
  if (!changing && remembered !== '')
    return (
      <p className="aa-comment-as">
        As <strong>{remembered}</strong>{' '}
        <button type="button" className="aa-link" onClick={() => { onChange(remembered); setChanging(true); }} aria-label={`Change your name (now ${remembered})`}>
          Change
        </button>
      </p>
    );
  return (
    <label className="aa-field" htmlFor={`${idBase}-author`}>
      Your name (remembered for your comments)
      <input id={`${idBase}-author`} type="text" value={value} maxLength={80} autoComplete="name" onChange={(e) => onChange(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
    </label>
  );
}
