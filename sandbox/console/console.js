// Agent console core: polls /sandbox/api/conversations every second, lists conversations, shows the selected
// thread (render.js draws each message), status and presence. compose.js sends; faults.js drives the switches.
'use strict';
window.SB = (function () {
  const $ = (id) => document.getElementById(id);
  const SB = { $, conversations: [], selectedId: null };
  let lastRendered = '';

  SB.api = async function api(method, path, body) {
    const form = body instanceof FormData;
    const res = await fetch('/sandbox/api' + path, {
      method,
      headers: body && !form ? { 'Content-Type': 'application/json' } : {},
      body: body ? (form ? body : JSON.stringify(body)) : undefined,
    });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new Error((data && (data.message || data.error)) || 'HTTP ' + res.status);
    return data;
  };

  SB.toast = function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => (t.hidden = true), 3000);
  };

  SB.el = function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const c of children || []) if (c != null) node.append(c);
    return node;
  };
  const el = SB.el;

  SB.time = (s) => new Date(s * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const lastChat = (c) => [...c.messages].reverse().find((m) => m.message_type !== 2 && !m.private);

  function preview(m) {
    if (!m) return 'No messages yet';
    const who = m.message_type === 0 ? '' : m.sender && m.sender.type !== 'user' ? m.sender.name + ': ' : m.message_type === 3 ? 'Auto: ' : 'You: ';
    if (m.content) return who + m.content;
    return who + (m.attachments ? '📎 ' + m.attachments.map((a) => a.file_name || a.file_type).join(', ') : '(' + m.content_type + ')');
  }

  function renderList() {
    const list = $('conversations');
    const sorted = [...SB.conversations].sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id);
    list.replaceChildren(
      ...sorted.map((c) =>
        el('li', { className: c.id === SB.selectedId ? 'active' : '', onclick: () => SB.select(c.id) }, [
          el('div', { className: 'row' }, [
            el('strong', { textContent: c.contact.name || 'Contact #' + c.contact.id }),
            el('span', { className: 'status ' + c.status, textContent: c.status }),
          ]),
          el('div', { className: 'preview', textContent: (c.contact_typing ? '✎ typing… ' : '') + preview(lastChat(c)) }),
          el('div', { className: 'muted', textContent: '#' + c.id + ' · ' + c.inbox_identifier + ' · ' + SB.time(c.last_activity_at) }),
        ]),
      ),
    );
    $('count').textContent = String(SB.conversations.length);
    $('empty-list').hidden = SB.conversations.length > 0;
  }

  function renderHead(c) {
    $('contact-name').textContent = (c.contact.name || 'Contact #' + c.contact.id) + '  ·  #' + c.id;
    $('contact-meta').textContent = [c.contact.email, c.contact.phone_number, c.inbox_identifier, c.hmac_verified ? 'verified' : null].filter(Boolean).join(' · ');
    const ca = c.custom_attributes || {};
    const page = $('page');
    page.replaceChildren();
    if (ca.page_title || ca.page_url) {
      page.append('Page: ');
      const url = SB.safeUrl(ca.page_url);
      if (url) page.append(el('a', { href: url, target: '_blank', rel: 'noopener', textContent: String(ca.page_title || ca.page_url) }));
      else page.append(String(ca.page_title || ca.page_url));
    }
    const others = Object.entries(ca).filter(([k]) => k !== 'page_url' && k !== 'page_title');
    if (others.length) page.append(el('div', { className: 'muted', textContent: others.map(([k, v]) => k + ': ' + JSON.stringify(v)).join(' · ') }));
    $('status').textContent = c.status;
    $('status').className = 'status ' + c.status;
    $('resolve').hidden = c.status === 'resolved';
    $('reopen').hidden = c.status === 'open';
    $('pending').hidden = c.status === 'pending';
    $('typing').hidden = !c.contact_typing;
  }

  function renderThread() {
    const c = SB.conversations.find((x) => x.id === SB.selectedId);
    $('thread').hidden = !c;
    $('placeholder').hidden = !!c;
    if (!c) return;
    const key = JSON.stringify(c);
    if (key === lastRendered) return;
    lastRendered = key;
    renderHead(c);
    const box = $('messages');
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    box.replaceChildren(...c.messages.map(SB.renderMessage));
    if (nearBottom) box.scrollTop = box.scrollHeight;
  }

  SB.select = function select(id) {
    if (SB.selectedId !== id && SB.onLeave) SB.onLeave();
    SB.selectedId = id;
    lastRendered = '';
    renderList();
    renderThread();
    $('messages').scrollTop = $('messages').scrollHeight;
    $('reply').focus();
  };

  SB.poll = async function poll() {
    try {
      SB.conversations = await SB.api('GET', '/conversations');
      renderList();
      renderThread();
    } catch (e) {
      console.warn('poll failed', e);
    }
  };

  async function setStatus(status) {
    try {
      await SB.api('POST', '/conversations/' + SB.selectedId + '/status', { status });
      await SB.poll();
    } catch (e) {
      SB.toast(e.message);
    }
  }

  SB.start = function start() {
    $('resolve').addEventListener('click', () => setStatus('resolved'));
    $('reopen').addEventListener('click', () => setStatus('open'));
    $('pending').addEventListener('click', () => setStatus('pending'));
    $('presence').addEventListener('change', async (ev) => {
      const online = ev.target.checked;
      $('presence-label').textContent = online ? 'Online' : 'Offline';
      await SB.api('POST', '/presence', { online }).catch((e) => SB.toast(e.message));
    });
    SB.api('GET', '/presence').then((p) => {
      $('presence').checked = p.online;
      $('presence-label').textContent = p.online ? 'Online' : 'Offline';
    }, () => {});
    SB.poll();
    setInterval(SB.poll, 1000);
  };
  return SB;
})();
