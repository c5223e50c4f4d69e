/**
 * Wide tables scroll sideways inside a `.table-wrap` on a phone. A keyboard user can only scroll such a
 * region when it takes the focus, so every wrapper in the page gets tabindex=0, role=region and a name
 * (its table's caption or label, else the heading above it). Done once here, for every page's tables
 * present and future, instead of at each of the thirty-odd wrappers; a wrapper that sets its own
 * tabindex is left alone.
 */
const SELECTOR = '.table-wrap:not([tabindex])';

/** "Tabel <caption>", else "Tabel <heading above>": never the same name as the section around it. */
function nameOf(wrap: HTMLElement): string {
  const table = wrap.querySelector('table');
  let text = (table?.getAttribute('aria-label') ?? table?.querySelector('caption')?.textContent ?? '').trim();
  // The nearest heading before the wrapper, walking back through its ancestors' earlier siblings.
  for (let el: Element | null = wrap; !text && el && el.tagName !== 'MAIN'; el = el.parentElement) {
    for (let sib = el.previousElementSibling; !text && sib; sib = sib.previousElementSibling) {
      const heading = /^H[1-6]$/.test(sib.tagName) ? sib : sib.querySelector('h1, h2, h3, h4, h5, h6');
      text = heading?.textContent?.trim() ?? '';
    }
  }
  return /^tabel\b/i.test(text) ? text : `Tabel ${text}`.trim();
}

function label(root: HTMLElement): void {
  const wraps = root.querySelectorAll<HTMLElement>(SELECTOR);
  if (!wraps.length) return;
  const used = new Set(
    Array.from(root.querySelectorAll('[role="region"][aria-label]'), (r) => r.getAttribute('aria-label')),
  );
  for (const wrap of wraps) {
    wrap.tabIndex = 0;
    if (!wrap.getAttribute('role')) wrap.setAttribute('role', 'region');
    if (wrap.getAttribute('aria-label') || wrap.getAttribute('aria-labelledby')) continue;
    // Landmarks need distinct names: a second table under the same heading is numbered.
    const base = nameOf(wrap);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    wrap.setAttribute('aria-label', name);
  }
}

/** Labels the wrappers under `root` now and whenever the page adds some; answers the stop. */
export function makeScrollRegionsFocusable(root: HTMLElement): () => void {
  label(root);
  const observer = new MutationObserver(() => label(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
