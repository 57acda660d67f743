// The sample helpdesk behind `npm run demo`: a ticket list and a Zendesk-shaped workspace
// (tabs, one pane per ticket, a real CKEditor 5 composer, Submit). DOM APIs only.
(() => {
  const tickets = JSON.parse(document.getElementById('tickets').textContent);
  const { ClassicEditor, Essentials, Paragraph, Undo } = window.CKEDITOR;
  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  };
  const list = document.getElementById('ticket-list');
  const tabs = document.getElementById('tabs');
  const panes = document.getElementById('main_panes');
  const go = (id) => { history.pushState({}, '', `/agent/tickets/${id}`); activate(); };

  for (const [id, t] of Object.entries(tickets)) {
    const link = el('a', { href: `/agent/tickets/${id}`, 'data-ticket': id }, `#${id} ${t.subject}`, el('small', {}, t.requester.name));
    link.addEventListener('click', (e) => { e.preventDefault(); go(id); });
    list.append(el('li', {}, link));
    const tab = el('div', { 'data-test-id': 'header-tab', 'data-entity-id': id, role: 'tab' }, `#${id}`);
    tab.addEventListener('click', () => go(id));
    tabs.append(tab);
    const mount = el('div', {});
    const submit = el('button', { 'data-test-id': 'submit_button-button', type: 'button' }, `Submit as ${t.status}`);
    const log = el('div', { 'data-test-id': 'omni-log' }, ...t.comments.map((c) =>
      el('article', { 'data-test-id': 'omni-log-comment-item' },
        el('span', { 'data-test-id': 'omni-log-item-sender' }, c.from),
        el('div', { 'data-test-id': 'omni-log-message-content' }, c.body))));
    panes.append(el('div', { class: 'ticket-panes-grid-layout', 'data-ticket-id': id, 'data-is-active': 'false' },
      el('input', { 'data-test-id': 'omni-header-subject', 'aria-label': 'Subject', value: t.subject }),
      el('span', { class: 'status' }, t.status),
      log,
      el('div', { id: 'editor-view' },
        el('div', { 'data-test-id': 'omnicomposer-recipient' }, el('img', { 'data-garden-id': 'tags.avatar', alt: t.requester.email }), el('span', {}, t.requester.name)),
        el('div', { 'data-test-id': 'omnicomposer-rich-text-ckeditor' }, mount),
        submit)));
    ClassicEditor.create(mount, { licenseKey: 'GPL', plugins: [Essentials, Paragraph, Undo], toolbar: ['undo', 'redo'] }).then((editor) => {
      submit.addEventListener('click', () => {
        const body = editor.getData().replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
        if (!body) return;
        log.append(el('article', { 'data-test-id': 'omni-log-comment-item' },
          el('span', { 'data-test-id': 'omni-log-item-sender' }, 'Demo Agent'),
          el('div', { 'data-test-id': 'omni-log-message-content' }, body)));
        document.getElementById('sent-log').append(el('li', {}, JSON.stringify({ ticket: id, body })));
        editor.setData('');
      });
    });
  }
  function activate() {
    const id = (location.pathname.match(/\/agent\/tickets\/(\d+)/) ?? [])[1] ?? Object.keys(tickets)[0];
    for (const a of list.querySelectorAll('a')) a.dataset.ticket === id ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current');
    for (const tab of tabs.children) tab.dataset.entityId === id ? tab.setAttribute('aria-current', 'page') : tab.removeAttribute('aria-current');
    for (const pane of panes.children) pane.setAttribute('data-is-active', String(pane.dataset.ticketId === id));
  }
  window.addEventListener('popstate', activate);
  activate();
})();
