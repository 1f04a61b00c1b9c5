// Agent console: rich message editors. Each kind has a message text and, where it has items, one item per
// line with fields separated by "|", prefilled with an example; the lines become content_attributes.items.
'use strict';
(function (SB) {
  const $ = SB.$;
  const origin = location.origin;
  const fields = (line) => line.split('|').map((s) => s.trim());
  const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);
  const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

  const KINDS = {
    input_select: {
      text: 'How can we help?',
      help: 'One option per line: Title, or Title | value',
      example: 'Billing\nTechnical issue\nSomething else',
      items: (text) => lines(text).map((l) => {
        const [title, value] = fields(l);
        return { title, value: value || slug(title) };
      }),
    },
    cards: {
      text: 'Here are a few picks for you',
      help: 'One card per line: Title | Description | Image URL | Button | Link URL (or postback:PAYLOAD) | Button | … (at least one button)',
      example: `Running shoe | Light and fast | ${origin}/sandbox/samples/image | View | https://example.com/shoe | Buy now | postback:BUY_SHOE\nTrail shoe | Grips on mud | | Details | https://example.com/trail`,
      items: (text) => lines(text).map((l) => {
        const [title, description, media, ...rest] = fields(l);
        const actions = [];
        for (let i = 0; i + 1 < rest.length; i += 2) {
          const target = rest[i + 1];
          actions.push(target.startsWith('postback:') ? { type: 'postback', text: rest[i], payload: target.slice(9) } : { type: 'link', text: rest[i], uri: target });
        }
        const card = { title, description, actions };
        if (media) card.media_url = media;
        return card;
      }),
    },
    form: {
      text: 'Tell us a little more',
      help: 'One field per line: name | Label | type (text, email, text_area, select) | placeholder | options (a, b, c) | required',
      example: 'email | Your email | email | you@example.com | | required\ntopic | Topic | select | | Billing, Technical, Other |\ndetails | Details | text_area | Tell us more | |',
      items: (text) => lines(text).map((l) => {
        const [name, label, type, placeholder, options, required] = fields(l);
        const field = { name: name || slug(label || 'field'), label: label || name, type: type || 'text' };
        if (placeholder) field.placeholder = placeholder;
        if (options) field.options = options.split(',').map((o) => o.trim()).filter(Boolean).map((o) => ({ label: o, value: slug(o) }));
        if (required === 'required') field.required = true;
        return field;
      }),
    },
    article: {
      text: 'These articles may help',
      help: 'One article per line: Title | Description | Link',
      example: 'Reset your password | Step by step, in two minutes | https://example.com/help/reset\nBilling questions | Invoices, refunds and plans | https://example.com/help/billing',
      items: (text) => lines(text).map((l) => {
        const [title, description, link] = fields(l);
        return { title, description, link };
      }),
    },
    input_email: { text: 'Leave your email and we will get back to you' },
    input_csat: { text: 'Please rate the conversation' },
  };

  function open(kind) {
    const k = KINDS[kind];
    $('rich-form').hidden = !k;
    if (!k) return;
    $('rich-form').dataset.kind = kind;
    $('rich-title').textContent = $('rich-kind').selectedOptions[0].textContent;
    $('rich-content').value = k.text;
    $('rich-items-box').hidden = !k.items;
    $('rich-items').value = k.example || '';
    $('rich-help').textContent = k.help || '';
    $('rich-csat').hidden = kind !== 'input_csat';
  }

  function close() {
    $('rich-form').hidden = true;
    $('rich-kind').value = '';
  }

  async function send() {
    const kind = $('rich-form').dataset.kind;
    const k = KINDS[kind];
    const body = { content: $('rich-content').value || null, content_type: kind, sender: $('sender').value };
    if (k.items) {
      const items = k.items($('rich-items').value);
      if (!items.length) return SB.toast('Add at least one line');
      body.content_attributes = { items };
    }
    if (kind === 'input_csat') {
      body.content_attributes = { display_type: $('csat-display').value };
      if ($('csat-template').checked) body.sender = 'none';
    }
    await SB.send(body).then(close, () => {});
  }

  SB.startRich = function startRich() {
    $('rich-kind').addEventListener('change', () => open($('rich-kind').value));
    $('rich-send').addEventListener('click', send);
    $('rich-cancel').addEventListener('click', close);
  };
})(window.SB);
