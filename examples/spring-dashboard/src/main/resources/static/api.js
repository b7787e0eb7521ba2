// The dashboard's talk with the app: the REST API under /api (the tenant in the X-Dialkit-Tenant
// header, errors as RFC 7807 problem details) and formatting of what it answers. Everything shown
// comes from the server as text and is put in the page with textContent, never as HTML.
'use strict';

const Api = (() => {
  let tenant = 'demo';

  class Problem extends Error {
    constructor(problem) {
      super(problem.detail || problem.title || 'request failed');
      this.problem = problem;
    }
  }

  async function request(method, path, body, contentType) {
    const headers = { 'X-Dialkit-Tenant': tenant, Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = contentType || 'application/json';
    }
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined || contentType ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Problem(json || { status: response.status, title: response.statusText });
    }
    return json;
  }

  return {
    Problem,
    setTenant: (t) => { tenant = t; },
    tenant: () => tenant,
    get: (path) => request('GET', path),
    post: (path, body, contentType) => request('POST', path, body, contentType),
  };
})();

const Format = {
  // Dialkit's Jackson module writes durations as milliseconds under "<name>Millis"; a mapper
  // without it writes ISO-8601 ("PT1M2.5S"). Both are read.
  millis(object, name) {
    if (object == null) return null;
    const ms = object[name + 'Millis'];
    if (typeof ms === 'number') return ms;
    const iso = object[name];
    if (typeof iso !== 'string') return null;
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
    return m ? ((+(m[1] || 0) * 60 + +(m[2] || 0)) * 60 + +(m[3] || 0)) * 1000 : null;
  },

  duration(ms) {
    if (ms == null) return '-';
    const s = Math.round(ms / 1000);
    if (s < 60) return s + ' s';
    const m = Math.floor(s / 60);
    return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
  },

  percent(fraction) {
    return Math.round((fraction || 0) * 100) + ' %';
  },

  time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : '';
  },

  // a call id is <leadId>.<attempt>: the lead is everything before the last dot
  leadOf(callId) {
    const dot = callId.lastIndexOf('.');
    return dot > 0 ? callId.substring(0, dot) : callId;
  },
};

// builds a table row of text cells
function row(cells, attributes) {
  const tr = document.createElement('tr');
  Object.entries(attributes || {}).forEach(([k, v]) => tr.setAttribute(k, v));
  cells.forEach((cell) => {
    const td = document.createElement('td');
    td.textContent = cell == null ? '' : String(cell);
    tr.appendChild(td);
  });
  return tr;
}
