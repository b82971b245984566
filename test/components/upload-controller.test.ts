import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HttpError, type Asset, type AssetsClient } from '../../src/api/index.js';
import { UploadController, type Uploader } from '../../src/components/asset-gallery/uploads/upload-controller.js';
import type { UploadCompleteDetail, UploadErrorDetail, UploadRequestDetail } from '../../src/components/shared/events.js';
import { de } from '../../src/locales/de.js';
import { copyFor, getCopy, registerLocale, resetCopy, type Copy, type UploadOutcome } from '../../src/status/index.js';
import { waitUntil } from '../helpers.js';

/** An upload held open until the test answers it; an abort rejects it, as fetch does. */
interface Held {
  request: UploadRequestDetail;
  signal: AbortSignal;
  answer: (reply: unknown) => void;
  fail: (error: unknown) => void;
}

/** The least a host needs: the controller, its callbacks recorded, its words and its uploader set by the test. */
class UploadHost extends LitElement {
  words: Copy = getCopy();
  held: Held[] = [];
  uploaded: Array<{ outcome: UploadOutcome; assetId: number | undefined; newAssetId: number | undefined; madeNew: boolean }> = [];
  refused: number[] = [];
  client: AssetsClient = {} as AssetsClient;
  uploader: Uploader | undefined = (request, signal) =>
    new Promise((answer, fail) => {
      this.held.push({ request, signal, answer, fail });
      signal.addEventListener('abort', () => fail(signal.reason), { once: true });
    });

  readonly uploads = new UploadController(this, {
    client: () => this.client,
    uploader: () => this.uploader,
    uploaded: (outcome, assetId, newAssetId, madeNew) => this.uploaded.push({ outcome, assetId, newAssetId, madeNew }),
    refused: (assetId) => this.refused.push(assetId),
    copy: () => this.words,
    numbers: (values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)])),
  });
}
customElements.define('upload-controller-host', UploadHost);

const asset = (id: number): Asset =>
  ({ id, provider_id: 'pixverse', provider_status: 'local_only', file_url: `https://files.example/${id}.png`, remote_url: null }) as unknown as Asset;
