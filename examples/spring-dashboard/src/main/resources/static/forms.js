// The dashboard's forms: creating a campaign, uploading leads as CSV, asking a lead's dial
// decision. Loaded before dashboard.js, whose state and select() they use when called.
'use strict';

// --- leads and campaigns ----------------------------------------------------------------------

async function upload() {
  const file = $('csv-file').files[0];
  const out = $('import-result');
  if (!file) { out.textContent = 'Choose a CSV file first.'; return; }
  try {
    showImport(await Api.post(`/api/campaigns/${state.selected}/leads`, file, 'text/csv'), null);
  } catch (e) {
    showImport(e.problem && e.problem.report, e.message);
  }
}

function showImport(result, error) {
  const out = $('import-result');
  out.replaceChildren();
  const p = document.createElement('p');
  p.id = 'import-summary';
  p.textContent = (error ? error + ' ' : '') +
    (result ? `${result.rowsRead} rows read: ${result.inserted} added, ${result.rejected} rejected.` : '');
  out.appendChild(p);
  if (result && result.rejectedRows.length) {
    const table = document.createElement('table');
    table.appendChild(row(['Line', 'Reason', 'Column', 'Message']));
    result.rejectedRows.forEach((r) =>
      table.appendChild(row([r.line, r.reason, r.column, r.message], { class: 'rejected', 'data-line': r.line })));
    out.appendChild(table);
  }
}

async function decide(leadId) {
  const out = $('decision');
  try {
    const d = await Api.get(`/api/leads/${encodeURIComponent(leadId)}/decision`);
    out.textContent = `${d.kind} (${d.reason}): ${d.detail}. Attempts: ${d.attempts}` +
      (d.nextAttemptAt ? `, next attempt ${Format.time(d.nextAttemptAt)}` : '');
    out.dataset.kind = d.kind;
  } catch (e) {
    out.textContent = e.message;
    out.dataset.kind = 'error';
  }
}

async function create(form) {
  $('create-error').textContent = '';
  const f = new FormData(form);
  const body = {
    name: f.get('name'),
    agent: { kind: 'ANSWER_URL', target: f.get('answerUrl') },
    callerIds: [f.get('callerId')],
    maxConcurrentCalls: f.get('maxConcurrentCalls') ? Number(f.get('maxConcurrentCalls')) : null,
  };
  if (f.get('retry')) body.retry = { retryOn: ['NO_ANSWER', 'BUSY'], maxAttempts: 2, backoff: 'PT10S' };
  try {
    const summary = await Api.post('/api/campaigns', body);
    state.campaigns.set(summary.id, summary);
    await select(summary.id);
  } catch (e) {
    $('create-error').textContent = e.message;
  }
}
