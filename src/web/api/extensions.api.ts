import type { z } from 'zod';
import type {
  deadlineChangeSchema,
  ExtensionQueueFilter,
  extensionQueueItemSchema,
  extensionQueueSchema,
  extensionRequestSchema,
  RequestExtensionInput,
  taskExtensionsSchema,
} from '../../shared/extensions-api.js';
import { apiRequest } from './http.js';

/** `GET /tasks/:id/extensions`: the deadlines, requests (with what I may do) and deadline history. */
export type TaskExtensions = z.infer<typeof taskExtensionsSchema>;
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;
export type DeadlineChange = z.infer<typeof deadlineChangeSchema>;
export type ExtensionQueueItem = z.infer<typeof extensionQueueItemSchema>;
export type ExtensionQueuePage = z.infer<typeof extensionQueueSchema>;

export function getTaskExtensions(taskId: number, signal?: AbortSignal): Promise<TaskExtensions> {
  return apiRequest(`/tasks/${taskId}/extensions`, { signal });
}

/** Files a request for the lead unit. */
export function requestExtension(taskId: number, input: RequestExtensionInput): Promise<TaskExtensions> {
  return apiRequest(`/tasks/${taskId}/extensions`, { method: 'POST', body: input });
}

/** Approves, rejects (comment required) or withdraws a request; answers the task's extensions. */
export function actOnExtension(
  extensionId: number,
  input: { action: 'approve' | 'reject' | 'withdraw'; version: number; comment?: string | null },
): Promise<TaskExtensions> {
  const { action, ...rest } = input;
  const body = action === 'withdraw' ? { version: rest.version } : rest;
  return apiRequest(`/extensions/${extensionId}/${action}`, { method: 'POST', body });
}

/** The extension queue: what waits for me (`pending`) or what I may see, a page at a time. */
export function listExtensions(
  query: { status: ExtensionQueueFilter; cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<ExtensionQueuePage> {
  return apiRequest('/extensions', { query, signal });
}
