// The reader's keyboard and expand/collapse controls. Reading needs none of this: the
// comments are <details> elements that open and close on their own.
(() => {
  const list = Array.from(document.querySelectorAll('details.c'));
  if (!list.length) return;
  const index = new Map(list.map((el, i) => [el, i]));
  const dialog = document.getElementById('_keys');

  /** Is the comment shown, i.e. no comment around it is collapsed? */
  const shown = (el) => !el.parentElement.closest('details:not([open])');

  /** Opens the comment and every comment around it. */
  const reveal = (el) => {
    for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  };

  const focusComment = (el) => {
    if (!el) return;
    reveal(el);
    const summary = el.querySelector(':scope > summary');
    summary.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start' });
  };

  // A link to a comment (permalink, parent, quote, search result) lands on it, opened.
  const showTarget = () => {
    let id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch {}
    const el = id && document.getElementById(id);
    if (!el) return;
    reveal(el);
    el.scrollIntoView({ block: 'start' });
  };
  addEventListener('hashchange', showTarget);
  showTarget();

  /** The comment being read: the one with focus, else the first one on screen. */
  const current = () => {
    const active = document.activeElement;
    const inComment = active && active.closest && active.closest('details.c');
    if (inComment) return { el: inComment, focused: true };
    for (const el of list) if (shown(el) && el.querySelector(':scope > summary').getBoundingClientRect().bottom > 0) return { el, focused: false };
    return { el: list[list.length - 1], focused: false };
  };

  const step = (direction) => {
    const { el, focused } = current();
    if (!focused && shown(el)) return focusComment(el);
    for (let i = index.get(el) + direction; i >= 0 && i < list.length; i += direction) {
      if (shown(list[i])) return focusComment(list[i]);
    }
  };

  const tools = document.getElementById('_tools');
  if (tools) {
    tools.hidden = false;
    tools.addEventListener('click', (event) => {
      const act = event.target.closest('button')?.dataset.act;
      if (act === 'expand' || act === 'collapse') for (const el of list) el.open = act === 'expand';
      if (act === 'keys') dialog?.showModal();
    });
  }

  addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
    if (dialog?.open && event.key !== '?') return;
    const key = event.key;
    if (key === 'j') step(1);
    else if (key === 'k') step(-1);
    else if (key === 'p') {
      // The "parent" link, not the DOM: browsers flatten nesting deeper than a few hundred.
      const link = [...current().el.querySelectorAll(':scope > .nav > a')].find((a) => a.textContent === 'parent');
      if (link) focusComment(document.getElementById(link.hash.slice(1)));
    } else if (key === '?') {
      if (!dialog) return;
      if (dialog.open) dialog.close();
      else dialog.showModal();
    } else return;
    event.preventDefault();
  });

  // Print every comment, not just the open ones; put things back afterwards.
  let closed = [];
  addEventListener('beforeprint', () => {
    closed = list.filter((el) => !el.open);
    for (const el of closed) el.open = true;
  });
  addEventListener('afterprint', () => {
    for (const el of closed) el.open = false;
    closed = [];
  });
})();
