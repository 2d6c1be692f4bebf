// The details form of a source: every field commits on blur or Enter as ONE undoable step
// (`editSource`); a refusal is the operation's sentence, shown next to the field, and the
// draft is kept so nothing typed is lost. Dates and languages are checked as they are typed.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatEdtf } from '../../arguments/dates';
import { SOURCE_ROLES, TRANSCRIPTION_METHOD_LABELS, type Id, type Source, type SourceRole } from '../../arguments/model';
import { editSource, type SourceChanges } from '../../arguments/operations';
import { attempt } from '../store/store';
import { ROLE_LABELS } from './present';
import {
  checkedChange,
  CITATION_FIELDS,
  CITATION_KEYS,
  citationChange,
  draftProblem,
  fieldChange,
  freeFields,
  needsChecking,
  normalisedCitation,
  quotableSources,
  quotedChange,
  removeFreeField,
  renameFreeField,
  roleChange,
  setFreeField,
  TEXT_FIELDS,
  type FieldWords,
  type TextField,
} from './sourceForm';

/** Commits one change of the source as one step; the refusal in the operation's words, or null. */
const commit = (id: Id, changes: SourceChanges | null): string | null => (changes ? attempt(editSource(id, changes)) : null);

interface DraftFieldProps extends FieldWords {
  value: string;
  multiline?: boolean;
  /** What is wrong with the draft as typed, shown live. */
  live?: (draft: string) => string | null;
  /** A note about a good draft (the date as it reads). */
  reads?: (draft: string) => string | null;
  /** Commits the draft; the refusal, or null. */
  onCommit(draft: string): string | null;
  className?: string;
  /** For fields without a visible label of their own (free fields' names and values). */
  ariaLabel?: string;
}

/** A text field with a draft: committed on blur or Enter (Ctrl+Enter in a text area), Esc goes back to the saved value. */
function DraftField({ label, hint, placeholder, value, multiline, live, reads, onCommit, className, ariaLabel }: DraftFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The value changed elsewhere (undo, another field's step): the draft follows it.
  const seen = useRef(value);
  if (seen.current !== value) {
    seen.current = value;
    setDraft(value);
    setRefusal(null);
  }
  const save = () => {
    if (draft === value) {
      setRefusal(null);
      return;
    }
    const refused = onCommit(draft);
    setRefusal(refused);
    if (refused === null && seen.current === value) setDraft(value); // nothing changed (only spaces): show the saved value
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && draft !== value) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(value);
      setRefusal(null);
    }
  };
  const problem = refusal ?? live?.(draft) ?? null;
  const reading = problem ? null : (reads?.(draft) ?? null);
  const note = problem ?? reading ?? hint ?? null;
  const props = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': note ? `${id}-note` : undefined,
    'aria-label': ariaLabel,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: save,
    onKeyDown,
  };
  return (
    <div className={`aa-src-field${className ? ` ${className}` : ''}`}>
      {!ariaLabel && <label htmlFor={id}>{label}</label>}
      {multiline ? <textarea rows={2} spellCheck={false} {...props} /> : <input type="text" spellCheck={false} {...props} />}
      {note && (
        <span
          id={`${id}-note`}
          // A hint shows while its field has focus; a problem or what a date reads as, always.
          className={problem ? 'aa-src-field-error' : reading ? 'aa-src-field-reads' : 'aa-src-field-hint aa-src-field-focus-hint'}
          role={refusal ? 'alert' : undefined}
          aria-live={refusal ? undefined : 'polite'}
        >
          {note}
        </span>
      )}
    </div>
  );
}

function TextFieldRow({ source, field }: { source: Source; field: TextField }) {
  const words = TEXT_FIELDS[field];
  return (
    <DraftField
      {...words}
      value={field === 'title' ? source.title : (source[field] ?? '')}
      live={(d) => draftProblem(field, d)}
      reads={field === 'date' ? (d) => (d.trim() && !draftProblem('date', d) ? `Reads: ${formatEdtf(d.trim(), 'long')}` : null) : undefined}
      onCommit={(d) => commit(source.id, fieldChange(source, field, d))}
      className={field === 'title' ? 'aa-src-field-wide' : undefined}
    />
  );
}

/** A control committed on change (select, checkbox), its refusal shown below it. */
function useImmediate(id: Id): [string | null, (changes: SourceChanges | null) => void] {
  const [refusal, setRefusal] = useState<string | null>(null);
  return [refusal, (changes) => setRefusal(commit(id, changes))];
}

