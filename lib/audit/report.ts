/**
 * The self-contained HTML report of an audit: inline CSS and inline SVG only, no scripts, no external
 * requests, so it can be mailed around or opened offline. Every piece of reply text is HTML-escaped.
 */
import { DEFAULT_CANNED_THRESHOLD } from '@/lib/analysis';
import type { AuditResult } from './run';

export interface RuleCount {
  rule: string;
  replies: number;
}

export interface GroupStats {
  name: string;
  total: number;
  canned: number;
  ok: number;
  averageScore: number;
  /** Replies flagged by each rule (a reply counts once per rule), most frequent first. */
  topRules: RuleCount[];
  /** Replies per score decile: [0–9], [10–19], … [90–100]. */
  scoreBins: number[];
}

export interface RepeatedReply {
  /** Audited replies in this cluster of near-duplicates. */
  count: number;
  ids: string[];
  agents: string[];
  /** Past replies (from --history) the cluster also matches. */
  historyIds: string[];
  /** The first reply of the cluster, as an example. */
  example: string;
}

export interface AuditSummary {
  team: GroupStats;
  agents: GroupStats[];
  repeated: RepeatedReply[];
}

const NO_AGENT = '(no agent)';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function stats(name: string, results: readonly AuditResult[]): GroupStats {
  const ruleReplies = new Map<string, number>();
  const scoreBins = new Array<number>(10).fill(0);
  let canned = 0;
  let scoreSum = 0;
  for (const { analysis } of results) {
    if (analysis.verdict === 'canned') canned++;
    scoreSum += analysis.score;
    scoreBins[Math.min(9, Math.floor(analysis.score / 10))]!++;
    for (const rule of new Set(analysis.findings.map((f) => f.rule))) ruleReplies.set(rule, (ruleReplies.get(rule) ?? 0) + 1);
  }
  const topRules = [...ruleReplies].map(([rule, replies]) => ({ rule, replies })).sort((a, b) => b.replies - a.replies || a.rule.localeCompare(b.rule));
  return {
    name,
    total: results.length,
    canned,
    ok: results.length - canned,
    averageScore: results.length ? Math.round((scoreSum / results.length) * 10) / 10 : 0,
    topRules,
    scoreBins,
  };
}

function clusters(results: readonly AuditResult[]): RepeatedReply[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const audited = new Set(results.map((r) => r.row.id));
  for (const { row, analysis } of results) {
    if (!parent.has(row.id)) parent.set(row.id, row.id);
    if (analysis.similarTo) union(row.id, analysis.similarTo.id);
  }
  const groups = new Map<string, { rows: AuditResult[]; history: Set<string> }>();
  for (const r of results) {
    const root = find(r.row.id);
    const g = groups.get(root) ?? { rows: [], history: new Set<string>() };
    g.rows.push(r);
    if (r.analysis.similarTo && !audited.has(r.analysis.similarTo.id)) g.history.add(r.analysis.similarTo.id);
    groups.set(root, g);
  }
  return [...groups.values()]
    .filter((g) => g.rows.length >= 2 || g.history.size > 0)
    .map((g) => ({
      count: g.rows.length,
      ids: g.rows.map((r) => r.row.id),
      agents: [...new Set(g.rows.map((r) => r.row.agent ?? NO_AGENT))],
      historyIds: [...g.history],
      example: g.rows[0]!.row.reply,
    }))
    .sort((a, b) => b.count - a.count || b.historyIds.length - a.historyIds.length);
}

export function summarize(results: readonly AuditResult[]): AuditSummary {
  const byAgent = new Map<string, AuditResult[]>();
  for (const r of results) {
    const agent = r.row.agent ?? NO_AGENT;
    byAgent.set(agent, [...(byAgent.get(agent) ?? []), r]);
  }
  const agents = [...byAgent].map(([name, rs]) => stats(name, rs)).sort((a, b) => a.name.localeCompare(b.name));
  return { team: stats('Team', results), agents, repeated: clusters(results) };
}

// ---------- SVG charts ----------

