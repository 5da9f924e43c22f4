import { z } from 'zod';
import { localDate } from '../../domain/dates.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentCalendarDay, presentCalendarYear } from './calendar.presenter.js';
import {
  calendarDateParams,
  calendarDaySchema,
  calendarImportResultSchema,
  calendarYearParams,
  calendarYearQuery,
  calendarYearSchema,
  importCalendarBody,
  setCalendarDayBody,
  setYearPublishedBody,
  workingDaysBody,
  workingDaysResultSchema,
} from './calendar.schema.js';
import {
  getCalendarYear,
  importCalendar,
  removeCalendarDay,
  setCalendarDay,
  setYearPublished,
  workingDaysFrom,
} from './calendar.service.js';

const tags = ['calendar'];

/** The holiday calendar: read by everyone signed in (deadlines depend on it), kept by administrators. */
export function registerCalendarRoutes(app: ZodApp, { db, config }: RouteDeps): void {
  app.get('/calendar', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'One year of holidays and make-up workdays (default: this year)',
      querystring: calendarYearQuery,
      response: { 200: calendarYearSchema, ...errorResponses },
    },
    handler: async (request) => {
      const year = request.query.year ?? Number(localDate(new Date(), config.timeZone).slice(0, 4));
      return presentCalendarYear(await getCalendarYear(db, { year }));
    },
  });

  app.put('/calendar/days/:date', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Mark a date as a holiday or a make-up workday',
      params: calendarDateParams,
      body: setCalendarDayBody,
      response: { 200: calendarDaySchema, ...errorResponses },
    },
    handler: async (request) =>
      presentCalendarDay(
        await setCalendarDay(db, { ...request.body, date: request.params.date, actor: requireActor(request) }),
      ),
  });

  app.delete('/calendar/days/:date', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: "Remove a date's entry (it follows the weekday rule again)",
      params: calendarDateParams,
      response: { 204: z.null().describe('Removed'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await removeCalendarDay(db, { date: request.params.date, actor: requireActor(request) });
      return reply.status(204).send(null);
    },
  });

  app.put('/calendar/years/:year', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: "Confirm (or withdraw) that a year's official schedule is in the calendar",
      params: calendarYearParams,
      body: setYearPublishedBody,
      response: { 200: calendarYearSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentCalendarYear(
        await setYearPublished(db, { ...request.body, year: request.params.year, actor: requireActor(request) }),
      ),
  });

  app.post('/calendar/import', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Import holidays and make-up workdays from an iCalendar (.ics) text',
      body: importCalendarBody,
      response: { 200: calendarImportResultSchema, ...errorResponses },
    },
    handler: async (request) => importCalendar(db, { ics: request.body.ics, actor: requireActor(request) }),
  });

  app.post('/calendar/working-days', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'The date N working days after a date (the start day not counted)',
      body: workingDaysBody,
      response: { 200: workingDaysResultSchema, ...errorResponses },
    },
    handler: async (request) => workingDaysFrom(db, request.body),
  });
}
