// Agent console: the Faults & config panel (/sandbox/api/faults and /sandbox/api/config), then start-up.
'use strict';
(function (SB) {
  const $ = SB.$;

  async function showFaults(state) {
    state = state || (await SB.api('GET', '/faults'));
    $('faults-state').textContent = JSON.stringify(state);
    for (const box of document.querySelectorAll('[data-flag]')) box.checked = !!state[box.dataset.flag];
    if (document.activeElement !== $('latency')) $('latency').value = state.latency_ms;
  }

  async function showConfig(config) {
    config = config || (await SB.api('GET', '/config'));
    $('config-state').textContent = JSON.stringify(config);
    $('cfg-shape').value = config.contact_update_shape;
    $('cfg-email').checked = config.input_email_updates_contact;
    if (document.activeElement !== $('cfg-types')) $('cfg-types').value = config.rejected_attachment_types.join(', ');
  }

  const applyFault = (body) => SB.api('POST', '/faults', body).then(showFaults, (e) => SB.toast(e.message));
  const applyConfig = (body) => SB.api('POST', '/config', body).then(showConfig, (e) => SB.toast(e.message));

  function startFaults() {
    $('faults-toggle').addEventListener('click', () => {
      $('faults').hidden = !$('faults').hidden;
      if (!$('faults').hidden) showFaults().then(() => showConfig());
    });
    for (const b of document.querySelectorAll('[data-fault]')) b.addEventListener('click', () => applyFault(JSON.parse(b.dataset.fault)));
    for (const box of document.querySelectorAll('[data-flag]')) box.addEventListener('change', () => applyFault({ [box.dataset.flag]: box.checked }));
    $('latency').addEventListener('change', () => applyFault({ latency_ms: Number($('latency').value) || 0 }));
    $('faults-clear').addEventListener('click', () => SB.api('DELETE', '/faults').then(showFaults));
    $('cfg-shape').addEventListener('change', () => applyConfig({ contact_update_shape: $('cfg-shape').value }));
    $('cfg-email').addEventListener('change', () => applyConfig({ input_email_updates_contact: $('cfg-email').checked }));
    $('cfg-types').addEventListener('change', () => applyConfig({ rejected_attachment_types: $('cfg-types').value }));
    $('cfg-reset').addEventListener('click', () => SB.api('DELETE', '/config').then(showConfig));
    setInterval(() => {
      if (!$('faults').hidden) showFaults();
    }, 2000);
  }

  SB.startComposer();
  SB.startRich();
  startFaults();
  SB.start();
})(window.SB);
