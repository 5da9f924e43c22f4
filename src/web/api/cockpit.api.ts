import type { Cockpit } from '../../shared/cockpit-api.js';
import { queryClient } from '../app-providers.js';
import { filtersFrom } from '../pages/cockpit/cockpit-links.js';
import { apiRequest } from './http.js';

export type { Cockpit };

/** What the cockpit shows (kept in the address, so a view can be shared). */
export interface CockpitFilters {
  unitId?: number | undefined;
  sourceId?: number | undefined;
  tag?: string | undefined;
  periodId?: number | undefined;
  keyOnly?: boolean | undefined;
}

/** `GET /cockpit`: the viewer's figures, charts and what needs their attention. */
export function getCockpit(filters: CockpitFilters, signal?: AbortSignal): Promise<Cockpit> {
  return apiRequest('/cockpit', {
    query: {
      unitId: filters.unitId,
      sourceId: filters.sourceId,
      tag: filters.tag,
      periodId: filters.periodId,
      keyOnly: filters.keyOnly ? 'true' : undefined,
    },
    signal,
  });
}

export const cockpitKeys = {
  all: ['cockpit'] as const,
  view: (filters: CockpitFilters) => ['cockpit', filters] as const,
};

/**
 * Starts fetching the cockpit of the current address, so the figures are on their way while the
 * page's code loads and first renders (for a leader landing there: beside the session check).
 */
export function prefetchCockpit(search: string): void {
  const filters = filtersFrom(new URLSearchParams(search));
  void queryClient.prefetchQuery({
    queryKey: cockpitKeys.view(filters),
    queryFn: ({ signal }) => getCockpit(filters, signal),
  });
}
