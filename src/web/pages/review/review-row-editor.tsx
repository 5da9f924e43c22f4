import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Form, Grid, Input, Radio, Select, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import type { RefSelectProps } from 'antd/es/select';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_OUTCOMES } from '../../../shared/assessment-api.js';
import { needsReason, REVIEW_LIMITS } from '../../../shared/review-api.js';
import type { ReviewItem, ReviewReason } from '../../api/review.api.js';
import { currentLocale } from '../../i18n/index.js';
import { CreateCaseButton } from '../cases/create-case-button.js';
import { CreateRectificationButton } from '../rectifications/create-rectification-button.js';
import type { ReviewDraft } from './review-draft.js';

/** Where the keyboard shortcuts r and e jump to. */
export interface EditorRefs {
  reason: RefObject<RefSelectProps | null>;
  text: RefObject<TextAreaRef | null>;
}

interface ReviewRowEditorProps {
  item: ReviewItem;
  periodId: number;
  draft: ReviewDraft;
  reasons: ReviewReason[];
  canEdit: boolean;
  isSaving: boolean;
  /** The last save's error, in the person's language, and the field it concerns. */
  error: { text: string; field: string | undefined } | null;
  refs: EditorRefs;
  onChange: (draft: ReviewDraft) => void;
  onSave: () => void;
}

/**
 * The classification of the current row: outcome (keys 1–3), then for a late or undone task a
 * reason and an explanation (and a rectification from it), for a task done on time its practices
 * and whether it is an exemplary-case candidate (and a case from it).
 */
export function ReviewRowEditor(props: ReviewRowEditorProps) {
  const { item, draft, reasons, canEdit, error, refs, onChange } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  // On a phone there are no number keys to hint at, and the three outcomes share one line.
  const isNarrow = !Grid.useBreakpoint().md;
  const set = (changes: Partial<ReviewDraft>) => onChange({ ...draft, ...changes });
  const offered = reasons.filter((r) => !r.archived || r.code === item.review?.reasonCode);
  const options = (['objective', 'subjective'] as const).map((category) => ({
    label: t(`review.categories.${category}`),
    options: offered
      .filter((r) => r.category === category)
      .map((r) => ({
        value: r.code,
        label: `${r.labels[locale]}${r.archived ? ` (${t('review.reasons.archived')})` : ''}`,
      })),
  }));
  const isFailure = needsReason(draft.outcome);
  const savedReview = item.review;
  const status = (field: string) => (error?.field === field ? 'error' : undefined);

  return (
    <Form layout="vertical" disabled={!canEdit} component="div" aria-label={item.taskTitle}>
      <Form.Item label={t('review.columns.outcome')} style={{ marginBottom: 12 }}>
        <Radio.Group
          value={draft.outcome}
          optionType="button"
          buttonStyle="solid"
          block={isNarrow}
          onChange={(e) => set({ outcome: e.target.value })}
          options={TASK_OUTCOMES.map((o, i) => ({
            value: o,
            label: isNarrow ? t(`review.outcomesShort.${o}`) : `${i + 1} ${t(`review.outcomes.${o}`)}`,
          }))}
        />
      </Form.Item>
      {isFailure ? (
        <>
          <Form.Item
            label={t('review.reason')}
            required
            validateStatus={status('reasonCode')}
            style={{ marginBottom: 12 }}
          >
            <Select
              ref={refs.reason}
              value={draft.reasonCode}
              onChange={(value: string) => {
                set({ reasonCode: value });
                // Straight on to the explanation once the dropdown has closed: r, type, Enter, write.
                requestAnimationFrame(() => refs.text.current?.focus());
              }}
              options={options}
              placeholder={t('review.reasonPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('review.reason')}
              data-testid="review-reason"
            />
          </Form.Item>
          <Form.Item
            label={t('review.explanation')}
            required
            validateStatus={status('explanation')}
            style={{ marginBottom: 12 }}
          >
            <Input.TextArea
              ref={refs.text}
              value={draft.explanation}
              onChange={(e) => set({ explanation: e.target.value })}
              placeholder={t('review.explanationPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={REVIEW_LIMITS.explanationMax}
              aria-label={t('review.explanation')}
            />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item label={t('review.practices')} validateStatus={status('practices')} style={{ marginBottom: 12 }}>
            <Input.TextArea
              ref={refs.text}
              value={draft.practices}
              onChange={(e) => set({ practices: e.target.value })}
              placeholder={t('review.practicesPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={REVIEW_LIMITS.practicesMax}
              aria-label={t('review.practices')}
            />
          </Form.Item>
          <Checkbox
            checked={draft.exemplaryCandidate}
            onChange={(e) => set({ exemplaryCandidate: e.target.checked })}
            style={{ marginBottom: 12 }}
          >
            {t('review.exemplary')}
            {isNarrow ? '' : ' (x)'}
          </Checkbox>
        </>
      )}
      {error && <Alert type="error" showIcon title={error.text} style={{ marginBottom: 12 }} role="alert" />}
      <Flex gap={8} wrap align="center">
        {canEdit && (
          <Button type="primary" icon={<SaveOutlined />} loading={props.isSaving} onClick={props.onSave}>
            {t('review.saveNext')}
          </Button>
        )}
        {savedReview && (
          <Typography.Text type="secondary">
            {t('review.reviewed')} · {savedReview.reviewedByName ?? '—'}
          </Typography.Text>
        )}
        {savedReview?.exemplaryCandidate && savedReview.outcome === 'done_on_time' && (
          <CreateCaseButton
            size="small"
            defaults={{
              kind: 'exemplary',
              title: t('review.caseTitle', { task: item.taskTitle }),
              summary: savedReview.practices ?? '',
              writeUp: savedReview.practices ?? '',
              taskId: item.taskId,
              unitId: item.leadUnit?.id ?? null,
              periodId: props.periodId,
            }}
          />
        )}
        {savedReview && needsReason(savedReview.outcome) && (
          <CreateRectificationButton
            size="small"
            origin={{ type: 'review', id: props.periodId, taskId: item.taskId, periodId: props.periodId }}
            defaultUnitId={item.leadUnit?.id ?? null}
            defaultTitle={t('review.rectificationTitle', { task: item.taskTitle })}
            defaultFinding={savedReview.explanation ?? ''}
          />
        )}
      </Flex>
    </Form>
  );
}
