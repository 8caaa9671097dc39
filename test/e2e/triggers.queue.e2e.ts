// Both triggers in n8n's queue mode (main, two workers, Redis, PostgreSQL); the tests are in suites/triggers.ts.
import { triggersSuite } from './suites/triggers';

triggersSuite('queue');
