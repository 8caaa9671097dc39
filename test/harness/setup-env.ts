/**
 * Jest `setupFiles` entry: runs in every test file's sandbox before any test module (and so
 * before n8n-core) is loaded.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core's InstanceSettings writes `<N8N_USER_FOLDER>/.n8n/config` (with a fresh encryption key)
// the first time it is resolved. A throw-away folder keeps tests away from the developer's ~/.n8n.
const userFolder = mkdtempSync(join(tmpdir(), 'n8n-harness-'));
process.env.N8N_USER_FOLDER = userFolder;
// Remembered so that shutdownHarness() deletes only a folder this file created.
process.env.N8N_HARNESS_USER_FOLDER = userFolder;

// The config file holds a secret; without this n8n-core warns about its permissions on every run.
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
// Quiet runs: n8n's logger and error reporter would otherwise print every node failure a test
// provokes on purpose, and nothing may phone home from a test.
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_VERSION_NOTIFICATIONS_ENABLED = 'false';
