import type { Cockpit } from '../../shared/cockpit-api.js';
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
