// Stories: the same statement reported by several outlets, shown side by side with how each words
// the figures.

import {getJson, segment} from './api.js';
import {claimDate, el, formatNumber, message, quantityText} from './dom.js';
import {link} from './routes.js';
import {stanceBadge} from './claims.js';

export async function storiesView(filters) {
  const page = await getJson('/api/stories', {subject: filters.subject, source: filters.source,
    from: filters.from, to: filters.to, limit: 100});
  const note = filters.q ? message('Stories are filtered by subject, source and dates; the search words apply to claims.') : null;
  if (page.items.length === 0) {
    return [el('h2', {}, 'Stories'), note, message('No story matches these filters.')];
  }
  return [
    el('h2', {}, 'Stories'), note,
    el('ul', {class: 'stories', id: 'stories-list'}, page.items.map(story => el('li', {'data-story-id': story.id},
      el('a', {href: link('stories', story.id), class: 'story-link'}, story.content),
      el('div', {class: 'meta'},
        story.sources.join(', '), ' · ',
        story.memberCount + ' reports in ' + story.articleCount + ' articles', ' · ',
        story.dateFrom ? (story.dateFrom === story.dateTo ? story.dateFrom : story.dateFrom + ' – ' + story.dateTo)
          : 'first published ' + story.firstPublished),
      el('div', {class: 'outlets'}, story.outlets.map(outlet => el('span', {class: 'outlet-chip'}, outlet)))))),
    page.next ? message('Only the first ' + page.items.length + ' stories are shown; narrow the filters.') : null,
  ];
}

export async function storyView(id) {
  const story = await getJson('/api/stories/' + segment(id));
  const byClaim = new Map(story.members.map(m => [m.claimId, m]));
  const varying = new Set(story.figures.filter(f => f.varies).map(f => String(f.value)));

  // One column per article, in report order: each outlet's telling next to the others.
  const columns = new Map();
  for (const member of story.members) {
    if (!columns.has(member.articleId)) {
      columns.set(member.articleId, []);
    }
    columns.get(member.articleId).push(member);
  }

  return [
    el('p', {}, el('a', {href: link('stories')}, '← all stories')),
    el('h2', {}, 'Story'),
    el('p', {class: 'meta'}, story.memberCount + ' reports in ' + story.articleCount + ' articles from ',
      story.outlets.join(', '), '; first reported by ', story.firstReport.outlet, ' on ',
      story.firstReport.publishedAt || 'an unknown date'),
    story.figures.length ? figuresTable(story.figures, byClaim) : null,
    el('h3', {}, 'The reports side by side'),
    el('div', {class: 'members', id: 'story-members'}, [...columns.values()].map(members => {
      const first = members[0];
      return el('section', {class: 'member', 'data-outlet': first.outlet || ''},
        el('h4', {}, first.outlet || 'unknown outlet'),
        el('div', {class: 'muted'}, (first.title || '') + ' · published ' + (first.publishedAt || 'undated')),
        members.map(member => el('div', {class: 'report'},
          el('div', {}, el('span', {class: 'source'}, member.source.mention ? member.source.mention.text : member.source.name),
            ' ', stanceBadge(member.stance), el('span', {class: 'cue'}, member.cue.text)),
          el('a', {href: link('claims', member.articleId, member.claimId), class: 'claim-link'}, member.content.text),
          el('div', {class: 'muted'}, 'said ' + claimDate(member.claimedAt, member.publishedAt)),
          member.quantities.length ? el('div', {class: 'figures'}, member.quantities.map(q =>
            el('span', {class: varying.has(String(q.value)) ? 'figure varies' : 'figure'}, quantityText(q)))) : null)));
    })),
  ];
}

function figuresTable(figures, byClaim) {
  return [
    el('h3', {}, 'Figures'),
    el('table', {class: 'story-figures', id: 'story-figures'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Figure'), el('th', {}, 'Worded as'), el('th', {}, 'By'))),
      el('tbody', {}, figures.flatMap(figure => figure.variants.map((variant, i) => el('tr',
        {class: figure.varies ? 'varies' : null},
        i === 0 ? el('td', {rowspan: figure.variants.length},
          formatNumber(figure.value) + (figure.valueTo ? '–' + formatNumber(figure.valueTo) : ''),
          figure.varies ? el('span', {class: 'badge varies'}, 'worded differently') : null) : null,
        el('td', {class: 'variant'}, quantityText(Object.assign({value: figure.value, valueTo: figure.valueTo}, variant))),
        el('td', {}, variant.claimIds.map(id => byClaim.get(id)).filter(Boolean)
          .map(m => (m.outlet || '?') + ' (' + m.source.name + ')').join(', ')))))))];
}
