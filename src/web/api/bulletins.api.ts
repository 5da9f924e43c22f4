import type {
  Bulletin,
  BulletinContent,
  BulletinStatus,
  BulletinSummary,
  CreateBulletinInput,
} from '../../shared/bulletins-api.js';
import { API_BASE, apiRequest } from './http.js';

// The bulletins client (通报, issue 7): list, generate, edit, regenerate, issue, read receipts and the
// official documents' addresses.

export type { Bulletin, BulletinContent, BulletinStatus, BulletinSummary, CreateBulletinInput };

export interface BulletinPage {
  items: BulletinSummary[];
  nextCursor: string | null;
}

/** A period a bulletin can be generated for (from the assessment API). */
export interface BulletinPeriodOption {
  id: number;
  name: string;
  status: 'draft' | 'frozen';
  computedAt: string | null;
}

export function listBulletins(
  filters: {
    status?: BulletinStatus | undefined;
    unread?: boolean | undefined;
    cursor?: string | undefined;
    limit?: number;
  },
  signal?: AbortSignal,
): Promise<BulletinPage> {
  return apiRequest('/bulletins', { query: { ...filters }, signal });
}

export function getBulletin(id: number, signal?: AbortSignal): Promise<Bulletin> {
  return apiRequest(`/bulletins/${id}`, { signal });
}

export function createBulletin(input: CreateBulletinInput): Promise<Bulletin> {
  return apiRequest('/bulletins', { method: 'POST', body: input });
}

export function updateBulletin(
  id: number,
  input: { title?: string; content?: BulletinContent; version: number },
): Promise<Bulletin> {
  return apiRequest(`/bulletins/${id}`, { method: 'PATCH', body: input });
}

/** `regenerate` or `issue` a draft at its version. */
export function bulletinStep(id: number, step: 'regenerate' | 'issue', version: number): Promise<Bulletin> {
  return apiRequest(`/bulletins/${id}/${step}`, { method: 'POST', body: { version } });
}

export function markBulletinRead(id: number): Promise<Bulletin> {
  return apiRequest(`/bulletins/${id}/read`, { method: 'POST' });
}

/** The assessment periods to choose from when generating. */
export async function listBulletinPeriods(signal?: AbortSignal): Promise<BulletinPeriodOption[]> {
  return (await apiRequest<{ items: BulletinPeriodOption[] }>('/assessment/periods', { signal })).items;
}

/** Where the official document downloads from (same-origin, with the session cookie). */
export function bulletinFileUrl(id: number, format: 'docx' | 'pdf'): string {
  return `${API_BASE}/bulletins/${id}/document.${format}`;
}
