import { Alert, App, Form, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import type { PlanView, TaskPlan } from '../../api/plans.api.js';
import { usePlanMutations } from '../../api/plans.queries.js';
import { DraftDrawer, useSaveThenSubmit } from '../../components/draft-drawer.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { useNestedFormErrors } from '../../lib/use-nested-form-errors.js';
import { formatDay } from '../tasks/task-view-model.js';
import { PlanMilestonesField, PlanStepsField, PlanTargetsField } from './plan-editor-fields.js';
import {
  emptyPlanForm,
  PLAN_FORM_FIELDS,
  type PlanFormValues,
  planToFormValues,
  toPlanContentInput,
} from './plan-form-values.js';
import { PlanQuartersField } from './plan-quarters-field.js';

function EditorSection({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <section aria-label={title} style={{ marginBottom: 24 }}>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: help ? 2 : 10 }}>
        {title}
      </Typography.Title>
      {help && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 10 }}>
          {help}
        </Typography.Paragraph>
      )}
      {children}
    </section>
  );
}

interface PlanEditorDrawerProps {
  task: TaskDetail;
  /** The newest version (null: none yet); an accepted one is revised into the next version. */
  plan: PlanView | null;
  onClose: () => void;
  /** After a version conflict: reload the plan (the form then starts from the latest content). */
  onStale: () => void;
}

/**
 * 编制 / 修改 / 修订办理方案: targets, steps, milestones, expected progress per quarter and the
 * progress basis, as dynamic lists. Saves the draft, or saves and submits it for review.
 */
export function PlanEditorDrawer({ task, plan, onClose, onStale }: PlanEditorDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const { save, act } = usePlanMutations(task.id);
  const initialValues = useMemo(() => (plan ? planToFormValues(plan.content) : emptyPlanForm()), [plan]);
  const isRevision = plan?.status === 'accepted';
  const { formError, clearFormError, handleError } = useNestedFormErrors(form, {
    layout: PLAN_FORM_FIELDS,
    conflictText: t('plans.editor.conflict'),
    version: plan?.version,
    onStale,
  });
  const units = [...task.units].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));

  const handleFailure = (error: unknown) => {
    if (handleError(error)) void message.error(t('plans.editor.fixFields'));
  };

  const saveThenSubmit = useSaveThenSubmit({
    save,
    act,
    savedVersion: (saved: TaskPlan) => saved.plan?.version ?? null,
    texts: { saved: t('plans.editor.saved'), submitted: t('plans.actionDone.submit') },
    onSaveError: handleFailure,
    onSubmitError: (error) => {
      void message.error(errorMessage(error, t));
      onClose();
    },
    onDone: onClose,
  });

  const handleSave = async (andSubmit: boolean) => {
    clearFormError();
    try {
      await form.validateFields();
    } catch (failure) {
      const first = (failure as { errorFields?: Array<{ name: Array<string | number> }> }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    const content = toPlanContentInput(form.getFieldsValue(true) as PlanFormValues);
    saveThenSubmit({ version: plan?.version ?? 0, content }, andSubmit);
  };

  const title = !plan
    ? t('plans.editor.createTitle')
    : isRevision
      ? t('plans.editor.reviseTitle', { n: plan.versionNo + 1 })
      : t('plans.editor.editTitle', { n: plan.versionNo });
  return (
    <DraftDrawer
      title={title}
      width={820}
      saveLabel={t('plans.editor.save')}
      submitLabel={t('plans.editor.saveAndSubmit')}
      isSaving={save.isPending}
      isSubmitting={act.isPending}
      error={formError}
      onClose={onClose}
      onSave={(andSubmit) => void handleSave(andSubmit)}
    >
      {isRevision && plan && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('plans.editor.reviseNotice', { n: plan.versionNo + 1, current: plan.versionNo })}
        />
      )}
      {task.deadline && (
        <Typography.Paragraph type="secondary">
          {t('plans.editor.deadlineHint', { date: formatDay(task.deadline, currentLocale()) })}
        </Typography.Paragraph>
      )}
      <Form<PlanFormValues> form={form} layout="vertical" initialValues={initialValues} requiredMark={false}>
        <EditorSection title={t('plans.sections.targets')} help={t('plans.editor.targetsHelp')}>
          <PlanTargetsField deadline={task.deadline} />
        </EditorSection>
        <EditorSection title={t('plans.sections.steps')} help={t('plans.editor.stepsHelp')}>
          <PlanStepsField deadline={task.deadline} units={units} defaultUnitId={task.leadUnit?.id ?? null} />
        </EditorSection>
        <EditorSection title={t('plans.sections.milestones')} help={t('plans.editor.milestonesHelp')}>
          <PlanMilestonesField deadline={task.deadline} />
        </EditorSection>
        <EditorSection title={t('plans.sections.expectedProgress')}>
          <PlanQuartersField form={form} deadline={task.deadline} />
        </EditorSection>
        <EditorSection title={t('plans.sections.progressBasis')}>
          <Form.Item name="progressBasis" style={{ marginBottom: 0 }}>
            <Radio.Group
              aria-label={t('plans.sections.progressBasis')}
              options={[
                { value: 'reports', label: t('plans.basis.reports') },
                { value: 'milestones', label: t('plans.basis.milestones') },
              ]}
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            />
          </Form.Item>
        </EditorSection>
      </Form>
    </DraftDrawer>
  );
}
