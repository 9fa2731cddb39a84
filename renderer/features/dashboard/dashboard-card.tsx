import { Icon, type IconName } from '../../ui/icon';

export interface DashboardCardProps {
  readonly id: string;
  readonly href: string;
  readonly icon: IconName;
  readonly title: string;
  readonly description: string;
  /** Already formatted for the locale; null while unknown. */
  readonly count: string | null;
  readonly unit: string;
  readonly unknownLabel: string;
}

/** One feature on the dashboard: the whole card is a link, the counter is its live number. */
export function DashboardCard({ id, href, icon, title, description, count, unit, unknownLabel }: DashboardCardProps) {
  const titleId = `${id}-title`;
  return (
    <a className="card dashboard-card" href={href} aria-labelledby={titleId} data-testid={`dashboard-card-${id}`}>
      <span className="dashboard-card__icon">
        <Icon name={icon} size={24} />
      </span>
      <span className="dashboard-card__text">
        <span id={titleId} className="dashboard-card__title">
          {title}
        </span>
        <span className="dashboard-card__description">{description}</span>
      </span>
      <span className="dashboard-card__counter" aria-live="polite">
        <span className="dashboard-card__count" data-testid={`dashboard-count-${id}`}>
          {count ?? unknownLabel}
        </span>
        <span className="dashboard-card__unit">{unit}</span>
      </span>
    </a>
  );
}
