import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDayKind } from '../../shared/calendar.js';
import {
  getCalendarYear,
  getTaskSettings,
  importCalendar,
  removeCalendarDay,
  setCalendarDay,
  setYearPublished,
  type TaskSettingsAnswer,
  updateTaskSettings,
  workingDaysFrom,
} from './calendar.api.js';

/**
 * Query keys of the calendar and the settings. Everything calendar-related lives under
 * ['calendar'], so a calendar write also refreshes working-day previews elsewhere (task forms).
 */
export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  workingDays: (from: string, days: number) => ['calendar', 'working-days', from, days] as const,
  taskSettings: ['settings', 'tasks'] as const,
};

/** One year of the calendar; the previous year stays on screen while the next one loads. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => getCalendarYear(year, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Calendar writes; each reloads the calendar when it settles. */
export function useCalendarMutations() {
  const queryClient = useQueryClient();
  const settle = { onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }) };
  return {
    setDay: useMutation({
      mutationFn: ({ date, ...input }: { date: string; kind: CalendarDayKind; name: string }) =>
        setCalendarDay(date, input),
      ...settle,
    }),
    removeDay: useMutation({ mutationFn: (date: string) => removeCalendarDay(date), ...settle }),
    setPublished: useMutation({
      mutationFn: ({ year, published }: { year: number; published: boolean }) => setYearPublished(year, published),
      ...settle,
    }),
    importIcs: useMutation({ mutationFn: (ics: string) => importCalendar(ics), ...settle }),
  };
}

/** "N working days after this date", for the calculator; nothing is asked until both are given. */
export function useWorkingDaysFrom(from: string | undefined, days: number | null | undefined) {
  const isReady = Boolean(from) && typeof days === 'number';
  return useQuery({
    queryKey: calendarKeys.workingDays(from ?? '', days ?? 0),
    queryFn: ({ signal }) => workingDaysFrom(from ?? '', days ?? 0, signal),
    enabled: isReady,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useTaskSettings() {
  return useQuery({ queryKey: calendarKeys.taskSettings, queryFn: ({ signal }) => getTaskSettings(signal) });
}

/** Saves the task settings and reloads them, conflict or not. */
export function useUpdateTaskSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskSettingsAnswer) => updateTaskSettings(input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.taskSettings }),
  });
}
