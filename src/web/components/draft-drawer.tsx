import { App, Button, Drawer, Flex, Grid } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormError, FormErrorAlert } from '../lib/use-form-errors.js';

/** The part of a TanStack mutation used here, so that any feature's save and act fit. */
interface Mutation<V, D> {
  isPending: boolean;
  mutate: (variables: V, options?: { onSuccess?: (data: D) => void; onError?: (error: Error) => void }) => void;
}

interface SaveThenSubmitOptions<I, S> {
  save: Mutation<I, S>;
  act: Mutation<{ action: 'submit'; version: number }, unknown>;
  /** The version to submit once saved (null: nothing was saved to submit). */
  savedVersion: (saved: S) => number | null;
  texts: { saved: string; submitted: string };
  onSaveError: (error: unknown) => void;
  /** Saved, but not submitted: say why. */
  onSubmitError: (error: unknown) => void;
  /** Saved (and submitted, when asked): close the form. */
  onDone: () => void;
}

/**
 * A review flow's draft (a plan, a closure application): "save" keeps it, "save and submit" keeps
 * it and then submits the version just saved for review.
 */
export function useSaveThenSubmit<I, S>(options: SaveThenSubmitOptions<I, S>) {
  const { message } = App.useApp();
  const { texts, onDone } = options;
  return (input: I, andSubmit: boolean) =>
    options.save.mutate(input, {
      onError: options.onSaveError,
      onSuccess: (saved) => {
        const version = options.savedVersion(saved);
        if (!andSubmit || version === null) {
          void message.success(texts.saved);
          onDone();
          return;
        }
        options.act.mutate(
          { action: 'submit', version },
          {
            onSuccess: () => {
              void message.success(texts.submitted);
              onDone();
            },
            onError: options.onSubmitError,
          },
        );
      },
    });
}

interface DraftDrawerProps {
  title: string;
  /** The width on a desk; on a phone the drawer fills the screen. */
  width: number;
  saveLabel: string;
  submitLabel: string;
  isSaving: boolean;
  isSubmitting: boolean;
  /** The form's message (a conflict, an error), above everything else. */
  error: FormError | null;
  onClose: () => void;
  onSave: (andSubmit: boolean) => void;
  children: ReactNode;
}

/** The drawer a draft is edited in, with cancel, save, and save and submit (one at a time) below. */
export function DraftDrawer(props: DraftDrawerProps) {
  const { isSaving, isSubmitting, onClose, onSave } = props;
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const isPending = isSaving || isSubmitting;
  return (
    <Drawer
      open
      onClose={onClose}
      title={props.title}
      size={isMobile ? '100%' : props.width}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={isSaving && !isSubmitting} disabled={isPending} onClick={() => onSave(false)}>
            {props.saveLabel}
          </Button>
          <Button type="primary" loading={isPending} onClick={() => onSave(true)}>
            {props.submitLabel}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert error={props.error} />
      {props.children}
    </Drawer>
  );
}
