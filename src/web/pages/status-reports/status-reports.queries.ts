import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateScheduleBody, UpdateScheduleBody } from '../../../shared/status-reports-api.js';
import {
  createSchedule,
  deleteSchedule,
  listSchedules,
  sendScheduleNow,
  statusReportKeys,
  updateSchedule,
} from '../../api/status-reports.api.js';

/** The report schedules (supervision office). */
export function useSchedules() {
  return useQuery({ queryKey: statusReportKeys.schedules, queryFn: ({ signal }) => listSchedules(signal) });
}

/** Schedule writes; every one refreshes the list (runs included). */
export function useScheduleMutations() {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: statusReportKeys.schedules });
  return {
    create: useMutation({ mutationFn: (body: CreateScheduleBody) => createSchedule(body), onSettled }),
    update: useMutation({
      mutationFn: (input: { id: number; body: UpdateScheduleBody }) => updateSchedule(input.id, input.body),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (input: { id: number; version: number }) => deleteSchedule(input.id, input.version),
      onSettled,
    }),
    sendNow: useMutation({ mutationFn: (id: number) => sendScheduleNow(id), onSettled }),
  };
}
