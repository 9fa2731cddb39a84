import type { KeyboardEvent, ReactNode } from 'react';
import './tabs.css';

export interface TabItem<T extends string> {
  readonly id: T;
  readonly label: ReactNode;
}

/** Arrow keys, Home and End move between tabs; anything else is not the tab list's. */
export function tabAfterKey<T extends string>(tabs: readonly TabItem<T>[], current: T, key: string): T | undefined {
  const i = tabs.findIndex((tab) => tab.id === current);
  const n = tabs.length;
  const target = key === 'ArrowRight' ? (i + 1) % n : key === 'ArrowLeft' ? (i + n - 1) % n : key === 'Home' ? 0 : key === 'End' ? n - 1 : -1;
  return tabs[target]?.id;
}

/**
 * A WAI-ARIA tab list: the selected tab is the only Tab stop (Tab itself goes on to the panel),
 * arrow keys, Home and End move the selection and the focus. Tab `x` gets the id
 * `${idPrefix}-${x}` for the panel's aria-labelledby.
 */
export function TabList<T extends string>({
  idPrefix,
  panelId,
  label,
  tabs,
  current,
  onChange,
  className,
}: {
  readonly idPrefix: string;
  readonly panelId: string;
  readonly label: string;
  readonly tabs: readonly TabItem<T>[];
  readonly current: T;
  readonly onChange: (tab: T) => void;
  readonly className?: string;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = tabAfterKey(tabs, current, e.key);
    if (next === undefined) return;
    e.preventDefault();
    onChange(next);
    document.getElementById(`${idPrefix}-${next}`)?.focus();
  };
  return (
    <div className={className ? `tabs ${className}` : 'tabs'} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idPrefix}-${tab.id}`}
          aria-selected={current === tab.id}
          aria-controls={panelId}
          tabIndex={current === tab.id ? 0 : -1}
          className="tabs__tab"
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
