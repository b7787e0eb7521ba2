// The dashboard: the tenant's campaigns, the selected one's progress, calls and timelines, kept
// live by the server-sent events of /api/events. State loaded over REST is the starting point;
// events then move it, and each campaign's progress only moves forward in time (its "at").
'use strict';

const TERMINAL = new Set(['COMPLETED', 'VOICEMAIL', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED']);
const FINAL = new Set(['COMPLETED', 'CANCELED', 'FAILED']);
const CAMPAIGN_EVENTS = ['ProgressUpdated', 'CampaignStarted', 'CampaignPaused', 'CampaignResumed',
  'CampaignScheduled', 'CampaignCompleted', 'CampaignCanceled', 'CampaignFailed',
  'CampaignAwaitingCallerIds'];
const MAX_ACTIVITY = 50;
// Dialkit throttles progress events (one per 250 ms per campaign) and sends none for the last
// changes of a burst: after a lull in call events the page asks for the progress once.
const LULL_MS = 750;

const $ = (id) => document.getElementById(id);
const state = {
  campaigns: new Map(), selected: null, active: new Map(), events: null, timelineCall: null, lull: null,
};

// --- campaigns and progress --------------------------------------------------------------------

async function loadCampaigns() {
  const list = await Api.get('/api/campaigns');
  state.campaigns = new Map(list.map((c) => [c.id, c]));
  renderCampaignList();
  const keep = state.selected && state.campaigns.has(state.selected);
  const first = list.find((c) => !FINAL.has(c.status)) || list[list.length - 1];
  if (keep || first) await select(keep ? state.selected : first.id);
  else $('campaign').hidden = true;
}

function renderCampaignList() {
  const ul = $('campaigns');
  ul.replaceChildren();
  [...state.campaigns.values()].reverse().forEach((c) => {
    const li = document.createElement('li');
    li.dataset.id = c.id;
    li.className = c.id === state.selected ? 'selected' : '';
    li.textContent = c.name;
    const small = document.createElement('small');
    small.textContent = `${c.progress.status} · ${finished(c.progress)} of ${c.progress.total}`;
    li.appendChild(small);
    li.onclick = () => select(c.id);
    ul.appendChild(li);
  });
}

function finished(p) {
  return p.done + p.failed + p.skipped;
}

async function select(id) {
  state.selected = id;
  state.active.clear();
  $('activity').replaceChildren();
  $('timeline-panel').hidden = true;
  $('import-result').replaceChildren();
  $('decision').textContent = '';
  delete $('decision').dataset.kind;
  $('action-error').textContent = '';
  const summary = await Api.get(`/api/campaigns/${id}`);
  state.campaigns.set(id, summary);
  $('campaign').hidden = false;
  $('campaign-name').textContent = summary.name;
  $('campaign').dataset.id = id;
  showProgress(summary.progress, true);
  const calls = await Api.get(`/api/campaigns/${id}/active-calls`);
  calls.forEach((call) => state.active.set(call.id, call));
  renderActive();
  renderCampaignList();
}

// applies a progress snapshot unless a later one was shown already
function showProgress(p, force) {
  const c = state.campaigns.get(p.campaignId);
  if (c && !force && c.progress && Date.parse(c.progress.at) > Date.parse(p.at)) return;
  if (c) {
    c.progress = p;
    c.status = p.status;
  }
  if (p.campaignId !== state.selected) return;
  const done = finished(p);
  const pct = p.total ? Math.floor((done * 100) / p.total) : 0;
  const bar = $('progress');
  bar.dataset.percent = pct;
  bar.setAttribute('aria-valuenow', pct);
  $('progress-fill').style.width = pct + '%';
  $('progress-text').textContent = `${done} of ${p.total} leads finished (${pct} %), ${p.queued} queued`;
  ['completed', 'voicemail', 'noAnswer', 'busy', 'callsFailed', 'canceled', 'callsPlaced', 'inProgress']
    .forEach((k) => { $('count-' + k).textContent = p[k]; });
  $('stat-successRate').textContent = Format.percent(p.successRate);
  $('stat-answerRate').textContent = Format.percent(p.answerRate);
  $('stat-averageDuration').textContent = Format.duration(Format.millis(p, 'averageDuration'));
  $('stat-eta').textContent = Format.duration(Format.millis(p, 'eta'));
  const pill = $('campaign-status');
  pill.textContent = p.status;
  pill.dataset.status = p.status;
  $('start').disabled = p.status !== 'DRAFT';
  $('pause').disabled = p.status !== 'RUNNING' && p.status !== 'SCHEDULED';
  $('resume').disabled = p.status !== 'PAUSED';
  $('cancel').disabled = FINAL.has(p.status);
}

async function act(action) {
  $('action-error').textContent = '';
  const id = state.selected;
  const query = action === 'cancel' ? `?hangUp=${$('hang-up').checked}` : '';
  try {
    const summary = await Api.post(`/api/campaigns/${id}/${action}${query}`);
    showProgress(summary.progress, true);
    renderCampaignList();
  } catch (e) {
    $('action-error').textContent = e.message;
  }
}

// --- calls --------------------------------------------------------------------------------------

function onCall(event) {
  const call = event.call;
  if (call.campaignId !== state.selected) return;
  if (TERMINAL.has(call.status)) state.active.delete(call.id);
  else state.active.set(call.id, call);
  renderActive();
  const moved = event.previousStatus && event.previousStatus !== call.status;
  const change = moved ? `${event.previousStatus} → ${call.status}` : call.status;
  const tr = row([Format.time(event.occurredAt), call.to, change], { 'data-call-id': call.id });
  tr.onclick = () => showTimeline(call.id);
  const body = $('activity');
  body.prepend(tr);
  while (body.children.length > MAX_ACTIVITY) body.lastChild.remove();
  clearTimeout(state.lull);
  state.lull = setTimeout(() => refreshProgress(call.campaignId), LULL_MS);
}

async function refreshProgress(id) {
  if (id !== state.selected) return;
  try {
    showProgress(await Api.get(`/api/campaigns/${id}/progress`), false);
    renderCampaignList();
  } catch (e) {
    showLoadError(e);
  }
}

function renderActive() {
  const calls = [...state.active.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  $('active-calls').replaceChildren(...calls.map((c) => row([c.id, c.to, c.status])));
}

async function showTimeline(callId) {
  state.timelineCall = callId;
  const page = await Api.get(`/api/calls/${callId}/timeline`);
  $('timeline-call').textContent = callId;
  $('timeline').replaceChildren(
    ...page.items.map((e) => row([Format.time(e.at), e.event, e.status, e.detail])));
  $('timeline-panel').hidden = false;
}

// --- live events --------------------------------------------------------------------------------

function connect() {
  if (state.events) state.events.close();
  const es = new EventSource(`/api/events?tenant=${encodeURIComponent(Api.tenant())}`);
  state.events = es;
  const pill = $('connection');
  es.onopen = () => {
    pill.textContent = 'live';
    pill.dataset.state = 'live';
    loadCampaigns().catch(showLoadError); // catch up with what happened while disconnected
  };
  es.onerror = () => {
    pill.textContent = 'reconnecting';
    pill.dataset.state = 'connecting';
  };
  CAMPAIGN_EVENTS.forEach((type) => es.addEventListener(type, (m) => {
    const event = JSON.parse(m.data);
    if (!state.campaigns.has(event.progress.campaignId)) return;
    showProgress(event.progress, false);
    renderCampaignList();
  }));
  es.addEventListener('CallUpdated', (m) => onCall(JSON.parse(m.data)));
}

function showLoadError(e) {
  $('action-error').textContent = e.message;
}

function init() {
  $('start').onclick = () => act('start');
  $('pause').onclick = () => act('pause');
  $('resume').onclick = () => act('resume');
  $('cancel').onclick = () => act('cancel');
  $('upload').onclick = upload;
  $('decide').onclick = () => decide($('lead-id').value.trim());
  $('timeline-decision').onclick = () => decide(Format.leadOf(state.timelineCall));
  $('create-form').onsubmit = (e) => { e.preventDefault(); create(e.target); };
  $('tenant').onchange = (e) => {
    Api.setTenant(e.target.value.trim());
    state.selected = null;
    connect();
  };
  Api.setTenant($('tenant').value.trim());
  connect();
}

init();
