/**
 * `executeServerCommand('press-keys', ['Shift', 'Tab'])`: a key, or a chord (every key but the last held down while
 * the last is pressed), in each engine the suite runs in. @web/test-runner-commands' sendKeys cannot hold keys
 * through WebDriver, and its key names are each launcher's own: 'Space' is known to puppeteer over CDP but not over
 * BiDi (Firefox). The names here are the ones all three know: one character (' ' for the space bar) or a name below.
 */
const NAMED_KEYS = new Set([
  ...['Tab', 'Enter', 'Escape', 'Backspace', 'Delete', 'Home', 'End', 'PageUp', 'PageDown'],
  ...['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Shift', 'Control', 'Alt', 'Meta'],
]);

export const pressKeysPlugin = {
  name: 'press-keys',
  async executeCommand({ command, payload, session }) {
    if (command !== 'press-keys') return undefined;
    const keys = payload;
    if (!Array.isArray(keys) || keys.length === 0) throw new Error('press-keys takes a non-empty array of keys');
    const unknown = keys.filter((key) => typeof key !== 'string' || ([...key].length !== 1 && !NAMED_KEYS.has(key)));
    if (unknown.length > 0) throw new Error(`press-keys: ${JSON.stringify(unknown)} is not a key every engine knows (the space bar is ' ')`);
    const held = keys.slice(0, -1);
    const last = keys.at(-1);
    if (session.browser.type === 'puppeteer') {
      const { keyboard } = session.browser.getPage(session.id);
      for (const key of held) await keyboard.down(key);
      try {
        await keyboard.press(last);
      } finally {
        for (const key of held.toReversed()) await keyboard.up(key);
      }
      return true;
    }
    if (session.browser.type === 'webdriver') {
      // webdriverio's keys(): every key down in order, then every key up, in one action sequence (its names as above).
      await session.browser.sendKeys(session.id, keys);
      return true;
    }
    throw new Error(`press-keys does not support ${session.browser.type}`);
  },
};
