// Errors and notices in words: a failed open, a refused operation, a failed save.
import { notify, useEditor } from '../store/store';

export function NoticeBar() {
  const notice = useEditor((s) => s.notice);
  if (!notice) return null;
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
      <button type="button" onClick={() => notify(null)} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
