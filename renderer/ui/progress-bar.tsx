/** A determinate bar when the total is known, an indeterminate one (no aria-valuenow) otherwise. */
export function ProgressBar({
  label,
  text,
  done,
  total,
}: {
  readonly label: string;
  readonly text: string;
  readonly done: number;
  readonly total: number | null;
}) {
  const ratio = total ? Math.min(1, done / total) : null;
  return (
    <div className="progress">
      <div
        className={ratio === null ? 'progress__track progress__track--indeterminate' : 'progress__track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total ? done : undefined}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={ratio === null ? undefined : { width: `${(ratio * 100).toFixed(1)}%` }} />
      </div>
      <span className="progress__text">{text}</span>
    </div>
  );
}
