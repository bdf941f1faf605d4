import { useCallback, useRef } from 'react';
import type { StatusReport } from '../../services/status/report.js';
import { buildDashboardRows, type DashboardRow } from './dashboard-rows.js';

/**
 * The rows for a filter, built once per report and filter: the render and the key handler
 * (which may see a filter typed by earlier keys of the same chunk) share them.
 */
export function useRowsFor(report: StatusReport | undefined): (filter: string) => DashboardRow[] {
  const cache = useRef<{ report: StatusReport | undefined; filter: string; rows: DashboardRow[] } | undefined>(
    undefined,
  );
  return useCallback(
    (filter: string) => {
      const hit = cache.current;
      if (hit && hit.report === report && hit.filter === filter) return hit.rows;
      const rows = report ? buildDashboardRows(report, filter) : [];
      cache.current = { report, filter, rows };
      return rows;
    },
    [report],
  );
}