function hbar(items: ReadonlyArray<{ label: string; value: number; note?: string }>, opts: { max?: number; color?: string; unit?: string } = {}): string {
  if (!items.length) return '<p class="muted">Nothing to show.</p>';
  const max = Math.max(opts.max ?? 0, ...items.map((i) => i.value), 1);
  const rowH = 24;
  const labelW = 210;
  const barW = 360;
  const h = items.length * rowH + 8;
  const rows = items
    .map((item, i) => {
      const y = 4 + i * rowH;
      const w = Math.max(item.value > 0 ? 2 : 0, Math.round((item.value / max) * barW));
      return `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(item.label)}</text><rect x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 8}" rx="3" fill="${opts.color ?? '#4f6bed'}"/><text x="${labelW + w + 6}" y="${y + 16}">${escapeHtml(item.note ?? `${item.value}${opts.unit ?? ''}`)}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" viewBox="0 0 ${labelW + barW + 90} ${h}" width="100%" preserveAspectRatio="xMinYMin meet">${rows}</svg>`;
}

function verdictBar(s: GroupStats): string {
  const w = 600;
  const cw = s.total ? Math.round((s.canned / s.total) * w) : 0;
  const pct = s.total ? Math.round((s.canned / s.total) * 100) : 0;
  return `<svg class="chart" role="img" viewBox="0 0 ${w} 44" width="100%" preserveAspectRatio="xMinYMin meet" aria-label="${s.canned} canned, ${s.ok} ok"><rect x="0" y="0" width="${w}" height="26" rx="4" fill="#3aa76d"/><rect x="0" y="0" width="${cw}" height="26" rx="4" fill="#d9534f"/><text x="4" y="40">canned ${s.canned} (${pct}%)</text><text x="${w - 4}" y="40" text-anchor="end">ok ${s.ok}</text></svg>`;
}

function histogram(bins: readonly number[]): string {
  const max = Math.max(1, ...bins);
  const bw = 52;
  const h = 120;
  const bars = bins
    .map((n, i) => {
      const bh = Math.round((n / max) * (h - 30));
      const x = i * (bw + 6);
      return `<rect x="${x}" y="${h - 18 - bh}" width="${bw}" height="${bh}" rx="2" fill="${i * 10 >= DEFAULT_CANNED_THRESHOLD ? '#d9534f' : '#8aa1f0'}"/><text x="${x + bw / 2}" y="${h - 22 - bh}" text-anchor="middle">${n || ''}</text><text x="${x + bw / 2}" y="${h - 4}" text-anchor="middle">${i * 10}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" viewBox="0 0 ${10 * (bw + 6)} ${h}" width="100%" preserveAspectRatio="xMinYMin meet" aria-label="score distribution">${bars}</svg>`;
}

function excerpt(s: string, n = 280): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return escapeHtml(flat.length > n ? `${flat.slice(0, n - 1)}…` : flat);
}

function groupSection(s: GroupStats, results: readonly AuditResult[], heading: string): string {
  const worst = [...results].sort((a, b) => b.analysis.score - a.analysis.score).filter((r) => r.analysis.verdict === 'canned').slice(0, 5);
  return `
<section>
  <h2>${escapeHtml(heading)}</h2>
  <div class="cards">
    <div class="card"><b>${s.total}</b><span>replies</span></div>
    <div class="card bad"><b>${s.canned}</b><span>canned</span></div>
    <div class="card good"><b>${s.ok}</b><span>ok</span></div>
    <div class="card"><b>${s.averageScore}</b><span>average score</span></div>
  </div>
  <h3>Verdicts</h3>${verdictBar(s)}
  <h3>Score distribution</h3>${histogram(s.scoreBins)}
  <h3>Top rules</h3>${hbar(s.topRules.slice(0, 10).map((r) => ({ label: r.rule, value: r.replies, note: `${r.replies} ${r.replies === 1 ? 'reply' : 'replies'}` })))}
  <h3>Most canned replies</h3>
  ${
    worst.length
      ? `<ol class="replies">${worst
          .map(
            (r) =>
              `<li><div class="meta"><code>${escapeHtml(r.row.id)}</code> score ${r.analysis.score}${r.analysis.similarTo ? ` · like <code>${escapeHtml(r.analysis.similarTo.id)}</code> (${Math.round(r.analysis.similarTo.similarity * 100)}%)` : ''} · ${escapeHtml([...new Set(r.analysis.findings.map((f) => f.rule))].join(', '))}</div><blockquote>${excerpt(r.row.reply)}</blockquote></li>`,
          )
          .join('')}</ol>`
      : '<p class="muted">None.</p>'
  }
</section>`;
}

const MAX_REPORTED_PROMISES = 200;

/** Every promise found, soonest due first; all of it escaped text. */
function promisesSection(results: readonly AuditResult[]): string {
  const all = results.flatMap((r) => r.promises.map((p) => ({ ...p, id: r.row.id, agent: r.row.agent ?? NO_AGENT })));
  all.sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
  const shown = all.slice(0, MAX_REPORTED_PROMISES);
  const rows = shown
    .map((p) => `<tr><td><code>${escapeHtml(p.due)}</code></td><td><code>${escapeHtml(p.id)}</code></td><td>${escapeHtml(p.agent)}</td><td>${excerpt(p.text, 200)}</td></tr>`)
    .join('');
  return `
<section>
  <h2>Promises</h2>
  <p class="muted">${all.length} ${all.length === 1 ? 'promise' : 'promises'} with a time in these replies, soonest first. Due times are on the clock of each reply's sent_at; replies without sent_at count from the time of the audit, in UTC.</p>
  ${
    all.length
      ? `<table><thead><tr><th>Due</th><th>Reply</th><th>Agent</th><th>Promise</th></tr></thead><tbody>${rows}</tbody></table>${all.length > shown.length ? `<p class="muted">… and ${all.length - shown.length} more.</p>` : ''}`
      : '<p class="muted">No promises with a time found.</p>'
  }
</section>`;
}

export function buildReport(results: readonly AuditResult[], options: { title?: string; generatedAt?: Date } = {}): string {
  const summary = summarize(results);
  const title = options.title ?? 'Canned-reply audit';
  const when = (options.generatedAt ?? new Date()).toISOString().replace('T', ' ').slice(0, 16);
  const agentRows = summary.agents
    .map((a) => `<tr><td>${escapeHtml(a.name)}</td><td>${a.total}</td><td>${a.canned}</td><td>${a.total ? Math.round((a.canned / a.total) * 100) : 0}%</td><td>${a.averageScore}</td><td>${escapeHtml(a.topRules[0]?.rule ?? '—')}</td></tr>`)
    .join('');
  const repeated = summary.repeated.slice(0, 10);
  const byAgent = new Map<string, AuditResult[]>();
  for (const r of results) byAgent.set(r.row.agent ?? NO_AGENT, [...(byAgent.get(r.row.agent ?? NO_AGENT) ?? []), r]);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 0; background: #f5f6fa; }
  main { max-width: 980px; margin: 0 auto; padding: 24px; }
  h1 { margin: 0 0 4px; } h2 { margin-top: 0; border-bottom: 1px solid #e3e6ef; padding-bottom: 6px; } h3 { margin: 18px 0 6px; font-size: 15px; }
  section { background: #fff; border: 1px solid #e3e6ef; border-radius: 8px; padding: 20px; margin: 18px 0; }
  .muted { color: #6b7385; } .cards { display: flex; gap: 12px; flex-wrap: wrap; }
  .card { border: 1px solid #e3e6ef; border-radius: 6px; padding: 8px 14px; min-width: 90px; }
  .card b { display: block; font-size: 22px; } .card span { color: #6b7385; font-size: 13px; }
  .card.bad b { color: #c0392b; } .card.good b { color: #2e8b57; }
  .chart { max-width: 700px; display: block; } .chart text { font-size: 12px; fill: #1d2330; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eef0f5; }
  blockquote { margin: 4px 0 10px; padding: 6px 10px; background: #f8f9fc; border-left: 3px solid #c5cbe0; white-space: pre-wrap; }
  .meta { font-size: 13px; color: #4a5163; } code { font-size: 13px; }
  nav a { margin-right: 10px; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${results.length} replies · ${summary.agents.length} ${summary.agents.length === 1 ? 'agent' : 'agents'} · generated ${escapeHtml(when)} UTC</p>
${groupSection(summary.team, results, 'Team')}
<section>
  <h2>Agents</h2>
  <table><thead><tr><th>Agent</th><th>Replies</th><th>Canned</th><th>Canned %</th><th>Average score</th><th>Top rule</th></tr></thead><tbody>${agentRows}</tbody></table>
  <h3>Canned share by agent</h3>
  ${hbar(summary.agents.map((a) => ({ label: a.name, value: a.total ? Math.round((a.canned / a.total) * 100) : 0 })), { max: 100, unit: '%', color: '#d9534f' })}
</section>
<section>
  <h2>Most repeated replies</h2>
  ${
    repeated.length
      ? `<ol class="replies">${repeated
          .map(
            (g) =>
              `<li><div class="meta">${g.count} ${g.count === 1 ? 'reply' : 'replies'} by ${escapeHtml(g.agents.join(', '))}: ${g.ids.slice(0, 12).map((id) => `<code>${escapeHtml(id)}</code>`).join(' ')}${g.ids.length > 12 ? ' …' : ''}${g.historyIds.length ? ` · also matches past ${g.historyIds.slice(0, 5).map((id) => `<code>${escapeHtml(id)}</code>`).join(' ')}` : ''}</div><blockquote>${excerpt(g.example)}</blockquote></li>`,
          )
          .join('')}</ol>`
      : '<p class="muted">No near-duplicate replies found.</p>'
  }
</section>
${promisesSection(results)}
${summary.agents.map((a) => groupSection(a, byAgent.get(a.name) ?? [], `Agent: ${a.name}`)).join('\n')}
</main>
</body>
</html>
`;
}