function RoleField({ source }: { source: Source }) {
  const id = useId();
  const [refusal, change] = useImmediate(source.id);
  return (
    <div className="aa-src-field">
      <label htmlFor={id}>Role</label>
      <select id={id} value={source.role} onChange={(e) => change(roleChange(source, e.target.value as SourceRole))} aria-describedby={refusal ? `${id}-note` : undefined}>
        {SOURCE_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {refusal && (
        <span id={`${id}-note`} className="aa-src-field-error" role="alert">
          {refusal}
        </span>
      )}
    </div>
  );
}

function QuotedSources({ source, sources }: { source: Source; sources: Record<Id, Source> }) {
  const [refusal, change] = useImmediate(source.id);
  const primaries = quotableSources(sources, source.id);
  const missing = (source.quotes ?? []).filter((id) => !Object.hasOwn(sources, id));
  return (
    <fieldset className="aa-src-fieldset">
      <legend>Primary sources it quotes</legend>
      <p className="aa-src-field-hint">Its quotations of these are checked word by word against them (the quotation audit).</p>
      {primaries.length === 0 && <p className="aa-muted">There is no other primary source in this map.</p>}
      {primaries.map((p) => (
        <label key={p.id} className="aa-src-check">
          <input type="checkbox" checked={(source.quotes ?? []).includes(p.id)} onChange={(e) => change(quotedChange(source, p.id, e.target.checked))} /> {p.title || p.id}
        </label>
      ))}
      {missing.map((id) => (
        <label key={id} className="aa-src-check">
          <input type="checkbox" checked onChange={() => change(quotedChange(source, id, false))} /> {id} (not in this map)
        </label>
      ))}
      {refusal && (
        <p className="aa-src-field-error" role="alert">
          {refusal}
        </p>
      )}
    </fieldset>
  );
}

function FreeFields({ source }: { source: Source }) {
  const id = useId();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const pairs = freeFields(source);
  const add = () => {
    const r = setFreeField(source, name, value);
    if ('problem' in r) return setRefusal(r.problem);
    if (pairs.some(([k]) => k === name.trim())) return setRefusal(`There is already a field named “${name.trim()}”: change its value above.`);
    const refused = commit(source.id, r.changes);
    setRefusal(refused);
    if (!refused) {
      setName('');
      setValue('');
    }
  };
  return (
    <fieldset className="aa-src-fieldset aa-src-free">
      <legend>Other fields</legend>
      {pairs.length > 0 && (
        <ul className="aa-src-free-list">
          {pairs.map(([k, v]) => (
            <li key={k} className="aa-src-free-row">
              <DraftField
                label="Field name"
                ariaLabel={`Name of the field “${k}”`}
                value={k}
                onCommit={(d) => {
                  const r = renameFreeField(source, k, d);
                  return 'problem' in r ? r.problem : commit(source.id, r.changes);
                }}
              />
              <DraftField
                label="Value"
                ariaLabel={`Value of “${k}”`}
                value={v}
                onCommit={(d) => {
                  const r = setFreeField(source, k, d);
                  return 'problem' in r ? r.problem : commit(source.id, r.changes);
                }}
              />
              <button type="button" className="aa-src-button" aria-label={`Remove the field “${k}”`} onClick={() => setRefusal(commit(source.id, removeFreeField(source, k)))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="aa-src-free-new">
        <div className="aa-src-field">
          <label htmlFor={`${id}-name`}>New field</label>
          <input id={`${id}-name`} type="text" value={name} placeholder="e.g. note" onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} />
        </div>
        <div className="aa-src-field">
          <label htmlFor={`${id}-value`}>Its value</label>
          <input id={`${id}-value`} type="text" value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} />
        </div>
        <button type="button" className="aa-src-button" onClick={add} disabled={name.trim() === ''}>
          Add field
        </button>
      </div>
      {refusal && (
        <p className="aa-src-field-error" role="alert">
          {refusal}
        </p>
      )}
    </fieldset>
  );
}

function CitationFields({ source }: { source: Source }) {
  const normalised = normalisedCitation(source.citation);
  return (
    <fieldset className="aa-src-fieldset">
      <legend>Archival citation</legend>
      <div className="aa-src-grid aa-src-grid-compact">
        {CITATION_KEYS.map((key) => (
          <DraftField
            key={key}
            {...CITATION_FIELDS[key]}
            multiline={key === 'asGiven'}
            className={key === 'asGiven' || key === 'archiveName' || key === 'archive' ? 'aa-src-field-wide' : undefined}
            value={source.citation?.[key] ?? ''}
            onCommit={(d) => commit(source.id, citationChange(source, key, d))}
          />
        ))}
      </div>
      {normalised && (
        <p className="aa-src-field-hint" data-testid="normalised-citation">
          In notes: {normalised}
        </p>
      )}
      <FreeFields source={source} />
    </fieldset>
  );
}

function Transcription({ source }: { source: Source }) {
  const [refusal, change] = useImmediate(source.id);
  const t = source.transcription;
  if (!t) return null;
  return (
    <fieldset className="aa-src-fieldset">
      <legend>Text</legend>
      <p>
        {TRANSCRIPTION_METHOD_LABELS[t.method]}
        {t.file ? `: ${t.file}` : ''}
      </p>
      {needsChecking(source) && (
        <label className="aa-src-check">
          <input type="checkbox" checked={t.checked === true} onChange={(e) => change(checkedChange(source, e.target.checked))} /> Checked against the original
        </label>
      )}
      {refusal && (
        <p className="aa-src-field-error" role="alert">
          {refusal}
        </p>
      )}
    </fieldset>
  );
}

export default function SourceDetailsForm({ source, sources }: { source: Source; sources: Record<Id, Source> }) {
  const title = source.title || source.id;
  return (
    // A key per source: drafts of one source never carry over to another.
    <form key={source.id} className="aa-src-form" aria-label={`Details of ${title}`} onSubmit={(e) => e.preventDefault()}>
      <p className="aa-src-form-note">Each field is saved when you leave it or press Enter, as one step you can undo.</p>
      <div className="aa-src-grid">
        <TextFieldRow source={source} field="title" />
        <RoleField source={source} />
        {(Object.keys(TEXT_FIELDS) as TextField[])
          .filter((f) => f !== 'title')
          .map((field) => (
            <TextFieldRow key={field} source={source} field={field} />
          ))}
      </div>
      {(source.role === 'secondary' || (source.quotes?.length ?? 0) > 0) && <QuotedSources source={source} sources={sources} />}
      <CitationFields source={source} />
      <Transcription source={source} />
    </form>
  );
}
