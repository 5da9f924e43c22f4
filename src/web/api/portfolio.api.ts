import type { Portfolio, PortfolioTask, PortfolioUnit } from '../../shared/portfolio-api.js';
import { apiRequest } from './http.js';

export type { Portfolio, PortfolioTask, PortfolioUnit };

/** What the portfolio page asks for (kept in the address). */
export interface PortfolioFilters {
  /** One unit of the charge (a supervisor: any unit, to preview its leader's view). */
  unitId?: number;
  keyOnly?: boolean;
}

/** `GET /portfolio`: open tasks led under the caller's units in charge, by unit, worst first. */
export function getPortfolio(filters: PortfolioFilters, signal?: AbortSignal): Promise<Portfolio> {
  return apiRequest('/portfolio', {
    query: { unitId: filters.unitId, keyOnly: filters.keyOnly ? 'true' : undefined },
    signal,
  });
}

export const portfolioKeys = {
  all: ['portfolio'] as const,
  view: (filters: PortfolioFilters) => ['portfolio', filters] as const,
};
