import type { FileSettings } from '../../shared/files-api.js';
import { apiRequest } from './http.js';

// Writes on a task's files and the files settings; listing, upload and addresses are in evidence.api.ts.

/** Deletes a file; 409 file_in_use when it is evidence of something submitted. */
export function deleteTaskFile(fileId: number): Promise<void> {
  return apiRequest(`/files/${fileId}`, { method: 'DELETE' });
}

export function updateFileSettings(input: FileSettings): Promise<FileSettings> {
  return apiRequest('/settings/files', { method: 'PUT', body: input });
}
