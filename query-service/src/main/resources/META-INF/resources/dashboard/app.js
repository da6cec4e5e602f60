// The dashboard: a filter bar and one view at a time, chosen by the location hash
// (#/claims, #/stories/<id>, #/claims/<articleId>/<claimId>, …) with the filters in its query, so
// every view can be bookmarked and the back button works.

import {allItems, ApiError} from './api.js';
import {el, message, show} from './dom.js';
import {claimsView, claimView} from './claims.js';
import {storiesView, storyView} from './stories.js';
import {figuresView} from './figures.js';
import {conflictsView, denialsView} from './lists.js';
import {FILTERS, link, route} from './routes.js';
import {followLive} from './live.js';

const form = document.getElementById('filters');
const main = document.getElementById('view');

function fillForm(filters) {
  const select = form.elements.subject;
  if (filters.subject && ![...select.options].some(option => option.value === filters.subject)) {
    select.append(el('option', {value: filters.subject}, filters.subject));
  }
  for (const name of FILTERS) {
    form.elements[name].value = filters[name] || '';
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) {
      query.set(name, value);
    }
  }
  // A detail page is about one thing; new filters go back to the list it came from.
  const view = route().path[0];
  const text = query.toString();
  window.location.hash = '#/' + view + (text ? '?' + text : '');
});

form.addEventListener('reset', event => {
  event.preventDefault();
  window.location.hash = '#/' + route().path[0];
});

let renders = 0;

async function render() {
  // A slow view must not overwrite the one the reader has moved on to.
  const current = ++renders;
  const {path, filters} = route();
  fillForm(filters);
  for (const tab of document.querySelectorAll('#tabs a')) {
    tab.classList.toggle('active', tab.dataset.view === path[0]);
    tab.setAttribute('href', link(tab.dataset.view)); // the filters go along to the other views
  }
  show(main, message('Loading…'));
  main.dataset.state = 'loading';
  try {
    const content = await viewFor(path, filters);
    if (current !== renders) {
      return;
    }
    show(main, content);
  } catch (e) {
    if (current !== renders) {
      return;
    }
    const text = e instanceof ApiError ? e.message : 'The dashboard could not load this view.';
    show(main, message(text, 'error'));
    if (!(e instanceof ApiError)) {
      console.error(e);
    }
  }
  main.dataset.state = 'ready';
}

function viewFor(path, filters) {
  const [view, first, second] = path;
  switch (view) {
    case 'claims':
      return first && second ? claimView(first, second) : claimsView(filters);
    case 'stories':
      return first ? storyView(first) : storiesView(filters);
    case 'figures':
      return figuresView(filters);
    case 'conflicts':
      return conflictsView(filters);
    case 'denials':
      return denialsView(filters);
    default:
      return Promise.resolve(message('No such view: ' + view, 'error'));
  }
}

/** The subjects and source names the filters offer. */
async function loadChoices() {
  const [entities, sources] = await Promise.all([
    allItems('/api/entities', {}, 10).catch(() => []),
    allItems('/api/sources', {}, 10).catch(() => []),
  ]);
  const select = form.elements.subject;
  const chosen = route().filters.subject;
  entities.sort((a, b) => b.claimCount - a.claimCount || a.id.localeCompare(b.id));
  for (const entity of entities) {
    const aliases = entity.aliases.filter(alias => alias !== entity.id).slice(0, 3).join(', ');
    select.append(el('option', {value: entity.id},
      entity.id + (aliases ? ' (' + aliases + ')' : '') + ' · ' + entity.claimCount));
  }
  if (chosen) {
    select.value = chosen;
  }
  const names = document.getElementById('source-names');
  const seen = new Set();
  for (const source of sources) {
    for (const name of source.names) {
      if (!seen.has(name)) {
        seen.add(name);
        names.append(el('option', {value: name}));
      }
    }
  }
  form.dataset.choices = 'loaded';
}

// New claims since the view was shown; clicking the indicator shows the view again with them.
const fresh = document.getElementById('live-new');
let freshCount = 0;

function countFresh(n) {
  freshCount += n;
  fresh.textContent = freshCount === 1 ? '1 new claim' : freshCount + ' new claims';
  fresh.hidden = false;
}

window.addEventListener('hashchange', render);
// The stream starts after the first view, so that where reads need a key it has been asked for once.
loadChoices().then(render).then(() => followLive(countFresh));
fresh.addEventListener('click', () => {
  freshCount = 0;
  fresh.hidden = true;
  render();
});
