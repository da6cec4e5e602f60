// Reads the query-service API of the same origin.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

// A deployment with reader keys answers 401 to a request without one. The dashboard then asks for a
// key once and keeps it for this tab only (sessionStorage), sending it as X-API-Key. While reads are
// open (the local run) it never asks.
const KEY_ITEM = 'claimtrail.apiKey';
let asking = null;

function headers(key) {
  return key ? {Accept: 'application/json', 'X-API-Key': key} : {Accept: 'application/json'};
}

/** Asks for a key, one question for all the requests refused together; the key, or null if none was given. */
function askForKey() {
  if (!asking) {
    asking = Promise.resolve().then(() => {
      window.sessionStorage.removeItem(KEY_ITEM);
      const key = (window.prompt('This Claimtrail needs a reader key (X-API-Key):') || '').trim();
      if (key) {
        window.sessionStorage.setItem(KEY_ITEM, key);
      }
      return key || null;
    }).finally(() => {
      asking = null;
    });
  }
  return asking;
}

/** GET path?params as JSON; empty parameters are left out. Problem details become ApiErrors. */
export async function getJson(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const sent = window.sessionStorage.getItem(KEY_ITEM);
  let response = await fetch(url, {headers: headers(sent)});
  if (response.status === 401) {
    // Another request may have been given a new key meanwhile: use it rather than ask again.
    const current = window.sessionStorage.getItem(KEY_ITEM);
    const key = current && current !== sent ? current : await askForKey();
    if (key) {
      response = await fetch(url, {headers: headers(key)});
    }
  }
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
