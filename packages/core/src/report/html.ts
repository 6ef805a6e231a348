/**
 * The report as one self-contained HTML page: inline CSS, a few lines of inline script (table
 * sorting), inline SVG charts with text alternatives, light and dark themes, print styles. It
 * requests nothing: a Content-Security-Policy allows only its own style and script (by hash), and
 * the only links are to the postmortem files themselves. Every string from a document is escaped.
 */
import { createHash } from 'node:crypto'
import { categories, type CategoryId } from '../rubric/categories.js'
import { isoDayNumber } from './build.js'
import type { Report, ReportAction, ReportPostmortem, ReportReview } from './types.js'

export interface HtmlReportOptions {
  /**
   * Prefix of the links to the postmortem files: the path from the page's folder to the folder the
   * report's paths are relative to, ending in `/` (empty: the same folder).
   */
  linkBase?: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

/** A link to a file: each path segment percent-encoded, so no path can become a scheme or break out. */
export function fileHref(path: string, linkBase = ''): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/')
  const base = linkBase.split('/').map((segment) => (segment === '' ? '' : encodeURIComponent(segment))).join('/')
  return `${base === '' ? './' : base}${encoded}`
}

const categoryTitle = (id: CategoryId): string => categories.find((category) => category.id === id)?.title ?? id
const shortTitle: Record<CategoryId, string> = {
  'blameless-tone': 'Tone',
  timeline: 'Timeline',
  impact: 'Impact',
  'root-cause': 'Root cause',
  'action-items': 'Actions',
  'follow-up': 'Follow-up',
}

