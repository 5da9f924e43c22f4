import { apiRequest } from './http.js';
import type { ItemList, Unit } from './types.js';

/** Every unit, flat and ordered; archived ones only when asked. */
export function listUnits(includeArchived: boolean, signal?: AbortSignal): Promise<ItemList<Unit>> {
  return apiRequest('/units', { query: { includeArchived }, signal });
}

export function getUnit(id: number, signal?: AbortSignal): Promise<Unit> {
  return apiRequest(`/units/${id}`, { signal });
}

export interface CreateUnitInput {
  name: string;
  shortName?: string;
  aliases?: string[];
  parentId?: number | null;
  sortOrder?: number;
}

export function createUnit(input: CreateUnitInput): Promise<Unit> {
  return apiRequest('/units', { method: 'POST', body: input });
}

export interface UpdateUnitInput {
  version: number;
  name?: string;
  shortName?: string | null;
  aliases?: string[];
  sortOrder?: number;
}

/** Edits a unit; 409 version_conflict when someone changed it since `version`. */
export function updateUnit(id: number, input: UpdateUnitInput): Promise<Unit> {
  return apiRequest(`/units/${id}`, { method: 'PATCH', body: input });
}

/** Re-parents a unit (null = top level); 422 unit_move_cycle when moved under itself. */
export function moveUnit(id: number, input: { version: number; parentId: number | null }): Promise<Unit> {
  return apiRequest(`/units/${id}/move`, { method: 'POST', body: input });
}

export function archiveUnit(id: number, version: number): Promise<Unit> {
  return apiRequest(`/units/${id}/archive`, { method: 'POST', body: { version } });
}

export function restoreUnit(id: number, version: number): Promise<Unit> {
  return apiRequest(`/units/${id}/restore`, { method: 'POST', body: { version } });
}
