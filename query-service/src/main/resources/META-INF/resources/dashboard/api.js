// Reads the query-service API of the same origin.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** GET path?params as JSON; empty parameters are left out. Problem details become ApiErrors. */
export async function getJson(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (e) {
      // not a problem document: keep the status line
    }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

/** Every item of a cursor-paged list, up to maxPages pages. */
export async function allItems(path, params, maxPages) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < (maxPages || 20); page++) {
    const body = await getJson(path, Object.assign({}, params, {cursor: cursor, limit: 500}));
    items.push(...body.items);
    cursor = body.next;
    if (!cursor) {
      break;
    }
  }
  return items;
}

export function segment(id) {
  return encodeURIComponent(id);
}
