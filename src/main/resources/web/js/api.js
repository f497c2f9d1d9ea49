// The dashboard's API client: same-origin JSON, the session's CSRF token on writes.
let csrf = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : 'HTTP ' + status);
    this.status = status;
    this.code = body && body.error;
  }
}

async function parse(r) {
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new ApiError(r.status, body);
  return body;
}

export async function get(path) {
  return parse(await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }));
}

export async function token() {
  if (!csrf) {
    const s = await get('/api/session');
    csrf = { header: s.csrf_header, value: s.csrf_token };
  }
  return csrf;
}

export async function post(path, body) {
  const t = await token();
  return parse(await fetch(path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [t.header]: t.value },
    body: JSON.stringify(body || {}),
  }));
}
