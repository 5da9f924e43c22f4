/**
 * Where the test server listens and how its first admin signs in; shared by the Playwright
 * config, the server launcher and the specs. LUOSHI_E2E_BASE_URL points the specs at a server
 * you started yourself (then LUOSHI_E2E_ADMIN_PASSWORD must be its admin password).
 */
export const E2E_PORT = 3210;
export const E2E_EXTERNAL_URL = process.env.LUOSHI_E2E_BASE_URL;
export const E2E_BASE_URL = E2E_EXTERNAL_URL ?? `http://127.0.0.1:${E2E_PORT}`;
export const E2E_ADMIN_USERNAME = 'admin';
export const E2E_ADMIN_PASSWORD = process.env.LUOSHI_E2E_ADMIN_PASSWORD ?? 'e2e-admin-pass-123';
