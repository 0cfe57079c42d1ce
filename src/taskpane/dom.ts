// Building the pane's elements. Text always goes in through textContent, never as HTML, because
// cell contents and finding messages come from the workbook. Only DOM calls that Internet
// Explorer 11 and the old Edge webview know (appendChild, removeChild, setAttribute), since Office
// 2016/2019 may run the pane in them.

type Attrs = Record<string, string | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  children: (Node | string | null)[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null) continue;
    node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Replace a node's children. */
export function fill(node: Element, children: (Node | null)[]): void {
  clear(node);
  for (const child of children) if (child !== null) node.appendChild(child);
}

/** Show or hide an element (the hidden attribute; the stylesheet makes it display: none everywhere). */
export function show(node: HTMLElement, visible: boolean): void {
  if (visible) node.removeAttribute('hidden');
  else node.setAttribute('hidden', '');
}

/**
 * A button that shows and hides a panel, in place of <details> (which IE11 and the old Edge lack):
 * aria-expanded on the button, the panel named by aria-controls.
 */
export function disclosure(
  doc: Document,
  id: string,
  label: (Node | string)[],
  panel: HTMLElement,
  open: boolean,
  onToggle?: (open: boolean) => void,
): { button: HTMLButtonElement; set(open: boolean): void } {
  const button = el(doc, 'button', { type: 'button', class: 'disclosure', 'aria-controls': id }, label);
  panel.id = id;
  const set = (value: boolean): void => {
    button.setAttribute('aria-expanded', String(value));
    show(panel, value);
  };
  set(open);
  button.addEventListener('click', () => {
    const next = button.getAttribute('aria-expanded') !== 'true';
    set(next);
    onToggle?.(next);
  });
  return { button, set };
}
