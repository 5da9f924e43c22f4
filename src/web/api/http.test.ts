import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl, configureApi, toApiError } from './http.js';

describe(buildUrl.name, () => {
  it('should prefix the API base and drop empty query values', () => {
    expect(buildUrl('/users', { q: '张', unitId: 3, role: undefined, active: false, cursor: '' })).toBe(
      '/api/v1/users?q=%E5%BC%A0&unitId=3&active=false',
    );
    expect(buildUrl('/me')).toBe('/api/v1/me');
  });
});

describe(toApiError.name, () => {
  it('should read a problem document', async () => {
    const body = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'username_taken',
      detail: 'taken',
      field: 'username',
    };
    const response = new Response(JSON.stringify(body), {
      status: 409,
      headers: { 'content-type': 'application/problem+json' },
    });
    const error = await toApiError(response);
    expect(error).toMatchObject({ status: 409, code: 'username_taken', detail: 'taken', field: 'username' });
  });

  it('should fall back when the body is not a problem document', async () => {
    const error = await toApiError(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error).toMatchObject({ status: 502, code: 'unexpected_response' });
  });
});

describe(apiRequest.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('should send the UI language, JSON body and same-origin credentials', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 1 }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    configureApi({ getLanguage: () => 'zh-TW' });
    await expect(apiRequest('/units', { method: 'POST', body: { name: 'x' } })).resolves.toEqual({ id: 1 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/units');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toMatchObject({ 'Accept-Language': 'zh-TW', 'Content-Type': 'application/json' });
    expect(init.body).toBe('{"name":"x"}');
  });

  it('should call the 401 hook except when told not to', async () => {
    const onUnauthorized = vi.fn();
    configureApi({ onUnauthorized });
    const unauthenticated = () =>
      new Response(JSON.stringify({ code: 'unauthenticated', status: 401, detail: 'sign in' }), {
        status: 401,
        headers: { 'content-type': 'application/problem+json' },
      });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => unauthenticated()),
    );
    await expect(apiRequest('/me')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(apiRequest('/auth/login', { method: 'POST', body: {}, skipAuthRedirect: true })).rejects.toMatchObject(
      {
        code: 'unauthenticated',
      },
    );
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('should turn a failed connection into a network_error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('should return undefined for 204 No Content', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});
