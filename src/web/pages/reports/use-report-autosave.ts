import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api/http.js';
import { reportKeys } from '../../api/report-query-keys.js';
import { getReport, type ReportDetail, saveReport } from '../../api/reports.api.js';
import {
  Autosaver,
  type AutosaveStatus,
  hasUnsavedWork,
  type LocalDraft,
  localDraftKey,
  readLocalDraft,
  removeLocalDraft,
  writeLocalDraft,
} from '../../lib/autosave.js';
import { isReportFormValues, type ReportFormValues, reportFormValues, toDraftFields } from './report-form-values.js';

/** The pause in typing after which a draft is saved. */
const AUTOSAVE_DELAY_MS = 1500;

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Autosave for the report form: changes go to `PUT /reports/:id` with the version after a pause in
 * typing; a copy of the input stays in localStorage until the server has it, and a copy left by a
 * closed tab or a crash is offered back. Unsaved input is sent when the page is hidden or left.
 */
export function useReportAutosave(report: ReportDetail) {
  const queryClient = useQueryClient();
  const storage = useMemo(browserStorage, []);
  const key = localDraftKey('report', report.id);
  const versionRef = useRef(report.version);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const [restorable, setRestorable] = useState<LocalDraft<ReportFormValues> | null>(() => {
    const local = readLocalDraft(storage, key, isReportFormValues);
    return hasUnsavedWork(local, reportFormValues(report)) ? local : null;
  });

  const saverRef = useRef<Autosaver<ReportFormValues> | null>(null);
  if (saverRef.current === null) {
    saverRef.current = new Autosaver<ReportFormValues>(reportFormValues(report), {
      delayMs: AUTOSAVE_DELAY_MS,
      save: async (changes) => {
        const saved = await saveReport(report.id, versionRef.current, toDraftFields(changes));
        versionRef.current = saved.version;
        queryClient.setQueryData(reportKeys.detail(saved.id), saved);
      },
      isConflict: (error) => isApiError(error, 'version_conflict'),
      onStatus: (next) => {
        setStatus(next);
        if (next.kind === 'saved') removeLocalDraft(storage, key);
      },
    });
  }
  const saver = saverRef.current;

  // A copy left from an earlier visit that matches the server is not worth offering: drop it.
  const isOffering = restorable !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the copy found on opening the form
  useEffect(() => {
    if (!isOffering) removeLocalDraft(storage, key);
  }, []);

  useEffect(() => {
    const flush = () => void saver.flush().catch(() => undefined);
    const handleHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const handleBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.isDirty) return;
      flush();
      event.preventDefault();
    };
    document.addEventListener('visibilitychange', handleHidden);
    window.addEventListener('beforeunload', handleBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', handleHidden);
      window.removeEventListener('beforeunload', handleBeforeUnload);
      flush();
    };
  }, [saver]);

  /** The form changed: keep a local copy at once, save after the pause. */
  const edit = useCallback(
    (values: ReportFormValues) => {
      writeLocalDraft(storage, key, { savedAt: new Date().toISOString(), baseVersion: versionRef.current, values });
      saver.edit(values);
    },
    [saver, storage, key],
  );

  /** Reloads the report after a conflict; keeps `mine` (answered) or takes the server's values. */
  const resolveConflict = useCallback(
    async (mine: ReportFormValues | null): Promise<ReportFormValues> => {
      const latest = await getReport(report.id);
      queryClient.setQueryData(reportKeys.detail(latest.id), latest);
      versionRef.current = latest.version;
      const server = reportFormValues(latest);
      if (mine) saver.reset(server, mine);
      else {
        saver.reset(server);
        removeLocalDraft(storage, key);
      }
      return mine ?? server;
    },
    [report.id, queryClient, saver, storage, key],
  );

  return {
    status,
    restorable,
    /** The offered copy was taken into the form (which then saves it). */
    acceptRestorable: () => setRestorable(null),
    /** The offered copy is not wanted: forget it, unless something new has been typed since. */
    discardRestorable: () => {
      setRestorable(null);
      if (!saver.isDirty) removeLocalDraft(storage, key);
    },
    edit,
    /** Saves whatever is unsaved now (before a submission); rejects when that fails. */
    flush: () => saver.flush(),
    resolveConflict,
    /** The version the next write must carry. */
    version: () => versionRef.current,
    /** After the report left the editable states: nothing more to save or keep. */
    finish: () => {
      saver.dispose();
      removeLocalDraft(storage, key);
    },
  };
}
