// A modal dialog: labelled, aria-modal, keys kept inside (the map's shortcuts must not act
// behind it), Tab cycling through its controls, Esc as Cancel, and focus given back to what
// had it before the dialog opened. Clicks outside neither close it nor take focus from it.
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { restoreFocusSoon } from '../canvas/navigation';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

export interface ModalProps {
  /** The id of the dialog's heading. */
  labelledBy: string;
  describedBy?: string;
  className?: string;
  /** Esc; also what Cancel buttons call. */
  onClose(): void;
  /** What gets focus first; else the first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  busy?: boolean;
  children: ReactNode;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && root.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`)) return false;
    if (el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') !== 'true') return false;
    return el.offsetParent !== null || el === document.activeElement;
  });
}

export function Modal({ labelledBy, describedBy, className, onClose, initialFocus, busy, children }: ModalProps) {
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement;
    const root = dialog.current;
    const first = initialFocus?.current ?? (root ? focusables(root)[0] : undefined);
    first?.focus();
    // A control that cannot take focus yet (disabled while a file is read): the dialog itself.
    if (root && !root.contains(document.activeElement)) root.focus();
    return () => {
      // Give focus back, unless the user has put it somewhere else meanwhile (another dialog).
      const now = document.activeElement;
      if (now && now !== document.body && !root?.contains(now)) return;
      // Opened with focus nowhere (the page body): to the selected node, else the map.
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
      else restoreFocusSoon();
    };
    // Once, on opening.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key === 'Tab') {
      const root = dialog.current;
      if (!root) return;
      const list = focusables(root);
      if (list.length === 0) {
        e.preventDefault();
        return;
      }
      const at = list.indexOf(document.activeElement as HTMLElement);
      const leaving = at === -1 || (e.shiftKey && at === 0) || (!e.shiftKey && at === list.length - 1);
      if (leaving) {
        e.preventDefault();
        list[at === -1 ? 0 : e.shiftKey ? list.length - 1 : 0]!.focus();
      }
      return;
    }
    // Not the browser's Save Page / Open File behind the dialog.
    if ((e.ctrlKey || e.metaKey) && ['s', 'o', 'e'].includes(e.key.toLowerCase())) e.preventDefault();
  };

  return createPortal(
    <div className="aa-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}>
      <div
        ref={dialog}
        className={`aa-modal${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-busy={busy || undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
