// Lets Node (the CLI scripts, run through tsx) import `file?raw` as Vite does: the
// file's text as the default export. Browsers and bundlers get this from Vite itself.
import { register } from 'node:module';

register('./raw-hooks.mjs', import.meta.url);
