/**
 * `npm run mock-server -- --port 8787 --scenario provider-down`: the mock backend as a real HTTP server.
 * Point an `<asset-gallery endpoint="http://127.0.0.1:8787/api/v1/assets">` at it. The event socket is at
 * `ws://127.0.0.1:8787/api/v1/ws/events` (and `/ws/generations`); `--no-socket` plays a server without one.
 */
import { parseArgs } from 'node:util';
import { createMockBackend } from './handlers.js';
import { startMockServer } from './node-server.js';
import { isScenarioName, SCENARIO_DESCRIPTIONS, SCENARIO_NAMES } from './scenarios.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string', default: 'default' },
    endpoint: { type: 'string', default: '/api/v1/assets' },
    seed: { type: 'string' },
    count: { type: 'string' },
    'no-socket': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !isScenarioName(values.scenario)) {
  if (!values.help) console.error(`Unknown scenario "${values.scenario}".`);
  console.log('Usage: npm run mock-server -- [--port 8787] [--host 127.0.0.1] [--scenario NAME] [--seed N] [--count N] [--endpoint PATH] [--no-socket]\n\nScenarios:');
  for (const name of SCENARIO_NAMES) console.log(`  ${name.padEnd(20)} ${SCENARIO_DESCRIPTIONS[name]}`);
  process.exit(values.help ? 0 : 2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

const backend = createMockBackend({
  scenario: values.scenario,
  endpoint: values.endpoint,
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  ...(values.count ? { count: Number(values.count) } : {}),
  ...(values['no-socket'] ? { socket: false } : {}),
});
const server = await startMockServer({ handlers: backend.handlers, socket: backend.socket, port, host: values.host });
const sockets = backend.socket.available ? `, events on ${server.url.replace(/^http/, 'ws')}${backend.socket.paths[0]}` : ', no event socket';
console.log(`Mock PixSim7 backend (${values.scenario}, ${backend.db.assets.length} assets) on ${server.url}${values.endpoint}${sockets}`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
