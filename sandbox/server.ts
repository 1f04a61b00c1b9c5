// Wires the sandbox together: one node:http server for the Client API, /cable, the agent API and console.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAgentApi } from './agent-api';
import { serveAttachment } from './attachments';
import { CableServer } from './cable';
import { CLIENT_API_PREFIX, handleClientApi } from './client-api';
import { Config, defaultConfig, type SandboxConfig } from './config';
import { serveConsole } from './console';
import { Domain } from './domain';
import { Faults } from './faults';
import { sendJson, sendText } from './http';
import { Store } from './state';

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Origin used in absolute URLs (attachments, avatar); defaults to http://host:port. */
  publicUrl?: string;
  /** ActionCable beats every 3 s; tests may shorten it. */
  pingIntervalMs?: number;
  /** Startup values of the config switches (/sandbox/api/config); reset restores them. */
  config?: Partial<SandboxConfig>;
}

export interface Sandbox {
  url: string;
  port: number;
  state: Store;
  domain: Domain;
  faults: Faults;
  config: Config;
  cable: CableServer;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const store = new Store();
  const domain = new Domain(store);
  const faults = new Faults();
  const config = new Config({ ...defaultConfig(), ...options.config });
  const cable = new CableServer(domain, faults, options.pingIntervalMs ?? 3000);

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('[sandbox] request failed:', e);
      if (!res.headersSent) sendJson(res, 500, { status: 500, error: 'Internal Server Error' });
      else res.destroy();
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    if (path.startsWith(CLIENT_API_PREFIX)) return handleClientApi({ domain, faults, config }, req, res, url);
    if (path.startsWith('/sandbox/api/') || path === '/sandbox/api') return handleAgentApi({ domain, faults, config, cable }, req, res, url);
    if (serveConsole(req, res, path)) return;
    if (serveAttachment(store, req, res, path)) return;
    if (path === '/') {
      res.writeHead(302, { Location: '/sandbox/', 'Content-Length': 0 });
      return res.end();
    }
    sendText(res, 404, path === '/cable' ? 'Page not found' : 'Not Found');
  }
  cable.attach(server);
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = options.publicUrl?.replace(/\/+$/, '') ?? `http://${shownHost}:${port}`;
  store.baseUrl = url;

  return {
    url, port, state: store, domain, faults, config, cable,
    close: () =>
      new Promise<void>((resolve) => {
        cable.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
