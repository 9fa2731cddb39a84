import { register } from 'node:module';

register('./bundler-hooks.mjs', import.meta.url);
