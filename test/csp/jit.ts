/**
 * Negative control of the CSP test: what the gallery's parsing would do without zod's `jitless`. With
 * `zod/compile` loaded, a zod/mini schema is compiled with `new Function` on its first parse; zod catches the
 * EvalError and falls back, but the browser has already reported a `securitypolicyviolation`.
 */
import 'zod/compile';
import * as z from 'zod/mini';

const schema = z.object({ id: z.number(), name: z.nullable(z.string()) });
const result = schema.safeParse({ id: 1, name: 'a' });
document.body.dataset['parsed'] = String(result.success);
