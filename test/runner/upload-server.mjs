/**
 * A real upload endpoint on the test server, for tests that watch a file's bytes leave the browser
 * (test/components/upload-progress.test.ts): `/upload-server/<run>/api/v1/assets/upload`, one state per `<run>`.
 *
 * It stops reading the body after PAUSE_AT bytes, so the browser's count stops part way (the socket's buffers
 * fill), until the test posts `…/<run>/release`; with `?hold` in the endpoint it then keeps its answer until a
 * second release, the time a real server spends with the provider. `GET …/<run>/state` says what it has seen.
 * The answer is PixSim7's upload reply of the era that names no asset (so the gallery fetches nothing after it).
 */
const PAUSE_AT = 1_000_000;
const runs = new Map();

function stateOf(run) {
  if (!runs.has(run)) runs.set(run, { received: 0, waiting: null, release: null, aborted: false, answered: false });
  return runs.get(run);
}

/** Resolves when the test releases the run; `waiting` says for what. */
function waitForRelease(state, what) {
  state.waiting = what;
  return new Promise((resolve) => {
    state.release = () => {
      state.waiting = null;
      state.release = null;
      resolve();
    };
  });
}

export async function uploadServer(ctx, next) {
  const match = /^\/upload-server\/([\w-]+)\/(.*)$/.exec(ctx.path);
  if (!match) return next();
  const [, run, rest] = match;
  const state = stateOf(run);
  if (rest === 'state' && ctx.method === 'GET') {
    ctx.body = { received: state.received, waiting: state.waiting, aborted: state.aborted, answered: state.answered };
    return;
  }
  if (rest === 'release' && ctx.method === 'POST') {
    state.release?.();
    ctx.body = { released: true };
    return;
  }
  if (rest.endsWith('api/v1/assets/upload') && ctx.method === 'POST') {
    const req = ctx.req;
    // A cancelled upload's connection ends mid-body, which Node's parser reports once it reads again (after the
    // release): what the test expects, not a server fault for the runner to print.
    const onerror = ctx.onerror.bind(ctx);
    ctx.onerror = (error) => (error?.code === 'HPE_INVALID_EOF_STATE' ? undefined : onerror(error));
    // A paused request hears of its connection's end only once it reads again (after the release).
    const ended = new Promise((resolve) => {
      req.on('end', () => resolve(true));
      req.on('close', () => resolve(req.complete));
      req.socket.once('close', () => resolve(req.complete));
    });
    let paused = false;
    req.on('data', (chunk) => {
      state.received += chunk.length;
      if (paused || state.received < PAUSE_AT) return;
      paused = true;
      req.pause();
      void waitForRelease(state, 'body').then(() => req.resume());
    });
    if (!(await ended)) {
      state.aborted = true;
      state.release?.();
      // No one to answer; a status of its own, or the runner would list Koa's default 404 as a missing file.
      ctx.status = 400;
      ctx.respond = false;
      return;
    }
    if ('hold' in ctx.query) await waitForRelease(state, 'answer');
    state.answered = true;
    ctx.body = {
      provider_id: 'pixverse',
      media_type: 'video',
      external_url: 'https://media.example/uploaded.mp4',
      provider_asset_id: 'px-77',
      note: 'Uploaded via OpenAPI',
    };
    return;
  }
  return next();
}
