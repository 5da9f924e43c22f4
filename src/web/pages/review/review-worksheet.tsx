import { App, Card, Empty, Flex, Grid } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import type { RefSelectProps } from 'antd/es/select';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.js';
import type { ReviewItem, ReviewReason, ReviewWorksheet as Worksheet } from '../../api/review.api.js';
import { errorMessage } from '../../lib/error-message.js';
import { useSaveReview } from './review.queries.js';
import { bodyOf, draftOf, nextUnreviewedIndex, outcomeOf, type ReviewDraft } from './review-draft.js';
import { ReviewFilterBar, type ReviewFilterState } from './review-filter-bar.js';
import { ReviewList } from './review-list.js';
import { ReviewRowEditor } from './review-row-editor.js';
import { ReviewStepper } from './review-stepper.js';
import { ReviewTaskHead } from './review-task-head.js';
import { useReviewKeys } from './use-review-keys.js';

type RowError = { text: string; field: string | undefined };

/** The rows the filters let through; rows saved under "unreviewed only" stay until the filters change. */
function filterRows(items: ReviewItem[], filters: ReviewFilterState, kept: ReadonlySet<number>): ReviewItem[] {
  return items.filter(
    (item) =>
      (!filters.unreviewedOnly || !item.review || kept.has(item.taskId)) &&
      (!filters.outcome || outcomeOf(item) === filters.outcome) &&
      (!filters.unitId || item.leadUnit?.id === filters.unitId),
  );
}

/**
 * The worksheet itself: the list (or, on a phone, one card at a time) and the editor of the current
 * row, driven by the keyboard. The whole period is loaded once and filtered here, so moving and
 * filtering need no round trip; each save patches its row in place.
 */
export function ReviewWorksheet({
  sheet,
  reasons,
  onConflict,
}: {
  sheet: Worksheet;
  reasons: ReviewReason[];
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isNarrow = !Grid.useBreakpoint().md;
  const periodId = sheet.period.id;
  const save = useSaveReview(periodId);
  const [filters, setFilters] = useState<ReviewFilterState>({
    unreviewedOnly: false,
    outcome: undefined,
    unitId: undefined,
  });
  const [kept, setKept] = useState<Set<number>>(new Set());
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<Record<number, ReviewDraft>>({});
  const [errors, setErrors] = useState<Record<number, RowError>>({});
  const reasonRef = useRef<RefSelectProps>(null);
  const textRef = useRef<TextAreaRef>(null);

  const rows = useMemo(() => filterRows(sheet.items, filters, kept), [sheet.items, filters, kept]);
  const found = rows.findIndex((row) => row.taskId === currentId);
  const current = Math.max(found, 0);
  const item = rows[current];
  const draft = item ? (drafts[item.taskId] ?? draftOf(item)) : null;

  const handleFilters = (next: ReviewFilterState) => {
    setFilters(next);
    setKept(new Set());
  };
  const moveTo = (index: number) => setCurrentId(rows[Math.max(0, Math.min(rows.length - 1, index))]?.taskId ?? null);
  const setDraft = (next: ReviewDraft) => item && setDrafts((all) => ({ ...all, [item.taskId]: next }));
  const forget = <T,>(all: Record<number, T>, taskId: number) => {
    const { [taskId]: _gone, ...rest } = all;
    return rest;
  };

  const handleSave = () => {
    if (!item || !draft || !sheet.canEdit || save.isPending) return;
    const taskId = item.taskId;
    save.mutate(
      { taskId, body: bodyOf(draft, item) },
      {
        onSuccess: (saved) => {
          setDrafts((all) => forget(all, taskId));
          setErrors((all) => forget(all, taskId));
          if (filters.unreviewedOnly) setKept((ids) => new Set(ids).add(taskId));
          void message.success({ content: t('review.saved'), duration: 1 });
          // Back to the list's keys for the next row (the editor's fields would keep the focus).
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          const after = rows.map((row) => (row.taskId === taskId ? saved : row));
          setCurrentId(after[nextUnreviewedIndex(after, current)]?.taskId ?? taskId);
        },
        onError: (error) => {
          setErrors((all) => ({
            ...all,
            [taskId]: { text: errorMessage(error, t), field: isApiError(error) ? error.field : undefined },
          }));
          if (isApiError(error, 'version_conflict')) onConflict();
        },
      },
    );
  };

  useReviewKeys(
    {
      move: (delta) => moveTo(current + delta),
      setOutcome: (outcome) => draft && setDraft({ ...draft, outcome }),
      focusReason: () => reasonRef.current?.focus(),
      focusText: () => textRef.current?.focus(),
      toggleExemplary: () => draft && setDraft({ ...draft, exemplaryCandidate: !draft.exemplaryCandidate }),
      save: handleSave,
    },
    rows.length > 0,
  );

  const units = useMemo(() => {
    const byId = new Map(
      sheet.items.flatMap((row) => (row.leadUnit ? [[row.leadUnit.id, row.leadUnit.name] as const] : [])),
    );
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }, [sheet.items]);

  const editor = item && draft && (
    <>
      <ReviewTaskHead item={item} />
      <ReviewRowEditor
        item={item}
        periodId={periodId}
        draft={draft}
        reasons={reasons}
        canEdit={sheet.canEdit}
        isSaving={save.isPending}
        error={errors[item.taskId] ?? null}
        refs={{ reason: reasonRef, text: textRef }}
        onChange={setDraft}
        onSave={handleSave}
      />
    </>
  );
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.empty')} />;

  return (
    <>
      <ReviewFilterBar filters={filters} units={units} onChange={handleFilters} />
      {isNarrow ? (
        <Card size="small">
          {item ? <ReviewStepper index={current} count={rows.length} onMove={moveTo} /> : null}
          {editor ?? empty}
        </Card>
      ) : (
        <Flex gap={16} align="flex-start">
          <Card
            size="small"
            style={{ flex: 1, minWidth: 0 }}
            styles={{ body: { padding: 0, maxHeight: 'calc(100vh - 300px)', minHeight: 240, overflow: 'auto' } }}
          >
            {rows.length > 0 ? (
              <ReviewList
                items={rows}
                current={current}
                reasons={reasons}
                dirty={new Set(Object.keys(drafts).map(Number))}
                onSelect={moveTo}
              />
            ) : (
              empty
            )}
          </Card>
          <Card size="small" style={{ width: 380, flex: 'none', position: 'sticky', top: 16 }}>
            {editor ?? empty}
          </Card>
        </Flex>
      )}
    </>
  );
}
