// The find bar (Ctrl+F): a field, the count, Previous / Next / Close, and the results: nodes by
// kind, title and the words around the match, then source passages with their context. Enter,
// ↓ or F3 goes to the next match, Shift+Enter, ↑ or Shift+F3 to the previous; a click goes to
// that one; Esc closes and gives focus back (to the node gone to, if any).
import { useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { around, type FindMatch, type FindResults } from '../../arguments/analysis/find';
import { NODE_KIND_LABELS, type ArgumentMap, type NodeKind } from '../../arguments/model';
import { excerpt } from '../../arguments/text/excerpt';
import { KIND_GLYPH } from '../canvas/ArgumentNode';
import { useEditor } from '../store/store';
import { closeFind, findNext, goTo, resultsFor, setQuery, useFind } from './findState';
import './find.css';

/** Rows drawn at most; Enter and F3 still go through every match. */
const SHOWN = 300;

const FIELD_NOTE = { title: 'in its title', text: '', quote: 'in its quote', voice: 'its voice' } as const;

function Marked({ before, match, after }: { before: string; match: string; after: string }) {
  return (
    <>
      {before}
      <mark>{match}</mark>
      {after}
    </>
  );
}

/** "Claim · Claim 3a: no rapprochement" reads "Claim 3a: no rapprochement": a title naming the kind says it. */
function kindAndTitle(kind: NodeKind, title: string | undefined): string {
  const label = NODE_KIND_LABELS[kind];
  const t = title?.trim();
  if (!t) return label;
  return t.toLowerCase().startsWith(label.toLowerCase()) ? t : `${label} · ${t}`;
}

function describeMatch(map: ArgumentMap, m: FindMatch): { head: ReactNode; body: ReactNode } {
  if (m.kind === 'passage') {
    const source = Object.hasOwn(map.sources, m.source) ? map.sources[m.source]! : undefined;
    const text = source?.text ?? '';
    return {
      head: <span className="aa-find-where">Source: {source?.title || m.source}</span>,
      body: <Marked before={m.before} match={text.slice(m.start, m.end).replace(/\s+/g, ' ')} after={m.after} />,
    };
  }
  const n = map.nodes[m.node]!;
  const field = m.field === 'quote' ? (n.quote?.exact ?? '') : (n[m.field] ?? '');
  const { before, after } = around(field, m.start, m.end, 48);
  const note = FIELD_NOTE[m.field];
  return {
    head: (
      <span className="aa-find-where">
        <span aria-hidden="true">{KIND_GLYPH[n.kind]}</span> {kindAndTitle(n.kind, n.title)}
        {note ? ` (${note})` : ''}
        {m.count > 1 ? ` · ${m.count} matches` : ''}
      </span>
    ),
    body:
      m.field === 'title' ? (
        excerpt(n.text || n.quote?.exact || '', 110)
      ) : (
        <Marked before={before} match={field.slice(m.start, m.end).replace(/\s+/g, ' ')} after={after} />
      ),
  };
}

function summary(r: FindResults, current: number, query: string): string {
  if (query.trim() === '') return 'Type to find in the nodes and the sources';
  const total = r.nodeCount + r.passageCount;
  if (total === 0) return 'No matches';
  const parts = `${r.nodeCount} ${r.nodeCount === 1 ? 'node' : 'nodes'}, ${r.passageCount} ${r.passageCount === 1 ? 'passage' : 'passages'} in the sources`;
  const listed = r.matches.length < total ? ` (the first ${r.matches.length} listed)` : '';
  return current >= 0 ? `${current + 1} of ${r.matches.length}: ${parts}${listed}` : `${parts}${listed}`;
}

export function FindBar() {
  const open = useFind((s) => s.open);
  return open ? <Bar /> : null;
}

function Bar() {
  const query = useFind((s) => s.query);
  const current = useFind((s) => s.current);
  const focusRequest = useFind((s) => s.focusRequest);
  // Not on every drag frame: during a gesture, the map as it began.
  const map = useEditor((s) => s.history.gestureBase ?? s.history.present);
  const results = useMemo(() => resultsFor(map, query), [map, query]);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const uid = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeFind();
    }
  };
  const onFieldKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const back = (e.key === 'Enter' && e.shiftKey) || e.key === 'ArrowUp';
    if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      findNext(back ? -1 : 1);
    }
  };

  const shown = results.matches.slice(0, SHOWN);
  const listId = `${uid}-results`;
  const optionId = (i: number) => `${uid}-match-${i}`;
  const hasQuery = query.trim() !== '';
  return (
    <section className="aa-find" role="search" aria-label="Find" onKeyDown={onKeyDown}>
      <div className="aa-find-bar">
        <label className="aa-find-label" htmlFor={`${uid}-field`}>
          Find
        </label>
        <input
          id={`${uid}-field`}
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={hasQuery && shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 && current < shown.length ? optionId(current) : undefined}
          aria-describedby={`${uid}-count`}
          placeholder="Text, title, voice or source passage"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onFieldKeyDown}
        />
        <span id={`${uid}-count`} className="aa-find-count" role="status">
          {summary(results, current, query)}
        </span>
        <button type="button" onClick={() => findNext(-1)} disabled={results.matches.length === 0} title="Previous match (Shift+Enter, Shift+F3)">
          Previous
        </button>
        <button type="button" onClick={() => findNext(1)} disabled={results.matches.length === 0} title="Next match (Enter, F3)">
          Next
        </button>
        <button type="button" onClick={closeFind} title="Close (Esc)">
          Close
        </button>
      </div>
      {hasQuery && shown.length > 0 && (
        <ul id={listId} ref={list} role="listbox" aria-label="Matches" className="aa-find-results">
          {shown.map((m, i) => {
            const { head, body } = describeMatch(map, m);
            return (
              <li
                key={m.kind === 'node' ? `n:${m.node}` : `p:${m.source}:${m.start}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                className={`aa-find-match aa-find-${m.kind}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => goTo(i)}
              >
                {head} <span className="aa-find-text">{body}</span>
              </li>
            );
          })}
          {results.matches.length > SHOWN && <li role="option" aria-selected={false} aria-disabled="true" className="aa-find-more">… and {results.matches.length - SHOWN} more: Enter and F3 go on through them</li>}
        </ul>
      )}
    </section>
  );
}
