// CLI: `npm run sandbox -- [--port 3000] [--host 127.0.0.1] [--public-url URL] [--contact-update-shape full|session]`.
import { parseArgs } from 'node:util';
import { startSandbox } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' }, host: { type: 'string', default: '127.0.0.1' }, 'public-url': { type: 'string' },
    'contact-update-shape': { type: 'string', default: 'full' },
  },
});
const shape = values['contact-update-shape'];
if (shape !== 'full' && shape !== 'session') {
  console.error(`Invalid --contact-update-shape: ${shape} (full or session)`);
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${values.port}`);
  process.exit(2);
}

const sandbox = await startSandbox({ port, host: values.host, publicUrl: values['public-url'], config: { contact_update_shape: shape } }).catch((e: Error) => {
  console.error(`Sandbox could not listen on ${values.host}:${port}: ${e.message}`);
  process.exit(1);
});
for (const inbox of sandbox.state.inboxes) {
  const hmac = inbox.hmacMandatory ? `, HMAC mandatory, token ${inbox.hmacToken}` : ', open';
  console.log(`Inbox "${inbox.name}": installation URL ${sandbox.url}  inbox identifier ${inbox.identifier}${hmac}`);
}
console.log(`Agent console: ${sandbox.url}/sandbox/`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
