// The document's name, its map title and the unsaved-changes marker (mirrored into document.title),
// and the colour theme.
import { useEffect } from 'react';
import { isDirty, useEditor } from '../store/store';
import { ThemeChoice } from '../theme/ThemeChoice';

export function TitleBar() {
  const name = useEditor((s) => s.name);
  const title = useEditor((s) => s.history.present.meta.title);
  const dirty = useEditor((s) => isDirty(s));
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — Argument Atlas`;
  }, [name, dirty]);
  return (
    <div className="aa-titlebar">
      <h1 className="aa-appname">Argument Atlas</h1>
      <span className="aa-docname" data-testid="document-name" title={name}>
        {name}
      </span>
      {dirty && (
        <span className="aa-dirty" data-testid="dirty-marker" title="Unsaved changes">
          ● Unsaved changes
        </span>
      )}
      <span className="aa-maptitle">{title}</span>
      {/* A view setting, at the end of this row: the toolbar below stays one row at 1600 px. */}
      <ThemeChoice />
    </div>
  );
}
