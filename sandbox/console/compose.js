// Agent console: the composer. Text (Markdown kept as typed, newlines included) as the agent, the bot or
// Captain; files from disk (multipart) and built-in samples; typing; the quick CSAT button.
'use strict';
(function (SB) {
  const $ = SB.$;
  const el = SB.el;
  let files = []; // File objects chosen from disk
  let samples = []; // 'image' | 'pdf' | 'audio' | 'video'
  let typingTimer = null;

  SB.send = async function send(body) {
    if (SB.selectedId == null) return;
    try {
      await SB.api('POST', '/conversations/' + SB.selectedId + '/messages', body);
      await SB.poll();
    } catch (e) {
      SB.toast('Could not send: ' + e.message);
      throw e;
    }
  };

  function renderChosen() {
    const chips = [
      ...files.map((f, i) => ['📎 ' + f.name, () => files.splice(i, 1)]),
      ...samples.map((s, i) => ['🧪 sample ' + s, () => samples.splice(i, 1)]),
    ];
    $('chosen').replaceChildren(...chips.map(([label, remove]) =>
      el('span', { className: 'chip' }, [label, el('button', { type: 'button', className: 'ghost', textContent: '×', ariaLabel: 'Remove ' + label, onclick: () => (remove(), renderChosen()) })])));
    $('chosen').hidden = chips.length === 0;
  }

  async function submit() {
    const text = $('reply').value;
    if (!text.trim() && !files.length && !samples.length) return;
    const common = { private: $('private').checked, sender: $('sender').value };
    let body;
    if (files.length) {
      body = new FormData();
      if (text.trim()) body.append('content', text);
      body.append('private', String(common.private));
      body.append('sender', common.sender);
      for (const s of samples) body.append('sample[]', s);
      for (const f of files) body.append('attachments[]', f, f.name);
    } else body = { content: text.trim() ? text : undefined, sample: samples.length ? samples : undefined, ...common };
    await SB.send(body).then(() => {
      $('reply').value = '';
      files = [];
      samples = [];
      renderChosen();
    }, () => {});
    stopTyping();
  }

  async function setTyping(on) {
    if (SB.selectedId == null) return;
    $('typing-toggle').checked = on;
    await SB.api('POST', '/conversations/' + SB.selectedId + '/typing', { status: on ? 'on' : 'off' }).catch((e) => SB.toast(e.message));
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    typingTimer = null;
    if ($('typing-toggle').checked) setTyping(false);
  }
  SB.onLeave = stopTyping;

  SB.startComposer = function startComposer() {
    $('composer').addEventListener('submit', (ev) => {
      ev.preventDefault();
      submit();
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
    $('file-input').addEventListener('change', (ev) => {
      files.push(...ev.target.files);
      ev.target.value = '';
      renderChosen();
    });
    $('sample').addEventListener('change', (ev) => {
      if (ev.target.value) samples.push(ev.target.value);
      ev.target.value = '';
      renderChosen();
    });
    $('csat').addEventListener('click', () =>
      SB.send({ content: 'Please rate your conversation', content_type: 'input_csat', content_attributes: { display_type: 'emoji' } }).catch(() => {}),
    );
  };
})(window.SB);
