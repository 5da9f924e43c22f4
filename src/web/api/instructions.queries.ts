import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstructionBox, IssueInstructionInput } from '../../shared/instructions-api.js';
import { LIMITS } from '../../shared/limits.js';
import {
  getTaskInstructions,
  issueInstruction,
  listInstructions,
  respondToInstruction,
  type TaskInstructions,
} from './instructions.api.js';
import { notificationKeys } from './review-query-keys.js';
import { taskKeys } from './task-query-keys.js';

/** Query keys of leader instructions (a feature file of its own, so parallel work does not collide). */
export const instructionKeys = {
  all: ['instructions'] as const,
  task: (taskId: number) => ['instructions', 'task', taskId] as const,
  box: (box: InstructionBox) => ['instructions', 'box', box] as const,
};

/** The instructions on a task and whether I may write one. */
export function useTaskInstructions(taskId: number) {
  return useQuery({
    queryKey: instructionKeys.task(taskId),
    queryFn: ({ signal }) => getTaskInstructions(taskId, signal),
  });
}

/** One box of instructions, a page at a time. */
export function useInstructionBox(box: InstructionBox) {
  return useInfiniteQuery({
    queryKey: instructionKeys.box(box),
    queryFn: ({ pageParam, signal }) =>
      listInstructions({ box, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/** Writing an instruction (one task or many) and responding to one; both land on task timelines. */
export function useInstructionMutations() {
  const queryClient = useQueryClient();
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: instructionKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  return {
    issue: useMutation({ mutationFn: (input: IssueInstructionInput) => issueInstruction(input), onSettled }),
    respond: useMutation({
      mutationFn: (input: { instructionId: number; taskId: number; response: string }) =>
        respondToInstruction(input.instructionId, input.taskId, input.response),
      onSuccess: (view: TaskInstructions, input) => queryClient.setQueryData(instructionKeys.task(input.taskId), view),
      onSettled,
    }),
  };
}
