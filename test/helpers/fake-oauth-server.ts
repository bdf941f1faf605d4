import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { afterEach } from 'vitest';

const running: FakeAuthServer[] = [];

// Each server a test started is closed after it, as temp homes are removed.
afterEach(async () => {
  while (running.length > 0) await running.pop()!.close();
});

/** An unsigned JWT: OpenClaw and authdeck only read the claims. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

export interface FakeAuthServer {
  origin: string;
  /** Environment that points authdeck's OAuth endpoints here. */
  env: Record<string, string>;
  /** Device-code polls answered "pending" before success; or an error to answer instead. */
  device: { pending: number; slowDown: number; error?: 'expired_token' | 'access_denied' };
  /** How the next refresh answers. */
  refreshError?: string;
  /** Refreshed access tokens without OpenAI's account claims. */
  refreshWithoutAccount?: boolean;
  /** A refresh is answered this long after it arrives (refreshCalls counts it on arrival). */
  refreshDelayMs?: number;
  refreshCalls: number;
  /** Device-code polls answered so far. */
  readonly polls: number;
  authorizeRedirectError?: string;
  /** OpenRouter's key exchange refuses with this message (a hostile server's words). */
  keyError?: string;
  /** MiniMax's answers: a refusal's status_msg, a code for another state, the code's life. */
  minimax: { refusal?: string; wrongState?: boolean; codeLifetimeMs?: number; noResourceUrl?: boolean };
  /** The last form posted to the token endpoint (what a refresh sent). */
  readonly lastTokenForm: Record<string, string>;
  /** What the next sign-in answers (a hostile server's words). */
  answer: {
    email: string;
    userCode?: string;
    verificationUri?: string;
    expiresIn?: unknown;
    interval?: unknown;
    paddingBytes?: number;
    /** The access token to send instead of a made-up JWT (a hostile one). */
    accessToken?: string;
  };
  close(): Promise<void>;
}

/**
 * A loopback authorization server for the tests: authorize (the scripted "user" follows its
 * redirect), token (authorization code with PKCE, refresh with rotation, device code), OpenAI's
 * device pairing, GitHub's, xAI's and Radius' device endpoints, xAI's discovery document,
 * OpenRouter's key-issuing PKCE, MiniMax's user-code flow, Chutes' userinfo, Radius' catalog.
 */
