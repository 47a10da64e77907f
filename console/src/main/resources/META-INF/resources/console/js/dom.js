// Small DOM helpers: elements are built with properties and text, never from HTML strings.

export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'className') element.className = value;
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A sparkline of `values` (nulls leave gaps) as inline SVG: cheap enough for every cell of the table. */
export function sparkline(values, label) {
  const width = 84;
  const height = 22;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'spark');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const present = values.filter((value) => value !== null);
  if (present.length === 0) return svg;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const x = (index) => (values.length === 1 ? width / 2 : (index * (width - 4)) / (values.length - 1) + 2);
  const y = (value) => (max === min ? height / 2 : height - 2 - ((value - min) * (height - 4)) / (max - min));
  let path = '';
  let pen = 'M';
  values.forEach((value, index) => {
    if (value === null) {
      pen = 'M';
      return;
    }
    path += `${pen}${x(index).toFixed(1)},${y(value).toFixed(1)} `;
    pen = 'L';
  });
  const line = document.createElementNS(SVG, 'path');
  line.setAttribute('d', path.trim());
  line.setAttribute('class', 'spark-line');
  svg.append(line);
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((value) => value !== null);
  const dot = document.createElementNS(SVG, 'circle');
  dot.setAttribute('cx', x(lastIndex).toFixed(1));
  dot.setAttribute('cy', y(values[lastIndex]).toFixed(1));
  dot.setAttribute('r', '2');
  dot.setAttribute('class', 'spark-dot');
  svg.append(dot);
  return svg;
}

/** Offers `text` as a file download named `fileName`. */
export function download(text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
