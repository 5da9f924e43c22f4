import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinContent } from '../../api/bulletins.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { BULLETIN_SHEET_CSS } from './bulletin-sheet.css.js';

/** What the sheet shows: a saved bulletin, or the editor's unsaved copy. */
export interface BulletinSheetData {
  title: string;
  number: string | null;
  organisation: string | null;
  issuedAt: string | null;
  asOf: string;
  content: BulletinContent;
}

type SectionKey = keyof BulletinContent;

/** Lines and the free note as paragraphs, or "无。" when the section says nothing. */
function Paragraphs({ lines, note }: { lines: ReadonlyArray<{ text: string }>; note: string }) {
  const { t } = useTranslation();
  const texts = [...lines.map((line) => line.text), note.trim()].filter(Boolean);
  if (texts.length === 0) return <p>{t('bulletins.doc.none')}</p>;
  return (
    <>
      {texts.map((text, i) => (
        // Lines may repeat word for word; their place is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity
        <p key={i}>{text}</p>
      ))}
    </>
  );
}

function RankingTable({ content }: { content: BulletinContent }) {
  const { t } = useTranslation();
  const { rows, note } = content.ranking;
  if (rows.length === 0) return <Paragraphs lines={[]} note={note} />;
  return (
    <>
      <table className="bulletin-table">
        <thead>
          <tr>
            <th>{t('bulletins.rankingCols.rank')}</th>
            <th>{t('bulletins.rankingCols.unit')}</th>
            <th>{t('bulletins.rankingCols.score')}</th>
            <th>{t('bulletins.rankingCols.tasks')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId}>
              <td className="mid">{row.rank}</td>
              <td>{row.unitName}</td>
              <td className="num">{row.score.toFixed(2)}</td>
              <td className="num">{row.taskCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note.trim() && <p>{note}</p>}
    </>
  );
}

function OverdueTable({ content }: { content: BulletinContent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { rows, note } = content.overdue;
  if (rows.length === 0) return <Paragraphs lines={[]} note={note} />;
  return (
    <>
      <table className="bulletin-table">
        <thead>
          <tr>
            <th>{t('bulletins.doc.no')}</th>
            <th>{t('bulletins.overdueCols.task')}</th>
            <th>{t('bulletins.overdueCols.unit')}</th>
            <th>{t('bulletins.overdueCols.deadline')}</th>
            <th>{t('bulletins.overdueCols.days')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.taskId}>
              <td className="mid">{i + 1}</td>
              <td>{`${row.taskNumber} ${row.title}`}</td>
              <td>{row.unitName ?? '—'}</td>
              <td className="mid">{formatDay(row.deadline, locale)}</td>
              <td className="num">{row.workingDaysOverdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note.trim() && <p>{note}</p>}
    </>
  );
}

/** The bulletin laid out like the official document: letterhead, number, title, six sections, signature, record. */
export function BulletinSheet({ data, variant }: { data: BulletinSheetData; variant: 'page' | 'panel' }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const org = data.organisation;
  const join = (text: string) => `${org ?? ''}${org && locale === 'en' ? ' ' : ''}${text}`;
  const letterhead = join(t('bulletins.doc.letterhead'));
  const size = Math.max(18, Math.min(36, Math.floor(420 / Math.max(1, [...letterhead].length))));
  const date = data.issuedAt ? formatDate(data.issuedAt, locale) : formatDay(data.asOf, locale);
  const { content } = data;
  const body: Record<SectionKey, ReactNode> = {
    figures: <Paragraphs lines={content.figures.lines} note={content.figures.note} />,
    ranking: <RankingTable content={content} />,
    commendations: <Paragraphs lines={content.commendations.lines} note={content.commendations.note} />,
    criticisms: <Paragraphs lines={content.criticisms.lines} note={content.criticisms.note} />,
    overdue: <OverdueTable content={content} />,
    requirements: <Paragraphs lines={content.requirements.lines} note={content.requirements.note} />,
  };
  return (
    <article className={`bulletin-sheet is-${variant}`} aria-label={data.number ?? data.title}>
      <style>{BULLETIN_SHEET_CSS}</style>
      <h1 className="bulletin-letterhead" style={{ fontSize: variant === 'page' ? `${size}pt` : `${size * 0.8}px` }}>
        {letterhead}
      </h1>
      <div className="bulletin-number">
        {data.number ?? t('bulletins.doc.draftNumber', { year: data.asOf.slice(0, 4) })}
      </div>
      <hr className="bulletin-rule" />
      <h2 className="bulletin-heading-title">{data.title}</h2>
      <p className="is-flush">{t('bulletins.doc.addressee')}</p>
      {(Object.keys(body) as SectionKey[]).map((key) => (
        <section key={key}>
          <h3>{t(`bulletins.doc.headings.${key}`)}</h3>
          {body[key]}
        </section>
      ))}
      <div className="bulletin-signature">
        <div>{join(t('bulletins.doc.office'))}</div>
        <div>{date}</div>
      </div>
      <div className="bulletin-record">
        <span>{join(t('bulletins.doc.office'))}</span>
        <span>{t('bulletins.doc.printed', { date })}</span>
      </div>
    </article>
  );
}