/** Closed after the test that started it. */
export async function startFakeAuthServer(): Promise<FakeAuthServer> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const refreshTokens = new Map<string, 'live' | 'used'>();
  let polls = 0;
  let lastTokenForm: Record<string, string> = {};
  const issue = (email = state.answer.email, withAccount = true) => {
    const refresh = `rt-${randomBytes(6).toString('hex')}`;
    refreshTokens.set(refresh, 'live');
    return {
      access_token:
        state.answer.accessToken ??
        fakeJwt({
          jti: randomBytes(6).toString('hex'),
          sub: 'user-1',
          email,
          ...(withAccount
            ? {
                'https://api.openai.com/auth': { chatgpt_account_id: 'acct-123', chatgpt_plan_type: 'plus' },
                'https://api.openai.com/profile': { email },
              }
            : {}),
        }),
      refresh_token: refresh,
      id_token: fakeJwt({ sub: 'user-1', email, name: 'Me' }),
      expires_in: 'expiresIn' in state.answer ? state.answer.expiresIn : 3600,
      token_type: 'Bearer',
      ...(state.answer.paddingBytes ? { padding: 'x'.repeat(state.answer.paddingBytes) } : {}),
    };
  };
  const state: FakeAuthServer = {
    origin: '',
    env: {},
    device: { pending: 1, slowDown: 0 },
    refreshCalls: 0,
    get polls() {
      return polls;
    },
    minimax: {},
    get lastTokenForm() {
      return lastTokenForm;
    },
    answer: { email: 'me@example.com' },
    close: () => new Promise((done) => server.close(() => done())),
  };
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const devicePoll = (res: ServerResponse) => {
    if (state.device.error) return json(res, 400, { error: state.device.error });
    if (state.device.slowDown > 0) {
      state.device.slowDown--;
      return json(res, 400, { error: 'slow_down' });
    }
    if (polls++ < state.device.pending) return json(res, 400, { error: 'authorization_pending' });
    return json(res, 200, issue());
  };
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const form: Record<string, string> = req.headers['content-type']?.includes('json')
      ? (JSON.parse(raw || '{}') as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(raw));
    if (url.pathname === '/oauth/authorize') {
      const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
      if (state.authorizeRedirectError) redirect.searchParams.set('error', state.authorizeRedirectError);
      else {
        const code = `code-${randomBytes(6).toString('hex')}`;
        codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri: redirect.toString() });
        redirect.searchParams.set('code', code);
      }
      redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
      return res.writeHead(302, { location: redirect.toString() }).end();
    }
    if (url.pathname === '/oauth/token') {
      lastTokenForm = form;
      if (form.grant_type === 'authorization_code') {
        const known = codes.get(form.code ?? '');
        const challenge = createHash('sha256')
          .update(form.code_verifier ?? '')
          .digest('base64url');
        if (form.code === 'device-code-1') return json(res, 200, issue());
        if (!known || known.challenge !== challenge || known.redirectUri !== form.redirect_uri)
          return json(res, 400, { error: 'invalid_grant', error_description: 'code, verifier or redirect_uri' });
        codes.delete(form.code ?? '');
        return json(res, 200, issue());
      }
      if (form.grant_type === 'refresh_token') {
        state.refreshCalls++;
        if (state.refreshError) return json(res, 400, { error: state.refreshError });
        const status = refreshTokens.get(form.refresh_token ?? '');
        if (status === 'used') return json(res, 400, { error: 'refresh_token_reused' });
        if (status !== 'live') return json(res, 400, { error: 'invalid_grant' });
        refreshTokens.set(form.refresh_token ?? '', 'used');
        const rotated = issue('me@example.com', !state.refreshWithoutAccount);
        if (state.refreshDelayMs) return void setTimeout(() => json(res, 200, rotated), state.refreshDelayMs);
        return json(res, 200, rotated);
      }
      if (form.grant_type === 'urn:ietf:params:oauth:grant-type:device_code') return devicePoll(res);
      return json(res, 400, { error: 'unsupported_grant_type' });
    }
    if (url.pathname === '/device')
      return json(res, 200, {
        device_code: 'dc-1',
        user_code: state.answer.userCode ?? 'WDJB-MJHT',
        verification_uri: state.answer.verificationUri ?? `${state.origin}/activate`,
        expires_in: 600,
        interval: 'interval' in state.answer ? state.answer.interval : 1,
      });
    if (url.pathname === '/openai/usercode')
      return json(res, 200, {
        device_auth_id: 'da-1',
        user_code: state.answer.userCode ?? 'ABCD-1234',
        interval: 'interval' in state.answer ? state.answer.interval : 1,
      });
    if (url.pathname === '/openai/devicetoken') {
      if (polls++ < state.device.pending) return res.writeHead(403).end();
      return json(res, 200, { authorization_code: 'device-code-1', code_verifier: 'server-made-verifier' });
    }
    if (url.pathname === '/openrouter/auth') {
      // OpenRouter: no redirect_uri; the code is added to the callback_url, whose state rides along.
      const back = new URL(url.searchParams.get('callback_url') ?? '');
      if (state.authorizeRedirectError) back.searchParams.set('error', state.authorizeRedirectError);
      else {
        const code = `code-${randomBytes(6).toString('hex')}`;
        codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri: '' });
        back.searchParams.set('code', code);
      }
      return res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/openrouter/keys') {
      const known = codes.get(form.code ?? '');
      const challenge = createHash('sha256')
        .update(form.code_verifier ?? '')
        .digest('base64url');
      if (state.keyError || !known || known.challenge !== challenge || form.code_challenge_method !== 'S256')
        return json(res, 403, { error: { message: state.keyError ?? 'invalid code or verifier', code: 403 } });
      codes.delete(form.code ?? '');
      return json(res, 200, { key: `sk-or-v1-${randomBytes(8).toString('hex')}`, user_id: 'user_or_1' });
    }
    if (url.pathname === '/minimax/code') {
      if (state.minimax.refusal) return json(res, 500, { base_resp: { status_msg: state.minimax.refusal } });
      codes.set('minimax', { challenge: form.code_challenge ?? '', redirectUri: '' });
      return json(res, 200, {
        user_code: state.answer.userCode ?? 'MM-1234',
        verification_uri: `${state.origin}/minimax/verify`,
        expired_in: Date.now() + (state.minimax.codeLifetimeMs ?? 600_000),
        interval: 2000,
        state: state.minimax.wrongState ? 'another' : form.state,
      });
    }
    if (url.pathname === '/minimax/token') {
      const challenge = createHash('sha256')
        .update(form.code_verifier ?? '')
        .digest('base64url');
      if (
        form.grant_type !== 'urn:ietf:params:oauth:grant-type:user_code' ||
        codes.get('minimax')?.challenge !== challenge
      )
        return json(res, 400, { base_resp: { status_msg: 'bad grant or verifier' } });
      if (state.device.error) return json(res, 200, { status: 'error' });
      if (polls++ < state.device.pending) return json(res, 200, { status: 'pending' });
      return json(res, 200, {
        status: 'success',
        access_token: `mm-${randomBytes(6).toString('hex')}`,
        refresh_token: `mm-rt-${randomBytes(6).toString('hex')}`,
        expired_in: 3600,
        ...(state.minimax.noResourceUrl ? {} : { resource_url: 'https://api.minimax.io/anthropic' }),
        notification_message: state.answer.email,
      });
    }
    if (url.pathname === '/userinfo' || url.pathname === '/radius/config') {
      if (!req.headers.authorization?.startsWith('Bearer ')) return json(res, 401, { error: 'unauthorized' });
      if (url.pathname === '/userinfo') return json(res, 200, { sub: 'chutes-user-1', username: state.answer.email });
      return json(res, 200, { baseUrl: 'https://radius.pi.dev/v1', models: [{ id: 'fast' }, { id: 'balanced' }] });
    }
    if (url.pathname === '/.well-known/openid-configuration')
      return json(res, 200, {
        issuer: state.origin,
        authorization_endpoint: `${state.origin}/oauth/authorize`,
        device_authorization_endpoint: `${state.origin}/device`,
        token_endpoint: `${state.origin}/oauth/token`,
      });
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  running.push(state);
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const o = state.origin;
  state.env = {
    AUTHDECK_OAUTH_OPENAI_CODEX_AUTHORIZE: `${o}/oauth/authorize`,
    AUTHDECK_OAUTH_OPENAI_CODEX_TOKEN: `${o}/oauth/token`,
    AUTHDECK_OAUTH_OPENAI_CODEX_DEVICE_USER_CODE: `${o}/openai/usercode`,
    AUTHDECK_OAUTH_OPENAI_CODEX_DEVICE_TOKEN: `${o}/openai/devicetoken`,
    AUTHDECK_OAUTH_OPENAI_CODEX_DEVICE_VERIFY: `${o}/codex/device`,
    AUTHDECK_OAUTH_GITHUB_COPILOT_DEVICE_CODE: `${o}/device`,
    AUTHDECK_OAUTH_GITHUB_COPILOT_TOKEN: `${o}/oauth/token`,
    AUTHDECK_OAUTH_XAI_DISCOVERY: `${o}/.well-known/openid-configuration`,
    AUTHDECK_OAUTH_XAI_TOKEN: `${o}/oauth/token`,
    AUTHDECK_OAUTH_OPENROUTER_OAUTH_AUTHORIZE: `${o}/openrouter/auth`,
    AUTHDECK_OAUTH_OPENROUTER_OAUTH_TOKEN: `${o}/openrouter/keys`,
    AUTHDECK_OAUTH_MINIMAX_GLOBAL_OAUTH_DEVICE_CODE: `${o}/minimax/code`,
    AUTHDECK_OAUTH_MINIMAX_GLOBAL_OAUTH_TOKEN: `${o}/minimax/token`,
    AUTHDECK_OAUTH_MINIMAX_CN_OAUTH_DEVICE_CODE: `${o}/minimax/code`,
    AUTHDECK_OAUTH_MINIMAX_CN_OAUTH_TOKEN: `${o}/minimax/token`,
    AUTHDECK_OAUTH_CHUTES_AUTHORIZE: `${o}/oauth/authorize`,
    AUTHDECK_OAUTH_CHUTES_TOKEN: `${o}/oauth/token`,
    AUTHDECK_OAUTH_CHUTES_USERINFO: `${o}/userinfo`,
    AUTHDECK_OAUTH_GITHUB_COPILOT_ENTERPRISE_DEVICE_CODE: `${o}/device`,
    AUTHDECK_OAUTH_GITHUB_COPILOT_ENTERPRISE_TOKEN: `${o}/oauth/token`,
    AUTHDECK_OAUTH_RADIUS_DEVICE_CODE: `${o}/device`,
    AUTHDECK_OAUTH_RADIUS_TOKEN: `${o}/oauth/token`,
    AUTHDECK_OAUTH_RADIUS_CATALOG: `${o}/radius/config`,
  };
  return state;
}

/** The person in the browser: opens the link, and is sent back to the loopback listener. */
export async function followAuthorizeLink(link: string, mangleState = false): Promise<number> {
  const first = await fetch(link, { redirect: 'manual' });
  const location = new URL(first.headers.get('location') ?? '');
  if (mangleState) location.searchParams.set('state', 'not-the-state');
  const back = await fetch(location, { redirect: 'manual' });
  return back.status;
}

/** A loopback port free right now, for the sign-in listener (AUTHDECK_OAUTH_CALLBACK_PORT). */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}
