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

  /** The comment a `#id` link points to. */
  const commentAt = (hash) => {
    let id = hash.slice(1);
    try { id = decodeURIComponent(id); } catch {}
    return id ? document.getElementById(id) : null;
  };
  /** A comment's parent, by its "parent" link, not the DOM: browsers flatten nesting deeper than a few hundred. */
  const parentOf = (el) => {
    const link = [...el.querySelectorAll(':scope > .nav > a')].find((a) => a.textContent === 'parent');
    return link ? commentAt(link.hash) : null;
  };
  const clip = (text, n) => (text.length > n ? `${text.slice(0, n)}…` : text);

  // A link to a comment (permalink, parent, quote, search result) lands on it, opened.
  const showTarget = () => {
    const el = commentAt(location.hash);
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
      if (act === 'fix') toggleFixer(event.target.closest('button'));
    });
  }

  // The fixer, on threads recovered from a text dump: corrections in the shape NAME.fixes.json
  // takes ("merge" and "split" lines, "comments": {"line N": {"parent": "line M"}}), kept in this
  // browser until cleared or until the file has them. Comments are named by their first dump
  // line, since a join or a split changes ids. What it shows is the whole file: the fixes the
  // page was built with (data-base) and these, a join undoing a split and a split undoing a join.
  const fix = document.getElementById('_fix');
  const storeKey = fix && `thread-archive:fixes:${fix.dataset.thread}`;
  const noFixes = () => ({ merge: [], split: [], story: [], comments: {} });
  const lineRef = (id) => {
    const el = id && document.getElementById(id);
    return el?.dataset.l ? `line ${el.dataset.l}` : id;
  };
  let base = {};
  let fixes = noFixes();
  try {
    base = JSON.parse(fix?.dataset.base || '{}');
    const saved = storeKey && JSON.parse(localStorage.getItem(storeKey) || 'null');
    if (saved && Array.isArray(saved.merge) && saved.comments && typeof saved.comments === 'object') fixes = { ...noFixes(), ...saved };
  } catch {}
  const baseComments = {};
  for (const [key, edit] of Object.entries(base.comments || {})) baseComments[lineRef(key)] = 'parent' in edit ? { ...edit, parent: lineRef(edit.parent) } : edit;
  const has = (lines, l) => Boolean(lines?.includes(l));
  // Fixes the file already has (it was saved and parsed again) need no keeping here.
  fixes.merge = fixes.merge.filter((l) => !has(base.merge, l) || has(base.split, l));
  fixes.split = fixes.split.filter((l) => !has(base.split, l) || has(base.merge, l));
  fixes.story = fixes.story.filter((l) => !has(base.story, l));
  for (const [key, edit] of Object.entries(fixes.comments)) {
    if (Object.hasOwn(baseComments, key) && baseComments[key].parent === edit.parent) delete fixes.comments[key];
  }
  const wholeFile = () => {
    const { comments: _, split: baseSplit, merge: baseMerge, story: baseStory, ...json } = base;
    const lines = (theirs, mine, undone) => [...new Set([...(theirs || []), ...mine])].filter((l) => !undone.includes(l)).sort((a, b) => a - b);
    const split = lines(baseSplit, fixes.split, fixes.merge);
    const merge = lines(baseMerge, fixes.merge, fixes.split);
    const comments = { ...baseComments };
    for (const [key, edit] of Object.entries(fixes.comments)) comments[key] = { ...comments[key], ...edit };
    // A comment you join to the one before answers nothing of its own.
    for (const line of fixes.merge) {
      const { parent, ...rest } = comments[`line ${line}`] || {};
      if (parent !== undefined) delete comments[`line ${line}`];
      if (parent !== undefined && Object.keys(rest).length) comments[`line ${line}`] = rest;
    }
    if (Object.keys(comments).length) json.comments = comments;
    if (split.length) json.split = split;
    if (merge.length) json.merge = merge;
    const story = lines(baseStory, fixes.story, []);
    if (story.length) json.story = story;
    return json;
  };
  const label = (el) => {
    const author = el.querySelector(':scope > summary .au:not(.anon)')?.textContent;
    const words = (el.querySelector(':scope > .t')?.textContent || '').trim().replace(/\s+/g, ' ');
    return `${author ? `${author}: ` : ''}“${clip(words, 50)}”`;
  };
  const showFixes = () => {
    const json = wholeFile();
    const empty = Object.keys(json).length === 0;
    fix.querySelector('.fix-json').textContent = empty ? '(no fixes yet)' : JSON.stringify(json, null, 2);
    for (const button of fix.querySelectorAll('[data-fix="download"], [data-fix="copy"]')) button.disabled = empty;
    try { localStorage.setItem(storeKey, JSON.stringify(fixes)); } catch {}
    for (const el of list) {
      const joined = fixes.merge.includes(Number(el.dataset.l));
      const join = el.querySelector(':scope > .fixer > [data-fix="join"]');
      if (join) join.setAttribute('aria-pressed', String(joined));
      const split = el.querySelector(':scope > .fixer > [data-fix="split"]');
      const cut = split && fixes.split.find((l) => l > Number(el.dataset.l) && l <= Number(el.dataset.last));
      if (split) split.value = cut ? String(cut) : '';
      const story = fixes.story.includes(Number(el.dataset.l));
      el.querySelector(':scope > .fixer > [data-fix="story"]')?.setAttribute('aria-pressed', String(story));
      el.classList.toggle('fixed', joined || story || Boolean(cut) || Object.hasOwn(fixes.comments, lineRef(el.id)));
    }
  };
  const setParent = (el, parent) => {
    if (parent === undefined) delete fixes.comments[lineRef(el.id)];
    else fixes.comments[lineRef(el.id)] = { parent: lineRef(parent) };
    showFixes();
  };
  // The parents depth-first order allows: the comment before, that one's ancestors, the story.
  const fillChoices = (select, el) => {
    if (select.options.length > 1) return;
    for (let c = list[index.get(el) - 1], n = 0; c && n < 60; c = parentOf(c), n++) select.add(new Option(`answers ${label(c)}`, c.id));
    select.add(new Option('is a top-level comment', '\u0000top'));
  };
  const addControls = () => {
    for (const el of list) {
      if (!el.dataset.l || el.querySelector(':scope > .fixer')) continue;
      const box = document.createElement('p');
      box.className = 'fixer';
      // A button that puts lines in a list of fixes (`merge` or `story`), or takes them out again.
      const toggle = (kind, label, key, lines) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.fix = kind;
        button.textContent = label;
        button.addEventListener('click', () => {
          fixes[key] = fixes[key].includes(lines[0]) ? fixes[key].filter((l) => !lines.includes(l)) : [...fixes[key], ...lines];
          showFixes();
        });
        box.append(button, ' ');
      };
      const first = Number(el.dataset.l);
      if (index.get(el) > 0) toggle('join', 'joins the comment before', 'merge', [first]);
      // A plain dump's first lines may be the story's (a sentence of the article copied along).
      else if (fix.dataset.story !== undefined) {
        toggle('story', "is the story's text, not a comment", 'story', Array.from({ length: Number(el.dataset.last || first) - first + 1 }, (_, k) => first + k));
      }
      const select = document.createElement('select');
      select.dataset.fix = 'parent';
      select.setAttribute('aria-label', 'Which comment it answers');
      select.add(new Option('answers… (as parsed)', ''));
      select.addEventListener('focus', () => fillChoices(select, el));
      select.addEventListener('pointerdown', () => fillChoices(select, el));
      select.addEventListener('change', () => setParent(el, select.value === '' ? undefined : select.value === '\u0000top' ? null : select.value));
      box.append(select);
      if (el.dataset.last) box.append(' ', splitChoice(el));
      el.querySelector(':scope > .nav').after(box);
    }
  };
  // A comment of several dump lines can be cut at one: each line is named by its first words
  // when the rendered blocks (list items apart) are one per line, else by its number alone.
  const splitChoice = (el) => {
    const first = Number(el.dataset.l);
    const last = Number(el.dataset.last);
    const blocks = [];
    for (const b of el.querySelector(':scope > .t')?.children || []) blocks.push(...(/^(UL|OL)$/.test(b.tagName) ? b.children : [b]));
    const select = document.createElement('select');
    select.dataset.fix = 'split';
    select.setAttribute('aria-label', 'Where a new comment starts inside it');
    select.add(new Option('one comment (as parsed)', ''));
    for (let line = first + 1; line <= last; line++) {
      const words = blocks.length === last - first + 1 ? blocks[line - first].textContent.trim().replace(/\s+/g, ' ') : '';
      select.add(new Option(`a new comment starts at line ${line}${words ? `: ${clip(words, 40)}` : ''}`, String(line)));
    }
    select.addEventListener('change', () => {
      fixes.split = fixes.split.filter((l) => l <= first || l > last);
      if (select.value) fixes.split.push(Number(select.value));
      showFixes();
    });
    return select;
  };
  function toggleFixer(button) {
    if (!fix) return;
    fix.hidden = !fix.hidden;
    button.setAttribute('aria-expanded', String(!fix.hidden));
    document.documentElement.classList.toggle('fixing', !fix.hidden);
    if (!fix.hidden) {
      addControls();
      showFixes();
    }
  }
  fix?.addEventListener('click', (event) => {
    const act = event.target.closest('button')?.dataset.fix;
    const text = fix.querySelector('.fix-json').textContent;
    if (act === 'copy') navigator.clipboard?.writeText(text).catch(() => {});
    if (act === 'download') {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([`${text}\n`], { type: 'application/json' }));
      link.download = fix.dataset.file;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }
    if (act === 'clear') {
      fixes = noFixes();
      for (const select of document.querySelectorAll('.fixer select')) select.value = '';
      showFixes();
    }
  });

  addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
    if (dialog?.open && event.key !== '?') return;
    const key = event.key;
    if (key === 'j') step(1);
    else if (key === 'k') step(-1);
    else if (key === 'p') {
      const parent = parentOf(current().el);
      if (parent) focusComment(parent);
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
