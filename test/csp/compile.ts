/**
 * A host that turned on zod's global compile mode (`import 'zod/compile'`) before the gallery loads: every
 * zod schema built afterwards, the gallery's included, is compiled with `new Function` on its first parse
 * unless zod's `jitless` is set. Under a strict CSP the gallery's own parsing must still evaluate no string.
 */
import 'zod/compile';
import './main.js';
