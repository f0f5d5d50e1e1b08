// The merchant's side of the simulator: a page that looks and reads like JTL-Wawi's
// "App-Registrierung" dialog (Admin → App-Registrierung), driven by the control API.

export const ADMIN_HTML = `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>JTL-Wawi – App-Registrierung (Simulator)</title>
<link rel="stylesheet" href="/__admin/admin.css">
<script src="/__admin/admin.js" defer></script>
</head>
<body>
<header class="bar">
  <span class="brand">JTL-Wawi</span>
  <nav aria-label="Pfad">Admin › <strong>App-Registrierung</strong></nav>
  <label class="db">Mandant <select id="db"></select></label>
</header>
<main>
  <section aria-labelledby="h-window" class="card">
    <h1 id="h-window">Registrierung beginnen</h1>
    <p id="window-state" role="status">…</p>
    <div class="actions">
      <button id="open-window" type="button">Hinzufügen</button>
      <button id="close-window" type="button" class="secondary">Dialog schließen</button>
    </div>
  </section>
  <section aria-labelledby="h-pending">
    <h2 id="h-pending">Wartende Registrierungsanfragen</h2>
    <div id="pending"><p class="muted">Keine Anfragen.</p></div>
  </section>
  <section aria-labelledby="h-apps">
    <h2 id="h-apps">Registrierte Apps</h2>
    <table>
      <thead><tr><th>App</th><th>AppId</th><th>Anbieter</th><th>Berechtigungen</th><th>Registriert am</th><th></th></tr></thead>
      <tbody id="apps"></tbody>
    </table>
  </section>
</main>
<footer class="muted">Simulator des JTL-Wawi REST-Servers – nur für Tests und Vorführungen.</footer>
</body>
</html>
`;

export const ADMIN_CSS = `
:root { font-family: "Segoe UI", system-ui, sans-serif; color: #1d2733; background: #eef1f5; }
body { margin: 0; }
.bar { display: flex; gap: 1.5rem; align-items: center; background: #0b3a5b; color: #fff; padding: .6rem 1.2rem; }
.brand { font-weight: 700; letter-spacing: .02em; }
.db { margin-left: auto; }
main { max-width: 960px; margin: 1.5rem auto; padding: 0 1rem; display: grid; gap: 1.5rem; }
.card, .request { background: #fff; border: 1px solid #cfd6de; border-radius: 6px; padding: 1rem 1.2rem; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; } h2 { font-size: 1.1rem; }
.actions { display: flex; gap: .6rem; margin-top: .8rem; }
button { font: inherit; padding: .4rem 1rem; border-radius: 4px; border: 1px solid #0b5cad; background: #0b5cad; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #0b5cad; }
button.danger { background: #b3261e; border-color: #b3261e; }
.request header { display: flex; gap: 1rem; align-items: center; }
.request img { width: 48px; height: 48px; object-fit: contain; }
.scopes { columns: 2; list-style: none; padding: 0; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dde3ea; }
.muted { color: #5b6877; }
footer { text-align: center; padding: 1rem; font-size: .85rem; }
`;

export const ADMIN_JS = `
'use strict';
const $ = (id) => document.getElementById(id);
let db = null;
let lastPending = '';
let lastApps = '';

async function api(path, init) {
  const res = await fetch('/__admin/api/' + path, init);
  if (!res.ok) throw new Error((await res.text()) || res.statusText);
  return res.json();
}
function post(path, body) {
  return api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}) });
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
  return el('ul', { class: 'scopes' }, ...scopes.map((s) =>
    el('li', {}, el('label', {}, el('input', { type: 'checkbox', checked: true, disabled: mandatory, 'data-scope': s, name }), ' ', s))));
}
function renderPending(list) {
  const box = $('pending');
  box.replaceChildren();
  if (!list.length) { box.append(el('p', { class: 'muted' }, 'Keine Anfragen.')); return; }
  for (const r of list) {
    const card = el('article', { class: 'request', 'aria-label': 'Anfrage von ' + r.displayName },
      el('header', {},
        el('img', { src: 'data:image/png;base64,' + r.icon, alt: '' }),
        el('div', {}, el('h3', {}, r.displayName), el('div', { class: 'muted' }, 'Anbieter: ' + r.providerName + ' · Version ' + r.version + ' · ' + r.appId))),
      el('p', {}, r.description),
      el('h4', {}, 'Benötigte Berechtigungen'), scopeList('m-' + r.id, r.mandatoryScopes, true),
      el('h4', {}, 'Optionale Berechtigungen'), scopeList('o-' + r.id, r.optionalScopes, false),
      el('div', { class: 'actions' },
        el('button', { type: 'button', on: { click: () => decide(r, card, true) } }, 'Annehmen'),
        el('button', { type: 'button', class: 'danger', on: { click: () => decide(r, card, false) } }, 'Ablehnen')));
    box.append(card);
  }
}
async function decide(r, card, accept) {
  const granted = [...card.querySelectorAll('input[name="o-' + r.id + '"]:checked')].map((i) => i.dataset.scope);
  await post(db + '/requests/' + encodeURIComponent(r.id) + '/' + (accept ? 'accept' : 'reject'), accept ? { grantedScopes: granted } : {});
  await refresh();
}
function renderApps(list) {
  const body = $('apps');
  body.replaceChildren();
  if (!list.length) { body.append(el('tr', {}, el('td', { colspan: '6', class: 'muted' }, 'Keine Apps registriert.'))); return; }
  for (const a of list) {
    body.append(el('tr', {},
      el('td', {}, a.displayName), el('td', {}, a.appId), el('td', {}, a.providerName),
      el('td', {}, a.grantedScopes.join(', ')), el('td', {}, new Date(a.registeredAt).toLocaleString('de-DE')),
      el('td', {}, el('button', { type: 'button', class: 'danger', 'aria-label': a.displayName + ' entfernen', on: { click: async () => {
        await api(db + '/apps/' + encodeURIComponent(a.appId), { method: 'DELETE' }); await refresh(); } } }, 'Entfernen'))));
  }
}
async function refresh() {
  const w = await api(db + '/window');
  $('window-state').textContent = w.open
    ? 'Der Registrierungsdialog ist geöffnet und wartet auf eine Anfrage.'
    : 'Kein Registrierungsdialog geöffnet. Klicken Sie auf „Hinzufügen“ und dann auf „Weiter“.';
  $('open-window').disabled = w.open;
  $('close-window').disabled = !w.open;
  const pending = await api(db + '/requests');
  const p = JSON.stringify(pending);
  if (p !== lastPending) { lastPending = p; renderPending(pending); }
  const apps = await api(db + '/apps');
  const a = JSON.stringify(apps);
  if (a !== lastApps) { lastApps = a; renderApps(apps); }
}
async function start() {
  const dbs = await api('databases');
  const sel = $('db');
  for (const d of dbs) sel.append(el('option', { value: d }, d));
  const wanted = new URLSearchParams(location.search).get('db');
  db = dbs.find((d) => d.toLowerCase() === (wanted || '').toLowerCase()) || dbs[0];
  sel.value = db;
  sel.addEventListener('change', () => { db = sel.value; lastPending = lastApps = ''; refresh(); });
  $('open-window').addEventListener('click', async () => { await post(db + '/window', { open: true }); await refresh(); });
  $('close-window').addEventListener('click', async () => { await post(db + '/window', { open: false }); await refresh(); });
  await refresh();
  setInterval(() => refresh().catch(() => {}), 1000);
}
start();
`;
