import { LOCALES, type Locale } from '../../shared/locales.js';
import {
  PUBLIC_LIMITS,
  type PublicTask,
  type PublicTaskPage,
  type PublicTaskSummary,
} from '../../shared/public-api.js';
import { statusName } from '../i18n/task-terms.js';
import { type PublicTexts, publicTexts } from './public-texts.js';

// The public pages as server-rendered HTML: no script, one stylesheet, landmarks and headings for
// screen readers, and every value escaped on the way out (comments and summaries are plain text).

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

/** A public URL with the language carried over (zh-CN, the default, is left out). */
export function publicHref(path: string, locale: Locale, params: Record<string, string | number | undefined> = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  if (locale !== 'zh-CN') search.set('lang', locale);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

interface Layout {
  locale: Locale;
  title: string;
  /** The same page in another language: path and the other parameters to keep. */
  path: string;
  params?: Record<string, string | number | undefined>;
  body: string;
}

function layout({ locale, title, path, params = {}, body }: Layout): string {
  const tx = publicTexts(locale);
  const languages = LOCALES.map((other) =>
    other === locale
      ? `<li><span aria-current="true">${esc(LANGUAGE_NAMES[other])}</span></li>`
      : `<li><a href="${esc(publicHref(path, other, params))}" hreflang="${other}" lang="${other}">${esc(LANGUAGE_NAMES[other])}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${esc(tx.siteTitle)}</title>
<link rel="stylesheet" href="/public/style.css">
</head>
<body>
<a class="skip" href="#main">${esc(tx.skip)}</a>
<header class="site">
<div class="wrap">
<p class="brand"><a href="${esc(publicHref('/public', locale))}">${esc(tx.siteTitle)}</a><span>${esc(tx.siteSubtitle)}</span></p>
<nav aria-label="${esc(tx.language)}"><ul class="langs">${languages}</ul></nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${body}
</main>
<footer class="site"><div class="wrap"><p>${esc(tx.footer)}</p></div></footer>
</body>
</html>`;
}

function lightBadge(tx: PublicTexts, light: PublicTaskSummary['light']): string {
  if (!light) return `<span class="light none">${esc(tx.noLight)}</span>`;
  return `<span class="light ${light}"><span class="dot" aria-hidden="true"></span>${esc(tx.lights[light])}</span>`;
}

function progressBar(percent: number): string {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return `<span class="progress"><progress max="100" value="${value}" aria-hidden="true"></progress><span>${value}%</span></span>`;
}

function facts(tx: PublicTexts, locale: Locale, task: PublicTaskSummary): string {
  const rows: Array<[string, string]> = [
    [tx.number, esc(task.number)],
    [tx.leadUnit, esc(task.leadUnit?.name ?? '—')],
    [tx.deadline, esc(task.deadline ?? tx.noDeadline)],
    [tx.status, esc(statusName(locale, task.status))],
    [tx.progress, progressBar(task.progress)],
    [tx.light, lightBadge(tx, task.light)],
  ];
  return `<dl class="facts">${rows.map(([term, value]) => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

function taskCard(tx: PublicTexts, locale: Locale, task: PublicTaskSummary, level: 2 | 3): string {
  const href = publicHref(`/public/tasks/${task.id}`, locale);
  return `<li><article class="card"><h${level}><a href="${esc(href)}">${esc(task.title)}</a></h${level}>${facts(tx, locale, task)}</article></li>`;
}

/** The list page: search, area filter, one page of public tasks. */
export function renderListPage(
  locale: Locale,
  page: PublicTaskPage,
  query: { q?: string | undefined; unitId?: number | undefined },
): string {
  const tx = publicTexts(locale);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const params = { q: query.q, unitId: query.unitId };
  const options = page.units
    .map((unit) => {
      const selected = unit.id === query.unitId ? ' selected' : '';
      return `<option value="${unit.id}"${selected}>${'\u3000'.repeat(Math.max(0, unit.depth))}${esc(unit.name)}</option>`;
    })
    .join('');
  const form = `<form class="search" method="get" action="/public" role="search">
${locale !== 'zh-CN' ? `<input type="hidden" name="lang" value="${locale}">` : ''}
<div class="field"><label for="q">${esc(tx.searchLabel)}</label><input id="q" name="q" type="search" maxlength="${PUBLIC_LIMITS.searchMax}" value="${esc(query.q ?? '')}"></div>
<div class="field"><label for="unitId">${esc(tx.area)}</label><select id="unitId" name="unitId"><option value="">${esc(tx.allAreas)}</option>${options}</select></div>
<button type="submit">${esc(tx.apply)}</button>
</form>`;
  const items = page.items.length
    ? `<ul class="cards">${page.items.map((task) => taskCard(tx, locale, task, 2)).join('')}</ul>`
    : `<p class="empty">${esc(tx.empty)}</p>`;
  const link = (n: number, label: string, rel: string) =>
    `<a rel="${rel}" href="${esc(publicHref('/public', locale, { ...params, page: n }))}">${esc(label)}</a>`;
  const pager =
    pages > 1
      ? `<nav class="pager" aria-label="${esc(tx.pageOf(page.page, pages))}">${page.page > 1 ? link(page.page - 1, tx.previous, 'prev') : ''}<span>${esc(tx.pageOf(page.page, pages))}</span>${page.page < pages ? link(page.page + 1, tx.next, 'next') : ''}</nav>`
      : '';
  const body = `<h1>${esc(tx.listHeading)}</h1>
${form}
<p class="count" role="status">${esc(tx.results(page.total))}</p>
${items}
${pager}`;
  return layout({ locale, title: tx.listHeading, path: '/public', params: { ...params, page: page.page }, body });
}

export type RatingNotice = 'thanks' | 'rate_limited' | 'invalid' | null;

function ratingForm(tx: PublicTexts, locale: Locale, task: PublicTask, notice: RatingNotice): string {
  const stars = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<input type="radio" id="rating-${n}" name="rating" value="${n}" required><label for="rating-${n}"><span aria-hidden="true">${'★'.repeat(n)}</span> ${esc(tx.stars(n))} · ${esc(tx.rateLabels[n - 1] ?? '')}</label>`,
    )
    .join('');
  const message =
    notice === 'thanks'
      ? `<p class="notice ok" role="status">${esc(tx.thanks)}</p>`
      : notice === 'rate_limited'
        ? `<p class="notice warn" role="alert">${esc(tx.rateLimited)}</p>`
        : notice === 'invalid'
          ? `<p class="notice warn" role="alert">${esc(tx.invalid)}</p>`
          : '';
  return `<section aria-labelledby="rate-h" id="rate">
<h2 id="rate-h">${esc(tx.rateHeading)}</h2>
${message}
<form method="post" action="/public/tasks/${task.id}/ratings" class="rate">
${locale !== 'zh-CN' ? `<input type="hidden" name="lang" value="${locale}">` : ''}
<fieldset><legend>${esc(tx.rateLegend)}</legend><div class="stars">${stars}</div></fieldset>
<div class="field"><label for="comment">${esc(tx.comment)}</label>
<textarea id="comment" name="comment" rows="4" maxlength="${PUBLIC_LIMITS.commentMax}" aria-describedby="comment-hint"></textarea>
<p id="comment-hint" class="hint">${esc(tx.commentHint)}</p></div>
<div class="hp" aria-hidden="true"><label for="website">${esc(tx.honeypot)}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit">${esc(tx.submit)}</button>
</form>
</section>`;
}

/** A public task's page: the facts, the public timeline, subtasks, ratings and the rating form. */
export function renderTaskPage(locale: Locale, task: PublicTask, notice: RatingNotice): string {
  const tx = publicTexts(locale);
  const timeline = task.timeline.length
    ? `<ol class="timeline">${task.timeline.map((entry) => `<li><time datetime="${esc(entry.date)}">${esc(entry.date)}</time><p>${esc(entry.text)}</p></li>`).join('')}</ol>`
    : `<p class="empty">${esc(tx.noTimeline)}</p>`;
  const subtasks = task.subtasks.length
    ? `<section aria-labelledby="sub-h"><h2 id="sub-h">${esc(tx.subtasks)}</h2><ul class="cards">${task.subtasks.map((sub) => taskCard(tx, locale, sub, 3)).join('')}</ul></section>`
    : '';
  const average =
    task.ratings.average === null
      ? `<p class="empty">${esc(tx.noRatings)}</p>`
      : `<p class="average"><span aria-hidden="true" class="stars-shown">${'★'.repeat(Math.round(task.ratings.average))}${'☆'.repeat(5 - Math.round(task.ratings.average))}</span> ${esc(tx.average(task.ratings.average.toFixed(1), task.ratings.count))}</p>`;
  const comments = task.comments.length
    ? `<h3>${esc(tx.comments)}</h3><ul class="comments">${task.comments.map((c) => `<li><p class="meta"><time datetime="${esc(c.date)}">${esc(c.date)}</time> · ${esc(tx.stars(c.rating))}</p><p>${esc(c.text)}</p></li>`).join('')}</ul>`
    : '';
  const body = `<p class="back"><a href="${esc(publicHref('/public', locale))}">← ${esc(tx.back)}</a></p>
<article class="task">
<h1>${esc(task.title)}</h1>
${facts(tx, locale, task)}
${task.description ? `<section aria-labelledby="desc-h"><h2 id="desc-h">${esc(tx.description)}</h2><p class="text">${esc(task.description)}</p></section>` : ''}
<section aria-labelledby="tl-h"><h2 id="tl-h">${esc(tx.timeline)}</h2>${timeline}</section>
${subtasks}
<section aria-labelledby="sat-h"><h2 id="sat-h">${esc(tx.satisfaction)}</h2>${average}${comments}</section>
${ratingForm(tx, locale, task, notice)}
</article>`;
  return layout({ locale, title: `${task.number} ${task.title}`, path: `/public/tasks/${task.id}`, body });
}

/** The page for a task that is not public (or does not exist). */
export function renderNotFoundPage(locale: Locale): string {
  const tx = publicTexts(locale);
  const body = `<h1>${esc(tx.notFound)}</h1><p><a href="${esc(publicHref('/public', locale))}">${esc(tx.back)}</a></p>`;
  return layout({ locale, title: tx.notFound, path: '/public', body });
}
