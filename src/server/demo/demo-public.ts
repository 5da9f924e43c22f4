import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { moderateRating, submitPublicRating } from '../public/public-ratings.service.js';
import { setTaskPublic } from '../public/publish.service.js';
import { actorFor } from './demo-actors.js';
import {
  hasPublicTask,
  listAcceptedLeadReports,
  listPendingRatings,
  listTasksWithAcceptedReports,
  setPublicSummary,
} from './demo-public.repository.js';

// The public accountability page of the demo (issue 8 item 4): the supervision office opens the
// three tasks with the most accepted reports (with their subtasks) to the public, their accepted
// reports carry public summaries, and a few visitors' ratings wait for moderation — two of them
// approved so the page shows an average. Runs once: skipped when some task is already public.

const SUMMARIES = [
  (percent: number) => `已按计划推进，完成阶段性目标，总体进度约 ${percent}%。`,
  (percent: number) => `主要工作节点如期完成，进度达到 ${percent}%，下一阶段将继续推进。`,
  (percent: number) => `本期工作全部落实到位，整体完成约 ${percent}%。`,
];

const VISITORS: Array<{ rating: number; comment: string | null; approve: boolean | null }> = [
  { rating: 5, comment: '进展公开透明，能看到每个阶段做了什么，点赞！', approve: true },
  { rating: 4, comment: '总体满意，希望后续进度更新再及时一些。', approve: true },
  { rating: 3, comment: null, approve: null },
];

/** Makes the demo's public tasks, summaries and ratings; answers how many tasks were published. */
export async function loadDemoPublicPage(deps: { db: Database; config: Config }): Promise<number> {
  const { db } = deps;
  const supervisor = await actorFor(db, 'duchashi.chen');
  if (!supervisor || (await hasPublicTask(db))) return 0;
  const tasks = await listTasksWithAcceptedReports(db, 3);
  let visitor = 0;
  for (const task of tasks) {
    await setTaskPublic(deps, {
      taskId: task.id,
      isPublic: true,
      includeSubtasks: true,
      version: task.version,
      actor: supervisor,
    });
    const reports = await listAcceptedLeadReports(db, task.id);
    for (const [i, report] of reports.entries()) {
      const text = SUMMARIES[i % SUMMARIES.length] as (percent: number) => string;
      await setPublicSummary(db, report.id, text(Math.round(report.percent ?? 0)));
    }
    for (const spec of VISITORS) {
      visitor += 1;
      await submitPublicRating(deps, {
        taskId: task.id,
        rating: { rating: spec.rating, comment: spec.comment },
        address: `198.51.100.${visitor}`,
      });
    }
    const pending = await listPendingRatings(db, task.id);
    for (const [i, rating] of pending.entries()) {
      const decision = VISITORS[i]?.approve;
      if (decision === null || decision === undefined) continue;
      await moderateRating(deps, {
        ratingId: rating.id,
        status: decision ? 'approved' : 'rejected',
        version: rating.version,
        actor: supervisor,
      });
    }
  }
  return tasks.length;
}
