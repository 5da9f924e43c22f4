import type { z } from 'zod';
import type {
  InstructionBox,
  IssueInstructionInput,
  instructionListSchema,
  instructionTargetSchema,
  issuedInstructionSchema,
  taskInstructionsSchema,
} from '../../shared/instructions-api.js';
import { apiRequest } from './http.js';

/** One instruction on one task, with the unit's response. */
export type InstructionTarget = z.infer<typeof instructionTargetSchema>;
export type TaskInstructions = z.infer<typeof taskInstructionsSchema>;
export type InstructionPage = z.infer<typeof instructionListSchema>;
export type IssuedInstruction = z.infer<typeof issuedInstructionSchema>;

export function getTaskInstructions(taskId: number, signal?: AbortSignal): Promise<TaskInstructions> {
  return apiRequest(`/tasks/${taskId}/instructions`, { signal });
}

/** A leader writes an instruction on one or more tasks. */
export function issueInstruction(input: IssueInstructionInput): Promise<IssuedInstruction> {
  return apiRequest('/instructions', { method: 'POST', body: input });
}

/** The lead unit reports on an instruction (once). */
export function respondToInstruction(
  instructionId: number,
  taskId: number,
  response: string,
): Promise<TaskInstructions> {
  return apiRequest(`/instructions/${instructionId}/tasks/${taskId}/respond`, {
    method: 'POST',
    body: { response },
  });
}

export function listInstructions(
  query: { box: InstructionBox; cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<InstructionPage> {
  return apiRequest('/instructions', { query, signal });
}
