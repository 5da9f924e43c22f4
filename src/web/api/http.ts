import type { ErrorCode, Problem } from '../../shared/problem.js';

/** Codes the client itself produces when no problem document came back. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

/** One failed API call: the server's problem document, or a client-side stand-in for it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly detail: string;
  readonly field: string | undefined;
  readonly errors: NonNullable<Problem['errors']>;
  readonly requestId: string | undefined;

  constructor(status: number, problem: Omit<Partial<Problem>, 'code'> & { code: ErrorCode | ClientErrorCode }) {
    super(problem.detail || problem.title || problem.code);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.detail = problem.detail ?? '';
    this.field = problem.field;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }
}

/** True when `error` is an ApiError, optionally with the given code. */
export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

interface ApiHooks {
  /** The UI language, sent as Accept-Language so `detail` comes back translated. */
  getLanguage: () => string;
  /** Called on any 401 outside the login call: the session is gone. */
  onUnauthorized: () => void;
}

const hooks: ApiHooks = { getLanguage: () => 'zh-CN', onUnauthorized: () => {} };

/** Wires the client to the app (language, where to go on 401) without importing either. */
export function configureApi(next: Partial<ApiHooks>): void {
  Object.assign(hooks, next);
}

export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** The login call answers 401 for a wrong password; that must not bounce to /login. */
  skipAuthRedirect?: boolean;
}

/** Builds `/api/v1/path?x=1`, dropping empty, null and undefined values. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/** Turns a non-2xx response into an ApiError, whatever its body holds. */
export async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Partial<Problem>;
      if (problem && typeof problem.code === 'string')
        return new ApiError(response.status, { ...problem, code: problem.code });
    } catch {
      // fall through to the generic error below
    }
  }
  return new ApiError(response.status, { code: 'unexpected_response', title: response.statusText });
}

/** Calls the API and returns the parsed JSON body (undefined for 204). Throws ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': hooks.getLanguage() };
  const hasBody = options.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network_error' });
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.skipAuthRedirect) hooks.onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
