// Agent console: polls /sandbox/api/conversations every second and drives the agent API.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let conversations = [];
  let selectedId = null;
  let lastRendered = '';
  let typingTimer = null;

  async function api(method, path, body) {
    const res = await fetch('/sandbox/api' + path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new Error((data && (data.message || data.error)) || 'HTTP ' + res.status);
    return data;
  }

  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => (t.hidden = true), 3000);
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const c of children || []) if (c != null) node.append(c);
    return node;
  }

  const time = (s) => new Date(s * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const lastChat = (c) => [...c.messages].reverse().find((m) => m.message_type !== 2 && !m.private);

  function preview(m) {
    if (!m) return 'No messages yet';
    if (m.content) return (m.message_type === 0 ? '' : 'You: ') + m.content;
    return m.attachments ? '📎 attachment' : '(' + m.content_type + ')';
  }

  function renderList() {
    const list = $('conversations');
    const sorted = [...conversations].sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id);
    list.replaceChildren(
      ...sorted.map((c) =>
        el('li', { className: c.id === selectedId ? 'active' : '', onclick: () => select(c.id) }, [
          el('div', { className: 'row' }, [
            el('strong', { textContent: c.contact.name || 'Contact #' + c.contact.id }),
            el('span', { className: 'status ' + c.status, textContent: c.status }),
          ]),
          el('div', { className: 'preview', textContent: (c.contact_typing ? '✎ typing… ' : '') + preview(lastChat(c)) }),
          el('div', { className: 'muted', textContent: '#' + c.id + ' · ' + c.inbox_identifier + ' · ' + time(c.last_activity_at) }),
        ]),
      ),
    );
    $('count').textContent = String(conversations.length);
    $('empty-list').hidden = conversations.length > 0;
  }

  function renderMessage(m) {
    const kind = m.message_type === 2 ? 'activity' : m.private ? 'private' : m.message_type === 0 ? 'in' : 'out';
    const li = el('li', { className: 'msg ' + kind });
    if (m.content) li.append(el('div', { textContent: m.content }));
    for (const a of m.attachments || []) {
      const link = el('a', { href: a.data_url, target: '_blank', rel: 'noopener', textContent: '📎 ' + a.file_type + ' (' + a.file_size + ' B)' });
      li.append(a.file_type === 'image' ? el('a', { href: a.data_url, target: '_blank', rel: 'noopener' }, [el('img', { src: a.thumb_url, alt: 'attachment' })]) : el('div', {}, [link]));
    }
    const attrs = m.content_attributes || {};
    if (Array.isArray(attrs.items)) {
      li.append(el('div', { className: 'items' }, attrs.items.map((i) => el('span', { textContent: i.title || i.name || i.value }))));
    }
    const sv = attrs.submitted_values;
    if (sv) {
      let text;
      if (sv.csat_survey_response) text = '★ ' + sv.csat_survey_response.rating + '/5' + (sv.csat_survey_response.feedback_message ? ' “' + sv.csat_survey_response.feedback_message + '”' : '');
      else if (Array.isArray(sv)) text = 'Answer: ' + sv.map((v) => v.title || v.value).join(', ');
      else text = 'Answer: ' + JSON.stringify(sv);
      li.append(el('div', { className: 'meta', textContent: text }));
    }
    if (kind !== 'activity') {
      const bits = [time(m.created_at)];
      if (m.content_type !== 'text') bits.push(m.content_type);
      if (m.private) bits.push('private note');
      if (m.message_type !== 0 && !m.private) bits.push(m.status);
      li.append(el('div', { className: 'meta', textContent: bits.join(' · ') }));
    }
    return li;
  }

  function renderThread() {
    const c = conversations.find((x) => x.id === selectedId);
    $('thread').hidden = !c;
    $('placeholder').hidden = !!c;
    if (!c) return;
    const key = JSON.stringify(c);
    if (key === lastRendered) return;
    lastRendered = key;
    $('contact-name').textContent = (c.contact.name || 'Contact #' + c.contact.id) + '  ·  #' + c.id;
    $('contact-meta').textContent = [c.contact.email, c.contact.phone_number, c.inbox_identifier, c.hmac_verified ? 'verified' : null].filter(Boolean).join(' · ');
    const ca = c.custom_attributes || {};
    const page = $('page');
    page.replaceChildren();
    if (ca.page_title || ca.page_url) {
      page.append('Page: ');
      if (ca.page_url) page.append(el('a', { href: String(ca.page_url), target: '_blank', rel: 'noopener', textContent: String(ca.page_title || ca.page_url) }));
      else page.append(String(ca.page_title));
    }
    const others = Object.entries(ca).filter(([k]) => k !== 'page_url' && k !== 'page_title');
    if (others.length) page.append(el('div', { className: 'muted', textContent: others.map(([k, v]) => k + ': ' + JSON.stringify(v)).join(' · ') }));
    $('status').textContent = c.status;
    $('status').className = 'status ' + c.status;
    $('resolve').hidden = c.status === 'resolved';
    $('reopen').hidden = c.status === 'open';
    $('pending').hidden = c.status === 'pending';
    $('typing').hidden = !c.contact_typing;
    const box = $('messages');
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    box.replaceChildren(...c.messages.map(renderMessage));
    if (nearBottom) box.scrollTop = box.scrollHeight;
  }

  function select(id) {
    if (selectedId !== id) stopTyping();
    selectedId = id;
    lastRendered = '';
    renderList();
    renderThread();
    $('messages').scrollTop = $('messages').scrollHeight;
    $('reply').focus();
  }

  async function poll() {
    try {
      conversations = await api('GET', '/conversations');
      renderList();
      renderThread();
    } catch (e) {
      console.warn('poll failed', e);
    }
  }

  async function reply(body) {
    if (selectedId == null) return;
    try {
      await api('POST', '/conversations/' + selectedId + '/messages', body);
      await poll();
    } catch (e) {
      toast('Could not send: ' + e.message);
      throw e;
    }
  }

  async function setTyping(on) {
    if (selectedId == null) return;
    $('typing-toggle').checked = on;
    await api('POST', '/conversations/' + selectedId + '/typing', { status: on ? 'on' : 'off' }).catch((e) => toast(e.message));
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    typingTimer = null;
    if ($('typing-toggle').checked) setTyping(false);
  }

  async function setStatus(status) {
    try {
      await api('POST', '/conversations/' + selectedId + '/status', { status });
      await poll();
    } catch (e) {
      toast(e.message);
    }
  }

  $('composer').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = $('reply').value;
    if (!text.trim()) return;
    await reply({ content: text, private: $('private').checked }).then(() => ($('reply').value = ''), () => {});
    stopTyping();
  });
  $('reply').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey) {
      ev.preventDefault();
      $('composer').requestSubmit();
    }
  });
  $('reply').addEventListener('input', () => {
    if ($('private').checked) return;
    if (!$('typing-toggle').checked) setTyping(true);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 4000);
  });
  $('typing-toggle').addEventListener('change', (ev) => setTyping(ev.target.checked));
  $('csat').addEventListener('click', () =>
    reply({ content: 'Please rate your conversation', content_type: 'input_csat', content_attributes: { display_type: 'emoji' } }).catch(() => {}),
  );
  $('select').addEventListener('click', () => ($('select-form').hidden = !$('select-form').hidden));
  $('select-send').addEventListener('click', async () => {
    const items = $('select-items').value.split('\n').map((s) => s.trim()).filter(Boolean)
      .map((title) => ({ title, value: title.toLowerCase().replace(/[^a-z0-9]+/g, '_') }));
    if (!items.length) return toast('Add at least one option');
    await reply({ content: $('select-question').value || 'Choose one', content_type: 'input_select', content_attributes: { items } })
      .then(() => ($('select-form').hidden = true), () => {});
  });
  $('resolve').addEventListener('click', () => setStatus('resolved'));
  $('reopen').addEventListener('click', () => setStatus('open'));
  $('pending').addEventListener('click', () => setStatus('pending'));
  $('presence').addEventListener('change', async (ev) => {
    const online = ev.target.checked;
    $('presence-label').textContent = online ? 'Online' : 'Offline';
    await api('POST', '/presence', { online }).catch((e) => toast(e.message));
  });

  // Faults panel.
  async function showFaults(state) {
    state = state || (await api('GET', '/faults'));
    $('faults-state').textContent = JSON.stringify(state);
    for (const box of document.querySelectorAll('[data-flag]')) box.checked = !!state[box.dataset.flag];
    if (document.activeElement !== $('latency')) $('latency').value = state.latency_ms;
  }
  const applyFault = (body) => api('POST', '/faults', body).then(showFaults, (e) => toast(e.message));
  $('faults-toggle').addEventListener('click', () => {
    $('faults').hidden = !$('faults').hidden;
    if (!$('faults').hidden) showFaults();
  });
  for (const b of document.querySelectorAll('[data-fault]')) b.addEventListener('click', () => applyFault(JSON.parse(b.dataset.fault)));
  for (const box of document.querySelectorAll('[data-flag]')) box.addEventListener('change', () => applyFault({ [box.dataset.flag]: box.checked }));
  $('latency').addEventListener('change', () => applyFault({ latency_ms: Number($('latency').value) || 0 }));
  $('faults-clear').addEventListener('click', () => api('DELETE', '/faults').then(showFaults));

  api('GET', '/presence').then((p) => {
    $('presence').checked = p.online;
    $('presence-label').textContent = p.online ? 'Online' : 'Offline';
  }, () => {});
  poll();
  setInterval(poll, 1000);
  setInterval(() => { if (!$('faults').hidden) showFaults(); }, 2000);
})();
