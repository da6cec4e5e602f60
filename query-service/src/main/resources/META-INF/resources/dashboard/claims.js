// The claims list and the claim view: the article text with the evidence sentence and the content
// highlighted, and where the claim comes from.

import {allItems, getJson, segment} from './api.js';
import {claimDate, el, message, quantityText} from './dom.js';
import {link} from './routes.js';

export async function claimsView(filters) {
  const table = el('table', {class: 'claims', id: 'claims-table'},
    el('thead', {}, el('tr', {},
      el('th', {}, 'Date'), el('th', {}, 'Source'), el('th', {}, 'Claim'), el('th', {}, 'Subjects'),
      el('th', {}, 'Outlet'))));
  const body = el('tbody');
  table.append(body);
  const more = el('button', {type: 'button', class: 'more'}, 'More claims');
  const count = el('p', {class: 'muted count'});
  let cursor = null;
  let shown = 0;

  async function loadPage() {
    more.disabled = true;
    const page = await getJson('/api/claims', Object.assign({}, filters, {cursor: cursor, limit: 50}));
    for (const claim of page.items) {
      body.append(claimRow(claim));
    }
    shown += page.items.length;
    cursor = page.next;
    more.hidden = !cursor;
    more.disabled = false;
    count.textContent = shown + (cursor ? '+' : '') + ' claims';
  }

  more.addEventListener('click', () => loadPage().catch(e => more.replaceWith(message(e.message, 'error'))));
  await loadPage();
  if (shown === 0) {
    return [el('h2', {}, 'Claims'), message('No claim matches these filters.')];
  }
  return [el('h2', {}, 'Claims'), count, table, more];
}

function claimRow(claim) {
  return el('tr', {'data-claim-id': claim.id},
    el('td', {class: 'date'}, claimDate(claim.claimedAt, claim.article.publishedAt),
      claim.claimedAt ? null : el('div', {class: 'muted'}, 'published')),
    el('td', {}, sourceLabel(claim.source)),
    el('td', {},
      stanceBadge(claim.stance),
      el('span', {class: 'cue'}, claim.cue.text), ' ',
      el('a', {href: link('claims', claim.articleId, claim.id), class: 'claim-link', title: claim.evidence.text},
        claim.content.text),
      claim.quantities.length ? el('div', {class: 'figures'}, claim.quantities.map(quantityText).join(' · ')) : null),
    el('td', {}, claim.subjects.map(s => s.id).join(', ')),
    el('td', {}, claim.article.outlet || '', el('div', {class: 'muted'}, claim.article.title || '')));
}

export function stanceBadge(stance) {
  return stance === 'denies' ? el('span', {class: 'badge denies'}, 'denies') : null;
}

export function sourceLabel(source) {
  return [el('span', {class: 'source'}, source.name),
    source.organisation ? el('div', {class: 'muted'}, source.organisation) : null];
}

