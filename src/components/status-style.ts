import type { HealthStatus } from '../services/health.js';

/** One colour per health status, for the screens and for `status` (NO_COLOR turns them off). */
export type StatusColor = 'green' | 'yellow' | 'red' | 'cyan' | 'magenta';

export const STATUS_COLOR: Record<HealthStatus, StatusColor> = {
  ok: 'green',
  expiring: 'yellow',
  expired: 'red',
  refreshable: 'cyan',
  static: 'green',
  missing: 'red',
  unknown: 'magenta',
};
