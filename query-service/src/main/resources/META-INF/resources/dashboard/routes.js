// Where the dashboard is: the location hash holds the view and the filters.

export const FILTERS = ['q', 'subject', 'source', 'from', 'to'];

/** What the hash asks for: the path segments and the filters. */
export function route() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const cut = hash.indexOf('?');
  const path = (cut < 0 ? hash : hash.slice(0, cut)).split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1));
  const filters = {};
  for (const name of FILTERS) {
    const value = query.get(name);
    if (value) {
      filters[name] = value;
    }
  }
  return {path: path.length ? path : ['claims'], filters};
}

/** A link to another view that keeps the current filters. */
export function link(...segments) {
  const query = new URLSearchParams(route().filters).toString();
  return '#/' + segments.map(encodeURIComponent).join('/') + (query ? '?' + query : '');
}
