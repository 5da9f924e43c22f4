import { z } from 'zod';
import { dateString } from './task-api.js';

// Leader instructions (批示, issue 5 item 6): a leader writes an instruction on one task or many;
// each task's lead unit must report what it did by a date. The server validates and documents with
// these; the web takes its types from them.

export const INSTRUCTION_LIMITS = {
  bodyMax: 4000,
  responseMax: 4000,
  tasksMax: 200,
  /** The body as a notification quotes it. */
  excerptMax: 60,
  listMax: 200,
} as const;

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, { message: 'required' });

/** `POST /instructions`. */
export const issueInstructionBody = z.strictObject({
  taskIds: z.array(z.number().int().positive().max(2147483647)).min(1).max(INSTRUCTION_LIMITS.tasksMax),
  body: text(INSTRUCTION_LIMITS.bodyMax),
  /** The lead units report what they did by this date. */
  respondBy: dateString,
});
export type IssueInstructionInput = z.input<typeof issueInstructionBody>;

/** `POST /instructions/:id/tasks/:taskId/respond`. */
export const respondInstructionBody = z.strictObject({ response: text(INSTRUCTION_LIMITS.responseMax) });

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const unitRef = z.object({ id: z.number().int(), name: z.string() });

/** One instruction on one task, with the unit's response. */
export const instructionTargetSchema = z
  .object({
    instructionId: z.number().int(),
    task: z.object({ id: z.number().int(), number: z.string(), title: z.string() }),
    unit: unitRef.nullable(),
    leader: personRef,
    body: z.string(),
    respondBy: dateString,
    createdAt: z.string(),
    /** How many tasks the same instruction was written on. */
    taskCount: z.number().int(),
    response: z.string().nullable(),
    respondedAt: z.string().nullable(),
    respondedBy: personRef.nullable(),
    /** Unanswered and past its date. */
    overdue: z.boolean(),
    /** The caller may respond (the task's lead unit, not answered yet). */
    canRespond: z.boolean(),
  })
  .describe('Leader instruction on a task (批示)');

/** `GET /tasks/:id/instructions`: newest first. */
export const taskInstructionsSchema = z.object({
  items: z.array(instructionTargetSchema),
  /** The caller may write an instruction on this task (a leader over it, or an administrator). */
  canIssue: z.boolean(),
});

/** `GET /instructions?box=`: mine (issued by me / to my unit), unanswered (of those), all I may see. */
export const INSTRUCTION_BOXES = ['mine', 'unanswered', 'all'] as const;
export type InstructionBox = (typeof INSTRUCTION_BOXES)[number];

export const instructionListSchema = z.object({
  items: z.array(instructionTargetSchema),
  nextCursor: z.string().nullable(),
});

/** `POST /instructions` answers the new instruction's id and the tasks it is on. */
export const issuedInstructionSchema = z.object({ id: z.number().int(), taskIds: z.array(z.number().int()) });
