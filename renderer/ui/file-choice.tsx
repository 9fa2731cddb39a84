import { useId } from 'react';

export interface FileChoiceProps {
  /** What the file is for ("Spreadsheet (.xlsx or .csv)"). */
  readonly label: string;
  /** "Choose file…" or "Save as…": the button opens the system dialog. */
  readonly buttonLabel: string;
  /** The chosen file's name, or null before the seller picks one. */
  readonly name: string | null;
  readonly placeholder: string;
  readonly help?: string;
  readonly disabled?: boolean;
  readonly onChoose: () => void;
}

/** A file picked in the system's Open/Save dialog: the button that opens it and the chosen file's name. */
export function FileChoice({ label, buttonLabel, name, placeholder, help, disabled, onChoose }: FileChoiceProps) {
  const id = useId();
  return (
    <div className="field field--stacked file-choice" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="file-choice__label">
        {label}
      </span>
      <div className="file-choice__row">
        <button type="button" className="button button--secondary" disabled={disabled} aria-describedby={`${id}-name`} onClick={onChoose}>
          {buttonLabel}
        </button>
        <span id={`${id}-name`} className={name ? 'file-choice__name' : 'file-choice__name file-choice__name--empty'} data-testid="chosen-file">
          {name ?? placeholder}
        </span>
      </div>
      {help ? <span className="field-help">{help}</span> : null}
    </div>
  );
}