const plural = (count: number, word: string, many = `${word}s`): string => `${count} ${count === 1 ? word : many}`

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--accent:#0969da;--bad:#cf222e;--warn:#9a6700;--good:#1a7f37;--bar:#0969da;--grid:#d1d9e0}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--accent:#4493f8;--bad:#f85149;--warn:#d29922;--good:#3fb950;--bar:#4493f8;--grid:#3d444d}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:1.7rem;margin:0 0 4px}h2{font-size:1.3rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}h3{font-size:1.05rem;margin:20px 0 6px}
a{color:var(--accent)}
.muted{color:var(--muted)}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:140px}
.card b{display:block;font-size:1.5rem}
.bad{color:var(--bad)}.warn{color:var(--warn)}.good{color:var(--good)}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.nowrap{white-space:nowrap}
th button{all:unset;cursor:pointer;font-weight:600;display:inline-flex;gap:4px;align-items:center}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px;border-radius:3px}
th button::after{content:"\\2195";color:var(--muted);font-size:.8em}
th[aria-sort=ascending] button::after{content:"\\2191";color:var(--fg)}
th[aria-sort=descending] button::after{content:"\\2193";color:var(--fg)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px}
figcaption{font-weight:600;margin-bottom:6px}
svg{width:100%;height:auto;display:block}
svg text{fill:var(--muted);font-size:11px}
svg .grid{stroke:var(--grid);stroke-width:1}
svg .line{fill:none;stroke:var(--bar);stroke-width:2}
svg .dot{fill:var(--bar)}
svg .barfill{fill:var(--bar)}
details{margin-top:6px}
.recurring{border:1px solid var(--line);border-left:4px solid var(--warn);border-radius:6px;padding:8px 14px;margin:10px 0;background:var(--card)}
.recurring.escalate{border-left-color:var(--bad)}
.tag{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 8px;font-size:.8rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--line:#999;--card:#fff;--accent:#000;--bar:#333;--grid:#bbb}
main{max-width:none;padding:0}
th button::after{content:""}
section{break-inside:auto}h2,h3{break-after:avoid}tr,figure,.recurring{break-inside:avoid}
a{text-decoration:none}
summary{list-style:none}
}
`

/**
 * Table sorting: a button in each sortable header; aria-sort says the order; a live region
 * announces it. And for printing, the folded lists are unfolded.
 */
const SCRIPT = `
(function(){
  var live=document.getElementById('sort-status');
  function key(cell){var v=cell.getAttribute('data-sort');return v===null?cell.textContent.trim():v}
  document.querySelectorAll('table[data-sortable]').forEach(function(table){
    table.querySelectorAll('th button[data-column]').forEach(function(button){
      button.addEventListener('click',function(){
        var th=button.closest('th');var column=Number(button.getAttribute('data-column'));var numeric=button.getAttribute('data-type')==='number';
        var order=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
        table.querySelectorAll('th[aria-sort]').forEach(function(other){other.removeAttribute('aria-sort')});
        th.setAttribute('aria-sort',order);
        var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);var sign=order==='ascending'?1:-1;
        rows.sort(function(a,b){
          var x=key(a.cells[column]),y=key(b.cells[column]);
          if(x===''&&y!=='')return 1;if(y===''&&x!=='')return -1;
          var d=numeric?Number(x)-Number(y):x.localeCompare(y);
          return d*sign;
        });
        rows.forEach(function(row){body.appendChild(row)});
        if(live)live.textContent='Sorted by '+button.textContent.trim()+', '+order+'.';
      });
    });
  });
  // Printed, every folded list (done items, chart data, held reviews) is shown; folded again after.
  var folded=[];
  window.addEventListener('beforeprint',function(){folded=[];document.querySelectorAll('details:not([open])').forEach(function(d){folded.push(d);d.open=true})});
  window.addEventListener('afterprint',function(){folded.forEach(function(d){d.open=false});folded=[]});
})();
`

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

interface Column<Row> {
  label: string
  type: 'text' | 'number'
  cell(row: Row): { html: string; sort?: string | number | null }
  /** Keep on one line (dates). */
  nowrap?: boolean
}

function sortableTable<Row>(caption: string, columns: Column<Row>[], rows: readonly Row[], initial?: { column: number; order: 'ascending' | 'descending' }): string {
  const head = columns
    .map((column, index) => {
      const sort = initial?.column === index ? ` aria-sort="${initial.order}"` : ''
      const cls = column.type === 'number' ? ' class="num"' : ''
      return `<th scope="col"${cls}${sort}><button type="button" data-column="${index}" data-type="${column.type}">${escapeHtml(column.label)}</button></th>`
    })
    .join('')
  const body = rows
    .map((row) => {
      const cells = columns.map((column) => {
        const { html, sort } = column.cell(row)
        const attr = sort === undefined ? '' : ` data-sort="${escapeHtml(sort ?? '')}"`
        const classes = [column.type === 'number' ? 'num' : '', column.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ')
        return `<td${classes ? ` class="${classes}"` : ''}${attr}>${html}</td>`
      })
      return `<tr>${cells.join('')}</tr>`
    })
    .join('\n')
  return `<table data-sortable><caption class="visually-hidden">${escapeHtml(caption)} (select a column header to sort)</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

