import type { TaskFile } from '../../shared/files-api.js';
import type { Problem } from '../../shared/problem.js';
import { API_BASE, ApiError, apiRequest } from './http.js';
import type { ItemList } from './types.js';

export type { TaskFile };

/** The multipart field the server reads the file from (FILE_FIELD in shared/files-api.ts). */
const FILE_FIELD = 'file';

/** A task's files, newest first. */
export function listTaskFiles(taskId: number, signal?: AbortSignal): Promise<ItemList<TaskFile>> {
  return apiRequest(`/tasks/${taskId}/files`, { signal });
}

/** Where a file downloads from (always as an attachment), or shows in the browser when `inline`. */
export function fileContentUrl(fileId: number, inline = false): string {
  return `${API_BASE}/files/${fileId}/content${inline ? '?inline=1' : ''}`;
}

/** The problem document of a failed upload, as the JSON client would have thrown it. */
function uploadError(xhr: XMLHttpRequest): ApiError {
  try {
    const problem = JSON.parse(xhr.responseText) as Partial<Problem>;
    if (problem && typeof problem.code === 'string')
      return new ApiError(xhr.status, { ...problem, code: problem.code });
  } catch {
    // not JSON: fall through
  }
  return new ApiError(xhr.status, { code: xhr.status === 0 ? 'network_error' : 'unexpected_response' });
}

/**
 * Uploads one file to a task (multipart, field `file`), reporting progress. Same-origin with the
 * session cookie, like every other call: the server's CSRF check looks at the request's origin.
 * Rejects with an ApiError (413 file_too_large, 415 file_type_not_allowed, …).
 */
export function uploadTaskFile(
  taskId: number,
  file: Blob & { name?: string },
  options: { language: string; onProgress?: (percent: number) => void; signal?: AbortSignal },
): Promise<TaskFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/tasks/${taskId}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', options.language);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as TaskFile);
      else reject(uploadError(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network_error' }));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort());
    const body = new FormData();
    body.append(FILE_FIELD, file, file.name ?? 'file');
    xhr.send(body);
  });
}

/** The upload size limit (administrators change it). */
export function getFileSettings(signal?: AbortSignal): Promise<{ version: number; maxBytes: number }> {
  return apiRequest('/settings/files', { signal });
}
