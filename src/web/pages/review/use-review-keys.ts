import { useEffect, useRef } from 'react';
import type { TaskOutcome } from '../../../shared/assessment-api.js';
import { outcomeForKey } from './review-draft.js';

/** What the worksheet's keys do. */
export interface ReviewKeyHandlers {
  move: (delta: number) => void;
  setOutcome: (outcome: TaskOutcome) => void;
  focusReason: () => void;
  focusText: () => void;
  toggleExemplary: () => void;
  save: () => void;
}

/** True while the person types in a field or works a select: plain keys belong to it then. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.ant-select, .ant-picker')) return true;
  // Radios and checkboxes take no text: the worksheet's keys keep working on them.
  if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable;
}

/** The handler of a plain key, if it has one; a focused button keeps Enter for itself. */
function actionFor(key: string, h: ReviewKeyHandlers, onButton: boolean): (() => void) | undefined {
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return () => h.move(1);
    case 'ArrowUp':
    case 'k':
      return () => h.move(-1);
    case 'r':
      return h.focusReason;
    case 'e':
      return h.focusText;
    case 'x':
      return h.toggleExemplary;
    case 'Enter':
      return onButton ? undefined : h.save;
    default:
      return undefined;
  }
}

/**
 * The worksheet's keyboard: ↑/↓ or j/k move, 1–3 set the outcome, r and e jump to the reason and
 * the text, x toggles the exemplary flag, Enter saves and moves on. Ctrl+S (⌘S) and Ctrl+Enter
 * save from anywhere, even inside a field; Escape leaves a field so the plain keys work again.
 */
export function useReviewKeys(handlers: ReviewKeyHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    const handleKeyDown = (event: KeyboardEvent) => {
      const h = latest.current;
      // A dialog (the reasons list, a rectification or case form) keeps every key for itself.
      if (
        event.target instanceof HTMLElement &&
        event.target.closest('.ant-modal-root, .ant-modal-wrap, [role="dialog"]')
      )
        return;
      const withCtrl = event.ctrlKey || event.metaKey;
      if (withCtrl && (event.key === 's' || event.key === 'S' || event.key === 'Enter')) {
        event.preventDefault();
        h.save();
        return;
      }
      if (event.key === 'Escape' && isTyping(event.target)) {
        if (!(event.target as HTMLElement).closest('.ant-select-open')) (event.target as HTMLElement).blur();
        return;
      }
      if (withCtrl || event.altKey || isTyping(event.target)) return;
      const onButton = event.target instanceof HTMLElement && event.target.closest('button, [role="button"]');
      const outcome = outcomeForKey(event.key);
      const action = outcome ? () => h.setOutcome(outcome) : actionFor(event.key, h, Boolean(onButton));
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [enabled]);
}
