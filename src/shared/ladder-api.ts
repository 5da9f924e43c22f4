import { z } from 'zod';

// The escalation ladder's rules as the settings API and form carry them (src/domain/escalation-ladder.ts
// holds the rules' meaning).

export const LADDER_ACTIONS = ['reminder', 'urge', 'notice', 'interview_proposal', 'accountability_proposal'] as const;
export const LADDER_RECIPIENTS = [
  'responsible_person',
  'unit_head',
  'unit_staff',
  'responsible_leader',
  'supervisors',
] as const;
export const LADDER_TRIGGERS = [
  'before_deadline',
  'after_deadline',
  'report_missing',
  'stalled',
  'unacknowledged',
  'instruction_unanswered',
] as const;

const workingDays = z.number().int().min(0).max(365);

export const ladderTriggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('before_deadline'), workingDays }),
  z.strictObject({ kind: z.literal('after_deadline'), workingDays }),
  z.strictObject({ kind: z.literal('report_missing'), workingDays }),
  z.strictObject({ kind: z.literal('stalled') }),
  z.strictObject({ kind: z.literal('unacknowledged'), workingDays }),
  z.strictObject({ kind: z.literal('instruction_unanswered'), workingDays }),
]);

export const ladderRuleSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/),
  trigger: ladderTriggerSchema,
  action: z.enum(LADDER_ACTIONS),
  recipients: z.array(z.enum(LADDER_RECIPIENTS)).min(1).max(LADDER_RECIPIENTS.length),
  enabled: z.boolean(),
});

export const ladderRulesSchema = z.array(ladderRuleSchema).max(40);

export const ladderSettingsSchema = z.object({ rules: ladderRulesSchema, version: z.number().int() });
export const updateLadderSettingsBody = z.strictObject({
  rules: ladderRulesSchema,
  version: z.number().int().positive(),
});
