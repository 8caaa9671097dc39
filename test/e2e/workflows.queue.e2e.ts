// The operations in n8n's queue mode, run on its workers; the tests are in suites/operations.ts.
import { operationsSuite } from './suites/operations';

operationsSuite('queue');