const png = (name = 'koi.png') => new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' });
const ACCEPTED = { provider_id: 'pixverse', note: 'Uploaded to provider successfully' };
/** A timeout queued now runs after the current task, and after every microtask queued in it. */
const endOfTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const mount = () => fixture<UploadHost>(html`<upload-controller-host></upload-controller-host>`);
const leavingPrompts = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('UploadController: the host switched data source (sourceChanged)', () => {
  it('empties the cards’ states; an old re-upload’s answer changes no card and reaches no callback, but its event fires', async () => {
    const host = await mount();
    void host.uploads.reupload(asset(1), 'pixverse');
    expect(host.uploads.assetStates.get(1)?.phase).to.equal('running');
    host.uploads.sourceChanged();
    expect(host.uploads.assetStates.get(1)).to.equal(undefined);
    expect(host.uploads.assetStates.size).to.equal(0);
    const completed = oneEvent(host, 'upload-complete') as Promise<CustomEvent<UploadCompleteDetail>>;
    host.held[0]?.answer(ACCEPTED);
    expect((await completed).detail).to.deep.include({ assetId: 1, providerSucceeded: true, message: 'Uploaded to Pixverse' });
    await host.updateComplete;
    expect(host.uploads.assetStates.get(1)).to.equal(undefined);
    expect(host.uploaded).to.deep.equal([]);
    // The live region would read it as news about the list shown now, whose asset 1 is another one.
    expect(host.uploads.message).to.equal('');
  });

  it('lets the new source’s asset with the same id upload while the old one is still running', async () => {
    const host = await mount();
    void host.uploads.reupload(asset(1), 'pixverse');
    host.uploads.sourceChanged();
    const again = host.uploads.reupload(asset(1), 'pixverse');
    expect(again).not.to.equal(null);
    expect(host.held).to.have.length(2);
    host.held[1]?.answer(ACCEPTED);
    expect(await again).to.equal('accepted');
    const failed = oneEvent(host, 'upload-error');
    host.held[0]?.fail(new HttpError(500, 'old backend down'));
    await failed;
    // The new one's outcome stays on the card; the old one's failure neither replaces it nor asks for a refresh.
    expect(host.uploads.message).to.equal('Uploaded to Pixverse');
    expect(host.uploads.assetStates.get(1)).to.deep.include({ phase: 'done', message: 'Uploaded to Pixverse' });
    expect(host.uploaded.map((call) => call.assetId)).to.deep.equal([1]);
    expect(host.refused).to.deep.equal([]);
  });

  it('does not call refused for an old re-upload the server refused; upload-error still fires', async () => {
    const host = await mount();
    void host.uploads.reupload(asset(7), 'pixverse');
    host.uploads.sourceChanged();
    const failed = oneEvent(host, 'upload-error') as Promise<CustomEvent<UploadErrorDetail>>;
    host.held[0]?.fail(new HttpError(500, 'provider down'));
    expect((await failed).detail).to.deep.include({ assetId: 7 });
    expect(host.refused).to.deep.equal([]);
    expect(host.uploads.assetStates.get(7)).to.equal(undefined);
  });

  it('keeps a file row’s own outcome across the switch, without adding the file to the new source', async () => {
    const host = await mount();
    host.uploads.addFiles([png('kept.png'), png('failing.png')], 'pixverse');
    await waitUntil(() => host.held.length === 2);
    host.uploads.sourceChanged();
    host.held[0]?.answer(ACCEPTED);
    host.held[1]?.fail(new HttpError(502, 'Provider upload failed'));
    await waitUntil(() => host.uploads.rows.length === 1 && host.uploads.rows[0]?.state?.phase === 'failed');
    expect(host.uploads.rows[0]?.label).to.equal('failing.png');
    expect(host.uploads.rows[0]?.state).to.deep.include({ message: 'The server could not complete the request (HTTP 502): Provider upload failed' });
    expect(host.uploaded).to.deep.equal([]);
  });

  it('cancels a bulk re-upload of the old list at once: nothing more starts, and a new one can begin', async () => {
    const host = await mount();
    const assets = [1, 2, 3, 4, 5].map(asset);
    const run = host.uploads.reuploadAll(assets, () => 'pixverse');
    await waitUntil(() => host.held.length === 3);
    host.uploads.sourceChanged();
    expect(host.uploads.bulk).to.deep.include({ running: false, cancelled: true, done: 0, total: 5 });
    expect(host.uploads.message).to.equal('Re-upload cancelled after 0 of 5');
    expect(host.held.every((held) => held.signal.aborted)).to.equal(true);
    await run;
    expect(host.held).to.have.length(3);
    expect(host.uploads.assetStates.size).to.equal(0);
    const next = host.uploads.reuploadAll([asset(9)], () => 'pixverse');
    await waitUntil(() => host.held.length === 4);
    expect(host.held[3]?.request.assetId).to.equal(9);
    host.held[3]?.answer(ACCEPTED);
    await next;
    expect(host.uploads.bulk).to.deep.include({ running: false, cancelled: false, accepted: 1 });
  });

  it('asks the new backend again for its reupload route, and keeps nothing an old upload learned of the old one', async () => {
    const host = await mount();
    host.uploader = undefined;
    const calls: string[] = [];
    let refuseOld: (error: unknown) => void = () => undefined;
    host.client = {
      reupload: (id: number) => {
        calls.push(`reupload ${id}`);
        // The old backend answers late that it has no reupload route; the new one has it.
        return calls.length === 1 ? new Promise((_, reject) => (refuseOld = reject)) : Promise.resolve(ACCEPTED);
      },
      uploadFromUrl: ({ url }: { url: string }) => {
        calls.push(`from url ${url}`);
        return Promise.resolve({ ...ACCEPTED, asset_id: 99 });
      },
    } as unknown as AssetsClient;
    const old = host.uploads.reupload(asset(1), 'pixverse');
    host.uploads.sourceChanged();
    refuseOld(new HttpError(405));
    expect(await old).to.equal('accepted');
    expect(await host.uploads.reupload(asset(2), 'pixverse')).to.equal('accepted');
    expect(calls).to.deep.equal(['reupload 1', 'from url https://files.example/1.png', 'reupload 2']);
  });

  it('asks for the route again after a change of source', async () => {
    const host = await mount();
    host.uploader = undefined;
    const calls: string[] = [];
    host.client = {
      reupload: (id: number) => (calls.push(`reupload ${id}`), Promise.reject(new HttpError(405))),
      uploadFromUrl: () => (calls.push('from url'), Promise.resolve(ACCEPTED)),
    } as unknown as AssetsClient;
    await host.uploads.reupload(asset(1), 'pixverse');
    await host.uploads.reupload(asset(2), 'pixverse');
    host.uploads.sourceChanged();
    await host.uploads.reupload(asset(3), 'pixverse');
    expect(calls).to.deep.equal(['reupload 1', 'from url', 'from url', 'reupload 3', 'from url']);
  });
});