function plainTable(caption: string, headers: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  const head = headers.map((header, index) => `<th scope="col"${numeric.has(index) ? ' class="num"' : ''}>${escapeHtml(header)}</th>`).join('')
  const body = rows.map((row) => `<tr>${row.map((cell, index) => `<td${numeric.has(index) ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`).join('\n')
  return `<table><caption class="visually-hidden">${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

const scoreClass = (score: number | null): string => (score === null ? '' : score >= 80 ? 'good' : score >= 50 ? 'warn' : 'bad')

function scoreChart(postmortems: readonly ReportPostmortem[]): string {
  const points = postmortems
    .filter((item) => item.score !== null && item.incidentDate !== null && isoDayNumber(item.incidentDate) !== null)
    .map((item) => ({ item, day: isoDayNumber(item.incidentDate!)!, score: item.score! }))
    .sort((a, b) => a.day - b.day)
  const undated = postmortems.filter((item) => item.score !== null).length - points.length
  const width = 640
  const height = 260
  const left = 36
  const right = 16
  const top = 12
  const bottom = 36
  const minDay = points[0]?.day ?? 0
  const maxDay = points.at(-1)?.day ?? 0
  const x = (day: number): number => (maxDay === minDay ? left + (width - left - right) / 2 : left + ((day - minDay) / (maxDay - minDay)) * (width - left - right))
  const y = (score: number): number => top + (1 - score / 100) * (height - top - bottom)
  const grid = [0, 25, 50, 75, 100]
    .map((value) => `<line class="grid" x1="${left}" x2="${width - right}" y1="${y(value)}" y2="${y(value)}"/><text x="${left - 6}" y="${y(value) + 4}" text-anchor="end">${value}</text>`)
    .join('')
  const line = points.length > 1 ? `<polyline class="line" points="${points.map((point) => `${x(point.day).toFixed(1)},${y(point.score).toFixed(1)}`).join(' ')}"/>` : ''
  const dots = points
    .map((point) => `<circle class="dot" cx="${x(point.day).toFixed(1)}" cy="${y(point.score).toFixed(1)}" r="4"><title>${escapeHtml(`${point.item.title}: ${point.score} on ${point.item.incidentDate}`)}</title></circle>`)
    .join('')
  const axis = points.length
    ? `<text x="${x(minDay)}" y="${height - 12}" text-anchor="${points.length > 1 ? 'start' : 'middle'}">${escapeHtml(points[0]!.item.incidentDate)}</text>` +
      (points.length > 1 ? `<text x="${x(maxDay)}" y="${height - 12}" text-anchor="end">${escapeHtml(points.at(-1)!.item.incidentDate)}</text>` : '')
    : `<text x="${width / 2}" y="${height / 2}" text-anchor="middle">No dated postmortem with a score</text>`
  const scores = points.map((point) => point.score)
  const desc = points.length
    ? `${plural(points.length, 'postmortem')} from ${points[0]!.item.incidentDate} to ${points.at(-1)!.item.incidentDate}; scores range from ${Math.min(...scores)} to ${Math.max(...scores)}, the latest is ${scores.at(-1)}.${undated ? ` ${plural(undated, 'postmortem')} without an incident date ${undated === 1 ? 'is' : 'are'} not shown.` : ''}`
    : 'No postmortem has both an incident date and a score.'
  const data = plainTable(
    'Score by incident date',
    ['Incident date', 'Postmortem', 'Score'],
    points.map((point) => [escapeHtml(point.item.incidentDate), escapeHtml(point.item.title), escapeHtml(point.score)]),
    new Set([2]),
  )
  return `<figure id="chart-score"><figcaption id="chart-score-title">Score by incident date</figcaption>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-score-svg-title chart-score-desc"><title id="chart-score-svg-title">Score by incident date</title><desc id="chart-score-desc">${escapeHtml(desc)}</desc>${grid}${line}${dots}${axis}</svg>
<p class="muted">${escapeHtml(desc)}</p><details><summary>Chart data</summary>${data}</details></figure>`
}

function categoryChart(postmortems: readonly ReportPostmortem[]): string {
  const rows = categories.map(({ id }) => {
    const values = postmortems.map((item) => item.categories[id]).filter((value): value is number => value !== undefined)
    return { id, mean: values.length ? Math.round(values.reduce((sum, value) => sum + value, 0) / values.length) : null, count: values.length }
  })
  const width = 640
  const rowHeight = 32
  const label = 170
  const height = rows.length * rowHeight + 8
  const bars = rows
    .map((row, index) => {
      const yTop = 4 + index * rowHeight
      const barWidth = row.mean === null ? 0 : ((width - label - 50) * row.mean) / 100
      return `<text x="${label - 8}" y="${yTop + 19}" text-anchor="end">${escapeHtml(shortTitle[row.id])}</text>` +
        `<rect class="grid" x="${label}" y="${yTop + 6}" width="${width - label - 50}" height="18" fill="none"/>` +
        `<rect class="barfill" x="${label}" y="${yTop + 6}" width="${barWidth.toFixed(1)}" height="18"><title>${escapeHtml(`${categoryTitle(row.id)}: mean ${row.mean ?? 'n/a'}`)}</title></rect>` +
        `<text x="${label + barWidth + 6}" y="${yTop + 19}">${row.mean ?? 'n/a'}</text>`
    })
    .join('')
  const scored = rows.filter((row) => row.mean !== null)
  const weakest = [...scored].sort((a, b) => a.mean! - b.mean!)[0]
  const desc = scored.length
    ? `Mean category scores: ${scored.map((row) => `${categoryTitle(row.id)} ${row.mean}`).join(', ')}.${weakest ? ` The weakest is ${categoryTitle(weakest.id)}.` : ''}`
    : 'No category scores.'
  return `<figure id="chart-categories"><figcaption>Mean score per category</figcaption>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-categories-svg-title chart-categories-desc"><title id="chart-categories-svg-title">Mean score per category</title><desc id="chart-categories-desc">${escapeHtml(desc)}</desc>${bars}</svg>
<p class="muted">${escapeHtml(desc)}</p></figure>`
}

function postmortemTable(report: Report, linkBase: string): string {
  const columns: Column<ReportPostmortem>[] = [
    { label: 'Postmortem', type: 'text', cell: (row) => ({ html: `<a href="${escapeHtml(fileHref(row.path, linkBase))}">${escapeHtml(row.title)}</a><br><span class="muted">${escapeHtml(row.path)}</span>`, sort: row.title.toLowerCase() }) },
    { label: 'Incident date', type: 'text', nowrap: true, cell: (row) => ({ html: escapeHtml(row.incidentDate ?? '—'), sort: row.incidentDate }) },
    { label: 'Severity', type: 'number', cell: (row) => ({ html: escapeHtml(row.severity ?? '—'), sort: row.severityLevel }) },
    { label: 'Status', type: 'text', cell: (row) => ({ html: escapeHtml(row.status ?? '—'), sort: row.status?.toLowerCase() ?? null }) },
    { label: 'Score', type: 'number', cell: (row) => ({ html: `<b class="${scoreClass(row.score)}">${escapeHtml(row.score ?? '—')}</b>`, sort: row.score }) },
    ...categories.map(({ id }): Column<ReportPostmortem> => ({
      label: shortTitle[id],
      type: 'number',
      cell: (row) => ({ html: escapeHtml(row.categories[id] ?? '—'), sort: row.categories[id] ?? null }),
    })),
    { label: 'Open / overdue', type: 'number', cell: (row) => ({ html: `${row.actions.open + row.actions.overdue}${row.actions.overdue ? ` / <span class="bad">${row.actions.overdue}</span>` : ''}`, sort: row.actions.overdue * 1000 + row.actions.open }) },
  ]
  const rows = [...report.postmortems].sort((a, b) => (b.incidentDate ?? '').localeCompare(a.incidentDate ?? ''))
  return sortableTable('Postmortems', columns, rows, { column: 1, order: 'descending' })
}

function actionTable(caption: string, actions: readonly ReportAction[], report: Report, linkBase: string): string {
  if (actions.length === 0) return '<p class="muted">None.</p>'
  const columns: Column<ReportAction>[] = [
    { label: 'Action', type: 'text', cell: (row) => ({ html: escapeHtml(row.text), sort: row.text.toLowerCase() }) },
    { label: 'Postmortem', type: 'text', cell: (row) => ({ html: `<a href="${escapeHtml(fileHref(row.path, linkBase))}">${escapeHtml(report.postmortems[row.postmortem]?.title ?? row.path)}</a> <span class="muted">line ${row.line}</span>`, sort: row.path }) },
    { label: 'Owner', type: 'text', cell: (row) => ({ html: row.owner === null ? '<span class="warn">no owner</span>' : escapeHtml(row.owner), sort: row.owner?.toLowerCase() ?? null }) },
    { label: 'Due', type: 'text', nowrap: true, cell: (row) => ({ html: row.due === null ? '<span class="warn">no date</span>' : escapeHtml(row.due), sort: row.dueDate }) },
    { label: 'Ticket', type: 'text', cell: (row) => ({ html: escapeHtml(row.ticket ?? '—'), sort: row.ticket }) },
    {
      label: 'State',
      type: 'text',
      cell: (row) => ({
        html: row.state === 'overdue' ? `<span class="bad">overdue ${plural(row.daysOverdue!, 'day')}</span>` : row.state === 'done' ? '<span class="good">done</span>' : 'open',
        sort: row.state,
      }),
    },
  ]
  return sortableTable(caption, columns, actions)
}

function reviewRows(reviews: readonly ReportReview[], linkBase: string): string[][] {
  return reviews.map((review) => [
    `<a href="${escapeHtml(fileHref(review.path, linkBase))}">${escapeHtml(review.title)}</a>`,
    escapeHtml(review.raw ?? '—'),
    review.state === 'overdue' ? `<span class="bad">overdue ${plural(review.daysOverdue!, 'day')}</span>` : escapeHtml(reviewStateText[review.state]),
  ])
}

const reviewStateText: Record<ReportReview['state'], string> = {
  held: 'held (the status says reviewed)',
  scheduled: 'scheduled',
  overdue: 'overdue',
  unreadable: 'not a readable date',
  none: 'not scheduled',
}

function recurringSection(report: Report, linkBase: string): string {
  if (report.recurring.length === 0) return '<p class="muted">No recurring cause found. Matching is narrow on purpose: a link it misses is better than one it invents.</p>'
  return report.recurring
    .map((group) => {
      const items = group.evidence
        .map(
          (item) =>
            `<li><a href="${escapeHtml(fileHref(item.path, linkBase))}">${escapeHtml(item.title)}</a> <span class="muted">${escapeHtml(item.incidentDate ?? 'no date')} · ${item.kind === 'root-cause' ? 'root cause' : 'contributing factor'}, line ${item.line}</span><br>` +
            `<q>${escapeHtml(item.text)}</q> <span class="muted">matched: ${item.matched.map((word) => `<code>${escapeHtml(word)}</code>`).join(' + ')}</span></li>`,
        )
        .join('')
      return `<div class="recurring${group.escalate ? ' escalate' : ''}"><h3>${escapeHtml(group.label)} <span class="tag">${group.kind === 'system' ? 'shared system' : 'failure class'}</span> <span class="tag">${plural(group.evidence.length, 'postmortem')}</span></h3>
<p><b class="${group.escalate ? 'bad' : 'warn'}">${escapeHtml(group.suggestion)}</b></p><p class="muted">${escapeHtml(group.explanation)}</p><ul>${items}</ul></div>`
    })
    .join('\n')
}

/** Render the report as one HTML page. */
export function renderReportHtml(report: Report, options: HtmlReportOptions = {}): string {
  const linkBase = options.linkBase ?? ''
  const { summary } = report
  const open = report.actions.filter((item) => item.state !== 'done')
  const overdue = open.filter((item) => item.state === 'overdue').sort((a, b) => b.daysOverdue! - a.daysOverdue!)
  const tracked = open.filter((item) => item.missing.length === 0 && item.state === 'open')
  const incomplete = open.filter((item) => item.missing.length > 0 && item.state !== 'overdue')
  const done = report.actions.filter((item) => item.state === 'done')

  const card = (label: string, value: string | number, cls = ''): string => `<div class="card"><b class="${cls}">${escapeHtml(value)}</b>${escapeHtml(label)}</div>`
  const cards = [
    card('postmortems', summary.postmortems),
    card('mean score', summary.meanScore ?? '—', scoreClass(summary.meanScore)),
    card('overdue actions', summary.actions.overdue, summary.actions.overdue ? 'bad' : 'good'),
    card('open actions', summary.actions.open),
    card('overdue reviews', summary.reviews.overdue, summary.reviews.overdue ? 'bad' : 'good'),
    card('recurring causes', summary.recurring, summary.recurring ? 'warn' : ''),
  ].join('')

  const owners = report.owners.length
    ? plainTable(
        'Action items by owner',
        ['Owner or team', 'Overdue', 'Open', 'Done'],
        report.owners.map((owner) => [escapeHtml(owner.owner), owner.overdue ? `<span class="bad">${owner.overdue}</span>` : '0', String(owner.open), String(owner.done)]),
        new Set([1, 2, 3]),
      )
    : '<p class="muted">No action item names an owner.</p>'
  const reviewsBy = (state: ReportReview['state'][]) => report.reviews.filter((review) => state.includes(review.state))
  const overdueReviews = reviewsBy(['overdue']).sort((a, b) => b.daysOverdue! - a.daysOverdue!)
  const findings = report.findings.length
    ? plainTable(
        'Most frequent findings',
        ['Rule', 'Findings', 'Postmortems', 'Most frequent message'],
        report.findings.map((rule) => [
          `<code>${escapeHtml(rule.ruleId)}</code>`,
          String(rule.count),
          String(rule.files),
          `${escapeHtml(rule.messages[0]!.example)} <span class="muted">(${plural(rule.messages[0]!.count, 'time')})</span>`,
        ]),
        new Set([1, 2]),
      )
    : '<p class="muted">No findings.</p>'
  const skipped = report.skipped.length || report.unreadable.length
    ? `<details><summary>${plural(report.skipped.length, 'file')} skipped, ${report.unreadable.length} unreadable</summary><ul>${[
        ...report.skipped.map((item) => `<li>${escapeHtml(item.path)} <span class="muted">— ${escapeHtml(item.reason)}</span></li>`),
        ...report.unreadable.map((item) => `<li>${escapeHtml(item.path)} <span class="bad">— ${escapeHtml(item.problem)}</span></li>`),
      ].join('')}</ul></details>`
    : ''

  const body = `<main>
<header><h1>Postmortem report</h1><p class="muted">As of ${escapeHtml(report.asOf)} · ${escapeHtml(plural(summary.files, 'file'))} read by ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}</p>
<div class="cards">${cards}</div></header>
<p id="sort-status" class="visually-hidden" aria-live="polite"></p>
<section id="postmortems" aria-labelledby="h-postmortems"><h2 id="h-postmortems">Postmortems</h2>
<div class="charts">${scoreChart(report.postmortems)}${categoryChart(report.postmortems)}</div>
${report.postmortems.length ? postmortemTable(report, linkBase) : '<p class="muted">No postmortem was read.</p>'}
${skipped}</section>
<section id="actions" aria-labelledby="h-actions"><h2 id="h-actions">Action tracker</h2>
<p>${escapeHtml(`${plural(summary.actions.total, 'action item')}: ${summary.actions.done} done, ${summary.actions.open} open, ${summary.actions.overdue} overdue as of ${report.asOf}.`)}</p>
<h3>Overdue</h3>${actionTable('Overdue action items', overdue, report, linkBase)}
<h3>No owner or no due date</h3>${actionTable('Open action items without an owner or a due date', incomplete, report, linkBase)}
<h3>Open</h3>${actionTable('Open action items', tracked, report, linkBase)}
<h3>By owner or team</h3>${owners}
<details><summary>${escapeHtml(plural(done.length, 'done item'))}</summary>${actionTable('Done action items', done, report, linkBase)}</details></section>
<section id="reviews" aria-labelledby="h-reviews"><h2 id="h-reviews">Follow-up reviews</h2>
<h3>Overdue</h3>${overdueReviews.length ? plainTable('Overdue follow-up reviews', ['Postmortem', 'Review date', 'State'], reviewRows(overdueReviews, linkBase)) : '<p class="muted">None.</p>'}
<h3>Scheduled</h3>${reviewsBy(['scheduled']).length ? plainTable('Scheduled follow-up reviews', ['Postmortem', 'Review date', 'State'], reviewRows(reviewsBy(['scheduled']), linkBase)) : '<p class="muted">None.</p>'}
<h3>Not scheduled</h3>${reviewsBy(['none', 'unreadable']).length ? plainTable('Postmortems without a follow-up review date', ['Postmortem', 'Review date', 'State'], reviewRows(reviewsBy(['none', 'unreadable']), linkBase)) : '<p class="muted">None.</p>'}
${reviewsBy(['held']).length ? `<details><summary>${escapeHtml(plural(reviewsBy(['held']).length, 'review'))} held</summary>${plainTable('Held follow-up reviews', ['Postmortem', 'Review date', 'State'], reviewRows(reviewsBy(['held']), linkBase))}</details>` : ''}</section>
<section id="recurring" aria-labelledby="h-recurring"><h2 id="h-recurring">Recurring causes</h2>${recurringSection(report, linkBase)}</section>
<section id="findings" aria-labelledby="h-findings"><h2 id="h-findings">Most frequent findings</h2>${findings}</section>
</main>`
  const csp = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Postmortem report · ${escapeHtml(report.asOf)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`
}
