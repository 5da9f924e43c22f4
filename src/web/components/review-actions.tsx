import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message.js';
import { ReviewReasonModal } from './review-reason-modal.js';

/** What a review flow calls its steps, in the caller's language. */
export interface ReviewActionTexts<A extends string> {
  /** The button, and the confirmation's title and OK button. */
  label: (action: A) => string;
  /** What happens next: the confirmation's body, or the help above the reason. */
  help: (action: A) => string;
  /** The message once the step is done. */
  done: (action: A) => string;
  /** The warning when the subject moved on meanwhile. */
  stale: string;
  reasonLabel: string;
  reasonPlaceholder: string;
}

interface ReviewActionsProps<A extends string> {
  /** The steps the caller may take now, in the order people take them. */
  actions: readonly A[];
  /** The step running now (undefined: none). */
  busyAction: string | undefined;
  /** Takes one step; resolves once done, rejects with the API's error. */
  onAct: (action: A, reason?: string) => Promise<unknown>;
  /** The errors that mean "the subject moved on": reload it and say so. */
  isStale: (error: unknown) => boolean;
  onStale: () => void;
  texts: ReviewActionTexts<A>;
  reasonMax: number;
}

/**
 * A review flow's buttons (plans, closure applications): each step is confirmed first, except
 * `return`, which asks for a reason. One step runs at a time; the others wait, disabled.
 */
export function ReviewActions<A extends string>(props: ReviewActionsProps<A>) {
  const { actions, busyAction, texts } = props;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [returning, setReturning] = useState<A | null>(null);
  if (actions.length === 0) return null;

  const run = (action: A, reason?: string) =>
    props.onAct(action, reason).then(
      () => {
        setReturning(null);
        void message.success(texts.done(action));
      },
      (error: unknown) => {
        setReturning(null);
        if (props.isStale(error)) {
          void message.warning(texts.stale);
          props.onStale();
          return;
        }
        void message.error(errorMessage(error, t));
      },
    );

  const handleClick = (action: A) => {
    if (action === 'return') {
      setReturning(action);
      return;
    }
    modal.confirm({
      title: texts.label(action),
      content: texts.help(action),
      okText: texts.label(action),
      cancelText: t('common.cancel'),
      onOk: () => run(action),
    });
  };

  return (
    <Flex gap={8} wrap>
      {actions.map((action) => (
        <Button
          key={action}
          type={action === 'return' ? 'default' : 'primary'}
          danger={action === 'return'}
          loading={busyAction === action}
          disabled={busyAction !== undefined && busyAction !== action}
          onClick={() => handleClick(action)}
        >
          {texts.label(action)}
        </Button>
      ))}
      {returning !== null && (
        <ReviewReasonModal
          title={texts.label(returning)}
          help={texts.help(returning)}
          label={texts.reasonLabel}
          placeholder={texts.reasonPlaceholder}
          okText={texts.label(returning)}
          maxLength={props.reasonMax}
          isPending={busyAction !== undefined}
          onSubmit={(reason) => void run(returning, reason)}
          onClose={() => setReturning(null)}
        />
      )}
    </Flex>
  );
}