describe('UploadController: taken off the page, or only moved', () => {
  it('goes on through a move: the upload answers, the card shows it, and leaving still asks first', async () => {
    const host = await mount();
    void host.uploads.reupload(asset(1), 'pixverse');
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    try {
      elsewhere.append(host);
      await endOfTask();
      expect(host.held[0]?.signal.aborted).to.equal(false);
      expect(leavingPrompts()).to.equal(true);
      host.held[0]?.answer(ACCEPTED);
      await waitUntil(() => host.uploads.assetStates.get(1)?.phase === 'done');
      expect(host.uploaded.map((call) => call.assetId)).to.deep.equal([1]);
      expect(leavingPrompts()).to.equal(false);
    } finally {
      elsewhere.remove();
    }
  });

  it('goes on through a move done over a few microtasks (a framework’s own scheduling)', async () => {
    const host = await mount();
    host.uploads.addFiles([png('moved.png')], 'pixverse');
    await waitUntil(() => host.held.length === 1);
    const parent = host.parentElement as HTMLElement;
    host.remove();
    await Promise.resolve();
    await Promise.resolve();
    parent.append(host);
    await endOfTask();
    expect(host.held[0]?.signal.aborted).to.equal(false);
    host.held[0]?.answer(ACCEPTED);
    await waitUntil(() => host.uploads.rows.length === 0, 'the uploaded file’s row did not leave');
    expect(host.uploaded).to.have.length(1);
  });

  it('starts the files waiting their turn after a move', async () => {
    const host = await mount();
    host.uploads.addFiles(['1', '2', '3', '4'].map((name) => png(`${name}.png`)), 'pixverse');
    await waitUntil(() => host.held.length === 3);
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    try {
      elsewhere.append(host);
      await endOfTask();
      host.held[0]?.answer(ACCEPTED);
      await waitUntil(() => host.held.length === 4, 'the waiting file did not start');
      host.held.slice(1).forEach((held) => held.answer(ACCEPTED));
      await waitUntil(() => host.uploads.rows.length === 0);
      expect(host.uploaded).to.have.length(4);
    } finally {
      elsewhere.remove();
    }
  });

  it('aborts everything once the task it was removed in is over, starts none of the waiting files, and stops asking before leaving', async () => {
    const host = await mount();
    host.uploads.addFiles(['1', '2', '3', '4'].map((name) => png(`${name}.png`)), 'pixverse');
    await waitUntil(() => host.held.length === 3);
    host.remove();
    await waitUntil(() => host.held.every((held) => held.signal.aborted), 'the uploads were not aborted');
    await waitUntil(() => host.uploads.rows.every((row) => row.state?.phase === 'failed'));
    expect(host.held).to.have.length(3);
    expect(host.uploads.rows.map((row) => row.state)).to.deep.equal(
      Array.from({ length: 4 }, () => ({ phase: 'failed', message: 'The upload was stopped before it finished' })),
    );
    expect(leavingPrompts()).to.equal(false);
  });
});

