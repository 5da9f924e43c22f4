import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { LIMITS } from '../../shared/limits.js';
import type { BulkInput, CreateTaskInput, TaskDetail, TaskSummary, UpdateTaskInput } from '../../shared/task-api.js';
import type { TaskAction } from '../../shared/tasks.js';
import { sourceKeys, taskKeys } from './task-query-keys.js';
import {
  bulkUpdateTasks,
  createTask,
  decomposeTask,
  deleteTask,
  getInbox,
  getTask,
  getTaskTree,
  listTasks,
  moveTask,
  type SubtaskInput,
  setTaskProgress,
  setUnitPart,
  type TaskListQuery,
  transitionTask,
  updateTask,
} from './tasks.api.js';

/** Tasks matching the filters, a page at a time ("load more"). */
export function useTaskPages(query: TaskListQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listTasks({ ...query, cursor: pageParam ?? undefined, limit: LIMITS.pageSizeDefault }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The first tasks matching a search, for pickers (e.g. "move under…"). */
export function useTaskOptions(q: string) {
  return useQuery({
    queryKey: taskKeys.list({ q: q || undefined, sort: 'number' }),
    queryFn: ({ signal }) => listTasks({ q: q || undefined, sort: 'number', limit: 20 }, signal),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

/**
 * The direct children of each expanded task (tree view), loaded as rows are opened; answers a
 * map from parent id to children (loaded ones only), the ids still loading, and the first error.
 */
export function useTaskChildren(parentIds: readonly number[]) {
  return useQueries({
    queries: parentIds.map((parentId) => ({
      queryKey: taskKeys.list({ parentId, sort: 'number' as const }),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        listTasks({ parentId, sort: 'number', limit: LIMITS.pageSizeMax }, signal),
    })),
    combine: (results) => ({
      children: Object.fromEntries(
        results.flatMap((result, index) => (result.data ? [[parentIds[index], result.data.items]] : [])),
      ) as Record<number, TaskSummary[]>,
      loadingIds: parentIds.filter((_id, index) => results[index]?.isPending),
      error: results.find((result) => result.isError)?.error ?? null,
      retry: () => results.filter((result) => result.isError).forEach((result) => void result.refetch()),
    }),
  });
}

export function useTask(id: number, enabled = true) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: ({ signal }) => getTask(id, signal), enabled });
}

export function useTaskTree(id: number, enabled = true) {
  return useQuery({
    queryKey: taskKeys.tree(id),
    queryFn: ({ signal }) => getTaskTree(id, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useInbox() {
  return useQuery({ queryKey: taskKeys.inbox, queryFn: ({ signal }) => getInbox(signal), staleTime: 60_000 });
}

/** After any task write: lists, trees, the inbox and sources' task counts may all have changed. */
function useTaskSettled() {
  const queryClient = useQueryClient();
  return {
    remember: (task: TaskDetail) => queryClient.setQueryData(taskKeys.detail(task.id), task),
    settle: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskKeys.inbox }),
        queryClient.invalidateQueries({ queryKey: sourceKeys.all }),
      ]);
    },
  };
}

/** Every task write; each keeps the answered detail and reloads what it may have changed. */
export function useTaskMutations() {
  const { remember, settle } = useTaskSettled();
  const onSettled = () => settle();
  return {
    create: useMutation({ mutationFn: (input: CreateTaskInput) => createTask(input), onSuccess: remember, onSettled }),
    update: useMutation({
      mutationFn: ({ id, ...input }: UpdateTaskInput & { id: number }) => updateTask(id, input),
      onSuccess: remember,
      onSettled,
    }),
    remove: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => deleteTask(id, version),
      onSettled,
    }),
    decompose: useMutation({
      mutationFn: ({ task, subtasks }: { task: TaskDetail; subtasks: SubtaskInput[] }) =>
        decomposeTask(task.id, task.version, subtasks),
      onSettled,
    }),
    move: useMutation({
      mutationFn: ({ task, parentId }: { task: TaskDetail; parentId: number | null }) =>
        moveTask(task.id, task.version, parentId),
      onSuccess: remember,
      onSettled,
    }),
    transition: useMutation({
      mutationFn: ({
        task,
        action,
        reason,
      }: {
        task: Pick<TaskDetail, 'id' | 'version'>;
        action: TaskAction;
        reason?: string | null;
      }) => transitionTask(task.id, action, { version: task.version, reason: reason ?? undefined }),
      onSuccess: remember,
      onSettled,
    }),
    progress: useMutation({
      mutationFn: ({ task, progress }: { task: TaskDetail; progress: number }) =>
        setTaskProgress(task.id, task.version, progress),
      onSuccess: remember,
      onSettled,
    }),
    part: useMutation({
      mutationFn: ({ task, unitId, part }: { task: TaskDetail; unitId: number; part: string | null }) =>
        setUnitPart(task.id, unitId, part),
      onSuccess: remember,
      onSettled,
    }),
    bulk: useMutation({ mutationFn: (input: BulkInput) => bulkUpdateTasks(input), onSettled }),
  };
}
