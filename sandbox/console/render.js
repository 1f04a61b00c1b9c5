// Agent console: one message as the agent sees it. Attachments inline (images, audio, video; other files as
// links), rich content (options, cards, form, articles, CSAT, email request), and what the customer answered.
'use strict';
(function (SB) {
  const el = SB.el;
  SB.safeUrl = (u) => (typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null);
  const link = (href, text) => (SB.safeUrl(href) ? el('a', { href: SB.safeUrl(href), target: '_blank', rel: 'noopener', textContent: text }) : el('span', { textContent: text }));
  const size = (n) => (n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : n >= 1024 ? Math.round(n / 1024) + ' KB' : n + ' B');

  function attachment(a) {
    const name = a.file_name || a.data_url.split('/').pop();
    const label = '📎 ' + decodeURIComponent(name) + ' · ' + size(a.file_size) + (a.width ? ' · ' + a.width + '×' + a.height : '');
    const box = el('div', { className: 'attachment' });
    if (a.file_type === 'image') box.append(el('a', { href: a.data_url, target: '_blank', rel: 'noopener' }, [el('img', { src: a.thumb_url || a.data_url, alt: decodeURIComponent(name) })]));
    else if (a.file_type === 'audio') box.append(el('audio', { src: a.data_url, controls: true, preload: 'none' }));
    else if (a.file_type === 'video') box.append(el('video', { src: a.data_url, controls: true, preload: 'metadata', muted: true }));
    box.append(el('div', {}, [link(a.data_url, label)]));
    if (a.sha256) box.title = 'sha256 ' + a.sha256;
    return box;
  }

  function items(m) {
    const list = (m.content_attributes && m.content_attributes.items) || [];
    switch (m.content_type) {
      case 'input_select':
        return el('div', { className: 'items' }, list.map((i) => el('span', { textContent: i.title || i.value })));
      case 'cards':
        return el('div', { className: 'cards' }, list.map((card) =>
          el('div', { className: 'card' }, [
            SB.safeUrl(card.media_url) ? el('img', { src: SB.safeUrl(card.media_url), alt: '' }) : null,
            el('strong', { textContent: card.title || '' }),
            card.description ? el('div', { textContent: card.description }) : null,
            el('div', { className: 'items' }, (card.actions || []).map((a) =>
              a.type === 'link' ? link(a.uri, '🔗 ' + a.text) : el('span', { textContent: '↩ ' + a.text + ' (' + a.payload + ')' }))),
          ])));
      case 'form':
        return el('ul', { className: 'fields' }, list.map((f) =>
          el('li', { textContent: (f.label || f.name) + ' — ' + f.type + (f.required ? ', required' : '') + (f.options ? ': ' + f.options.map((o) => o.label).join(' / ') : '') })));
      case 'article':
        return el('ul', { className: 'fields' }, list.map((a) => el('li', {}, [link(a.link, a.title), a.description ? ' — ' + a.description : null])));
      case 'input_csat':
        return el('div', { className: 'meta', textContent: 'Satisfaction survey (' + ((m.content_attributes || {}).display_type || 'emoji') + ')' });
      case 'input_email':
        return el('div', { className: 'meta', textContent: 'Asks for an email address' });
    }
    return null;
  }

  function answer(m) {
    const attrs = m.content_attributes || {};
    const sv = attrs.submitted_values;
    if (!sv && !m.patch_count) return null;
    let text;
    if (sv && sv.csat_survey_response) {
      const r = sv.csat_survey_response;
      text = '★ ' + r.rating + '/5' + (r.feedback_message ? ' “' + r.feedback_message + '”' : '');
    } else if (Array.isArray(sv)) text = sv.map((v) => (v.name && m.content_type !== 'input_email' ? v.name + ': ' : '') + (v.title || v.value)).join(', ');
    else text = sv ? JSON.stringify(sv) : '(nothing stored)';
    const count = m.patch_count > 1 ? ' · answered ' + m.patch_count + ' times' : '';
    return el('div', { className: 'answer', textContent: 'Customer answered: ' + text + count });
  }

  function who(m) {
    if (m.message_type === 0 || m.message_type === 2) return null;
    if (m.message_type === 3 && !m.sender) return 'Automatic (template)';
    if (m.sender && m.sender.type === 'agent_bot') return '🤖 ' + m.sender.name;
    if (m.sender && m.sender.type === 'captain_assistant') return '✨ ' + m.sender.name;
    return null;
  }

  SB.renderMessage = function renderMessage(m) {
    const kind = m.message_type === 2 ? 'activity' : m.private ? 'private' : m.message_type === 0 ? 'in' : 'out';
    const li = el('li', { className: 'msg ' + kind });
    const from = who(m);
    if (from) li.append(el('div', { className: 'from', textContent: from }));
    if (m.content) li.append(el('div', { className: 'content', textContent: m.content }));
    for (const a of m.attachments || []) li.append(attachment(a));
    for (const part of [items(m), answer(m)]) if (part) li.append(part);
    if (kind !== 'activity') {
      const bits = [SB.time(m.created_at)];
      if (m.content_type !== 'text') bits.push(m.content_type);
      if (m.private) bits.push('private note');
      if (m.message_type !== 0 && !m.private) bits.push(m.status);
      li.append(el('div', { className: 'meta', textContent: bits.join(' · ') }));
    }
    return li;
  };
})(window.SB);
