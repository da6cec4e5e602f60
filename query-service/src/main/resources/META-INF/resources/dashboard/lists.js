// Attribution conflicts (one figure, several sources) and denials (with what they deny).

import {getJson} from './api.js';
import {claimDate, el, formatNumber, message} from './dom.js';
import {link} from './routes.js';

function subjectOnlyNote(filters) {
  return filters.q || filters.source || filters.from || filters.to
    ? message('This view is filtered by subject only.') : null;
}

export async function conflictsView(filters) {
  const body = await getJson('/api/conflicts', {subject: filters.subject, limit: 200});
  const title = el('h2', {}, 'Attribution conflicts');
  const intro = message('The same figure about the same subject, credited to different sources.');
  if (body.items.length === 0) {
    return [title, subjectOnlyNote(filters), message('No conflicts found.')];
  }
  return [title, intro, subjectOnlyNote(filters),
    el('ul', {class: 'conflicts', id: 'conflicts-list'}, body.items.map(conflict => el('li', {},
      el('h3', {}, formatNumber(conflict.value) + ' about ' + conflict.subject),
      el('div', {class: 'members'}, conflict.attributions.map(attribution => el('section', {class: 'member'},
        el('h4', {}, attribution.source),
        el('div', {class: 'muted'}, [attribution.type, attribution.organisation].filter(Boolean).join(' · ')),
        el('ul', {}, attribution.reports.map(report => el('li', {},
          el('a', {href: link('claims', report.articleId, report.claimId)}, report.content || report.text || 'claim'),
          el('div', {class: 'muted'}, [report.outlet, claimDate(report.claimedAt, report.publishedAt),
            [report.qualifier, report.unit].filter(Boolean).join(' ')].filter(Boolean).join(' · ')))))))))))];
}

export async function denialsView(filters) {
  const body = await getJson('/api/denials', {subject: filters.subject, limit: 200});
  const title = el('h2', {}, 'Denials');
  if (body.items.length === 0) {
    return [title, subjectOnlyNote(filters), message('No denials found.')];
  }
  return [title, subjectOnlyNote(filters),
    el('ul', {class: 'denials', id: 'denials-list'}, body.items.map(item => el('li', {},
      claimLine(item.denial, true),
      item.denies.length
        ? [el('div', {class: 'muted'}, 'denies (linked by ' + item.linkedBy + '):'),
          el('ul', {}, item.denies.map(ref => el('li', {}, claimLine(ref, false))))]
        : el('div', {class: 'muted'}, 'no claim it denies was found')))),
    body.next ? message('Only the first ' + body.items.length + ' denials are shown; choose a subject.') : null];
}

function claimLine(ref, strong) {
  return el('div', {class: strong ? 'denial' : null},
    el('span', {class: 'source'}, ref.source.name), ' ',
    ref.stance === 'denies' ? el('span', {class: 'badge denies'}, 'denies') : null, ' ',
    el('a', {href: link('claims', ref.articleId, ref.claimId)}, ref.content),
    el('span', {class: 'muted'}, ' · ' + (ref.outlet || '?') + ' · ' + claimDate(ref.claimedAt, ref.publishedAt)));
}
