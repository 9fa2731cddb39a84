import { register } from 'node:module';

register('./json-loader.mjs', import.meta.url);
