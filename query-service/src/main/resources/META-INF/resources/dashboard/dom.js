// The one way the dashboard builds markup. Everything shown comes from article text or other
// untrusted input, so nodes are made with createElement and text goes in as text nodes: nothing is
// ever parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * el('a', {href: '#/x', class: 'y'}, 'text', otherNode): attributes set one by one, children
 * appended as nodes; strings become text nodes, null and undefined are skipped.
 */
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      throw new Error('event handlers are attached with addEventListener, not attributes');
    }
    node.setAttribute(name, name === 'href' ? safeHref(value) : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces what the node shows. */
export function show(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/**
 * In-page links and http(s) addresses only: an article's URL comes from a feed and could be
 * "javascript:…".
 */
export function safeHref(value) {
  const href = String(value);
  if (href.startsWith('#') || href.startsWith('/')) {
    return href.startsWith('//') ? '#' : href;
  }
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch (e) {
    return '#';
  }
}

export function formatNumber(value) {
  if (value === null || value === undefined) {
    return '';
  }
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString('en') : String(value);
}

/** "about 6,500 fighters", or the figure's own wording when the extractor kept it. */
export function quantityText(q) {
  if (q.text) {
    return q.text;
  }
  const range = q.valueTo !== null && q.valueTo !== undefined
    ? formatNumber(q.value) + '–' + formatNumber(q.valueTo) : formatNumber(q.value);
  return [q.qualifier, range, q.unit].filter(Boolean).join(' ');
}

export function claimDate(claimedAt, publishedAt) {
  return claimedAt && claimedAt.value ? claimedAt.value : publishedAt || '';
}

export function message(text, kind) {
  return el('p', {class: kind || 'muted'}, text);
}
