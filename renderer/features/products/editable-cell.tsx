import { useEffect, useId, useRef, useState } from 'react';

export interface EditableCellProps {
  /** What the cell shows ("R$ 19,90", "12"). */
  readonly display: string;
  /** What the input starts with ("19,90"). */
  readonly initial: string;
  /** "Edit the stock of Caneca azul". */
  readonly label: string;
  readonly inputMode: 'numeric' | 'decimal';
  /** Saves the typed text; answers the message to show when main refused it, or null. */
  readonly onSave: (text: string) => Promise<string | null>;
}

/**
 * A list cell the seller edits in place: click (or Enter) to type, Enter or leaving the field
 * saves, Escape cancels. A refused value keeps the field open with main's message under it.
 */
export function EditableCell({ display, initial, label, inputMode, onSave }: EditableCellProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Escape, or a save in flight: the blur that follows must not save (again).
  const settled = useRef(false);
  const errorId = useId();

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  const close = () => {
    settled.current = true;
    setEditing(false);
    setError(null);
  };
  const save = async () => {
    if (settled.current) return;
    if (text.trim() === initial.trim()) return close();
    settled.current = true;
    setSaving(true);
    const problem = await onSave(text);
    setSaving(false);
    if (problem) {
      settled.current = false;
      setError(problem);
      input.current?.focus();
    } else close();
  };

  if (!editing) {
    return (
      <button
        type="button"
        className="editable-cell"
        aria-label={label}
        title={label}
        onClick={() => {
          settled.current = false;
          setText(initial);
          setEditing(true);
        }}
      >
        {display}
      </button>
    );
  }
  return (
    <span className="editable-cell__edit">
      <input
        ref={input}
        type="text"
        inputMode={inputMode}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={text}
        readOnly={saving}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') close();
        }}
      />
      {error ? (
        <span id={errorId} className="editable-cell__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
