// Building DOM from elements and text nodes, never by parsing strings as markup: every text from the API
// goes in as text, so nothing a service returns can inject script or elements (the CSP forbids inline script too).

/**
 * h('button', {class: 'primary', onclick: fn, 'aria-label': '...'}, 'text', child, [children])
 * Attributes: `class`, `dataset` (object), `on<event>` (listener), boolean true → present, false/null → absent.
 */
export function h(tag, attributes, ...children) {
  const element = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class' && !(element instanceof SVGElement)) {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Shorthand for SVG elements: s('rect', {x: 1}). */
export function s(tag, attributes, ...children) {
  return h('svg:' + tag, attributes, ...children);
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

let announceTimer;

/**
 * Says something to screen-reader users through the polite live region (queue updates, results of
 * actions). The text is cleared first so that the same message twice is announced twice.
 */
export function announce(text) {
  const region = document.getElementById('live');
  if (!region) return;
  region.textContent = '';
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => { region.textContent = text; }, 50);
}

/** A unique id for label/field pairs. */
let counter = 0;
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
