// Small fetch helpers for the CityTwin REST API (JSON, camelCase).

export class HttpError extends Error {
  constructor(status, url) {
    super(`HTTP ${status} for ${url}`);
    this.status = status;
  }
}

export async function getJson(url, { signal } = {}) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!res.ok) throw new HttpError(res.status, url);
  return res.json();
}

export async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new HttpError(res.status, url);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** Retries a loader with capped exponential backoff until it succeeds. */
export async function retry(fn, { first = 500, max = 10000, onError } = {}) {
  let delay = first;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      onError?.(e);
      await new Promise(r => setTimeout(r, delay));
      delay = Math.min(max, delay * 2);
    }
  }
}
