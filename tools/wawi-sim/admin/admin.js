// The simulator's admin page: lists waiting requests like Wawi's dialog and drives the control API.

const $ = (id) => document.getElementById(id);
let db = null;
let lastPending = '';
let lastApps = '';

async function api(path, init) {
  const res = await fetch(`/__admin/api/${path}`, init);
  if (!res.ok) throw new Error((await res.text()) || res.statusText);
  return res.json();
}
function post(path, body) {
  return api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
}
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (v !== false && v !== undefined) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
function scopeList(name, scopes, mandatory) {
  if (!scopes.length) return el('p', { class: 'muted' }, 'Keine.');
  return el(
    'ul',
    { class: 'scopes' },
    ...scopes.map((s) =>
      el(
        'li',
        {},
        el(
          'label',
          {},
          el('input', { type: 'checkbox', checked: true, disabled: mandatory, 'data-scope': s, name }),
          ' ',
          s,
        ),
      ),
    ),
  );
}
function renderPending(list) {
  const box = $('pending');
  box.replaceChildren();
  if (!list.length) {
    box.append(el('p', { class: 'muted' }, 'Keine Anfragen.'));
    return;
  }
  for (const r of list) {
    const card = el(
      'article',
      { class: 'request', 'aria-label': `Anfrage von ${r.displayName}` },
      el(
        'header',
        {},
        el('img', { src: `data:image/png;base64,${r.icon}`, alt: '' }),
        el(
          'div',
          {},
          el('h3', {}, r.displayName),
          el('div', { class: 'muted' }, `Anbieter: ${r.providerName} · Version ${r.version} · ${r.appId}`),
        ),
      ),
      el('p', {}, r.description),
      el('h4', {}, 'Benötigte Berechtigungen'),
      scopeList(`m-${r.id}`, r.mandatoryScopes, true),
      el('h4', {}, 'Optionale Berechtigungen'),
      scopeList(`o-${r.id}`, r.optionalScopes, false),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'button', on: { click: () => decide(r, card, true) } }, 'Annehmen'),
        el(
          'button',
          { type: 'button', class: 'danger', on: { click: () => decide(r, card, false) } },
          'Ablehnen',
        ),
      ),
    );
    box.append(card);
  }
}
async function decide(r, card, accept) {
  const granted = [...card.querySelectorAll(`input[name="o-${r.id}"]:checked`)].map((i) => i.dataset.scope);
  await post(
    `${db}/requests/${encodeURIComponent(r.id)}/${accept ? 'accept' : 'reject'}`,
    accept ? { grantedScopes: granted } : {},
  );
  await refresh();
}
function renderApps(list) {
  const body = $('apps');
  body.replaceChildren();
  if (!list.length) {
    body.append(el('tr', {}, el('td', { colspan: '6', class: 'muted' }, 'Keine Apps registriert.')));
    return;
  }
  for (const a of list) {
    body.append(
      el(
        'tr',
        {},
        el('td', {}, a.displayName),
        el('td', {}, a.appId),
        el('td', {}, a.providerName),
        el('td', {}, a.grantedScopes.join(', ')),
        el('td', {}, new Date(a.registeredAt).toLocaleString('de-DE')),
        el(
          'td',
          {},
          el(
            'button',
            {
              type: 'button',
              class: 'danger',
              'aria-label': `${a.displayName} entfernen`,
              on: {
                click: async () => {
                  await api(`${db}/apps/${encodeURIComponent(a.appId)}`, { method: 'DELETE' });
                  await refresh();
                },
              },
            },
            'Entfernen',
          ),
        ),
      ),
    );
  }
}
async function refresh() {
  const w = await api(`${db}/window`);
  $('window-state').textContent = w.open
    ? 'Der Registrierungsdialog ist geöffnet und wartet auf eine Anfrage.'
    : 'Kein Registrierungsdialog geöffnet. Klicken Sie auf „Hinzufügen“ und dann auf „Weiter“.';
  $('open-window').disabled = w.open;
  $('close-window').disabled = !w.open;
  const pending = await api(`${db}/requests`);
  const p = JSON.stringify(pending);
  if (p !== lastPending) {
    lastPending = p;
    renderPending(pending);
  }
  const apps = await api(`${db}/apps`);
  const a = JSON.stringify(apps);
  if (a !== lastApps) {
    lastApps = a;
    renderApps(apps);
  }
}
async function start() {
  const dbs = await api('databases');
  const sel = $('db');
  for (const d of dbs) sel.append(el('option', { value: d }, d));
  const wanted = new URLSearchParams(location.search).get('db');
  db = dbs.find((d) => d.toLowerCase() === (wanted || '').toLowerCase()) || dbs[0];
  sel.value = db;
  sel.addEventListener('change', () => {
    db = sel.value;
    lastPending = lastApps = '';
    refresh();
  });
  $('open-window').addEventListener('click', async () => {
    await post(`${db}/window`, { open: true });
    await refresh();
  });
  $('close-window').addEventListener('click', async () => {
    await post(`${db}/window`, { open: false });
    await refresh();
  });
  await refresh();
  setInterval(() => refresh().catch(() => {}), 1000);
}
start();
