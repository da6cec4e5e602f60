// A subject's figures over time: one point per figure, coloured by who gave it, with the details
// in the point's tooltip and in the table under the chart.

import {allItems, segment} from './api.js';
import {el, formatNumber, message, quantityText, svg} from './dom.js';
import {link} from './routes.js';

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
const WIDTH = 760;
const HEIGHT = 280;
const MARGIN = {left: 64, right: 44, top: 16, bottom: 36};
/** Horizontal distance between figures that fall on the same day and value, so none hides another. */
const DODGE = 11;
const DAY = 86400000;

export async function figuresView(filters) {
  if (!filters.subject) {
    return subjectChooser(filters);
  }
  const items = await allItems('/api/subjects/' + segment(filters.subject) + '/figures', {});
  const points = items.filter(p => p.value !== null && p.value !== undefined);
  if (points.length === 0) {
    return [el('h2', {}, 'Figures about ' + filters.subject), message('No figures are given about this subject.')];
  }
  const sources = [...new Set(points.map(p => p.source.name))];
  const colour = name => PALETTE[sources.indexOf(name) % PALETTE.length];
  const undated = points.filter(p => !p.date).length;
  return [
    el('h2', {}, 'Figures about ' + filters.subject),
    chart(points.filter(p => p.date), colour),
    el('ul', {class: 'legend', id: 'figure-legend'}, sources.map(name =>
      el('li', {}, svg('svg', {width: 12, height: 12, 'aria-hidden': 'true'},
        svg('circle', {cx: 6, cy: 6, r: 5, fill: colour(name)})), ' ' + name))),
    undated ? message(undated + ' undated figures are only in the table.') : null,
    el('table', {class: 'figures-table', id: 'figures-table'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Figure'), el('th', {}, 'Source'),
        el('th', {}, 'Outlet'), el('th', {}, 'Claim'))),
      el('tbody', {}, points.map(p => el('tr', {},
        el('td', {class: 'date'}, p.date || 'undated', el('div', {class: 'muted'}, p.date ? 'date ' + p.dateBasis : '')),
        el('td', {}, quantityText(p), p.of && p.of !== filters.subject ? el('div', {class: 'muted'}, 'of ' + p.of) : null),
        el('td', {}, p.source.name),
        el('td', {}, p.outlet || '', el('div', {class: 'muted'}, 'published ' + (p.publishedAt || '?'))),
        el('td', {}, el('a', {href: link('claims', p.articleId, p.claimId)}, 'in the article'),
          p.storyId ? [' · ', el('a', {href: link('stories', p.storyId)}, 'story')] : null))))),
  ];
}

async function subjectChooser(filters) {
  const entities = await allItems('/api/entities', {}, 10);
  entities.sort((a, b) => b.claimCount - a.claimCount || a.id.localeCompare(b.id));
  return [
    el('h2', {}, 'Figures'),
    message('Choose a subject to see its figures over time.'),
    el('ul', {class: 'subjects'}, entities.map(entity => {
      const query = new URLSearchParams(Object.assign({}, filters, {subject: entity.id}));
      return el('li', {}, el('a', {href: '#/figures?' + query}, entity.id),
        el('span', {class: 'muted'}, ' ' + entity.claimCount + ' claims'));
    })),
  ];
}

function chart(points, colour) {
  const root = svg('svg', {class: 'chart', id: 'figure-chart', viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT,
    role: 'img', 'aria-label': 'Figures over time'});
  if (points.length === 0) {
    return root;
  }
  const times = points.map(p => Date.parse(p.date + 'T00:00:00Z'));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  const pad = Math.max(DAY, (t1 - t0) * 0.04);
  t0 -= pad;
  t1 += pad;
  const highest = Math.max(...points.map(p => Number(p.valueTo || p.value)));
  const step = niceStep(highest / 4);
  const top = Math.max(step, Math.ceil(highest / step) * step);
  const x = t => MARGIN.left + (t - t0) / (t1 - t0) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = v => HEIGHT - MARGIN.bottom - Number(v) / top * (HEIGHT - MARGIN.top - MARGIN.bottom);

  for (let i = 0; i * step <= top; i++) {
    const value = i * step;
    root.append(svg('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value), class: 'grid'}),
      svg('text', {x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'tick'}, formatNumber(value)));
  }
  const ticks = Math.min(6, Math.max(2, Math.round((t1 - t0) / DAY)));
  for (let i = 0; i <= ticks; i++) {
    const t = t0 + (t1 - t0) * i / ticks;
    root.append(svg('text', {x: x(t), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', class: 'tick'},
      new Date(t).toISOString().slice(0, 10)));
  }
  root.append(svg('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0), class: 'axis'}));

  const sameSpot = new Map();
  const spot = p => p.date + '|' + p.value;
  for (const p of points) {
    sameSpot.set(spot(p), (sameSpot.get(spot(p)) || 0) + 1);
  }
  const placed = new Map();
  points.forEach((p, i) => {
    const n = sameSpot.get(spot(p));
    const k = placed.get(spot(p)) || 0;
    placed.set(spot(p), k + 1);
    const cx = x(times[i]) + (k - (n - 1) / 2) * DODGE;
    const label = p.date + ' (' + p.dateBasis + ') · ' + quantityText(p) + ' · ' + p.source.name + ' · '
      + (p.outlet || 'unknown outlet');
    const group = svg('a', {href: link('claims', p.articleId, p.claimId), class: 'point'}, svg('title', {}, label));
    if (p.valueTo !== null && p.valueTo !== undefined) {
      group.append(svg('line', {x1: cx, x2: cx, y1: y(p.value), y2: y(p.valueTo), stroke: colour(p.source.name),
        'stroke-width': 3}));
    }
    group.append(svg('circle', {cx: cx, cy: y(p.value), r: 6, fill: colour(p.source.name),
      'data-value': p.value, 'data-source': p.source.name}));
    root.append(group);
  });
  return root;
}

/** 1, 2 or 5 times a power of ten, at least the value: round gridlines. */
function niceStep(value) {
  if (!(value > 0)) {
    return 1;
  }
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) {
      return step * power;
    }
  }
  return 10 * power;
}
