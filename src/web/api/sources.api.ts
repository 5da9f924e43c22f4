import type { Source, SourceDetail } from '../../shared/task-api.js';
import type { SourceKind } from '../../shared/tasks.js';
import { apiRequest } from './http.js';
import type { Page } from './types.js';

export interface SourceFilters {
  q?: string;
  kind?: SourceKind;
}

/** One page of sources (来源) matching the filters; pass `nextCursor` back for the next page. */
export function listSources(
  filters: SourceFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<Page<Source>> {
  return apiRequest('/sources', { query: { ...filters }, signal });
}

/** One source with its full text. */
export function getSource(id: number, signal?: AbortSignal): Promise<SourceDetail> {
  return apiRequest(`/sources/${id}`, { signal });
}

export interface CreateSourceInput {
  kind: SourceKind;
  title: string;
  docNumber?: string | null;
  issuer?: string | null;
  issuedOn?: string | null;
  fullText?: string | null;
}

/** Registers a source (supervisors and admins). */
export function createSource(input: CreateSourceInput): Promise<SourceDetail> {
  return apiRequest('/sources', { method: 'POST', body: input });
}

export type UpdateSourceInput = Partial<CreateSourceInput> & { version: number };

/** Edits a source; 409 version_conflict when someone changed it since `version`. */
export function updateSource(id: number, input: UpdateSourceInput): Promise<SourceDetail> {
  return apiRequest(`/sources/${id}`, { method: 'PATCH', body: input });
}

/** Deletes a source; 409 source_in_use while tasks still name it. */
export function deleteSource(id: number): Promise<void> {
  return apiRequest(`/sources/${id}`, { method: 'DELETE' });
}
