/**
 * Wide tables scroll sideways inside a `.table-wrap` on a phone. A keyboard user can only scroll such a
 * region when it takes the focus, so every wrapper in the page gets tabindex=0, role=region and a name
 * (its table's caption or label, else the heading above it). Done once here, for every page's tables
 * present and future, instead of at each of the thirty-odd wrappers; a wrapper that sets its own
 * tabindex is left alone.
 */
const SELECTOR = '.table-wrap:not([tabindex])';

function nameOf(wrap: HTMLElement): string {
  const table = wrap.querySelector('table');
  const own = table?.getAttribute('aria-label') ?? table?.querySelector('caption')?.textContent;
  if (own?.trim()) return own.trim();
  // The nearest heading before the wrapper, walking back through its ancestors' earlier siblings.
  for (let el: Element | null = wrap; el && el.tagName !== 'MAIN'; el = el.parentElement) {
    for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
      const heading = /^H[1-6]$/.test(sib.tagName) ? sib : sib.querySelector('h1, h2, h3, h4, h5, h6');
      if (heading?.textContent?.trim()) return `Tabel ${heading.textContent.trim()}`;
    }
  }
  return 'Tabel';
}

function label(root: ParentNode): void {
  for (const wrap of root.querySelectorAll<HTMLElement>(SELECTOR)) {
    wrap.tabIndex = 0;
    if (!wrap.getAttribute('role')) wrap.setAttribute('role', 'region');
    if (!wrap.getAttribute('aria-label') && !wrap.getAttribute('aria-labelledby'))
      wrap.setAttribute('aria-label', nameOf(wrap));
  }
}

/** Labels the wrappers under `root` now and whenever the page adds some; answers the stop. */
export function makeScrollRegionsFocusable(root: HTMLElement): () => void {
  label(root);
  const observer = new MutationObserver(() => label(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
