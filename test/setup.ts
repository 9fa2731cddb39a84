import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureLogging } from '../main/log/logger';

// Tests never write to the developer's real log folder, and keep the console quiet.
configureLogging({ dir: process.env.VITRINE_LOG_DIR ?? mkdtempSync(join(tmpdir(), 'vitrine-test-logs-')), console: false, level: 'debug' });