describe('UploadController: words said when read', () => {
  afterEach(() => resetCopy());

  it('re-words the live region, the cards’ outcomes and the failed rows in the language of the moment', async () => {
    registerLocale('de', de);
    const host = await mount();
    void host.uploads.reupload(asset(1), 'pixverse');
    void host.uploads.reupload(asset(2), 'pixverse');
    host.uploads.addFiles([png('broken.png'), new File(['hi'], 'notes.txt', { type: 'text/plain' })], 'pixverse');
    await waitUntil(() => host.held.length === 3);
    host.held[0]?.answer({ provider_id: 'pixverse', note: 'Asset saved locally; provider upload failed: quota exceeded' });
    host.held[1]?.fail(new HttpError(500, 'provider down'));
    host.held[2]?.fail(new HttpError(502, 'Provider upload failed'));
    await waitUntil(() => host.uploads.rows.find((row) => row.label === 'broken.png')?.state?.phase === 'failed');
    expect(host.uploads.message).to.equal('The server could not complete the request (HTTP 502): Provider upload failed');
    expect(host.uploads.assetStates.get(1)).to.deep.include({ message: 'Saved locally; provider upload failed: quota exceeded', reason: 'quota exceeded' });

    host.words = copyFor('de');
    expect(host.uploads.message).to.equal('Der Server konnte die Anfrage nicht ausführen (HTTP 502): Provider upload failed');
    expect(host.uploads.assetStates.get(1)).to.deep.include({
      phase: 'done',
      status: 'local_only',
      providerSucceeded: false,
      message: 'Lokal gespeichert; Upload zum Anbieter fehlgeschlagen: quota exceeded',
    });
    expect(host.uploads.assetStates.get(2)).to.deep.equal({ phase: 'failed', message: 'Der Server konnte die Anfrage nicht ausführen (HTTP 500): provider down' });
    const states = Object.fromEntries(host.uploads.rows.map((row) => [row.label, row.state]));
    expect(states['broken.png']).to.deep.equal({ phase: 'failed', message: 'Der Server konnte die Anfrage nicht ausführen (HTTP 502): Provider upload failed' });
    expect(states['notes.txt']).to.deep.equal({ phase: 'failed', message: 'Nur Bilder und Videos können hochgeladen werden' });
  });

  it('words a reply as it was when it came, even if the host’s uploader changes the object later', async () => {
    registerLocale('de', de);
    const host = await mount();
    const reply: Record<string, unknown> = { provider_id: 'pixverse', note: 'Uploaded to provider successfully' };
    host.uploader = async () => reply;
    await host.uploads.reupload(asset(1), 'pixverse');
    reply.note = 'Asset saved locally; provider upload failed: changed afterwards';
    host.words = copyFor('de');
    expect(host.uploads.assetStates.get(1)).to.deep.include({ providerSucceeded: true, message: 'Bei Pixverse hochgeladen' });
    expect(host.uploads.message).to.equal('Bei Pixverse hochgeladen');
  });

  it('says a bulk run’s summary with the numbers of the moment’s language', async () => {
    registerLocale('de', de);
    const host = await mount();
    host.uploader = async () => ACCEPTED;
    await host.uploads.reuploadAll([asset(1), asset(2)], () => 'pixverse');
    expect(host.uploads.message).to.equal('Re-upload finished: 2 accepted, 0 still local only, 0 failed');
    host.words = copyFor('de');
    expect(host.uploads.message).to.equal('Erneuter Upload fertig: 2 angenommen, 0 weiterhin nur lokal, 0 fehlgeschlagen');
  });

  it('hands a card the same state object until the state or the words change', async () => {
    registerLocale('de', de);
    const host = await mount();
    host.uploader = async () => ACCEPTED;
    await host.uploads.reupload(asset(1), 'pixverse');
    const first = host.uploads.assetStates.get(1);
    expect(host.uploads.assetStates.get(1)).to.equal(first);
    expect(host.uploads.rows).to.equal(host.uploads.rows);
    host.words = copyFor('de');
    expect(host.uploads.assetStates.get(1)).not.to.equal(first);
    expect([...host.uploads.assetStates.keys()]).to.deep.equal([1]);
    expect([...host.uploads.assetStates.values()].map((state) => state.phase)).to.deep.equal(['done']);
  });
});
