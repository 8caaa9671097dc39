// The operations in a real n8n in regular mode, run with `n8n execute`; the tests are in suites/operations.ts.
import { operationsSuite } from './suites/operations';

operationsSuite('regular');