/** One claim in its article: provenance, highlighted text, and the article's other claims. */
export async function claimView(articleId, claimId) {
  const [article, claims] = await Promise.all([
    getJson('/api/articles/' + segment(articleId)),
    allItems('/api/claims', {articleId: articleId}, 5),
  ]);
  const claim = claims.find(c => c.id === claimId);
  if (!claim) {
    return message('This claim is no longer served for the article (it may have been re-extracted).', 'error');
  }
  const text = el('div', {class: 'article-text', id: 'article-text'}, highlighted(article.text || '', claim));
  const others = claims.filter(c => c.id !== claim.id);
  return [
    el('p', {}, el('a', {href: link('claims')}, '← all claims'),
      claim.storyId ? [' · ', el('a', {href: link('stories', claim.storyId)}, 'the story this claim is in')] : null),
    el('h2', {}, 'Claim'),
    el('dl', {class: 'provenance', id: 'provenance'},
      el('dt', {}, 'Source'), el('dd', {}, claim.source.name,
        claim.source.mention ? el('span', {class: 'muted'}, ' (as written: “' + claim.source.mention.text + '”)') : null,
        claim.source.organisation ? el('span', {class: 'muted'}, ' · ' + claim.source.organisation) : null),
      el('dt', {}, 'Said'), el('dd', {}, stanceBadge(claim.stance), claim.cue.text + ' ', el('q', {}, claim.content.text)),
      el('dt', {}, 'When'), el('dd', {}, claim.claimedAt
        ? claim.claimedAt.value + ' (' + claim.claimedAt.precision + ', from the text)'
        : 'not stated; published ' + (claim.article.publishedAt || 'unknown')),
      claim.quantities.length ? [el('dt', {}, 'Figures'), el('dd', {}, claim.quantities.map(quantityText).join(' · '))] : null,
      claim.subjects.length ? [el('dt', {}, 'About'), el('dd', {},
        claim.subjects.map(s => s.id + (s.alias && s.alias !== s.id ? ' (“' + s.alias + '”)' : '')).join(', '))] : null,
      el('dt', {}, 'Article'), el('dd', {},
        el('span', {class: 'outlet'}, claim.article.outlet || 'unknown outlet'), ' · ',
        claim.article.publishedAt || 'undated', ' · ',
        claim.article.url ? el('a', {href: claim.article.url, rel: 'noopener noreferrer', target: '_blank'},
          claim.article.title || claim.article.url) : claim.article.title,
        el('span', {class: 'muted'}, ' · revision ' + claim.article.revision + ' · id ' + claim.articleId)),
      el('dt', {}, 'Evidence'), el('dd', {}, el('q', {class: 'sentence'}, claim.evidence.text)),
      el('dt', {}, 'Extractor'), el('dd', {class: 'muted'}, claim.extractor.name + ' ' + claim.extractor.version)),
    revisionNote(article, claim),
    el('h3', {}, 'Article text'),
    el('p', {class: 'legend muted'}, el('mark', {class: 'evidence'}, 'evidence sentence'), ' ',
      el('mark', {class: 'evidence content'}, 'what was said'), ' ', el('span', {class: 'cue-mark'}, 'cue')),
    text,
    others.length ? [el('h3', {}, 'Other claims in this article'), el('ul', {class: 'other-claims'},
      others.map(c => el('li', {}, stanceBadge(c.stance), c.source.name + ' ' + c.cue.text + ' ',
        el('a', {href: link('claims', c.articleId, c.id)}, c.content.text))))] : null,
  ];
}

function revisionNote(article, claim) {
  if (article.revision === claim.article.revision) {
    return null;
  }
  return message('The article is shown at revision ' + article.revision + '; this claim was made on revision '
    + claim.article.revision + '.', 'warning');
}

/**
 * The article text cut at every span boundary; each piece carries the classes of the spans that
 * cover it. Spans are UTF-16 offsets, the same units as JavaScript string indices. A span that does
 * not match the text (another revision) is not highlighted rather than highlighted in the wrong place.
 */
export function highlighted(text, claim) {
  const spans = [
    {cls: 'evidence', span: claim.evidence},
    {cls: 'content', span: claim.content},
    {cls: 'cue-mark', span: {text: claim.cue.text, start: claim.cue.start, end: claim.cue.end}},
    {cls: 'mention', span: claim.source.mention},
  ].filter(s => s.span && s.span.start >= 0 && s.span.end <= text.length && s.span.start < s.span.end
    && text.slice(s.span.start, s.span.end) === s.span.text);
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.span.start);
    cuts.add(s.span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    const classes = spans.filter(s => s.span.start <= from && to <= s.span.end).map(s => s.cls);
    const piece = text.slice(from, to);
    pieces.push(classes.length === 0 ? piece
      : el(classes.includes('evidence') ? 'mark' : 'span', {class: classes.join(' ')}, piece));
  }
  return pieces;
}
