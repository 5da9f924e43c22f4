import { z } from 'zod';
import { LOCALES } from './locales.js';
import { TASK_STATUSES } from './tasks.js';

// The public accountability page (公开督办, issue 8 item 4): what anonymous visitors may read about
// tasks the supervision office opened to the public, the ratings they leave, and the moderation
// of those ratings. Only the fields below ever leave the server on these routes.

export const PUBLIC_LIMITS = {
  /** A report's public summary (shown once the report is accepted). */
  summaryMax: 500,
  /** A visitor's comment, after trimming. */
  commentMax: 500,
  searchMax: 100,
  pageSize: 20,
  /** Ratings one address may send per rolling hour, and per task per rolling day. */
  ratingsPerHour: 5,
  ratingsPerTaskPerDay: 1,
  /** Approved comments shown on a task page. */
  commentsShown: 20,
  /** Accepted reports shown in a task's timeline. */
  timelineMax: 50,
} as const;

/** Seconds a public page or answer may be reused by browsers and proxies. */
export const PUBLIC_MAX_AGE = 30;

export const RATING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];

const id = z.coerce.number().int().positive().max(2147483647);
const light = z.enum(['green', 'amber', 'red']).nullable();

/** `GET /public/tasks` (and the HTML list): search by number or title, filter by lead unit subtree. */
export const publicTasksQuery = z.strictObject({
  q: z.string().trim().max(PUBLIC_LIMITS.searchMax).optional(),
  unitId: id.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  lang: z.enum(LOCALES).optional(),
});
export type PublicTasksQuery = z.infer<typeof publicTasksQuery>;

export const publicUnitSchema = z.object({ id: z.number().int(), name: z.string() });

const ratingStats = z.object({
  /** Average of approved ratings, one decimal; null when none. */
  average: z.number().nullable(),
  count: z.number().int(),
});

export const publicTaskSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  leadUnit: publicUnitSchema.nullable(),
  deadline: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  progress: z.number(),
  light,
});
export type PublicTaskSummary = z.infer<typeof publicTaskSummarySchema>;

export const publicTaskPageSchema = z
  .object({
    items: z.array(publicTaskSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    /** Units that lead at least one public task, with their ancestors: the area filter's choices. */
    units: z.array(publicUnitSchema.extend({ depth: z.number().int() })),
  })
  .describe('Public tasks (公开督办事项)');
export type PublicTaskPage = z.infer<typeof publicTaskPageSchema>;

export const publicTaskSchema = publicTaskSummarySchema
  .extend({
    description: z.string().nullable(),
    /** Accepted reports' public summaries, newest first. */
    timeline: z.array(z.object({ date: z.string(), text: z.string() })),
    subtasks: z.array(publicTaskSummarySchema),
    ratings: ratingStats,
    comments: z.array(z.object({ date: z.string(), rating: z.number().int(), text: z.string() })),
  })
  .describe('A public task (公开督办事项)');
export type PublicTask = z.infer<typeof publicTaskSchema>;

/** `POST /public/tasks/:id/ratings`: 1–5 and an optional comment; `website` is a honeypot left empty. */
export const publicRatingBody = z.strictObject({
  rating: z.coerce.number().int().min(1).max(5),
  comment: z
    .string()
    .trim()
    .max(PUBLIC_LIMITS.commentMax)
    .optional()
    .transform((value) => (value ? value : null)),
  website: z.string().max(200).optional(),
  lang: z.enum(LOCALES).optional(),
});
export type PublicRatingInput = z.infer<typeof publicRatingBody>;

export const publicRatingReceiptSchema = z.object({ status: z.literal('pending') }).describe('Rating received');

/** `POST /tasks/:id/public`: open a task (and, when asked, its whole subtree) to the public, or close it. */
export const setTaskPublicBody = z.strictObject({
  isPublic: z.boolean(),
  includeSubtasks: z.boolean().default(false),
  version: z.number().int().positive(),
});
export const setTaskPublicResultSchema = z.object({
  /** The tasks whose flag changed. */
  changed: z.array(z.number().int()),
  version: z.number().int(),
});

/** `GET /public-ratings`: the moderation list. */
export const ratingsQuery = z.strictObject({
  status: z.enum(RATING_STATUSES).default('pending'),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});

export const moderatedRatingSchema = z.object({
  id: z.number().int(),
  task: z.object({ id: z.number().int(), number: z.string(), title: z.string() }),
  rating: z.number().int(),
  comment: z.string().nullable(),
  status: z.enum(RATING_STATUSES),
  createdAt: z.string(),
  moderatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ModeratedRating = z.infer<typeof moderatedRatingSchema>;

export const moderatedRatingPageSchema = z
  .object({
    items: z.array(moderatedRatingSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .describe('Public ratings for moderation');

/** `POST /public-ratings/:id/moderate`. */
export const moderateRatingBody = z.strictObject({
  status: z.enum(['approved', 'rejected']),
  version: z.number().int().positive(),
});
