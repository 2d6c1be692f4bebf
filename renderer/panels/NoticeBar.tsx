// Errors and notices in words: a failed open, a refused operation, a failed save; some
// offer one thing to do about it (a document opened as a map: "Add as a source").
import { notify, useEditor } from '../store/store';

export function NoticeBar() {
  const notice = useEditor((s) => s.notice);
  if (!notice) return null;
  const action = notice.action;
  return (
    <div className={`aa-notice aa-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <div>
        <strong>{notice.title}</strong>
        {notice.lines.length === 1 ? (
          <p>{notice.lines[0]}</p>
        ) : (
          <ul>
            {notice.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="aa-notice-buttons">
        {action && (
          <button
            type="button"
            className="aa-primary"
            onClick={() => {
              notify(null);
              action.run();
            }}
          >
            {action.label}
          </button>
        )}
        <button type="button" onClick={() => notify(null)} aria-label="Dismiss">
          ✕
        </button>
      </div>
    </div>
  );
}
